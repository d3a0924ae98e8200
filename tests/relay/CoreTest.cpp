// The relay core through in-process peers: the contract's guarantees without any socket.
#include "CoreHarness.h"
#include "ScriptedTranslator.h"
#include "core/ConsultationService.h"
#include "core/RoomRegistry.h"
#include "translation/TranslationPipeline.h"

#include <QCoreApplication>
#include <gtest/gtest.h>
#include <set>

namespace medtranslate::test {

namespace {

using Json = nlohmann::json;

Json sendFrame(const QString &roomId, const std::string &clientMsgId, const std::string &text)
{
    return {{"type", "send"},
            {"room_id", roomId.toStdString()},
            {"client_msg_id", clientMsgId},
            {"text", text}};
}

std::optional<Json> takeMessage(TestPeer &peer, int timeoutMs = 5000)
{
    return peer.takeType("message", timeoutMs);
}

//! A room with a patient and the agent who accepted it.
struct Conversation
{
    CoreHarness::Room room;
    std::unique_ptr<TestPeer> patient;
    std::unique_ptr<TestPeer> agent;
};

Conversation startConversation(CoreHarness &h, const QString &language = QStringLiteral("vi"))
{
    Conversation c;
    c.room = h.createRoom(language);
    c.patient = h.patient(c.room);
    c.agent = h.agent(h.addAgent(QStringLiteral("kim")));
    c.agent->say({{"type", "accept"}, {"room_id", c.room.id.toStdString()}});
    EXPECT_TRUE(c.agent->take(
        [](const Json &f) { return f["type"] == "room" && f["status"] == "active"; }));
    // The "agent joined" notice.
    EXPECT_TRUE(takeMessage(*c.patient));
    EXPECT_TRUE(takeMessage(*c.agent));
    return c;
}

} // namespace

TEST(CoreTest, EveryMessageIsAckedAndDeliveredToBothSidesInSeqOrder)
{
    CoreHarness h;
    auto c = startConversation(h);
    constexpr int kCount = 30;
    for (int i = 0; i < kCount; ++i)
        c.patient->say(
            sendFrame(c.room.id, "p-" + std::to_string(i), "Tin nhắn " + std::to_string(i)));
    qint64 previous = 1; // the notice took seq 1
    for (int i = 0; i < kCount; ++i) {
        const auto ack = c.patient->takeType("ack");
        ASSERT_TRUE(ack) << i;
        EXPECT_EQ((*ack)["client_msg_id"], "p-" + std::to_string(i));
        EXPECT_EQ((*ack)["seq"].get<qint64>(), previous + 1);
        previous = (*ack)["seq"].get<qint64>();
    }
    for (TestPeer *side : {c.patient.get(), c.agent.get()}) {
        qint64 seq = 1;
        for (int i = 0; i < kCount; ++i) {
            const auto message = takeMessage(*side);
            ASSERT_TRUE(message) << i;
            EXPECT_EQ((*message)["seq"].get<qint64>(), ++seq);
            EXPECT_EQ((*message)["text"], "Tin nhắn " + std::to_string(i));
        }
    }
    EXPECT_EQ(h.rooms().find(c.room.id)->room.lastSeq, kCount + 1);
}

TEST(CoreTest, TheSameClientMsgIdTwiceIsOneMessageWithOneAck)
{
    CoreHarness h;
    auto c = startConversation(h);
    c.patient->say(sendFrame(c.room.id, "dup-1", "Tôi bị sốt"));
    const auto first = c.patient->takeType("ack");
    ASSERT_TRUE(first);
    c.patient->say(sendFrame(c.room.id, "dup-1", "Tôi bị sốt"));
    const auto second = c.patient->takeType("ack");
    ASSERT_TRUE(second);
    EXPECT_EQ((*first)["seq"], (*second)["seq"]);
    EXPECT_EQ((*first)["msg_id"], (*second)["msg_id"]);
    ASSERT_TRUE(takeMessage(*c.agent));
    EXPECT_FALSE(takeMessage(*c.agent, 300)) << "a retry must not create a second message";
}

TEST(CoreTest, AReconnectingPatientGetsWhatItMissedOnceAndInOrder)
{
    CoreHarness h;
    auto c = startConversation(h);
    for (int i = 0; i < 5; ++i)
        c.agent->say(
            sendFrame(c.room.id, "a-" + std::to_string(i), "안녕하세요 " + std::to_string(i)));
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(c.agent->takeType("ack"));
    c.patient->leave();
    // Messages keep coming while the patient reconnects and replays.
    auto back = h.peer();
    back->say({{"type", "hello"},
               {"role", "patient"},
               {"token", c.room.token.toStdString()},
               {"last_seq", 3}});
    c.agent->say(sendFrame(c.room.id, "a-live", "지금 보내요"));
    ASSERT_TRUE(back->takeType("welcome"));
    std::vector<qint64> seqs;
    while (auto message = takeMessage(*back, 1000))
        seqs.push_back((*message)["seq"].get<qint64>());
    EXPECT_EQ(seqs, (std::vector<qint64>{4, 5, 6, 7}));
}

TEST(CoreTest, TwoAgentsAcceptingAtOnceOneGetsTheRoom)
{
    CoreHarness h;
    const auto room = h.createRoom(QStringLiteral("en"));
    auto first = h.agent(h.addAgent(QStringLiteral("kim")));
    auto second = h.agent(h.addAgent(QStringLiteral("lee")));
    first->say({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    second->say({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    const auto refused = second->take([](const Json &f) { return f["type"] == "error"; });
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "already_assigned");
    const auto active =
        first->take([](const Json &f) { return f["type"] == "room" && f["status"] == "active"; });
    ASSERT_TRUE(active);
    EXPECT_EQ((*active)["agent"]["name"], "KIM");
    EXPECT_FALSE(first->take([](const Json &f) { return f["type"] == "error"; }, 200));
}

TEST(CoreTest, AnEndedRoomTellsBothSidesAndRefusesNewMessages)
{
    CoreHarness h;
    auto c = startConversation(h);
    c.patient->say({{"type", "end"}, {"room_id", c.room.id.toStdString()}});
    for (TestPeer *side : {c.patient.get(), c.agent.get()}) {
        const auto ended = side->takeType("ended");
        ASSERT_TRUE(ended);
        EXPECT_EQ((*ended)["by"], "patient");
    }
    c.agent->say(sendFrame(c.room.id, "late", "늦었어요"));
    const auto error = c.agent->takeType("error");
    ASSERT_TRUE(error);
    EXPECT_EQ((*error)["code"], "room_ended");
    EXPECT_EQ((*error)["ref"], "late");
}

TEST(CoreTest, APatientCannotReachAnotherRoom)
{
    CoreHarness h;
    auto c = startConversation(h);
    const auto other = h.createRoom(QStringLiteral("ja"));
    c.patient->say(sendFrame(other.id, "x-1", "hello"));
    const auto error = c.patient->takeType("error");
    ASSERT_TRUE(error);
    EXPECT_EQ((*error)["code"], "forbidden");
    EXPECT_EQ((*error)["ref"], "x-1");
}

TEST(CoreTest, AWrongTokenIsRefusedAndTheConnectionClosed)
{
    CoreHarness h;
    auto p = h.peer();
    p->say({{"type", "hello"}, {"role", "patient"}, {"token", "not-a-token"}});
    const auto error = p->takeType("error");
    ASSERT_TRUE(error);
    EXPECT_EQ((*error)["code"], "unauthorized");
    EXPECT_TRUE(p->closedByRelay());
}

TEST(CoreTest, ATranslatorThatNeverAnswersIsSettledByTheDeadline)
{
    auto *translator = new ScriptedTranslator;
    ScriptedTranslator::Rule hang;
    hang.hang = true;
    translator->setRule(QStringLiteral("Tôi khó thở"), hang);
    CoreHarness h(translator, [](relay::RelayConfig &c) { c.translation.deadlineMs = 400; });
    auto c = startConversation(h);
    c.patient->say(sendFrame(c.room.id, "p-1", "Tôi khó thở"));
    const auto message = takeMessage(*c.agent);
    ASSERT_TRUE(message);
    EXPECT_EQ((*message)["translation"]["status"], "pending");
    const auto late = c.agent->takeType("translation", 3000);
    ASSERT_TRUE(late);
    EXPECT_EQ((*late)["translation"]["status"], "unavailable");
    EXPECT_EQ((*late)["translation"]["warnings"][0], "deadline_exceeded");
    EXPECT_EQ(h.translator().pending(), 0);
}

TEST(CoreTest, TooManyWaitingTranslationsGiveWayOldestFirst)
{
    auto *translator = new ScriptedTranslator;
    ScriptedTranslator::Rule hang;
    hang.hang = true;
    for (const char *text : {"một", "hai", "ba"})
        translator->setRule(QString::fromUtf8(text), hang);
    CoreHarness h(translator, [](relay::RelayConfig &c) {
        c.translation.deadlineMs = 10000;
        c.translation.maxPending = 2;
    });
    auto c = startConversation(h);
    c.patient->say(sendFrame(c.room.id, "p-1", "một"));
    c.patient->say(sendFrame(c.room.id, "p-2", "hai"));
    c.patient->say(sendFrame(c.room.id, "p-3", "ba"));
    const auto overloaded = c.agent->takeType("translation", 3000);
    ASSERT_TRUE(overloaded);
    EXPECT_EQ((*overloaded)["seq"], 2) << "the oldest waiting translation gives way";
    EXPECT_EQ((*overloaded)["translation"]["status"], "unavailable");
    EXPECT_EQ((*overloaded)["translation"]["warnings"][0], "overloaded");
    EXPECT_EQ(h.translator().pending(), 2);
    EXPECT_EQ(h.translator().overloaded(), 1u);
}

TEST(CoreTest, OfflineAnUntranslatableMessageIsStoredAndSentOnceWithItsAnswer)
{
    QString error;
    auto resources = relay::TranslationPipeline::loadResources(
        CoreHarness::sourceRoot() + QStringLiteral("/resources"), &error);
    ASSERT_TRUE(resources) << error.toStdString();
    relay::TranslationConfig offline; // no providers
    CoreHarness h(new relay::TranslationPipeline(offline, std::move(*resources), nullptr));
    auto c = startConversation(h, QStringLiteral("en"));
    c.patient->say(sendFrame(c.room.id, "p-1",
                             "Yesterday I slipped on the hotel stairs and my ankle looks odd"));
    const auto message = takeMessage(*c.agent);
    ASSERT_TRUE(message);
    EXPECT_EQ((*message)["translation"]["status"], "unavailable");
    EXPECT_EQ((*message)["translation"]["provider"], "offline");
    EXPECT_FALSE(c.agent->takeType("translation", 400)) << "no second frame for a known answer";
    // And a vetted phrase arrives translated in the message itself.
    c.agent->say(sendFrame(c.room.id, "a-1", "언제부터 아프셨어요?"));
    const auto vetted = c.patient->take(
        [](const Json &f) { return f["type"] == "message" && f["sender"] == "agent"; });
    ASSERT_TRUE(vetted);
    EXPECT_EQ((*vetted)["translation"]["status"], "ok") << vetted->dump();
    EXPECT_EQ((*vetted)["translation"]["provider"], "offline");
}

TEST(CoreTest, PresenceFollowsThePeers)
{
    CoreHarness h;
    auto c = startConversation(h);
    c.patient->leave();
    const auto offline = c.agent->take(
        [](const Json &f) { return f["type"] == "room" && f["patient_online"] == false; });
    ASSERT_TRUE(offline);
    auto back = h.patient(c.room);
    EXPECT_TRUE(c.agent->take(
        [](const Json &f) { return f["type"] == "room" && f["patient_online"] == true; }));
}

TEST(RoomRegistryTest, WaitingRoomsOldestFirstAndRecipientsAreBothSides)
{
    relay::RoomRegistry rooms;
    relay::RoomRecord later;
    later.room.roomId = "b";
    later.room.createdAt = "2026-12-02T10:00:01Z";
    later.patientTokenHash = QStringLiteral("hb");
    relay::RoomRecord earlier = later;
    earlier.room.roomId = "a";
    earlier.room.createdAt = "2026-12-02T10:00:00Z";
    earlier.patientTokenHash = QStringLiteral("ha");
    rooms.insert(later);
    rooms.insert(earlier);
    const auto waiting = rooms.waiting();
    ASSERT_EQ(waiting.size(), 2u);
    EXPECT_EQ(waiting[0]->room.roomId, "a");
    EXPECT_EQ(rooms.findByTokenHash(QStringLiteral("hb"))->room.roomId, "b");
    rooms.remove(QStringLiteral("b"));
    EXPECT_EQ(rooms.findByTokenHash(QStringLiteral("hb")), nullptr);
    EXPECT_EQ(rooms.size(), 1);
}

} // namespace medtranslate::test
