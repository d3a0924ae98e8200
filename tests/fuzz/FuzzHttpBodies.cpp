// The relay's HTTP request bodies, read exactly as relay/http/RouteSupport.h does (jsonBody, then
// readBody: `json.get<T>()` unguarded, then protocol::http::validate), and the bodies the console
// reads with parseBody. A throw out of the relay's path is a crash here, as it would be there.
#include "FuzzCheck.h"

#include "medtranslate/Language.h"
#include "medtranslate/protocol/HttpBodies.h"
#include "medtranslate/protocol/Validation.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

using namespace medtranslate;
using namespace medtranslate::protocol::http;

namespace {

constexpr std::size_t kMaxBodyBytes = 64 * 1024; // RouteSupport.cpp
constexpr std::size_t kMaxTextChars = 4000;      // RelayConfig's default --max-text-chars

//! readBody<T>(request, reply, limits...) without the reply: the body it would hand the route.
template <typename T, typename... Limits>
std::optional<T> readBody(const nlohmann::json &json, Limits... limits)
{
    T body = json.get<T>();
    if (validate(body, limits...))
        return std::nullopt;
    // The request structs are read leniently and written whole: they survive a round trip.
    FUZZ_CHECK(nlohmann::json(body).get<T>() == body);
    return body;
}

template <typename T> void checkResponse(std::string_view input)
{
    if (const auto body = parseBody<T>(input))
        FUZZ_CHECK(nlohmann::json(*body).get<T>() == *body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);

    // jsonBody: the size limit, then a JSON object or nothing.
    if (size <= kMaxBodyBytes) {
        const auto json = nlohmann::json::parse(input, nullptr, false);
        if (json.is_object()) {
            if (const auto room = readBody<CreateRoomRequest>(json))
                FUZZ_CHECK(isPatientLanguage(room->language));
            if (const auto login = readBody<LoginRequest>(json))
                FUZZ_CHECK(!login->username.empty() && !login->password.empty());
            for (const std::size_t max : {kMaxTextChars, std::size_t(16)}) {
                if (const auto translate = readBody<TranslateRequest>(json, max)) {
                    FUZZ_CHECK(protocol::hasVisibleText(translate->text));
                    FUZZ_CHECK(protocol::utf8Length(translate->text) <= max);
                    FUZZ_CHECK(findLanguage(translate->source) && findLanguage(translate->target));
                }
            }
        }
    }

    // What the console reads back (parseBody catches, so nothing may escape it either).
    checkResponse<ErrorBody>(input);
    checkResponse<HealthResponse>(input);
    checkResponse<CreateRoomResponse>(input);
    checkResponse<LoginResponse>(input);
    checkResponse<HistoryResponse>(input);
    checkResponse<TemplatesResponse>(input);
    checkResponse<TranslateResponse>(input);
    checkResponse<AgentsResponse>(input);
    checkResponse<CreateRoomRequest>(input);
    checkResponse<LoginRequest>(input);
    checkResponse<TranslateRequest>(input);
    return 0;
}
