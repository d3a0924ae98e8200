#include "medtranslate/protocol/HttpBodies.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace medtranslate::protocol;
using namespace medtranslate::protocol::http;
using nlohmann::json;

namespace {

//! Parses the raw body, and checks that writing it again gives the same JSON.
template <typename T> T roundTrip(const char *raw)
{
    const json j = json::parse(raw);
    const auto parsed = parseBody<T>(raw);
    EXPECT_TRUE(parsed.has_value()) << raw;
    if (!parsed)
        return T{};
    EXPECT_EQ(j.dump(), json(*parsed).dump());
    return *parsed;
}

} // namespace

TEST(HttpBodies, ErrorBody)
{
    const auto e = roundTrip<ErrorBody>(R"({"error":{"code":"rate_limited","message":"wait"}})");
    EXPECT_EQ(e.code, ErrorCode::RateLimited);
    EXPECT_EQ(e.message, "wait");
    EXPECT_FALSE(parseBody<ErrorBody>(R"({"status":"ok"})"));
}

TEST(HttpBodies, Health)
{
    const auto h = roundTrip<HealthResponse>(
        R"({"database":"ok","status":"ok","translation":"offline","uptime_seconds":12})");
    EXPECT_EQ(h.status, "ok");
    EXPECT_EQ(h.translation, "offline");
    EXPECT_EQ(h.uptimeSeconds, 12);
    // A float beyond int64 is refused (converting it was undefined behaviour).
    EXPECT_FALSE(parseBody<HealthResponse>(R"({"status":"ok","uptime_seconds":1e300})"));
    EXPECT_EQ(parseBody<HealthResponse>(R"({"status":"ok","uptime_seconds":12.0})")->uptimeSeconds,
              12);
}

TEST(HttpBodies, CreateRoom)
{
    EXPECT_EQ(roundTrip<CreateRoomRequest>(R"({"language":"vi"})").language, "vi");
    const auto created =
        roundTrip<CreateRoomResponse>(R"({"patient_token":"pt-1","room_id":"r-1"})");
    EXPECT_EQ(created.roomId, "r-1");
    EXPECT_EQ(created.patientToken, "pt-1");
    EXPECT_FALSE(parseBody<CreateRoomResponse>(R"({"room_id":"r-1"})"));
}

TEST(HttpBodies, CreateRoomValidation)
{
    EXPECT_FALSE(validate(CreateRoomRequest{"th"}));
    const auto missing = validate(*parseBody<CreateRoomRequest>("{}"));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->code, ErrorCode::BadRequest);
    EXPECT_EQ(missing->message, "missing field 'language'");
    // A wrong type counts as missing, as the relay always answered.
    EXPECT_EQ(validate(*parseBody<CreateRoomRequest>(R"({"language":5})"))->code,
              ErrorCode::BadRequest);
    EXPECT_EQ(validate(CreateRoomRequest{"ko"})->code, ErrorCode::UnsupportedLanguage);
    EXPECT_EQ(validate(CreateRoomRequest{"fr"})->code, ErrorCode::UnsupportedLanguage);
}

TEST(HttpBodies, CreateRoomWithPrechatAnswers)
{
    const auto r = roundTrip<CreateRoomRequest>(
        R"({"language":"vi","prechat":{"name":"Lan","reason":"MRI"}})");
    ASSERT_TRUE(r.prechat);
    EXPECT_EQ(*r.prechat, (Prechat{"Lan", "", "MRI"}));
    // Read leniently: a field of the wrong type is not filled in, a prechat that is no object
    // is none.
    const auto lenient =
        parseBody<CreateRoomRequest>(R"({"language":"vi","prechat":{"name":5,"reason":"MRI"}})");
    ASSERT_TRUE(lenient && lenient->prechat);
    EXPECT_TRUE(lenient->prechat->name.empty());
    EXPECT_FALSE(parseBody<CreateRoomRequest>(R"({"language":"vi","prechat":"x"})")->prechat);
}

TEST(HttpBodies, Desk)
{
    const auto closed = roundTrip<DeskResponse>(
        R"({"open":false,"attended":false,"next_open":"2026-03-02T00:00:00Z",
            "time_zone":"Asia/Seoul","prechat":{"name":"required","contact":"off",
            "reason":"optional"}})");
    EXPECT_FALSE(closed.open);
    EXPECT_EQ(closed.nextOpen, "2026-03-02T00:00:00Z");
    EXPECT_EQ(closed.prechat, (PrechatFields{"required", "off", "optional"}));
    const nlohmann::json open = DeskResponse{};
    EXPECT_TRUE(open.at("next_open").is_null());
    EXPECT_EQ(open.at("prechat").at("name"), "off");
}

TEST(HttpBodies, Login)
{
    const auto request = roundTrip<LoginRequest>(R"({"password":"pw","username":"kim"})");
    EXPECT_EQ(request.username, "kim");
    EXPECT_FALSE(validate(request));
    EXPECT_EQ(validate(LoginRequest{"kim", ""})->message, "username and password are required");
    EXPECT_EQ(validate(*parseBody<LoginRequest>(R"({"username":"kim","password":true})"))->code,
              ErrorCode::BadRequest);

    const auto answer = roundTrip<LoginResponse>(
        R"({"agent":{"id":"a1","languages":["ko","en"],"name":"김민지","role":"admin"},"token":"t"})");
    EXPECT_EQ(answer.token, "t");
    EXPECT_EQ(answer.agent.name, "김민지");
    EXPECT_EQ(answer.agent.languages, (std::vector<std::string>{"ko", "en"}));
    EXPECT_EQ(answer.agent.role, "admin");
    EXPECT_FALSE(parseBody<LoginResponse>(R"({"token":"t"})"));
}

TEST(HttpBodies, History)
{
    const auto history = roundTrip<HistoryResponse>(
        R"({"messages":[{"client_msg_id":"c","created_at":"2026-11-26T06:00:00Z","lang":"vi",)"
        R"("msg_id":"m","room_id":"r","sender":"patient","sender_name":"","seq":1,"text":"x",)"
        R"("translation":{"lang":"ko","provider":"","status":"pending","text":"","warnings":[]}}]})");
    ASSERT_EQ(history.messages.size(), 1u);
    EXPECT_EQ(history.messages[0].seq, 1);
    EXPECT_EQ(history.messages[0].translation.status, TranslationStatus::Pending);
}

TEST(HttpBodies, Templates)
{
    const auto list = roundTrip<TemplatesResponse>(
        R"({"templates":[{"category":"greeting","id":"t1","texts":{"en":"Hello","ko":"안녕하세요"},)"
        R"("title":"인사"}]})");
    ASSERT_EQ(list.templates.size(), 1u);
    EXPECT_EQ(list.templates[0].id, "t1");
    EXPECT_EQ(list.templates[0].texts.at("ko"), "안녕하세요");
    EXPECT_EQ(list.templates[0].texts.at("en"), "Hello");
    EXPECT_FALSE(parseBody<TemplatesResponse>(R"({"templates":[{"id":"t1"}]})"));
}

TEST(HttpBodies, Translate)
{
    const auto request =
        roundTrip<TranslateRequest>(R"({"source":"ko","target":"vi","text":"두통이 있어요"})");
    EXPECT_FALSE(validate(request, 4000));
    EXPECT_EQ(parseBody<TranslateRequest>(R"({"text":"x","target":"en"})")->source, "ko");
    EXPECT_EQ(validate(TranslateRequest{"  ", "ko", "en"}, 4000)->code, ErrorCode::BadRequest);
    EXPECT_EQ(validate(TranslateRequest{"abcd", "ko", "en"}, 3)->message,
              "text must be 1 to 3 characters");
    // Counted in UTF-16 units: an emoji is two.
    EXPECT_TRUE(validate(TranslateRequest{"a\xF0\x9F\x98\x80", "ko", "en"}, 2));
    EXPECT_FALSE(validate(TranslateRequest{"가나다", "ko", "en"}, 3));
    EXPECT_EQ(validate(TranslateRequest{"x", "ko", "fr"}, 10)->code,
              ErrorCode::UnsupportedLanguage);
    EXPECT_EQ(validate(TranslateRequest{"x", "xx", "en"}, 10)->code,
              ErrorCode::UnsupportedLanguage);

    const auto answer = roundTrip<TranslateResponse>(
        R"({"glossary":[{"source":"두통","target":"đau đầu"}],"lang":"vi","provider":"offline",)"
        R"("status":"vetted","text":"Tôi bị đau đầu","warnings":["number_mismatch"],)"
        R"("warning_details":[{"kind":"number_mismatch","source":"3"}]})");
    EXPECT_EQ(answer.translation.status, TranslationStatus::Vetted);
    ASSERT_EQ(answer.glossary.size(), 1u);
    EXPECT_EQ(answer.glossary[0].target, "đau đầu");
    ASSERT_EQ(answer.translation.warningDetails.size(), 1u);
    EXPECT_EQ(answer.translation.warningDetails[0].source, "3");
}

TEST(HttpBodies, AgentDirectory)
{
    const auto directory = roundTrip<AgentsResponse>(
        R"({"agents":[{"id":"a1","languages":["ko"],"name":"김","online":true,"role":"agent"}]})");
    ASSERT_EQ(directory.agents.size(), 1u);
    EXPECT_TRUE(directory.agents[0].online);
    EXPECT_EQ(directory.agents[0].name, "김");
}

TEST(HttpBodies, NotJsonIsNothing)
{
    EXPECT_FALSE(parseBody<CreateRoomRequest>("{{{"));
    EXPECT_FALSE(parseBody<CreateRoomRequest>("[1]"));
    EXPECT_FALSE(parseBody<HealthResponse>(""));
}
