// Correcting a room's patient language (`set_language`): who may, what is stored, said and
// translated afterwards, and how routing sees a waiting room in its new language.
#include "RelayFixture.h"
#include "admin/AgentAdmin.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>

namespace medtranslate::test {

namespace {

//! Runs an asynchronous Store call and pumps the event loop until it answers.
template <typename T, typename Call> std::optional<relay::Result<T>> await(Call call)
{
    std::optional<relay::Result<T>> result;
    QObject context;
    call(&context, [&result](relay::Result<T> r) { result.emplace(std::move(r)); });
    QDeadlineTimer deadline(10000);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return result;
}

Json setLanguage(const QString &roomId, const std::string &language,
                 const std::string &requestId = {})
{
    Json frame{{"type", "set_language"}, {"room_id", roomId.toStdString()}, {"language", language}};
    if (!requestId.empty())
        frame["request_id"] = requestId;
    return frame;
}

//! The room frame of `roomId` in `language`.
WsClient::Predicate roomIn(const QString &roomId, const std::string &language)
{
    return [room = roomId.toStdString(), language](const Json &f) {
        return f.value("type", std::string{}) == "room" &&
               f.value("room_id", std::string{}) == room &&
               f.value("patient_language", std::string{}) == language;
    };
}

//! The error frame answering a request by its id.
WsClient::Predicate errorFor(const std::string &requestId)
{
    return [requestId](const Json &f) {
        return f.value("type", std::string{}) == "error" &&
               f.value("ref", std::string{}) == requestId;
    };
}

bool sawNotice(const std::deque<Json> &frames)
{
    for (const Json &f : frames) {
        if (f.value("type", std::string{}) == "message" &&
            f.value("event", std::string{}) == "language_changed")
            return true;
    }
    return false;
}

} // namespace

class RoomLanguageTest : public RelayFixture
{
protected:
    [[nodiscard]] std::string storedLanguage(const QString &roomId)
    {
        const auto found = await<std::optional<relay::RoomRecord>>(
            [&](QObject *c, auto done) { relay->server().store().roomById(roomId, c, done); });
        if (!found || !found->ok() || !found->value())
            return "<none>";
        return found->value()->room.patientLanguage;
    }

    [[nodiscard]] std::vector<relay::AuditEntry> audit()
    {
        const auto found = await<std::vector<relay::AuditEntry>>(
            [&](QObject *c, auto done) { relay->server().store().audit({}, 100, c, done); });
        return found && found->ok() ? found->value() : std::vector<relay::AuditEntry>{};
    }

    //! An audit entry is written after the answer; it may take a turn of the store thread.
    [[nodiscard]] std::optional<relay::AuditEntry> auditEntry(const QString &action)
    {
        QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired()) {
            for (const auto &entry : audit()) {
                if (entry.action == action)
                    return entry;
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        return std::nullopt;
    }
};

TEST_F(RoomLanguageTest, ThePatientCorrectsItAndTheChatGoesOnInTheNewLanguage)
{
    openAcceptedRoom(); // Vietnamese, agent_joined is seq 1
    patient->send(setLanguage(room.id, "th"));
    const auto toPatient = patient->take(roomIn(room.id, "th"));
    ASSERT_TRUE(toPatient);
    EXPECT_EQ((*toPatient)["status"], "active");
    ASSERT_TRUE(agent->take(roomIn(room.id, "th")));

    // The notice: Korean for the agent, vetted Thai for the patient, a real message with a seq.
    const auto notice = patient->take(frameWith("message", "event", "language_changed"));
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["sender"], "system");
    EXPECT_EQ((*notice)["seq"], 2);
    EXPECT_EQ((*notice)["text"],
              "상담 언어가 태국어로 바뀌었습니다. 이후 메시지는 태국어 기준으로 번역됩니다.");
    EXPECT_EQ((*notice)["translation"]["text"], "การสนทนาต่อจากนี้จะใช้ภาษาไทย");
    EXPECT_EQ((*notice)["translation"]["lang"], "th");
    EXPECT_EQ((*notice)["translation"]["status"], "vetted");
    const auto seen = agent->take(frameWith("message", "event", "language_changed"));
    ASSERT_TRUE(seen);
    EXPECT_EQ((*seen)["seq"], 2);

    EXPECT_EQ(storedLanguage(room.id), "th");
    const auto entry = auditEntry(QStringLiteral("set_language"));
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->actor, QStringLiteral("patient"));
    EXPECT_EQ(entry->target, room.id);
    EXPECT_EQ(entry->detail, QStringLiteral("from vi to th"));

    // From now on: the agent's replies go into Thai, the patient's Thai comes into Korean.
    ASSERT_TRUE(sendText(*agent, room.id, "a1", "어디가 아프세요?"));
    const auto reply = patient->take(frameWith("translation", "seq", 3));
    ASSERT_TRUE(reply);
    EXPECT_EQ((*reply)["translation"]["lang"], "th");
    EXPECT_EQ((*reply)["translation"]["text"], "[ko>th] 어디가 아프세요?");
    ASSERT_TRUE(sendText(*patient, room.id, "p1", "ปวดหัวมาก"));
    const auto answer = agent->take(frameWith("translation", "seq", 4));
    ASSERT_TRUE(answer);
    EXPECT_EQ((*answer)["translation"]["text"], "[th>ko] ปวดหัวมาก");

    // The language is the room's, across a restart too.
    restartRelay();
    EXPECT_EQ(storedLanguage(room.id), "th");
    agent = connectAgent();
    ASSERT_TRUE(sendText(*agent, room.id, "a2", "괜찮으세요?"));
    const auto later = agent->take(frameWith("translation", "seq", 5));
    ASSERT_TRUE(later);
    EXPECT_EQ((*later)["translation"]["lang"], "th");
}

TEST_F(RoomLanguageTest, TheAgentCorrectsItAndTheRequestIdIsNotNeededForSuccess)
{
    openAcceptedRoom();
    agent->send(setLanguage(room.id, "en", "lang-1"));
    ASSERT_TRUE(agent->take(roomIn(room.id, "en")));
    ASSERT_TRUE(patient->take(roomIn(room.id, "en")));
    const auto notice = patient->take(frameWith("message", "event", "language_changed"));
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["translation"]["text"], "The chat will continue in English.");
    EXPECT_EQ((*notice)["text"],
              "상담 언어가 영어로 바뀌었습니다. 이후 메시지는 영어 기준으로 번역됩니다.");
    const auto entry = auditEntry(QStringLiteral("set_language"));
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->actor, QStringLiteral("agent:kim"));
    EXPECT_EQ(storedLanguage(room.id), "en");
}

TEST_F(RoomLanguageTest, AnAdminCorrectsAWaitingRoomAndTheQueueShowsIt)
{
    relay->addAgent(QStringLiteral("boss"), QStringLiteral("관리자"), QStringLiteral("admin"));
    room = relay->createRoom(QStringLiteral("zh"));
    patient = connectPatient(room);
    agent = connectAgent(); // sees the queue
    auto admin = connectAgent(QStringLiteral("boss"));
    admin->send(setLanguage(room.id, "ja"));
    const auto answer = admin->take(roomIn(room.id, "ja"));
    ASSERT_TRUE(answer);
    EXPECT_EQ((*answer)["status"], "waiting");
    ASSERT_TRUE(patient->take(roomIn(room.id, "ja")));
    const auto notice = patient->take(frameWith("message", "event", "language_changed"));
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["translation"]["text"], "これからは日本語で相談を続けます。");
    // The colleagues' queue shows the room in Japanese now.
    ASSERT_TRUE(agent->take([&](const Json &f) {
        if (f.value("type", std::string{}) != "queue")
            return false;
        for (const Json &r : f["rooms"]) {
            if (r["room_id"] == room.id.toStdString() && r["patient_language"] == "ja")
                return true;
        }
        return false;
    }));
    const auto entry = auditEntry(QStringLiteral("set_language"));
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->actor, QStringLiteral("agent:boss"));
}

TEST_F(RoomLanguageTest, TheSameLanguageAgainAnswersWithoutANotice)
{
    openAcceptedRoom();
    patient->send(setLanguage(room.id, "vi"));
    ASSERT_TRUE(patient->take(roomIn(room.id, "vi")));
    // Nothing is said or stored: no notice on either side, no audit entry.
    EXPECT_FALSE(sawNotice(patient->drain(300)));
    EXPECT_FALSE(sawNotice(agent->drain(100)));
    for (const auto &entry : audit())
        EXPECT_NE(entry.action, QStringLiteral("set_language"));
}

TEST_F(RoomLanguageTest, RefusalsSayWhyAndChangeNothing)
{
    openAcceptedRoom();
    const auto other = relay->createRoom(QStringLiteral("en"));
    auto otherPatient = connectPatient(other);

    // Korean is the agent's side; an unknown code is no patient language either.
    patient->send(setLanguage(room.id, "ko", "r-ko"));
    auto refused = patient->take(errorFor("r-ko"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "unsupported_language");
    patient->send(setLanguage(room.id, "fr", "r-fr"));
    refused = patient->take(errorFor("r-fr"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "unsupported_language");

    // A patient only on its own room; an agent only on its own (a waiting one is accepted first).
    otherPatient->send(setLanguage(room.id, "th", "r-other"));
    refused = otherPatient->take(errorFor("r-other"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "forbidden");
    agent->send(setLanguage(other.id, "th", "r-waiting"));
    refused = agent->take(errorFor("r-waiting"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "forbidden");
    relay->addAgent(QStringLiteral("lee"), QStringLiteral("이수진"));
    auto colleague = connectAgent(QStringLiteral("lee"));
    colleague->send(setLanguage(room.id, "th", "r-colleague"));
    refused = colleague->take(errorFor("r-colleague"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "forbidden");
    agent->send(setLanguage(QStringLiteral("no-such-room"), "th", "r-none"));
    refused = agent->take(errorFor("r-none"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "not_found");
    patient->send(setLanguage(QStringLiteral("no-such-room"), "th", "r-none"));
    refused = patient->take(errorFor("r-none"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "not_found");

    EXPECT_FALSE(sawNotice(patient->drain(200)));
    EXPECT_EQ(storedLanguage(room.id), "vi");
    EXPECT_EQ(storedLanguage(other.id), "en");

    // An ended consultation keeps the language it was held in.
    agent->send({{"type", "end"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(patient->take(frameWith("ended", "room_id", room.id.toStdString())));
    patient->send(setLanguage(room.id, "th", "r-ended"));
    refused = patient->take(errorFor("r-ended"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "room_ended");
    agent->send(setLanguage(room.id, "th", "r-ended-agent"));
    refused = agent->take(errorFor("r-ended-agent"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "room_ended");
    EXPECT_EQ(storedLanguage(room.id), "vi");
}

//! With automatic routing, a waiting room nobody online reads goes to an agent of its new
//! language once corrected.
class RoomLanguageRoutingTest : public RoomLanguageTest
{
protected:
    void tweakConfig(relay::RelayConfig &config) override { config.autoRouting = true; }

    QString addAgent(const QString &username, const QStringList &languages)
    {
        relay::AgentRecord record;
        record.username = username;
        record.displayName = username;
        record.role = QStringLiteral("agent");
        record.languages = languages;
        relay::AgentAdmin admin(relay->server().store());
        QString error;
        EXPECT_TRUE(admin.addAgent(record, TestRelay::password(), &error)) << error.toStdString();
        for (const auto &a : admin.list(&error).value_or(std::vector<relay::AgentRecord>{})) {
            if (a.username == username)
                return a.id;
        }
        return {};
    }
};

TEST_F(RoomLanguageRoutingTest, AWaitingRoomGoesToAnAgentOfItsNewLanguage)
{
    const QString thaiId = addAgent(QStringLiteral("somchai"), {QStringLiteral("th")});
    ASSERT_FALSE(thaiId.isEmpty());
    auto thai = connectAgent(QStringLiteral("somchai"));
    room = relay->createRoom(QStringLiteral("vi"));
    patient = connectPatient(room);
    // Nobody online reads Vietnamese: the room waits.
    for (const Json &f : thai->drain(400))
        EXPECT_FALSE(f.value("type", std::string{}) == "room" &&
                     f.value("status", std::string{}) == "active")
            << f.dump();

    patient->send(setLanguage(room.id, "th"));
    ASSERT_TRUE(thai->take([&](const Json &f) {
        return f.value("type", std::string{}) == "room" &&
               f.value("room_id", std::string{}) == room.id.toStdString() &&
               f.value("status", std::string{}) == "active" && f["agent"].is_object() &&
               f["agent"]["id"] == thaiId.toStdString() && f["patient_language"] == "th";
    }));
    // The patient hears of the change, then of the agent who joined, in that order.
    const auto changed = patient->take(frameWith("message", "event", "language_changed"));
    ASSERT_TRUE(changed);
    const auto joined = patient->take(frameWith("message", "event", "agent_joined"));
    ASSERT_TRUE(joined);
    EXPECT_LT((*changed)["seq"].get<int>(), (*joined)["seq"].get<int>());
    EXPECT_EQ((*joined)["translation"]["lang"], "th");
}

} // namespace medtranslate::test
