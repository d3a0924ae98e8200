#include "RelayFixture.h"
#include "admin/AgentAdmin.h"
#include "storage/Store.h"

namespace medtranslate::test {

class AgentWorkflowTest : public RelayFixture
{
protected:
    //! The relay's database opened beside it, as an account command opens it.
    std::unique_ptr<relay::Store> besideTheRelay()
    {
        auto store = std::make_unique<relay::Store>(relay->config().store);
        QString error;
        EXPECT_TRUE(store->open(&error)) << error.toStdString();
        return store;
    }
};

TEST_F(AgentWorkflowTest, SecondAgentToAcceptGetsAlreadyAssigned)
{
    relay->addAgent(QStringLiteral("lee"), QStringLiteral("이서준"));
    room = relay->createRoom(QStringLiteral("zh"));
    agent = connectAgent();
    auto second = connectAgent(QStringLiteral("lee"));
    agent->send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    second->send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(agent->take(frameWith("room", "status", "active")));
    const auto refused = second->takeType("error");
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "already_assigned");
}

TEST_F(AgentWorkflowTest, TemplateSendsVettedTextWithoutMachineTranslation)
{
    openAcceptedRoom();
    const QString token = relay->login(QStringLiteral("kim"));
    const auto templates =
        HttpClient::get(relay->http(QStringLiteral("/api/templates")), token).json()["templates"];
    ASSERT_FALSE(templates.empty());
    const auto &chosen = templates[0];
    const int before = translator->calls();
    agent->send({{"type", "send"},
                 {"room_id", room.id.toStdString()},
                 {"client_msg_id", "tpl-1"},
                 {"template_id", chosen["id"]}});
    const auto message = patient->take(frameWith("message", "client_msg_id", "tpl-1"));
    ASSERT_TRUE(message);
    EXPECT_EQ((*message)["text"], chosen["texts"]["ko"]);
    EXPECT_EQ((*message)["translation"]["text"], chosen["texts"]["vi"]);
    EXPECT_EQ((*message)["translation"]["status"], "vetted");
    EXPECT_EQ((*message)["template_id"], chosen["id"]);
    EXPECT_EQ(translator->calls(), before);

    agent->send({{"type", "send"},
                 {"room_id", room.id.toStdString()},
                 {"client_msg_id", "tpl-2"},
                 {"template_id", "no-such-template"}});
    const auto e = agent->take(frameWith("error", "ref", "tpl-2"));
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "not_found");
}

TEST_F(AgentWorkflowTest, PreviewShowsTranslationAndBackTranslation)
{
    openAcceptedRoom();
    agent->send({{"type", "preview"},
                 {"room_id", room.id.toStdString()},
                 {"text", "내일 오전 10시에 오세요"},
                 {"request_id", "pv-1"}});
    const auto preview = agent->take(frameWith("preview", "request_id", "pv-1"));
    ASSERT_TRUE(preview);
    EXPECT_EQ((*preview)["translation"]["text"], "[ko>vi] 내일 오전 10시에 오세요");
    EXPECT_EQ((*preview)["translation"]["lang"], "vi");
    EXPECT_EQ((*preview)["back_translation"]["lang"], "ko");
    EXPECT_EQ((*preview)["back_translation"]["text"], "[vi>ko] [ko>vi] 내일 오전 10시에 오세요");
    // Nothing was sent to the patient.
    for (const auto &f : patient->drain(200))
        EXPECT_NE(f["type"], "message") << f.dump();
}

TEST_F(AgentWorkflowTest, TransferMovesTheRoomToAnotherAgent)
{
    const QString leeId = relay->addAgent(QStringLiteral("lee"), QStringLiteral("이서준"));
    openAcceptedRoom();
    auto lee = connectAgent(QStringLiteral("lee"));
    agent->send({{"type", "transfer"},
                 {"room_id", room.id.toStdString()},
                 {"agent_id", leeId.toStdString()}});
    const auto atLee = lee->take([&](const Json &f) {
        return f["type"] == "room" && f["agent"].is_object() &&
               f["agent"]["id"] == leeId.toStdString();
    });
    ASSERT_TRUE(atLee);
    const auto atKim = agent->take([&](const Json &f) {
        return f["type"] == "room" && f["agent"].is_object() &&
               f["agent"]["id"] == leeId.toStdString();
    });
    ASSERT_TRUE(atKim) << "the previous agent must learn the room moved";
    const auto notice = patient->take(frameWith("message", "event", "transferred"));
    ASSERT_TRUE(notice);

    // Now lee may write and kim may not.
    EXPECT_TRUE(sendText(*lee, room.id, "lee-1", "안녕하세요, 이서준입니다"));
    agent->send({{"type", "send"},
                 {"room_id", room.id.toStdString()},
                 {"client_msg_id", "kim-late"},
                 {"text", "저예요"}});
    const auto e = agent->take(frameWith("error", "ref", "kim-late"));
    ASSERT_TRUE(e);
    EXPECT_EQ((*e)["code"], "forbidden");

    agent->send(
        {{"type", "transfer"}, {"room_id", room.id.toStdString()}, {"agent_id", "no-such-agent"}});
    const auto stray = agent->takeType("error");
    ASSERT_TRUE(stray);
}

TEST_F(AgentWorkflowTest, AnEndedRoomStaysEndedAfterEveryoneLeft)
{
    openAcceptedRoom();
    patient.reset();
    ASSERT_TRUE(agent->take(
        [](const Json &f) { return f["type"] == "room" && f["patient_online"] == false; }));
    agent->send({{"type", "end"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(agent->takeType("ended"));
    agent->send({{"type", "send"},
                 {"room_id", room.id.toStdString()},
                 {"client_msg_id", "after-end"},
                 {"text", "한 가지 더요"}});
    const auto refused = agent->take(frameWith("error", "ref", "after-end"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "room_ended") << refused->dump();
    // The patient coming back later finds the whole consultation, ended.
    patient = connectPatient(room);
    const auto notice = patient->take(frameWith("message", "event", "ended"));
    ASSERT_TRUE(notice);
}

TEST_F(AgentWorkflowTest, AgentPresenceIsPushedToThePatient)
{
    openAcceptedRoom();
    agent.reset();
    const auto offline = patient->take(
        [](const Json &f) { return f["type"] == "room" && f["agent_online"] == false; });
    ASSERT_TRUE(offline);
    agent = connectAgent();
    const auto online = patient->take(
        [](const Json &f) { return f["type"] == "room" && f["agent_online"] == true; });
    ASSERT_TRUE(online);
}

TEST_F(AgentWorkflowTest, TransferToADisabledAgentIsRefused)
{
    const QString leeId = relay->addAgent(QStringLiteral("lee"), QStringLiteral("이서준"));
    openAcceptedRoom();
    auto beside = besideTheRelay();
    QString error;
    ASSERT_TRUE(relay::AgentAdmin(*beside).setEnabled(QStringLiteral("lee"), false, &error))
        << error.toStdString();
    agent->send({{"type", "transfer"},
                 {"room_id", room.id.toStdString()},
                 {"agent_id", leeId.toStdString()}});
    const auto refused = agent->takeType("error");
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "bad_request");
    EXPECT_NE((*refused)["message"].get<std::string>().find("disabled"), std::string::npos);
}

TEST_F(AgentWorkflowTest, ARoleChangedBesideTheRelayAppliesToOpenConnections)
{
    relay->addAgent(QStringLiteral("lee"), QStringLiteral("이서준"), QStringLiteral("admin"));
    openAcceptedRoom();
    auto lee = connectAgent(QStringLiteral("lee"));
    // An admin may write into a colleague's room.
    ASSERT_TRUE(sendText(*lee, room.id, "lee-as-admin", "관리자입니다"));

    relay::AgentChanges demoted;
    demoted.role = QStringLiteral("agent");
    auto beside = besideTheRelay();
    QString error;
    ASSERT_TRUE(relay::AgentAdmin(*beside).update(QStringLiteral("lee"), demoted, &error))
        << error.toStdString();
    // The relay notices on one of its next polls; until then the sends still go through.
    std::string code;
    for (int attempt = 0; attempt < 100 && code != "forbidden"; ++attempt) {
        const std::string id = "lee-" + std::to_string(attempt);
        lee->send({{"type", "send"},
                   {"room_id", room.id.toStdString()},
                   {"client_msg_id", id},
                   {"text", "다시 보냅니다"}});
        const auto answer = lee->take([&id](const Json &f) {
            return (f["type"] == "ack" && f["client_msg_id"] == id) ||
                   (f["type"] == "error" && f.value("ref", std::string{}) == id);
        });
        ASSERT_TRUE(answer);
        code = answer->value("code", std::string{});
        if (code != "forbidden")
            lee->drain(100);
    }
    EXPECT_EQ(code, "forbidden") << "lee is no longer an admin";
    EXPECT_FALSE(lee->isClosed()) << "a role change does not end the session";
}

} // namespace medtranslate::test
