// A real translation provider (DeepL's API, faked on a local port) down while a patient writes
// and back a moment later: the relay's own pipeline translates the message again by itself.
#include "../translation/FakeProviderApi.h"
#include "RelayFixture.h"

namespace medtranslate::test {

TEST(ProviderOutageTest, AMessageWrittenDuringAnOutageIsTranslatedWhenTheProviderIsBack)
{
    FakeProviderApi deepl(FakeProviderApi::Kind::DeepL, QStringLiteral("outage-test-key:fx"));
    TestRelay relay([&](relay::RelayConfig &config) {
        config.translation.providers = {QStringLiteral("deepl")};
        config.translation.deeplKey = QStringLiteral("outage-test-key:fx");
        config.translation.deeplUrl = deepl.baseUrl();
        config.translation.providerRetries = 0;
        config.translation.deadlineMs = 3000;
        config.translation.retranslateAfterMs = 200;
        config.roomMessagesPerMinute = 0;
    });
    ASSERT_TRUE(relay.start());
    ASSERT_FALSE(relay.addAgent(QStringLiteral("kim"), QStringLiteral("김민지")).isEmpty());
    const TestRelay::Room room = relay.createRoom(QStringLiteral("vi"));
    WsClient patient;
    ASSERT_TRUE(patient.open(relay.ws()));
    ASSERT_TRUE(patient.hello("patient", room.token));
    WsClient agent;
    ASSERT_TRUE(agent.open(relay.ws()));
    ASSERT_TRUE(agent.hello("agent", relay.login(QStringLiteral("kim"))));
    agent.send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(agent.take(frameWith("room", "status", "active")));

    const QString text = QStringLiteral("Tôi bị đau đầu từ hôm qua");
    deepl.setTranslation(text, QStringLiteral("어제부터 머리가 아파요"));
    deepl.failAlways(503);
    patient.send({{"type", "send"},
                  {"room_id", room.id.toStdString()},
                  {"client_msg_id", "p1"},
                  {"text", text.toStdString()}});
    const auto ack = patient.take(frameWith("ack", "client_msg_id", "p1"));
    ASSERT_TRUE(ack);
    const qint64 seq = (*ack)["seq"];
    const auto failed = agent.take(frameWith("translation", "seq", seq));
    ASSERT_TRUE(failed);
    EXPECT_EQ((*failed)["translation"]["status"], "unavailable");
    EXPECT_EQ((*failed)["translation"]["warnings"][0], "providers_failed");
    const int callsInOutage = deepl.calls();
    EXPECT_GE(callsInOutage, 1);

    deepl.healthy();
    const auto translated = agent.take(frameWith("translation", "seq", seq), 10000);
    ASSERT_TRUE(translated) << "not translated again after the outage";
    EXPECT_EQ((*translated)["translation"]["status"], "ok");
    EXPECT_EQ((*translated)["translation"]["provider"], "deepl");
    EXPECT_EQ((*translated)["translation"]["text"], "어제부터 머리가 아파요");
    EXPECT_GT(deepl.calls(), callsInOutage);
    EXPECT_TRUE(deepl.violations().isEmpty()) << deepl.violations().join('\n').toStdString();
}

} // namespace medtranslate::test
