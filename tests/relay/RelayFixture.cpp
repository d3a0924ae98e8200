#include "RelayFixture.h"

namespace medtranslate::test {

void RelayFixture::SetUp()
{
    relay = std::make_unique<TestRelay>([this](relay::RelayConfig &config) {
        config.helloTimeoutMs = 1500;
        config.translation.deadlineMs = 1500;
        // Tests send bursts no patient would; SendBudgetTest turns the budgets back on.
        config.roomMessagesPerMinute = 0;
        config.roomTranslationCharsPerHour = 0;
        config.addressTranslationCharsPerHour = 0;
        // Failed translations stay failed unless a test is about trying them again.
        config.translation.retranslateAfterMs = 0;
        tweakConfig(config);
    });
    translator = new ScriptedTranslator;
    ASSERT_TRUE(relay->start(translator));
    agentId = relay->addAgent(QStringLiteral("kim"), QStringLiteral("김민지"));
    ASSERT_FALSE(agentId.isEmpty());
}

void RelayFixture::TearDown()
{
    patient.reset();
    agent.reset();
    relay.reset();
}

void RelayFixture::restartRelay()
{
    patient.reset();
    agent.reset();
    relay->stop();
    translator = new ScriptedTranslator;
    ASSERT_TRUE(relay->start(translator));
}

std::unique_ptr<WsClient> RelayFixture::connectPatient(const TestRelay::Room &r,
                                                       std::optional<qint64> lastSeq)
{
    auto client = std::make_unique<WsClient>();
    EXPECT_TRUE(client->open(relay->ws()));
    const auto welcome = client->hello("patient", r.token, lastSeq);
    EXPECT_TRUE(welcome && (*welcome)["type"] == "welcome")
        << (welcome ? welcome->dump() : "timeout");
    return client;
}

std::unique_ptr<WsClient> RelayFixture::connectAgent(const QString &username)
{
    const QString token = relay->login(username);
    auto client = std::make_unique<WsClient>();
    EXPECT_TRUE(client->open(relay->ws()));
    const auto welcome = client->hello("agent", token);
    EXPECT_TRUE(welcome && (*welcome)["type"] == "welcome")
        << (welcome ? welcome->dump() : "timeout");
    return client;
}

std::optional<Json> RelayFixture::sendText(WsClient &client, const QString &roomId,
                                           const std::string &clientMsgId, const std::string &text)
{
    client.send({{"type", "send"},
                 {"room_id", roomId.toStdString()},
                 {"client_msg_id", clientMsgId},
                 {"text", text}});
    auto answer = client.take([&clientMsgId](const Json &f) {
        return (f["type"] == "ack" && f["client_msg_id"] == clientMsgId) ||
               (f["type"] == "error" && f.value("ref", std::string{}) == clientMsgId);
    });
    if (!answer || (*answer)["type"] != "ack")
        return std::nullopt;
    return answer;
}

void RelayFixture::openAcceptedRoom()
{
    room = relay->createRoom(QStringLiteral("vi"));
    patient = connectPatient(room);
    agent = connectAgent();
    agent->send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(agent->take(frameWith("room", "status", "active")));
    // The patient hears that the agent joined: a room frame and a system notice.
    ASSERT_TRUE(patient->take(frameWith("message", "event", "agent_joined")));
    ASSERT_TRUE(agent->take(frameWith("message", "event", "agent_joined")));
}

std::optional<Json> takeMessage(WsClient &client, int timeoutMs)
{
    return client.takeType("message", timeoutMs);
}

WsClient::Predicate frameWith(const std::string &type, const std::string &key, const Json &value)
{
    return [type, key, value](const Json &f) {
        return f.value("type", std::string{}) == type && f.contains(key) && f[key] == value;
    };
}

} // namespace medtranslate::test
