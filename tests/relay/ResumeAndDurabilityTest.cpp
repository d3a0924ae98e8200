#include "RelayFixture.h"
#include "storage/Store.h"

namespace medtranslate::test {

class ResumeAndDurabilityTest : public RelayFixture
{
};

TEST_F(ResumeAndDurabilityTest, ReconnectingPatientGetsExactlyWhatItMissedInOrder)
{
    openAcceptedRoom();                                     // seq 1: agent joined
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "Một")); // 2
    ASSERT_TRUE(sendText(*patient, room.id, "p-2", "Hai")); // 3
    patient->drain(200);
    patient.reset(); // the phone loses its connection

    const auto offline = agent->take(
        [](const Json &f) { return f["type"] == "room" && f["patient_online"] == false; });
    EXPECT_TRUE(offline);
    ASSERT_TRUE(sendText(*agent, room.id, "a-1", "잠시만 기다려 주세요"));      // 4
    ASSERT_TRUE(sendText(*agent, room.id, "a-2", "의사 선생님이 곧 오십니다")); // 5

    patient = connectPatient(room, 3);
    std::vector<int> seqs;
    for (int i = 0; i < 2; ++i) {
        const auto m = takeMessage(*patient);
        ASSERT_TRUE(m);
        seqs.push_back((*m)["seq"].get<int>());
    }
    EXPECT_EQ(seqs, (std::vector<int>{4, 5}));
    // Nothing else: no message the patient already had.
    for (const auto &f : patient->drain(300))
        EXPECT_NE(f["type"], "message") << f.dump();
    const auto online = agent->take(
        [](const Json &f) { return f["type"] == "room" && f["patient_online"] == true; });
    EXPECT_TRUE(online);
}

TEST_F(ResumeAndDurabilityTest, MessagesSentDuringReplayAreNeitherLostNorDuplicated)
{
    openAcceptedRoom();
    for (int i = 0; i < 30; ++i)
        ASSERT_TRUE(
            sendText(*agent, room.id, "bulk-" + std::to_string(i), "메시지 " + std::to_string(i)));
    patient.reset();
    // The patient reconnects from the start while the agent keeps writing.
    auto client = std::make_unique<WsClient>();
    ASSERT_TRUE(client->open(relay->ws()));
    client->send({{"type", "hello"},
                  {"role", "patient"},
                  {"token", room.token.toStdString()},
                  {"last_seq", 0}});
    for (int i = 0; i < 5; ++i)
        agent->send({{"type", "send"},
                     {"room_id", room.id.toStdString()},
                     {"client_msg_id", "live-" + std::to_string(i)},
                     {"text", "추가 " + std::to_string(i)}});
    std::vector<int> seqs;
    while (seqs.size() < 36) {
        const auto m = takeMessage(*client, 5000);
        ASSERT_TRUE(m) << "only " << seqs.size() << " messages arrived";
        seqs.push_back((*m)["seq"].get<int>());
    }
    for (size_t i = 0; i < seqs.size(); ++i)
        EXPECT_EQ(seqs[i], int(i) + 1);
    for (const auto &f : client->drain(300))
        EXPECT_NE(f["type"], "message") << "duplicate: " << f.dump();
}

TEST_F(ResumeAndDurabilityTest, RestartKeepsEveryAckedMessage)
{
    openAcceptedRoom();
    std::vector<std::string> msgIds;
    for (int i = 0; i < 20; ++i) {
        const auto ack =
            sendText(*patient, room.id, "p-" + std::to_string(i), "Tin nhắn " + std::to_string(i));
        ASSERT_TRUE(ack);
        msgIds.push_back((*ack)["msg_id"]);
    }
    restartRelay();

    patient = connectPatient(room, 0);
    std::vector<std::string> replayed;
    while (replayed.size() < 21) {
        const auto m = takeMessage(*patient);
        ASSERT_TRUE(m);
        if ((*m)["sender"] == "patient")
            replayed.push_back((*m)["msg_id"]);
        else
            EXPECT_EQ((*m)["event"], "agent_joined");
        if (replayed.size() == msgIds.size())
            break;
    }
    EXPECT_EQ(replayed, msgIds);

    // The room is still active with its agent, and seq goes on after the restart.
    agent = connectAgent();
    const auto ack = sendText(*agent, room.id, "after-restart", "다시 연결되었습니다");
    ASSERT_TRUE(ack);
    EXPECT_EQ((*ack)["seq"], 22);
}

TEST_F(ResumeAndDurabilityTest, DatabaseRefusingAWriteLosesNothing)
{
    openAcceptedRoom();
    auto installed = relay->server().store().runSync<bool>([](relay::StoreWorker &w) {
        w.exec(QStringLiteral("CREATE TRIGGER refuse_messages BEFORE INSERT ON messages "
                              "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"));
        return true;
    });
    ASSERT_TRUE(installed.ok()) << installed.error().message.toStdString();

    patient->send({{"type", "send"},
                   {"room_id", room.id.toStdString()},
                   {"client_msg_id", "p-1"},
                   {"text", "Tôi cần gặp bác sĩ"}});
    const auto refused = patient->take(frameWith("error", "ref", "p-1"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "internal");
    EXPECT_FALSE(patient->take(frameWith("ack", "client_msg_id", "p-1"), 200))
        << "an ack without a stored message";
    EXPECT_FALSE(agent->take(frameWith("message", "client_msg_id", "p-1"), 100));

    auto dropped = relay->server().store().runSync<bool>([](relay::StoreWorker &w) {
        w.exec(QStringLiteral("DROP TRIGGER refuse_messages"));
        return true;
    });
    ASSERT_TRUE(dropped.ok());
    // The client retries with the same id; the seq has no gap.
    const auto ack = sendText(*patient, room.id, "p-1", "Tôi cần gặp bác sĩ");
    ASSERT_TRUE(ack);
    EXPECT_EQ((*ack)["seq"], 2);
    const auto delivered = agent->take(frameWith("message", "client_msg_id", "p-1"));
    ASSERT_TRUE(delivered);
    EXPECT_EQ((*delivered)["seq"], 2);
}

} // namespace medtranslate::test
