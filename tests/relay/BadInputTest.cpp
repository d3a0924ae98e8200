#include "RelayFixture.h"

namespace medtranslate::test {

class BadInputTest : public RelayFixture
{
protected:
    //! The error frame answering the last thing sent.
    std::optional<Json> error(WsClient &client) { return client.takeType("error", 3000); }
};

TEST_F(BadInputTest, MalformedFramesGetAnErrorAndTheConnectionStaysOpen)
{
    openAcceptedRoom();
    patient->sendText(QStringLiteral("{not json"));
    auto e = error(*patient);
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "bad_request");

    patient->send({{"type", "dance"}});
    e = error(*patient);
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "bad_request");
    EXPECT_NE((*e)["message"].get<std::string>().find("dance"), std::string::npos);

    patient->send({{"type", "send"}, {"room_id", room.id.toStdString()}, {"client_msg_id", "x-1"}});
    e = error(*patient);
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "bad_request");
    EXPECT_EQ((*e)["ref"], "x-1");
    EXPECT_NE((*e)["message"].get<std::string>().find("text"), std::string::npos);

    patient->send({{"type", "send"},
                   {"room_id", room.id.toStdString()},
                   {"client_msg_id", "x-2"},
                   {"text", std::string(5000, 'a')}});
    e = error(*patient);
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "too_large");
    EXPECT_EQ((*e)["ref"], "x-2");

    patient->sendText(QString(70 * 1024, QLatin1Char('x')));
    e = error(*patient);
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "too_large");

    // Still a working connection.
    const auto ack = sendText(*patient, room.id, "ok-1", "Vẫn ổn");
    EXPECT_TRUE(ack);
    EXPECT_FALSE(patient->isClosed());
}

TEST_F(BadInputTest, KeepsSendingGarbageIsClosedWith1008AndOthersAreUndisturbed)
{
    openAcceptedRoom();
    const auto other = relay->createRoom(QStringLiteral("en"));
    auto bystander = connectPatient(other);
    WsClient vandal;
    ASSERT_TRUE(vandal.open(relay->ws()));
    for (int i = 0; i < 15; ++i)
        vandal.sendText(QStringLiteral("garbage %1").arg(i));
    ASSERT_TRUE(vandal.waitForClosed(3000));
    EXPECT_EQ(vandal.closeCode(), 1008);

    EXPECT_TRUE(sendText(*bystander, other.id, "b-1", "Hello, I have a question"));
    EXPECT_TRUE(sendText(*patient, room.id, "p-1", "Xin chào"));
}

TEST_F(BadInputTest, NoHelloInTimeIsClosedWith1008)
{
    WsClient silent;
    ASSERT_TRUE(silent.open(relay->ws()));
    ASSERT_TRUE(silent.waitForClosed(5000));
    EXPECT_EQ(silent.closeCode(), 1008);
}

TEST_F(BadInputTest, FramesBeforeHelloAreRefused)
{
    room = relay->createRoom(QStringLiteral("vi"));
    WsClient early;
    ASSERT_TRUE(early.open(relay->ws()));
    early.send({{"type", "send"},
                {"room_id", room.id.toStdString()},
                {"client_msg_id", "e-1"},
                {"text", "hi"}});
    const auto e = early.takeType("error");
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "unauthorized");
}

TEST_F(BadInputTest, WrongTokenIsUnauthorizedAndClosed)
{
    WsClient intruder;
    ASSERT_TRUE(intruder.open(relay->ws()));
    const auto answer = intruder.hello("patient", QStringLiteral("not-a-token"));
    ASSERT_TRUE(answer);
    EXPECT_EQ((*answer)["type"], "error");
    EXPECT_EQ((*answer)["code"], "unauthorized");
    ASSERT_TRUE(intruder.waitForClosed());
    EXPECT_EQ(intruder.closeCode(), 1008);

    WsClient fakeAgent;
    ASSERT_TRUE(fakeAgent.open(relay->ws()));
    const auto agentAnswer = fakeAgent.hello("agent", QStringLiteral("forged-agent-token"));
    ASSERT_TRUE(agentAnswer);
    EXPECT_EQ((*agentAnswer)["code"], "unauthorized");
}

TEST_F(BadInputTest, TokenForAnotherRoomCannotReachIt)
{
    openAcceptedRoom();
    const auto other = relay->createRoom(QStringLiteral("ja"));
    auto otherPatient = connectPatient(other);
    otherPatient->send({{"type", "send"},
                        {"room_id", room.id.toStdString()},
                        {"client_msg_id", "spy-1"},
                        {"text", "こんにちは"}});
    const auto e = otherPatient->take(frameWith("error", "ref", "spy-1"));
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "forbidden");
    otherPatient->send({{"type", "history"}, {"room_id", room.id.toStdString()}, {"after_seq", 0}});
    const auto h = otherPatient->takeType("error");
    ASSERT_TRUE(h);
    EXPECT_EQ((*h)["code"], "forbidden");
    // Unknown rooms are not found.
    otherPatient->send({{"type", "send"},
                        {"room_id", "no-such-room"},
                        {"client_msg_id", "spy-2"},
                        {"text", "hello"}});
    const auto n = otherPatient->take(frameWith("error", "ref", "spy-2"));
    ASSERT_TRUE(n);
    EXPECT_EQ((*n)["code"], "not_found");
    // Nothing reached the first room.
    for (const auto &f : agent->drain(200))
        EXPECT_NE(f["type"], "message") << f.dump();
}

TEST_F(BadInputTest, AgentCannotWriteIntoARoomItHasNotAccepted)
{
    room = relay->createRoom(QStringLiteral("th"));
    patient = connectPatient(room);
    agent = connectAgent();
    agent->send({{"type", "send"},
                 {"room_id", room.id.toStdString()},
                 {"client_msg_id", "a-1"},
                 {"text", "안녕하세요"}});
    const auto e = agent->take(frameWith("error", "ref", "a-1"));
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "forbidden");
    // Templates are for agents only.
    patient->send({{"type", "send"},
                   {"room_id", room.id.toStdString()},
                   {"client_msg_id", "t-1"},
                   {"template_id", "greeting-hello"}});
    const auto t = patient->take(frameWith("error", "ref", "t-1"));
    ASSERT_TRUE(t);
    EXPECT_EQ((*t)["code"], "forbidden");
}

} // namespace medtranslate::test
