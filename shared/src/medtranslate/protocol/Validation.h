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

} // namespace medtranslate::protocol
