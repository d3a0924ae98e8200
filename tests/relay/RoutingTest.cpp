// Automatic routing, agent status, the grace period after an agent leaves, and transfer notes,
// over real WebSockets to an in-process relay.
#include "RelayFixture.h"
#include "admin/AgentAdmin.h"
#include "core/QueueForecast.h"

#include <QThread>

namespace medtranslate::test {

namespace {

//! The room frame that shows `roomId` with `agentId`.
WsClient::Predicate assignedFrame(const QString &roomId, const QString &agentId)
{
    return [room = roomId.toStdString(), agent = agentId.toStdString()](const Json &f) {
        return f.value("type", std::string{}) == "room" &&
               f.value("room_id", std::string{}) == room &&
               f.value("status", std::string{}) == "active" && f["agent"].is_object() &&
               f["agent"]["id"] == agent;
    };
}

//! The queue frame whose room ids are exactly `ids`, in that order.
WsClient::Predicate queueOf(const std::vector<QString> &ids)
{
    return [ids](const Json &f) {
        if (f.value("type", std::string{}) != "queue" || f["rooms"].size() != ids.size())
            return false;
        for (size_t i = 0; i < ids.size(); ++i) {
            if (f["rooms"][i]["room_id"] != ids[i].toStdString())
                return false;
        }
        return true;
    };
}

} // namespace

class RoutingTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.autoRouting = true;
        config.agentGraceSeconds = graceSeconds;
    }

    //! An agent account reading `languages`, taking at most `maxChats` (0: the default).
    QString addAgent(const QString &username, const QStringList &languages, int maxChats = 0,
                     const QString &role = QStringLiteral("agent"))
    {
        relay::AgentRecord record;
        record.username = username;
        record.displayName = username;
        record.role = role;
        record.languages = languages;
        record.maxChats = maxChats;
        relay::AgentAdmin admin(relay->server().store());
        QString error;
        EXPECT_TRUE(admin.addAgent(record, TestRelay::password(), &error)) << error.toStdString();
        for (const auto &a : admin.list(&error).value_or(std::vector<relay::AgentRecord>{})) {
            if (a.username == username)
                return a.id;
        }
        return {};
    }

    //! Every frame `client` got within `ms` that shows `roomId` assigned to anyone.
    static bool sawAssignment(WsClient &client, const QString &roomId, int ms)
    {
        for (const auto &f : client.drain(ms)) {
            if (f.value("type", std::string{}) == "room" &&
                f.value("room_id", std::string{}) == roomId.toStdString() &&
                f.value("status", std::string{}) == "active")
                return true;
        }
        return false;
    }

    int graceSeconds = 60;
};

TEST_F(RoutingTest, ANewRoomGoesToTheAgentWhoReadsItsLanguage)
{
    const QString thaiId = addAgent(QStringLiteral("somchai"), {QStringLiteral("th")});
    const QString vietId = addAgent(QStringLiteral("lan"), {QStringLiteral("vi")});
    auto thai = connectAgent(QStringLiteral("somchai"));
    auto viet = connectAgent(QStringLiteral("lan"));

    room = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(viet->take(assignedFrame(room.id, vietId)));
    EXPECT_FALSE(sawAssignment(*thai, room.id, 300)) << "the Thai reader must not hear of it";

    // The patient finds the room active with that agent, and the joined notice.
    patient = connectPatient(room);
    ASSERT_TRUE(patient->take(frameWith("message", "event", "agent_joined")));
    ASSERT_TRUE(sendText(*viet, room.id, "lan-1", "안녕하세요"));

    // A Thai room goes to the other one.
    const auto thaiRoom = relay->createRoom(QStringLiteral("th"));
    ASSERT_TRUE(thai->take(assignedFrame(thaiRoom.id, thaiId)));

    // Nobody reads Japanese: that room waits in the queue.
    const auto japanese = relay->createRoom(QStringLiteral("ja"));
    ASSERT_TRUE(viet->take(queueOf({japanese.id})));
    EXPECT_FALSE(sawAssignment(*viet, japanese.id, 300));
}

TEST_F(RoutingTest, CapacityFewestChatsAndTiesToTheAgentIdleLongest)
{
    const QString aId = addAgent(QStringLiteral("agent-a"), {QStringLiteral("vi")}, 2);
    const QString bId = addAgent(QStringLiteral("agent-b"), {QStringLiteral("vi")}, 1);
    auto a = connectAgent(QStringLiteral("agent-a"));
    QThread::msleep(20); // a has been idle longer than b
    auto b = connectAgent(QStringLiteral("agent-b"));

    // Both have none: the tie goes to a, idle since it connected, before b.
    const auto first = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(a->take(assignedFrame(first.id, aId)));
    // b has fewer active chats.
    const auto second = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(b->take(assignedFrame(second.id, bId)));
    // b is at its maximum of 1; a has room for one more.
    const auto third = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(a->take(assignedFrame(third.id, aId)));
    // Everyone is full: the fourth waits.
    const auto fourth = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(a->take(queueOf({fourth.id})));
    EXPECT_FALSE(sawAssignment(*a, fourth.id, 300));
    EXPECT_FALSE(sawAssignment(*b, fourth.id, 0));

    // b ends its chat: its capacity frees and the waiting room is offered to it at once.
    b->send({{"type", "end"}, {"room_id", second.id.toStdString()}});
    ASSERT_TRUE(b->take(assignedFrame(fourth.id, bId)));
}

TEST_F(RoutingTest, TiesGoToWhoseLastAssignmentIsOldest)
{
    const QString aId = addAgent(QStringLiteral("agent-a"), {QStringLiteral("en")});
    const QString bId = addAgent(QStringLiteral("agent-b"), {QStringLiteral("en")});
    auto a = connectAgent(QStringLiteral("agent-a"));
    QThread::msleep(20);
    auto b = connectAgent(QStringLiteral("agent-b"));
    const auto r1 = relay->createRoom(QStringLiteral("en"));
    ASSERT_TRUE(a->take(assignedFrame(r1.id, aId)));
    const auto r2 = relay->createRoom(QStringLiteral("en"));
    ASSERT_TRUE(b->take(assignedFrame(r2.id, bId)));
    // One chat each: a's last assignment is the older, so a is the one idle longest.
    const auto r3 = relay->createRoom(QStringLiteral("en"));
    ASSERT_TRUE(a->take(assignedFrame(r3.id, aId)));
    const auto r4 = relay->createRoom(QStringLiteral("en"));
    ASSERT_TRUE(b->take(assignedFrame(r4.id, bId)));
}

TEST_F(RoutingTest, AnAwayAgentGetsNoNewRoomsButKeepsItsOwn)
{
    const QString aId = addAgent(QStringLiteral("agent-a"), {QStringLiteral("vi")});
    const QString watcherId = addAgent(QStringLiteral("watcher"), {QStringLiteral("th")});
    auto a = connectAgent(QStringLiteral("agent-a"));
    auto watcher = connectAgent(QStringLiteral("watcher"));
    room = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(a->take(assignedFrame(room.id, aId)));
    patient = connectPatient(room);

    a->send({{"type", "status"}, {"status", "away"}});
    // Colleagues see it away, with its one chat.
    ASSERT_TRUE(watcher->take([&](const Json &f) {
        if (f.value("type", std::string{}) != "agents")
            return false;
        for (const auto &entry : f["agents"]) {
            if (entry["id"] == aId.toStdString())
                return entry["status"] == "away" && entry["active_chats"] == 1;
        }
        return false;
    }));
    const auto waiting = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(a->take(queueOf({waiting.id})));
    EXPECT_FALSE(sawAssignment(*a, waiting.id, 400));
    // Its own room still works both ways.
    ASSERT_TRUE(sendText(*a, room.id, "away-1", "잠시만요"));
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "vâng"));

    // Back online: the waiting room is offered to it now.
    a->send({{"type", "status"}, {"status", "online"}});
    ASSERT_TRUE(a->take(assignedFrame(waiting.id, aId)));
    EXPECT_FALSE(watcherId.isEmpty());
}

TEST_F(RoutingTest, AWaitingRoomGoesToTheFirstAgentWhoComesOnline)
{
    room = relay->createRoom(QStringLiteral("zh"));
    patient = connectPatient(room);
    EXPECT_FALSE(sawAssignment(*patient, room.id, 300)) << "nobody is online to take it";
    agent = connectAgent(); // kim reads every patient language
    ASSERT_TRUE(agent->take(assignedFrame(room.id, agentId)));
    ASSERT_TRUE(patient->take(assignedFrame(room.id, agentId)));
    ASSERT_TRUE(patient->take(frameWith("message", "event", "agent_joined")));
}

TEST_F(RoutingTest, AcceptingAnAutoAssignedRoomIsAlreadyAssigned)
{
    const QString aId = addAgent(QStringLiteral("agent-a"), {QStringLiteral("vi")});
    addAgent(QStringLiteral("agent-b"), {QStringLiteral("th")});
    auto a = connectAgent(QStringLiteral("agent-a"));
    auto b = connectAgent(QStringLiteral("agent-b"));
    room = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(a->take(assignedFrame(room.id, aId)));
    b->send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    const auto refused = b->takeType("error");
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "already_assigned");
    // a's own accept of it is refused the same way, and the room stays a's.
    a->send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    const auto again = a->takeType("error");
    ASSERT_TRUE(again);
    EXPECT_EQ((*again)["code"], "already_assigned");
    EXPECT_TRUE(sendText(*a, room.id, "a-1", "안녕하세요"));
}

TEST_F(RoutingTest, StatusFramesAreCheckedAndOnlyForAgents)
{
    room = relay->createRoom(QStringLiteral("vi"));
    patient = connectPatient(room);
    patient->send({{"type", "status"}, {"status", "away"}});
    const auto forbidden = patient->takeType("error");
    ASSERT_TRUE(forbidden);
    EXPECT_EQ((*forbidden)["code"], "forbidden");

    agent = connectAgent();
    ASSERT_TRUE(agent->take(assignedFrame(room.id, agentId)));
    for (const Json &status : {Json("offline"), Json("busy"), Json(3)}) {
        agent->send({{"type", "status"}, {"status", status}});
        const auto refused = agent->takeType("error");
        ASSERT_TRUE(refused) << status.dump();
        EXPECT_EQ((*refused)["code"], "bad_request") << status.dump();
    }
    agent->send({{"type", "status"}});
    const auto missing = agent->takeType("error");
    ASSERT_TRUE(missing);
    EXPECT_EQ((*missing)["code"], "bad_request");
    // None of them changed anything: the agent is still online and takes the next room.
    const auto next = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(agent->take(assignedFrame(next.id, agentId)));
}

class RoutingGraceTest : public RoutingTest
{
protected:
    void SetUp() override
    {
        graceSeconds = 1;
        RoutingTest::SetUp();
    }
};

TEST_F(RoutingGraceTest, AfterTheGracePeriodRoomsGoBackFirstInLineWithANotice)
{
    const QString aId = addAgent(QStringLiteral("agent-a"), {QStringLiteral("vi")}, 1);
    addAgent(QStringLiteral("watcher"), {QStringLiteral("th")});
    auto a = connectAgent(QStringLiteral("agent-a"));
    auto watcher = connectAgent(QStringLiteral("watcher"));
    room = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(a->take(assignedFrame(room.id, aId)));
    patient = connectPatient(room);
    const auto later = relay->createRoom(QStringLiteral("vi")); // a is full: it waits
    ASSERT_TRUE(watcher->take(queueOf({later.id})));

    a.reset(); // a's only connection drops
    ASSERT_TRUE(patient->take([&](const Json &f) {
        return f.value("type", std::string{}) == "room" && f.value("agent_online", true) == false;
    }));
    // Within the grace period the room stays a's.
    EXPECT_FALSE(patient->take(frameWith("message", "event", "returned_to_queue"), 500));
    // Then it goes back, before the room that was waiting already.
    const auto notice = patient->take(frameWith("message", "event", "returned_to_queue"), 3000);
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["translation"]["lang"], "vi");
    EXPECT_EQ((*notice)["translation"]["status"], "vetted");
    ASSERT_TRUE(patient->take(frameWith("room", "status", "waiting")));
    ASSERT_TRUE(watcher->take(queueOf({room.id, later.id})));

    // When a returns, its old room comes first again.
    auto back = connectAgent(QStringLiteral("agent-a"));
    ASSERT_TRUE(back->take(assignedFrame(room.id, aId)));
    EXPECT_FALSE(sawAssignment(*back, later.id, 300)) << "a takes one chat at most";
}

TEST_F(RoutingGraceTest, ReconnectingWithinTheGracePeriodKeepsTheRooms)
{
    const QString aId = addAgent(QStringLiteral("agent-a"), {QStringLiteral("vi")});
    auto a = connectAgent(QStringLiteral("agent-a"));
    room = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(a->take(assignedFrame(room.id, aId)));
    patient = connectPatient(room);
    a->send({{"type", "status"}, {"status", "away"}});
    ASSERT_TRUE(a->take([&](const Json &f) {
        return f.value("type", std::string{}) == "agents" && f["agents"].size() == 1 &&
               f["agents"][0]["status"] == "away";
    }));

    a.reset();
    QThread::msleep(300);
    auto back = connectAgent(QStringLiteral("agent-a"));
    // Well past the grace period the room is still with a, and the patient heard nothing.
    for (const auto &f : patient->drain(1800)) {
        EXPECT_NE(f.value("event", std::string{}), "returned_to_queue") << f.dump();
        if (f.value("type", std::string{}) == "room") {
            EXPECT_EQ(f.value("status", std::string{}), "active") << f.dump();
        }
    }
    EXPECT_TRUE(sendText(*back, room.id, "back-1", "다시 왔습니다"));
    // It came back as it left, away: a new room is not for it.
    const auto next = relay->createRoom(QStringLiteral("vi"));
    EXPECT_FALSE(sawAssignment(*back, next.id, 400));
}

TEST_F(RoutingGraceTest, AfterARestartAnAbsentAgentHasItsGracePeriodToo)
{
    const QString aId = addAgent(QStringLiteral("agent-a"), {QStringLiteral("vi")});
    {
        auto a = connectAgent(QStringLiteral("agent-a"));
        room = relay->createRoom(QStringLiteral("vi"));
        ASSERT_TRUE(a->take(assignedFrame(room.id, aId)));
    }
    restartRelay();
    patient = connectPatient(room);
    const auto notice = patient->take(frameWith("message", "event", "returned_to_queue"), 3000);
    ASSERT_TRUE(notice) << "nobody came back within the grace period";
    ASSERT_TRUE(patient->take(frameWith("room", "status", "waiting")));
}

class ManualRoutingTest : public RelayFixture
{
};

TEST_F(ManualRoutingTest, RoomsWaitForAnAcceptAsBefore)
{
    agent = connectAgent();
    room = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(agent->take(queueOf({room.id})));
    for (const auto &f : agent->drain(400))
        EXPECT_NE(f.value("type", std::string{}), "room") << "nothing is assigned by itself";
    agent->send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(agent->take(assignedFrame(room.id, agentId)));
}

TEST_F(ManualRoutingTest, ATransferNoteReachesOnlyTheReceivingAgent)
{
    const QString leeId = relay->addAgent(QStringLiteral("lee"), QStringLiteral("이서준"));
    openAcceptedRoom();
    auto lee = connectAgent(QStringLiteral("lee"));
    const int callsBefore = translator->calls();
    const std::string note = "혈압약 문의, 처방전 사진 확인 필요";

    // Too long a note is refused, and the room stays where it was.
    agent->send({{"type", "transfer"},
                 {"room_id", room.id.toStdString()},
                 {"agent_id", leeId.toStdString()},
                 {"note", std::string(501, 'x')}});
    const auto tooLong = agent->takeType("error");
    ASSERT_TRUE(tooLong);
    EXPECT_EQ((*tooLong)["code"], "too_large");
    ASSERT_TRUE(sendText(*agent, room.id, "kim-still", "아직 제가 담당입니다"));

    agent->send({{"type", "transfer"},
                 {"room_id", room.id.toStdString()},
                 {"agent_id", leeId.toStdString()},
                 {"note", note}});
    const auto atLee = lee->takeType("transfer_note");
    ASSERT_TRUE(atLee);
    EXPECT_EQ((*atLee)["room_id"], room.id.toStdString());
    EXPECT_EQ((*atLee)["note"], note);
    EXPECT_EQ((*atLee)["from"]["id"], agentId.toStdString());
    ASSERT_TRUE(lee->take(assignedFrame(room.id, leeId)));
    ASSERT_TRUE(patient->take(frameWith("message", "event", "transferred")));

    // Nobody else sees the note: not the patient, not the previous agent, not a provider.
    for (auto *client : {patient.get(), agent.get()}) {
        for (const auto &f : client->drain(300)) {
            EXPECT_NE(f.value("type", std::string{}), "transfer_note");
            EXPECT_EQ(f.dump().find(note), std::string::npos) << f.dump();
        }
    }
    const auto history = HttpClient::get(
        relay->http(QStringLiteral("/api/rooms/%1/messages").arg(room.id)), room.token);
    ASSERT_EQ(history.status, 200);
    EXPECT_EQ(history.body.toStdString().find(note), std::string::npos);
    EXPECT_EQ(translator->calls(), callsBefore + 1) << "only kim's message was translated";

    // Lee reconnecting finds the note again, with the whole history to read.
    lee.reset();
    lee = connectAgent(QStringLiteral("lee"));
    const auto again = lee->takeType("transfer_note");
    ASSERT_TRUE(again);
    EXPECT_EQ((*again)["note"], note);
    lee->send({{"type", "history"}, {"room_id", room.id.toStdString()}, {"after_seq", 0}});
    ASSERT_TRUE(lee->take(frameWith("message", "client_msg_id", "kim-still")));
}

TEST_F(RoutingTest, WaitingPatientsHearTheirPlaceAndTheExpectedWait)
{
    auto placeOf = [](const QString &roomId, int position, int waiting) {
        return [=](const Json &f) {
            return f.value("type", std::string{}) == "queue_position" &&
                   f.value("room_id", std::string{}) == roomId.toStdString() &&
                   f["position"] == position && f["waiting"] == waiting;
        };
    };
    const auto first = relay->createRoom(QStringLiteral("vi"));
    auto firstPatient = connectPatient(first);
    const auto place = firstPatient->take(placeOf(first.id, 1, 1));
    ASSERT_TRUE(place);
    EXPECT_TRUE((*place)["expected_wait_s"].is_null()) << "nobody has waited yet to go by";

    const auto second = relay->createRoom(QStringLiteral("vi"));
    auto secondPatient = connectPatient(second);
    ASSERT_TRUE(secondPatient->take(placeOf(second.id, 2, 2)));
    ASSERT_TRUE(firstPatient->take(placeOf(first.id, 1, 2)));

    QThread::msleep(1100);
    const QString aId = addAgent(QStringLiteral("agent-a"), {QStringLiteral("vi")}, 1);
    auto a = connectAgent(QStringLiteral("agent-a"));
    ASSERT_TRUE(a->take(assignedFrame(first.id, aId)));
    // The second moves up, told how long the first one waited (over a second).
    const auto moved = secondPatient->take(placeOf(second.id, 1, 1));
    ASSERT_TRUE(moved);
    ASSERT_TRUE((*moved)["expected_wait_s"].is_number_integer()) << moved->dump();
    EXPECT_GE((*moved)["expected_wait_s"].get<int>(), 2);
    // The assigned patient hears no more places.
    for (const auto &f : firstPatient->drain(300))
        EXPECT_NE(f.value("type", std::string{}), "queue_position") << f.dump();
}

TEST_F(RoutingTest, SupervisorsSeeEveryRoomWithItsAgentAndWaitAndMayTakeItOver)
{
    // The supervisor reads Japanese only, so gets no Vietnamese or Thai room itself.
    const QString bossId =
        addAgent(QStringLiteral("boss"), {QStringLiteral("ja")}, 0, QStringLiteral("admin"));
    const QString aId = addAgent(QStringLiteral("agent-a"), {QStringLiteral("vi")});
    const QString bId = addAgent(QStringLiteral("agent-b"), {QStringLiteral("vi")}, 1);

    auto supervisor = connectAgent(QStringLiteral("boss"));
    const auto empty = supervisor->takeType("overview");
    ASSERT_TRUE(empty);
    EXPECT_TRUE((*empty)["rooms"].empty());
    auto a = connectAgent(QStringLiteral("agent-a"));
    room = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(a->take(assignedFrame(room.id, aId)));
    patient = connectPatient(room);
    const auto thai = relay->createRoom(QStringLiteral("th")); // nobody reads Thai

    auto entryOf = [](const Json &overview, const QString &id) -> Json {
        for (const auto &r : overview["rooms"]) {
            if (r["room_id"] == id.toStdString())
                return r;
        }
        return nullptr;
    };
    QThread::msleep(1100);
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "Tôi bị đau đầu."));
    const auto afterPatient = supervisor->take([&](const Json &f) {
        return f.value("type", std::string{}) == "overview" && f["rooms"].size() == 2 &&
               entryOf(f, thai.id)["waiting_s"] >= 1;
    });
    ASSERT_TRUE(afterPatient);
    const Json active = entryOf(*afterPatient, room.id);
    EXPECT_EQ(active["status"], "active");
    EXPECT_EQ(active["agent"]["id"], aId.toStdString());
    EXPECT_EQ(entryOf(*afterPatient, thai.id)["status"], "waiting");
    // The patient has waited for an answer since that message; the agent's reply ends it.
    QThread::msleep(1100);
    ASSERT_TRUE(sendText(*patient, room.id, "p-2", "Tôi bị sốt."));
    ASSERT_TRUE(supervisor->take([&](const Json &f) {
        return f.value("type", std::string{}) == "overview" &&
               entryOf(f, room.id)["waiting_s"] >= 1;
    }));
    ASSERT_TRUE(sendText(*a, room.id, "a-1", "잠시만 기다려 주세요."));
    ASSERT_TRUE(supervisor->take([&](const Json &f) {
        return f.value("type", std::string{}) == "overview" &&
               entryOf(f, room.id)["waiting_s"] == 0;
    }));
    for (const auto &f : a->drain(200))
        EXPECT_NE(f.value("type", std::string{}), "overview") << "only supervisors get it";

    // The supervisor reassigns the room to b, then takes it over.
    auto b = connectAgent(QStringLiteral("agent-b"));
    supervisor->send({{"type", "transfer"},
                      {"room_id", room.id.toStdString()},
                      {"agent_id", bId.toStdString()}});
    ASSERT_TRUE(b->take(assignedFrame(room.id, bId)));
    supervisor->send({{"type", "transfer"},
                      {"room_id", room.id.toStdString()},
                      {"agent_id", bossId.toStdString()}});
    ASSERT_TRUE(supervisor->take(assignedFrame(room.id, bossId)));
    ASSERT_TRUE(b->take(assignedFrame(room.id, bossId))) << "b hears it moved";
    EXPECT_TRUE(sendText(*supervisor, room.id, "boss-1", "담당자가 바뀌었습니다."));

    // A waiting room: another agent may not hand it out; the supervisor may.
    b->send({{"type", "transfer"},
             {"room_id", thai.id.toStdString()},
             {"agent_id", aId.toStdString()}});
    const auto refused = b->takeType("error");
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "forbidden");
    supervisor->send(
        {{"type", "transfer"}, {"room_id", thai.id.toStdString()}, {"agent_id", "no-such-agent"}});
    const auto unknown = supervisor->takeType("error");
    ASSERT_TRUE(unknown);
    EXPECT_EQ((*unknown)["code"], "not_found");
    supervisor->send({{"type", "transfer"},
                      {"room_id", thai.id.toStdString()},
                      {"agent_id", aId.toStdString()}});
    ASSERT_TRUE(a->take(assignedFrame(thai.id, aId)));
    ASSERT_TRUE(supervisor->take([&](const Json &f) {
        return f.value("type", std::string{}) == "overview" &&
               entryOf(f, thai.id)["status"] == "active";
    }));
}

TEST(QueueForecastTest, MedianOfTheRecentWaitsRoundedUpToSeconds)
{
    relay::QueueForecast forecast;
    const qint64 now = 10 * relay::QueueForecast::kWindowMs;
    EXPECT_FALSE(forecast.medianWaitSeconds(now));
    forecast.recordWait(30'000, now);
    forecast.recordWait(90'500, now);
    forecast.recordWait(600'000, now);
    EXPECT_EQ(forecast.medianWaitSeconds(now), 91);
    forecast.recordWait(100'000, now); // an even count: the middle two, averaged
    EXPECT_EQ(forecast.medianWaitSeconds(now), 96);
    // Waits older than the window no longer count.
    EXPECT_FALSE(forecast.medianWaitSeconds(now + relay::QueueForecast::kWindowMs + 1));
    // Only the last kSamples count.
    for (int i = 0; i < relay::QueueForecast::kSamples; ++i)
        forecast.recordWait(5'000, now);
    EXPECT_EQ(forecast.medianWaitSeconds(now), 5);
}

} // namespace medtranslate::test
