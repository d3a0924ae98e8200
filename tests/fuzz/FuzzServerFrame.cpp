// Server frames as the console reads them: parseServerFrame never throws or crashes, and what it
// accepts encodes to a frame it accepts again, with the same encoding (encode∘parse is stable).
// parse(encode(f)) == f does not hold in general: fields the encoder leaves out on purpose
// (e.g. a queue-only `first_message_translation` without `first_message`) are lost once.
#include "FuzzCheck.h"

#include "medtranslate/protocol/FrameCodec.h"

#include <cstdint>
#include <string_view>

using namespace medtranslate::protocol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const auto parsed = parseServerFrame(input);
    if (const auto *error = std::get_if<FrameError>(&parsed)) {
        FUZZ_CHECK(error->code == ErrorCode::BadRequest && !error->message.empty());
        return 0;
    }
    const auto &frame = std::get<ServerFrame>(parsed);
    const std::string wire = encode(frame);
    const auto again = parseServerFrame(wire);
    FUZZ_CHECK(std::holds_alternative<ServerFrame>(again));
    const auto &reparsed = std::get<ServerFrame>(again);
    FUZZ_CHECK(typeName(reparsed) == typeName(frame));
    FUZZ_CHECK(encode(reparsed) == wire);
    // Once through the encoder, nothing more is lost.
    FUZZ_CHECK(std::get<ServerFrame>(parseServerFrame(encode(reparsed))) == reparsed);
    return 0;
}
