#include "medtranslate/protocol/Validation.h"

namespace medtranslate::protocol {

bool isValidId(std::string_view id, std::size_t maxBytes)
{
    if (id.empty() || id.size() > maxBytes)
        return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
        if (!ok)
            return false;
    }
    return true;
}

std::size_t utf8Length(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

namespace {

// Unicode White_Space, plus the zero-width characters that show nothing either.
bool isBlank(char32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

} // namespace

bool hasVisibleText(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0x80 && lead < 0xC0)
            return true; // not UTF-8: certainly not white space
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (i + length > text.size())
            return true;
        char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if (!isBlank(cp))
            return true;
        i += length;
    }
    return false;
}

bool isValidEmail(std::string_view email)
{
    if (email.empty() || email.size() > kMaxEmailBytes)
        return false;
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at > 64 ||
        email.find('@', at + 1) != std::string_view::npos)
        return false;
    for (const unsigned char c : email.substr(0, at)) {
        if (c <= 0x20 || c == 0x7f || c == '"' || c == ',' || c == '<' || c == '>' || c == '(' ||
            c == ')' || c == ';' || c == ':' || c == '\\' || c == '[' || c == ']')
            return false;
    }
    const std::string_view domain = email.substr(at + 1);
    if (domain.find('.') == std::string_view::npos)
        return false;
    std::size_t start = 0;
    while (start <= domain.size()) {
        auto end = domain.find('.', start);
        if (end == std::string_view::npos)
            end = domain.size();
        const std::string_view label = domain.substr(start, end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (const unsigned char c : label) {
            // Bytes of non-ASCII letters (internationalised domains) are let through.
            if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '-'))
                return false;
        }
        start = end + 1;
    }
    return true;
}

bool isValidPhone(std::string_view phone)
{
    if (phone.empty() || phone.size() > kMaxPhoneChars)
        return false;
    std::size_t digits = 0;
    bool lastWasSeparator = true; // no separator first, none doubled
    for (std::size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (c >= '0' && c <= '9') {
            ++digits;
            lastWasSeparator = false;
        } else if (c == '+') {
            if (i != 0)
                return false;
        } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
            if (lastWasSeparator && c != '(')
                return false;
            lastWasSeparator = c != ')';
        } else {
            return false;
        }
    }
    return digits >= 7 && digits <= 15;
}

} // namespace medtranslate::protocol
