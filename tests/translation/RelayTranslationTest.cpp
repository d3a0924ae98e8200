// The translation engine inside the relay: patient messages, the agent's preview with its
// back-translation and glossary, and /api/translate.
#include "FakeProviderApi.h"
#include "HttpClient.h"
#include "TestRelay.h"
#include "WsClient.h"

#include <gtest/gtest.h>

using namespace medtranslate;
using medtranslate::test::FakeProviderApi;
using medtranslate::test::HttpClient;
using medtranslate::test::TestRelay;
using medtranslate::test::WsClient;
using Json = nlohmann::json;

namespace {

class RelayTranslation : public ::testing::Test
{
protected:
    void SetUp() override
    {
        relay = std::make_unique<TestRelay>([this](relay::RelayConfig &c) {
            c.translation.providers = {QStringLiteral("openai")};
            c.translation.openaiKey = QStringLiteral("sk-relay");
            c.translation.openaiModel = QStringLiteral("gpt-relay");
            c.translation.openaiUrl = openai.baseUrl();
        });
        ASSERT_TRUE(relay->start());
        relay->addAgent(QStringLiteral("park"), QStringLiteral("박지영"), QStringLiteral("admin"));
        token = relay->login(QStringLiteral("park"));
    }

    FakeProviderApi openai{FakeProviderApi::Kind::OpenAi, QStringLiteral("sk-relay"),
                           QStringLiteral("gpt-relay")};
    std::unique_ptr<TestRelay> relay;
    QString token;
};

} // namespace

TEST_F(RelayTranslation, PreviewHasTranslationBackTranslationAndGlossary)
{
    const auto room = relay->createRoom(QStringLiteral("vi"));
    openai.setTranslation(QStringLiteral("두통이 있으면 진통제를 드세요"),
                          QStringLiteral("Nếu bị đau đầu, hãy uống thuốc giảm đau."));
    openai.setTranslation(QStringLiteral("Nếu bị đau đầu, hãy uống thuốc giảm đau."),
                          QStringLiteral("두통이 있으면 진통제를 복용하세요."));
    WsClient agent;
    ASSERT_TRUE(agent.open(relay->ws()));
    ASSERT_TRUE(agent.hello("agent", token));
    agent.send({{"type", "preview"},
                {"room_id", room.id.toStdString()},
                {"text", "두통이 있으면 진통제를 드세요"},
                {"request_id", "pv-1"}});
    const auto preview = agent.take([](const Json &f) { return f["type"] == "preview"; }, 10000);
    ASSERT_TRUE(preview);
    EXPECT_EQ((*preview)["request_id"], "pv-1");
    EXPECT_EQ((*preview)["translation"]["text"], "Nếu bị đau đầu, hãy uống thuốc giảm đau.");
    EXPECT_EQ((*preview)["translation"]["status"], "ok");
    EXPECT_EQ((*preview)["translation"]["provider"], "openai");
    EXPECT_EQ((*preview)["back_translation"]["text"], "두통이 있으면 진통제를 복용하세요.");
    EXPECT_EQ((*preview)["back_translation"]["lang"], "ko");
    const Json glossary = (*preview)["glossary"];
    ASSERT_EQ(glossary.size(), 2u) << preview->dump();
    EXPECT_EQ(glossary[0], (Json{{"source", "두통"}, {"target", "đau đầu"}}));
    EXPECT_EQ(glossary[1], (Json{{"source", "진통제"}, {"target", "thuốc giảm đau"}}));
    ASSERT_EQ(openai.calls(), 2);
    EXPECT_TRUE(openai.systemOf(1).contains(QStringLiteral("from Vietnamese into Korean")));
    EXPECT_TRUE(openai.violations().isEmpty())
        << openai.violations().join(QStringLiteral("; ")).toStdString();
}

TEST_F(RelayTranslation, APatientsAnswerIsTranslatedWithTheTurnsBeforeIt)
{
    const auto room = relay->createRoom(QStringLiteral("vi"));
    openai.setTranslation(QStringLiteral("Tôi bị ho khan suốt đêm qua"),
                          QStringLiteral("어젯밤 내내 마른기침을 했어요."));
    openai.setTranslation(QStringLiteral("Vâng, từ thứ Hai tuần trước"),
                          QStringLiteral("네, 지난주 월요일부터요."));
    WsClient patient;
    ASSERT_TRUE(patient.open(relay->ws()));
    ASSERT_TRUE(patient.hello("patient", room.token));
    auto say = [&patient, &room](const std::string &id, const std::string &text) {
        patient.send({{"type", "send"},
                      {"room_id", room.id.toStdString()},
                      {"client_msg_id", id},
                      {"text", text}});
        return patient.take([&id](const Json &f) {
            return f["type"] == "translation" ||
                   (f["type"] == "message" && f["client_msg_id"] == id &&
                    f["translation"]["status"] != "pending");
        });
    };
    ASSERT_TRUE(say("m-1", "Tôi bị ho khan suốt đêm qua"));
    ASSERT_TRUE(say("m-2", "Vâng, từ thứ Hai tuần trước"));
    ASSERT_EQ(openai.calls(), 2);
    // The first turn had nothing before it; the second reads the first.
    EXPECT_FALSE(openai.systemOf(0).contains(QStringLiteral("The chat so far")));
    EXPECT_TRUE(
        openai.systemOf(1).contains(QStringLiteral("- Patient: Tôi bị ho khan suốt đêm qua")))
        << openai.systemOf(1).toStdString();
    EXPECT_TRUE(openai.violations().isEmpty())
        << openai.violations().join(QStringLiteral("; ")).toStdString();
}

TEST_F(RelayTranslation, ApiTranslateReturnsGlossaryAndWarnings)
{
    // "I have a stomach ache." says 복통 too (a glossary wording); this loses it.
    openai.setTranslation(QStringLiteral("복통이 있어요"), QStringLiteral("I feel unwell."));
    const auto response =
        HttpClient::post(relay->http(QStringLiteral("/api/translate")),
                         R"({"text":"복통이 있어요","source":"ko","target":"en"})", token, 10000);
    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    const Json body = response.json();
    EXPECT_EQ(body["text"], "I feel unwell.");
    EXPECT_EQ(body["glossary"],
              (Json::array({{{"source", "복통"}, {"target", "abdominal pain"}}})));
    EXPECT_EQ(body["warnings"], (Json::array({"glossary_missing:복통"})));
    // The same warning typed (extension), with the term the translation should have had.
    EXPECT_EQ(body["warning_details"], Json::parse(R"([{"kind":"glossary_missing","source":"복통",)"
                                                   R"("expected":"abdominal pain"}])"));
}

TEST_F(RelayTranslation, PatientMessageIsTranslatedThenRepeatsGoOutTranslated)
{
    const auto room = relay->createRoom(QStringLiteral("vi"));
    openai.setTranslation(QStringLiteral("Tôi bị đau bụng từ sáng"),
                          QStringLiteral("아침부터 배가 아파요."));
    WsClient patient;
    ASSERT_TRUE(patient.open(relay->ws()));
    ASSERT_TRUE(patient.hello("patient", room.token));
    auto send = [&patient, &room](const std::string &id) {
        patient.send({{"type", "send"},
                      {"room_id", room.id.toStdString()},
                      {"client_msg_id", id},
                      {"text", "Tôi bị đau bụng từ sáng"}});
    };
    send("m-1");
    const auto first = patient.take(
        [](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == "m-1"; });
    ASSERT_TRUE(first);
    EXPECT_EQ((*first)["lang"], "vi");
    EXPECT_EQ((*first)["translation"]["status"], "pending");
    const auto update =
        patient.take([](const Json &f) { return f["type"] == "translation"; }, 10000);
    ASSERT_TRUE(update);
    EXPECT_EQ((*update)["translation"]["text"], "아침부터 배가 아파요.");
    EXPECT_EQ((*update)["translation"]["status"], "ok");
    EXPECT_EQ((*update)["translation"]["provider"], "openai");
    EXPECT_EQ((*update)["translation"]["source_lang"], "vi");

    send("m-2");
    const auto second = patient.take(
        [](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == "m-2"; });
    ASSERT_TRUE(second);
    EXPECT_EQ((*second)["translation"]["status"], "cached");
    EXPECT_EQ((*second)["translation"]["text"], "아침부터 배가 아파요.");
    EXPECT_EQ(openai.calls(), 1);
}
