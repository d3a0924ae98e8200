#include "medtranslate/Language.h"

#include <algorithm>
#include <array>

namespace medtranslate {

const std::vector<Language> &supportedLanguages()
{
    static const std::vector<Language> languages{
        {"ko", "Korean", "한국어"},   {"en", "English", "English"},
        {"ja", "Japanese", "日本語"}, {"zh", "Chinese (Simplified)", "中文"},
        {"th", "Thai", "ภาษาไทย"},    {"vi", "Vietnamese", "Tiếng Việt"},
    };
    return languages;
}

std::optional<Language> findLanguage(std::string_view code)
{
    for (const auto &language : supportedLanguages()) {
        if (language.code == code)
            return language;
    }
    return std::nullopt;
}

bool isPatientLanguage(std::string_view code)
{
    return code != kAgentLanguage && findLanguage(code).has_value();
}

namespace {

// Decodes one UTF-8 code point; invalid bytes yield U+FFFD and advance by one.
char32_t nextCodePoint(std::string_view s, size_t &i)
{
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    int extra = 0;
    char32_t cp = 0;
    if (c < 0x80) {
        ++i;
        return c;
    } else if ((c & 0xE0) == 0xC0) {
        extra = 1;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        cp = c & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + extra >= s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k <= extra; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += extra + 1;
    return cp;
}

Script scriptOf(char32_t cp)
{
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
        (cp >= 0x3130 && cp <= 0x318F))
        return Script::Hangul;
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
        (cp >= 0xFF66 && cp <= 0xFF9D))
        return Script::Kana;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0xF900 && cp <= 0xFAFF))
        return Script::Han;
    if (cp >= 0x0E00 && cp <= 0x0E7F)
        return Script::Thai;
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0x00C0 && cp <= 0x024F) ||
        (cp >= 0x1E00 && cp <= 0x1EFF))
        return Script::Latin;
    return Script::Unknown;
}

} // namespace

std::string_view toString(Script script)
{
    switch (script) {
    case Script::Unknown:
        return "Unknown";
    case Script::Hangul:
        return "Hangul";
    case Script::Kana:
        return "Kana";
    case Script::Han:
        return "Han";
    case Script::Thai:
        return "Thai";
    case Script::Latin:
        return "Latin";
    }
    return "?";
}

Script detectScript(std::string_view utf8)
{
    std::array<size_t, 6> counts{};
    for (size_t i = 0; i < utf8.size();)
        ++counts[static_cast<size_t>(scriptOf(nextCodePoint(utf8, i)))];
    counts[static_cast<size_t>(Script::Unknown)] = 0;
    // Japanese text mixes kanji with kana; any real share of kana means Japanese.
    const size_t kana = counts[static_cast<size_t>(Script::Kana)];
    const size_t han = counts[static_cast<size_t>(Script::Han)];
    if (kana > 0 && kana * 5 >= kana + han)
        return Script::Kana;
    const auto best = std::max_element(counts.begin(), counts.end());
    if (*best == 0)
        return Script::Unknown;
    return static_cast<Script>(best - counts.begin());
}

std::string_view languageForScript(Script script, std::string_view declared)
{
    switch (script) {
    case Script::Hangul:
        return "ko";
    case Script::Kana:
        return "ja";
    case Script::Han:
        // Kanji-only Japanese is rare in chat; trust the declared language if it is Japanese.
        return declared == "ja" ? "ja" : "zh";
    case Script::Thai:
        return "th";
    case Script::Latin:
        return declared == "vi" ? "vi" : "en";
    case Script::Unknown:
        break;
    }
    return declared;
}

} // namespace medtranslate
