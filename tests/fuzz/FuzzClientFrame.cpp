// Client frames as the relay reads them from a WebSocket: parseClientFrame under the contract's
// limits and under tight ones, the guarantees a parsed frame gives the relay, the round trip
// through encode(), and the validation helpers on the raw bytes.
#include "FuzzCheck.h"
#include "medtranslate/Language.h"
#include "medtranslate/protocol/FrameCodec.h"
#include "medtranslate/protocol/Validation.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

using namespace medtranslate::protocol;

namespace {

constexpr Limits kContract{};
constexpr Limits kTight{512, 16, 8, 16};

bool isValidUtf8(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        const std::size_t n = lead < 0x80           ? 1
                              : (lead >> 5) == 0x6  ? 2
                              : (lead >> 4) == 0xE  ? 3
                              : (lead >> 3) == 0x1E ? 4
                                                    : 0;
        if (n == 0 || i + n > s.size())
            return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += n;
    }
    return true;
}

void checkValidation(std::string_view s)
{
    FUZZ_CHECK(utf8Length(s) <= s.size());
    for (const std::size_t max : {std::size_t(1), kTight.maxIdBytes, kContract.maxIdBytes}) {
        if (isValidId(s, max)) {
            FUZZ_CHECK(!s.empty() && s.size() <= max);
            FUZZ_CHECK(isValidId(s, max + 1)); // a longer limit never refuses more
            FUZZ_CHECK(std::all_of(s.begin(), s.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == ':';
            }));
        }
    }
    const bool visible = hasVisibleText(s);
    if (isValidUtf8(s)) {
        // Printable ASCII is visible; ASCII white space alone is not.
        if (std::any_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7F; }))
            FUZZ_CHECK(visible);
        if (std::all_of(s.begin(), s.end(),
                        [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }))
            FUZZ_CHECK(!visible);
    }
}

bool validText(const std::string &text, const Limits &limits)
{
    return hasVisibleText(text) && utf8Length(text) <= limits.maxTextChars;
}

//! What the relay relies on once a frame parsed: ids are ids, texts are within limits.
void checkParsed(const ClientFrame &frame, const Limits &limits)
{
    const auto id = [&](const std::string &value) { return isValidId(value, limits.maxIdBytes); };
    std::visit(
        [&](const auto &f) {
            using F = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<F, client::Hello>) {
                FUZZ_CHECK(!f.token.empty() && f.token.size() <= limits.maxTokenBytes);
                FUZZ_CHECK(!f.lastSeq || *f.lastSeq >= 0);
            } else if constexpr (std::is_same_v<F, client::Status>) {
                // Offline is what no connection means: an agent cannot send it.
                FUZZ_CHECK(f.status != AgentStatus::Offline);
            } else {
                FUZZ_CHECK(id(f.roomId));
            }
            if constexpr (std::is_same_v<F, client::Send>) {
                FUZZ_CHECK(id(f.clientMsgId));
                if (f.templateId.empty())
                    FUZZ_CHECK(validText(f.text, limits));
                else
                    FUZZ_CHECK(id(f.templateId) && f.text.empty());
            }
            if constexpr (std::is_same_v<F, client::Read>)
                FUZZ_CHECK(f.seq >= 0);
            if constexpr (std::is_same_v<F, client::History>)
                FUZZ_CHECK(f.afterSeq >= 0);
            if constexpr (std::is_same_v<F, client::Preview>)
                FUZZ_CHECK(id(f.requestId) && validText(f.text, limits));
            if constexpr (std::is_same_v<F, client::Transfer>)
                FUZZ_CHECK(id(f.agentId) && utf8Length(f.note) <= client::kMaxTransferNoteChars);
            if constexpr (std::is_same_v<F, client::Retranslate>)
                FUZZ_CHECK(f.seq >= 1);
            if constexpr (std::is_same_v<F, client::SetLanguage>)
                FUZZ_CHECK(medtranslate::isPatientLanguage(f.language) &&
                           (f.requestId.empty() || id(f.requestId)));
        },
        frame);
}

void checkError(const FrameError &error)
{
    FUZZ_CHECK(error.code == ErrorCode::BadRequest || error.code == ErrorCode::TooLarge ||
               error.code == ErrorCode::Unauthorized ||
               error.code == ErrorCode::UnsupportedLanguage);
    FUZZ_CHECK(!error.message.empty());
    FUZZ_CHECK(error.ref.empty() || isValidId(error.ref));
}

//! Encoding a parsed frame and parsing it again gives the same frame. The encoding may be a
//! little longer than the input (e.g. `after_seq` filled in), so the frame size limit is lifted.
void checkRoundTrip(const ClientFrame &frame, const Limits &limits)
{
    const std::string wire = encode(frame);
    Limits relaxed = limits;
    relaxed.maxFrameBytes = std::max(relaxed.maxFrameBytes, wire.size());
    const auto again = parseClientFrame(wire, relaxed);
    FUZZ_CHECK(std::holds_alternative<ClientFrame>(again));
    const auto &reparsed = std::get<ClientFrame>(again);
    FUZZ_CHECK(reparsed == frame);
    FUZZ_CHECK(typeName(reparsed) == typeName(frame));
    FUZZ_CHECK(referenceOf(reparsed) == referenceOf(frame));
    FUZZ_CHECK(encode(reparsed) == wire);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    checkValidation(input);

    const auto contract = parseClientFrame(input, kContract);
    const auto tight = parseClientFrame(input, kTight);
    if (const auto *frame = std::get_if<ClientFrame>(&contract)) {
        checkParsed(*frame, kContract);
        checkRoundTrip(*frame, kContract);
    } else {
        checkError(std::get<FrameError>(contract));
    }
    if (const auto *frame = std::get_if<ClientFrame>(&tight)) {
        checkParsed(*frame, kTight);
        checkRoundTrip(*frame, kTight);
        // Limits only ever refuse: what passes tight limits passes the contract's, unchanged.
        FUZZ_CHECK(std::holds_alternative<ClientFrame>(contract));
        FUZZ_CHECK(std::get<ClientFrame>(contract) == *frame);
    } else {
        checkError(std::get<FrameError>(tight));
    }
    return 0;
}
