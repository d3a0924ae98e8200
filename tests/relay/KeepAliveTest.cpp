#include "FreezableProxy.h"
#include "RelayFixture.h"

namespace medtranslate::test {

// The relay pings every 200 ms here and drops a connection silent for two rounds.
class KeepAliveTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override { config.pingIntervalMs = 200; }

    //! Opens a room, connects its patient through `proxy`, and lets agent "kim" accept it.
    void openRoomThrough(FreezableProxy &proxy)
    {
        room = relay->createRoom(QStringLiteral("vi"));
        patient = std::make_unique<WsClient>();
        ASSERT_TRUE(patient->open(proxy.front(relay->ws())));
        ASSERT_TRUE(patient->hello("patient", room.token));
        agent = connectAgent();
        agent->send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
        ASSERT_TRUE(agent->take(frameWith("room", "status", "active")));
    }
};

TEST_F(KeepAliveTest, APhoneThatVanishesWithoutClosingGoesOffline)
{
    FreezableProxy proxy(relay->server().port());
    openRoomThrough(proxy);
    proxy.freeze(); // the phone's network is gone; no close ever reaches the relay

    const auto offline = agent->take(
        [](const Json &f) { return f["type"] == "room" && f["patient_online"] == false; }, 3000);
    ASSERT_TRUE(offline) << "the agent still sees a vanished patient as online";

    // Messages the agent writes meanwhile are stored and wait for the patient's return.
    ASSERT_TRUE(sendText(*agent, room.id, "a-1", "괜찮으세요?"));
    auto back = connectPatient(room, 0);
    bool found = false;
    while (const auto m = takeMessage(*back, 2000)) {
        if ((*m)["client_msg_id"] == "a-1")
            found = true;
    }
    EXPECT_TRUE(found);

    const auto metrics = HttpClient::get(relay->admin(QStringLiteral("/metrics")));
    EXPECT_NE(metrics.body.indexOf("medtranslate_connections_timed_out_total 1"), -1)
        << metrics.body.toStdString();
}

TEST_F(KeepAliveTest, AQuietButLiveConnectionStaysOnline)
{
    FreezableProxy proxy(relay->server().port());
    openRoomThrough(proxy);
    // Ten ping rounds without a single frame from the patient: its pongs keep it online.
    const auto frames = agent->drain(2000);
    for (const auto &f : frames)
        EXPECT_FALSE(f["type"] == "room" && f["patient_online"] == false) << f.dump();
    ASSERT_TRUE(sendText(*agent, room.id, "a-2", "안녕하세요"));
    EXPECT_TRUE(patient->take(frameWith("message", "client_msg_id", "a-2")));
}

} // namespace medtranslate::test
