#pragma once

#include <cstddef>
#include <string_view>

namespace medtranslate::protocol {

//! Size limits of the contract; the relay may be configured with others.
struct Limits
{
    std::size_t maxFrameBytes = 64 * 1024; //!< a whole WebSocket frame
    std::size_t maxTextChars = 4000;       //!< a message's text, in code points
    std::size_t maxIdBytes = 128;          //!< room_id, client_msg_id, request_id, ...
    std::size_t maxTokenBytes = 512;
};

//! Ids are short and printable so they can be logged and used as keys safely.
bool isValidId(std::string_view id, std::size_t maxBytes = Limits{}.maxIdBytes);

//! Number of code points in valid UTF-8.
std::size_t utf8Length(std::string_view text);

//! True when the text holds something besides white space (Unicode spaces such as the
//! full-width U+3000 and zero-width spaces count as white space).
bool hasVisibleText(std::string_view text);

//! Longest e-mail address (RFC 5321's path limit) and phone number text accepted as contact.
inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMaxPhoneChars = 32;

//! An address a desk can write to: one '@', a local part without spaces, a domain with a dot
//! whose labels are letters, digits and inner hyphens. Not every address RFC 5322 allows, but
//! every address a patient types in practice.
bool isValidEmail(std::string_view email);

//! A phone number as patients write it: digits with spaces, '-', '.', '(' ')' between them
//! and an optional leading '+'; 7 to 15 digits (E.164's longest).
bool isValidPhone(std::string_view phone);

} // namespace medtranslate::protocol
