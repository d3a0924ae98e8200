#include "RelayFixture.h"

namespace medtranslate::test {

class ConversationTest : public RelayFixture
{
};

TEST_F(ConversationTest, VietnamesePatientAndKoreanAgentConverseBothWays)
{
    room = relay->createRoom(QStringLiteral("vi"));
    patient = connectPatient(room);

    // The patient writes before any agent is there; the message is stored and acked.
    const auto ack = sendText(*patient, room.id, "p-1", "Tôi bị đau đầu");
    ASSERT_TRUE(ack);
    EXPECT_EQ((*ack)["seq"], 1);
    EXPECT_EQ((*ack)["room_id"], room.id.toStdString());
    EXPECT_FALSE((*ack)["msg_id"].get<std::string>().empty());
    const auto own = takeMessage(*patient);
    ASSERT_TRUE(own);
    EXPECT_EQ((*own)["text"], "Tôi bị đau đầu");
    EXPECT_EQ((*own)["lang"], "vi");
    EXPECT_EQ((*own)["sender"], "patient");
    EXPECT_EQ((*own)["translation"]["status"], "pending");
    EXPECT_EQ((*own)["translation"]["lang"], "ko");

    // An agent sees the room waiting, with the patient's first words in Korean.
    agent = connectAgent();
    auto queue = agent->take([this](const Json &f) {
        return f["type"] == "queue" && !f["rooms"].empty() &&
               f["rooms"][0].value("first_message_translation", std::string{}) != "";
    });
    ASSERT_TRUE(queue);
    EXPECT_EQ((*queue)["rooms"][0]["room_id"], room.id.toStdString());
    EXPECT_EQ((*queue)["rooms"][0]["status"], "waiting");
    EXPECT_EQ((*queue)["rooms"][0]["patient_language"], "vi");
    EXPECT_EQ((*queue)["rooms"][0]["first_message"], "Tôi bị đau đầu");
    EXPECT_EQ((*queue)["rooms"][0]["first_message_translation"], "[vi>ko] Tôi bị đau đầu");

    agent->send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    const auto active = agent->take(frameWith("room", "status", "active"));
    ASSERT_TRUE(active);
    EXPECT_EQ((*active)["agent"]["id"], agentId.toStdString());
    EXPECT_EQ((*active)["agent"]["name"], "김민지");
    EXPECT_TRUE((*active)["patient_online"].get<bool>());
    EXPECT_TRUE((*active)["agent_online"].get<bool>());
    const auto emptied =
        agent->take([](const Json &f) { return f["type"] == "queue" && f["rooms"].empty(); });
    EXPECT_TRUE(emptied);

    // The agent reads the history: the patient's message with its translation.
    agent->send({{"type", "history"}, {"room_id", room.id.toStdString()}, {"after_seq", 0}});
    const auto first = agent->take(frameWith("message", "seq", 1));
    ASSERT_TRUE(first);
    EXPECT_EQ((*first)["translation"]["text"], "[vi>ko] Tôi bị đau đầu");
    EXPECT_EQ((*first)["translation"]["status"], "ok");
    const auto joined = agent->take(frameWith("message", "seq", 2));
    ASSERT_TRUE(joined);
    EXPECT_EQ((*joined)["sender"], "system");
    EXPECT_EQ((*joined)["event"], "agent_joined");

    // The patient was told in Vietnamese, by a vetted notice.
    const auto notice = patient->take(frameWith("message", "event", "agent_joined"));
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["translation"]["status"], "vetted");
    EXPECT_EQ((*notice)["translation"]["lang"], "vi");
    EXPECT_NE((*notice)["translation"]["text"].get<std::string>().find("김민지"),
              std::string::npos);

    // The agent answers in Korean; the patient reads it in Vietnamese.
    const auto agentAck = sendText(*agent, room.id, "a-1", "언제부터 아프셨어요?");
    ASSERT_TRUE(agentAck);
    EXPECT_EQ((*agentAck)["seq"], 3);
    const auto reply = patient->take(frameWith("message", "seq", 3));
    ASSERT_TRUE(reply);
    EXPECT_EQ((*reply)["sender"], "agent");
    EXPECT_EQ((*reply)["sender_name"], "김민지");
    EXPECT_EQ((*reply)["lang"], "ko");
    const auto update = patient->take(frameWith("translation", "seq", 3));
    ASSERT_TRUE(update);
    EXPECT_EQ((*update)["translation"]["text"], "[ko>vi] 언제부터 아프셨어요?");
    EXPECT_EQ((*update)["translation"]["lang"], "vi");

    // And the patient answers again, in the same room; seq continues without gaps.
    const auto second = sendText(*patient, room.id, "p-2", "Từ hôm qua");
    ASSERT_TRUE(second);
    EXPECT_EQ((*second)["seq"], 4);
    const auto atAgent = agent->take(frameWith("message", "seq", 4));
    ASSERT_TRUE(atAgent);
    EXPECT_EQ((*atAgent)["text"], "Từ hôm qua");
}

TEST_F(ConversationTest, TranslationAtHandGoesInsideTheMessage)
{
    openAcceptedRoom();
    ScriptedTranslator::Rule cached;
    cached.immediate = true;
    cached.output = QStringLiteral("머리가 아파요");
    translator->setRule(QStringLiteral("Tôi bị đau đầu"), cached);
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "Tôi bị đau đầu"));
    const auto message = agent->take(frameWith("message", "sender", "patient"));
    ASSERT_TRUE(message);
    EXPECT_EQ((*message)["translation"]["status"], "cached");
    EXPECT_EQ((*message)["translation"]["text"], "머리가 아파요");
    // Nothing more is coming for it.
    const auto rest = agent->drain(300);
    for (const auto &f : rest)
        EXPECT_NE(f["type"], "translation") << f.dump();
}

TEST_F(ConversationTest, SlowTranslationHoldsNoMessageBack)
{
    openAcceptedRoom();
    ScriptedTranslator::Rule slow;
    slow.delayMs = 800;
    translator->setRule(QStringLiteral("first, slow to translate"), slow);
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "first, slow to translate"));
    ASSERT_TRUE(sendText(*patient, room.id, "p-2", "second, quick"));

    // Both messages reach the agent in seq order before the slow translation is done.
    const auto m1 = agent->take(frameWith("message", "sender", "patient"));
    const auto m2 = agent->take(frameWith("message", "sender", "patient"));
    ASSERT_TRUE(m1 && m2);
    EXPECT_EQ((*m1)["text"], "first, slow to translate");
    EXPECT_EQ((*m2)["text"], "second, quick");
    EXPECT_EQ((*m2)["seq"].get<int>(), (*m1)["seq"].get<int>() + 1);
    EXPECT_EQ((*m1)["translation"]["status"], "pending");
    for (const auto &f : agent->inbox())
        EXPECT_FALSE(f["type"] == "translation" && f["seq"] == (*m1)["seq"])
            << "slow translation came too early";

    // Then both translations follow, the quick one first.
    const auto t1 = agent->takeType("translation", 5000);
    const auto t2 = agent->takeType("translation", 5000);
    ASSERT_TRUE(t1 && t2);
    EXPECT_EQ((*t1)["seq"], (*m2)["seq"]);
    EXPECT_EQ((*t2)["seq"], (*m1)["seq"]);
    EXPECT_EQ((*t2)["translation"]["text"], "[vi>ko] first, slow to translate");
}

TEST_F(ConversationTest, FailedOrHangingTranslationEndsUnavailableAndIsStored)
{
    openAcceptedRoom();
    ScriptedTranslator::Rule fail;
    fail.fail = true;
    translator->setRule(QStringLiteral("provider fails"), fail);
    ScriptedTranslator::Rule hang;
    hang.hang = true;
    translator->setRule(QStringLiteral("provider hangs"), hang);

    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "provider fails"));
    ASSERT_TRUE(sendText(*patient, room.id, "p-2", "provider hangs"));
    const auto failed = agent->take(frameWith("translation", "seq", 2));
    ASSERT_TRUE(failed);
    EXPECT_EQ((*failed)["translation"]["status"], "unavailable");
    EXPECT_EQ((*failed)["translation"]["text"], "provider fails");
    // The relay's deadline settles a translator that never answers.
    const auto late = agent->take(frameWith("translation", "seq", 3), 5000);
    ASSERT_TRUE(late);
    EXPECT_EQ((*late)["translation"]["status"], "unavailable");
    EXPECT_EQ((*late)["translation"]["warnings"][0], "deadline_exceeded");

    // History carries the latest translation.
    agent->drain(100);
    agent->send({{"type", "history"}, {"room_id", room.id.toStdString()}, {"after_seq", 1}});
    const auto h1 = agent->take(frameWith("message", "seq", 2));
    const auto h2 = agent->take(frameWith("message", "seq", 3));
    ASSERT_TRUE(h1 && h2);
    EXPECT_EQ((*h1)["translation"]["status"], "unavailable");
    EXPECT_EQ((*h2)["translation"]["status"], "unavailable");
}

TEST_F(ConversationTest, SameClientMsgIdTwiceMakesOneMessage)
{
    openAcceptedRoom();
    const auto first = sendText(*patient, room.id, "same-id", "Xin chào");
    const auto again = sendText(*patient, room.id, "same-id", "Xin chào");
    ASSERT_TRUE(first && again);
    EXPECT_EQ((*first)["seq"], (*again)["seq"]);
    EXPECT_EQ((*first)["msg_id"], (*again)["msg_id"]);

    // Also when both arrive back to back, before the first is stored.
    patient->send({{"type", "send"},
                   {"room_id", room.id.toStdString()},
                   {"client_msg_id", "burst"},
                   {"text", "một"}});
    patient->send({{"type", "send"},
                   {"room_id", room.id.toStdString()},
                   {"client_msg_id", "burst"},
                   {"text", "một"}});
    const auto b1 = patient->take(frameWith("ack", "client_msg_id", "burst"));
    const auto b2 = patient->take(frameWith("ack", "client_msg_id", "burst"));
    ASSERT_TRUE(b1 && b2);
    EXPECT_EQ((*b1)["seq"], (*b2)["seq"]);

    auto frames = agent->drain(400);
    int messages = 0;
    for (const auto &f : frames)
        messages += f["type"] == "message" ? 1 : 0;
    EXPECT_EQ(messages, 2);

    const auto history = HttpClient::get(
        relay->http(QStringLiteral("/api/rooms/%1/messages").arg(room.id)), room.token);
    ASSERT_EQ(history.status, 200);
    const auto list = history.json()["messages"];
    ASSERT_EQ(list.size(), 3u); // agent_joined notice + two messages
    for (size_t i = 0; i < list.size(); ++i)
        EXPECT_EQ(list[i]["seq"], i + 1);
}

TEST_F(ConversationTest, TypingReadAndEnd)
{
    openAcceptedRoom();
    patient->send({{"type", "typing"}, {"room_id", room.id.toStdString()}, {"active", true}});
    const auto typing = agent->takeType("typing");
    ASSERT_TRUE(typing);
    EXPECT_EQ((*typing)["role"], "patient");
    EXPECT_EQ((*typing)["active"], true);

    ASSERT_TRUE(sendText(*agent, room.id, "a-1", "안녕하세요"));
    agent->send({{"type", "typing"}, {"room_id", room.id.toStdString()}, {"active", false}});
    const auto agentTyping = patient->takeType("typing");
    ASSERT_TRUE(agentTyping);
    EXPECT_EQ((*agentTyping)["role"], "agent");
    EXPECT_EQ((*agentTyping)["active"], false);

    patient->send({{"type", "read"}, {"room_id", room.id.toStdString()}, {"seq", 2}});
    const auto read = agent->takeType("read");
    ASSERT_TRUE(read);
    EXPECT_EQ((*read)["role"], "patient");
    EXPECT_EQ((*read)["seq"], 2);

    agent->send({{"type", "end"}, {"room_id", room.id.toStdString()}});
    const auto endedAtPatient = patient->takeType("ended");
    const auto endedAtAgent = agent->takeType("ended");
    ASSERT_TRUE(endedAtPatient && endedAtAgent);
    EXPECT_EQ((*endedAtPatient)["by"], "agent");
    const auto notice = patient->take(frameWith("message", "event", "ended"));
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["translation"]["lang"], "vi");

    patient->send({{"type", "send"},
                   {"room_id", room.id.toStdString()},
                   {"client_msg_id", "late"},
                   {"text", "Còn một câu hỏi"}});
    const auto refused = patient->take(frameWith("error", "ref", "late"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "room_ended");
    EXPECT_FALSE(patient->take(frameWith("ack", "client_msg_id", "late"), 200));

    // The read mark and the ended status survive in the room object a new connection gets.
    WsClient again;
    ASSERT_TRUE(again.open(relay->ws()));
    const auto welcome = again.hello("patient", room.token);
    ASSERT_TRUE(welcome);
    EXPECT_EQ((*welcome)["rooms"][0]["patient_read_seq"], 2);
    EXPECT_EQ((*welcome)["rooms"][0]["status"], "ended");
}

} // namespace medtranslate::test
