// The desk's availability over real WebSockets to an in-process relay: the closed and
// "nobody online" notices, leaving contact details (answer later), and the pre-chat step.
#include "RelayFixture.h"
#include "content/DeskHours.h"
#include "content/DeskNotices.h"

#include <QFile>
#include <QTemporaryDir>

namespace medtranslate::test {

namespace {

const QTimeZone kSeoul(QByteArrayLiteral("Asia/Seoul"));
const char *const kDays[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

//! Hours open only 09:00-10:00 tomorrow (Seoul): closed now, whatever the time of day.
QByteArray openTomorrowOnly(const QString &holidaysJson = QStringLiteral("[]"))
{
    const QDate tomorrow = QDateTime::currentDateTimeUtc().toTimeZone(kSeoul).date().addDays(1);
    QStringList days;
    for (int day = 1; day <= 7; ++day)
        days << QStringLiteral("\"%1\": %2")
                    .arg(QLatin1String(kDays[day - 1]), day == tomorrow.dayOfWeek()
                                                            ? QStringLiteral("[\"09:00-10:00\"]")
                                                            : QStringLiteral("[]"));
    return QStringLiteral(R"({"time_zone": "Asia/Seoul", "weekly": {%1}, "holidays": %2})")
        .arg(days.join(QStringLiteral(", ")), holidaysJson)
        .toUtf8();
}

//! The messages of a room as its patient reads them over HTTP.
Json history(TestRelay &relay, const TestRelay::Room &room)
{
    const auto reply = HttpClient::get(
        relay.http(QStringLiteral("/api/rooms/%1/messages").arg(room.id)), room.token);
    EXPECT_EQ(reply.status, 200) << reply.body.toStdString();
    return reply.json().value("messages", Json::array());
}

int countEvents(const Json &messages, const std::string &event)
{
    int n = 0;
    for (const auto &m : messages)
        n += m.value("event", std::string{}) == event ? 1 : 0;
    return n;
}

Json contactFrame(const QString &roomId, Json contact)
{
    return {
        {"type", "contact"}, {"room_id", roomId.toStdString()}, {"contact", std::move(contact)}};
}

} // namespace

//! A relay whose desk files (hours, pre-chat) a test writes before it starts.
class AvailabilityTest : public RelayFixture
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        RelayFixture::SetUp();
    }

    void tweakConfig(relay::RelayConfig &config) override
    {
        config.desk.unattendedNotice = unattendedNotice;
        if (!hoursJson.isEmpty())
            config.desk.hoursFile = write(QStringLiteral("hours.json"), hoursJson);
        if (!prechatJson.isEmpty())
            config.desk.prechatFile = write(QStringLiteral("prechat.json"), prechatJson);
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        return path;
    }

    QTemporaryDir dir;
    QByteArray hoursJson;
    QByteArray prechatJson;
    bool unattendedNotice = true;
};

class ClosedDeskTest : public AvailabilityTest
{
protected:
    void SetUp() override
    {
        hoursJson = openTomorrowOnly();
        AvailabilityTest::SetUp();
    }
};

TEST_F(ClosedDeskTest, APatientIsToldWhenTheDeskOpensAnd119InTheirLanguage)
{
    room = relay->createRoom(QStringLiteral("en"));
    patient = connectPatient(room);
    const auto notice = patient->take(frameWith("message", "event", "desk_closed"));
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["sender"], "system");
    EXPECT_EQ((*notice)["translation"]["lang"], "en");
    EXPECT_EQ((*notice)["translation"]["status"], "vetted");
    const QDate tomorrow = QDateTime::currentDateTimeUtc().toTimeZone(kSeoul).date().addDays(1);
    const QDateTime opens(tomorrow, QTime(9, 0), kSeoul);
    const std::string text = (*notice)["translation"]["text"];
    EXPECT_NE(text.find("119"), std::string::npos) << text;
    EXPECT_NE(
        text.find(
            relay::DeskNotices::formatOpening(QStringLiteral("en"), opens, kSeoul).toStdString()),
        std::string::npos)
        << text;
    // The agent's side is Korean, with the same opening.
    const std::string korean = (*notice)["text"];
    EXPECT_NE(korean.find("119"), std::string::npos);
    EXPECT_NE(
        korean.find(
            relay::DeskNotices::formatOpening(QStringLiteral("ko"), opens, kSeoul).toStdString()),
        std::string::npos)
        << korean;
}

TEST_F(ClosedDeskTest, TheNoticeComesOncePerRoomNotPerMessage)
{
    room = relay->createRoom(QStringLiteral("vi"));
    patient = connectPatient(room);
    ASSERT_TRUE(patient->take(frameWith("message", "event", "desk_closed")));
    ASSERT_TRUE(sendText(*patient, room.id, "m1", "Xin chào"));
    ASSERT_TRUE(sendText(*patient, room.id, "m2", "Tôi bị đau đầu"));
    const Json messages = history(*relay, room);
    EXPECT_EQ(countEvents(messages, "desk_closed"), 1) << messages.dump();
    EXPECT_EQ(messages.size(), 3u);
    // Each room is told: a second patient gets their own notice.
    const auto other = relay->createRoom(QStringLiteral("th"));
    auto second = connectPatient(other);
    const auto notice = second->take(frameWith("message", "event", "desk_closed"));
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["translation"]["lang"], "th");
}

TEST_F(ClosedDeskTest, GetDeskSaysClosedAndWhenItOpens)
{
    const auto reply = HttpClient::get(relay->http(QStringLiteral("/api/desk")));
    ASSERT_EQ(reply.status, 200);
    const Json desk = reply.json();
    EXPECT_EQ(desk["open"], false);
    EXPECT_EQ(desk["time_zone"], "Asia/Seoul");
    const QDate tomorrow = QDateTime::currentDateTimeUtc().toTimeZone(kSeoul).date().addDays(1);
    EXPECT_EQ(desk["next_open"],
              QDateTime(tomorrow, QTime(9, 0), kSeoul).toUTC().toString(Qt::ISODate).toStdString());
    EXPECT_EQ(desk["prechat"], Json({{"name", "off"}, {"contact", "off"}, {"reason", "off"}}));
}

class ClosedDeskRoutingTest : public ClosedDeskTest
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        ClosedDeskTest::tweakConfig(config);
        config.autoRouting = true;
    }
};

TEST_F(ClosedDeskRoutingTest, AnswerLaterRoomsAreNotRoutedWhileTheDeskIsClosed)
{
    const auto later = relay->createRoom(QStringLiteral("en"));
    auto laterPatient = connectPatient(later);
    ASSERT_TRUE(laterPatient->take(frameWith("message", "event", "desk_closed")));
    laterPatient->send(contactFrame(later.id, {{"email", "anna@example.com"}}));
    ASSERT_TRUE(laterPatient->take(frameWith("room", "answer_later", true)));
    const auto live = relay->createRoom(QStringLiteral("en"));
    auto livePatient = connectPatient(live);

    // A counselor working late gets the patient still at the screen; the one who left an
    // address waits for the desk to open (or for someone to accept it from the queue).
    agent = connectAgent();
    const auto assigned = agent->take([&](const Json &f) {
        return f.value("type", std::string{}) == "room" &&
               f.value("status", std::string{}) == "active";
    });
    ASSERT_TRUE(assigned);
    EXPECT_EQ((*assigned)["room_id"], live.id.toStdString());
    const auto queue = agent->take([&](const Json &f) {
        return f.value("type", std::string{}) == "queue" && f["rooms"].size() == 1 &&
               f["rooms"][0]["room_id"] == later.id.toStdString();
    });
    ASSERT_TRUE(queue);
    EXPECT_EQ((*queue)["rooms"][0]["answer_later"], true);
    // Nothing else comes: the answer-later room stays in the queue.
    for (const Json &f : agent->drain(500))
        EXPECT_FALSE(f.value("type", std::string{}) == "room" &&
                     f.value("room_id", std::string{}) == later.id.toStdString() &&
                     f.value("status", std::string{}) == "active")
            << f.dump();
}

class HolidayDeskTest : public AvailabilityTest
{
protected:
    void SetUp() override
    {
        // Open around the clock, but today (in Seoul) is a holiday.
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(kSeoul).date();
        hoursJson = QStringLiteral(R"({"weekly": {"mon": ["00:00-24:00"], "tue": ["00:00-24:00"],
            "wed": ["00:00-24:00"], "thu": ["00:00-24:00"], "fri": ["00:00-24:00"],
            "sat": ["00:00-24:00"], "sun": ["00:00-24:00"]},
            "holidays": [{"date": "%1", "name": "Test day"}]})")
                        .arg(today.toString(Qt::ISODate))
                        .toUtf8();
        AvailabilityTest::SetUp();
    }
};

TEST_F(HolidayDeskTest, AHolidayClosesTheDeskUntilTheNextDay)
{
    room = relay->createRoom(QStringLiteral("ja"));
    patient = connectPatient(room);
    const auto notice = patient->take(frameWith("message", "event", "desk_closed"));
    ASSERT_TRUE(notice);
    const QDate tomorrow = QDateTime::currentDateTimeUtc().toTimeZone(kSeoul).date().addDays(1);
    const std::string text = (*notice)["translation"]["text"];
    EXPECT_NE(text.find(relay::DeskNotices::formatOpening(
                            QStringLiteral("ja"), QDateTime(tomorrow, QTime(0, 0), kSeoul), kSeoul)
                            .toStdString()),
              std::string::npos)
        << text;
}

TEST_F(AvailabilityTest, NobodyOnlineWithinHoursGetsTheUnattendedNoticeOnce)
{
    room = relay->createRoom(QStringLiteral("zh"));
    patient = connectPatient(room);
    const auto notice = patient->take(frameWith("message", "event", "desk_unattended"));
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["translation"]["lang"], "zh");
    EXPECT_NE((*notice)["translation"]["text"].get<std::string>().find("119"), std::string::npos);
    ASSERT_TRUE(sendText(*patient, room.id, "m1", "你好"));
    ASSERT_TRUE(sendText(*patient, room.id, "m2", "我头疼"));
    EXPECT_EQ(countEvents(history(*relay, room), "desk_unattended"), 1);
    EXPECT_EQ(countEvents(history(*relay, room), "desk_closed"), 0);
}

TEST_F(AvailabilityTest, NoNoticeWhileACounselorIsOnline)
{
    agent = connectAgent();
    ASSERT_TRUE(agent->take(frameWith("agents", "type", "agents")));
    const auto reply = HttpClient::get(relay->http(QStringLiteral("/api/desk")));
    EXPECT_EQ(reply.json()["open"], true);
    EXPECT_EQ(reply.json()["attended"], true);
    EXPECT_TRUE(reply.json()["next_open"].is_null());
    room = relay->createRoom(QStringLiteral("en"));
    patient = connectPatient(room);
    ASSERT_TRUE(sendText(*patient, room.id, "m1", "Hello"));
    const Json messages = history(*relay, room);
    ASSERT_EQ(messages.size(), 1u) << messages.dump();
    EXPECT_EQ(messages[0]["sender"], "patient");
    // An agent who is away does not count as someone who can answer.
    agent->send({{"type", "status"}, {"status", "away"}});
    ASSERT_TRUE(agent->take([](const Json &f) {
        return f.value("type", std::string{}) == "agents" && f["agents"].size() == 1 &&
               f["agents"][0]["status"] == "away";
    }));
    const auto later = relay->createRoom(QStringLiteral("en"));
    auto second = connectPatient(later);
    EXPECT_TRUE(second->take(frameWith("message", "event", "desk_unattended")));
}

TEST_F(AvailabilityTest, ContactDetailsMakeTheRoomAnswerLaterForAgents)
{
    room = relay->createRoom(QStringLiteral("en"));
    patient = connectPatient(room);
    ASSERT_TRUE(patient->take(frameWith("message", "event", "desk_unattended")));
    patient->send(contactFrame(room.id, {{"email", " anna@example.com "}}));
    const auto saved = patient->take(frameWith("message", "event", "contact_saved"));
    ASSERT_TRUE(saved);
    EXPECT_EQ((*saved)["translation"]["lang"], "en");
    // The confirmation never repeats the address: it is the desk's, not the chat's.
    EXPECT_EQ((*saved)["translation"]["text"].get<std::string>().find("anna@"), std::string::npos);
    const auto roomFrame = patient->take(frameWith("room", "answer_later", true));
    ASSERT_TRUE(roomFrame);
    EXPECT_EQ((*roomFrame)["contact"], Json({{"email", "anna@example.com"}}));

    // An agent who connects sees it in the queue, with the contact.
    agent = connectAgent();
    const auto queue = agent->takeType("queue");
    ASSERT_TRUE(queue);
    ASSERT_EQ((*queue)["rooms"].size(), 1u);
    EXPECT_EQ((*queue)["rooms"][0]["answer_later"], true);
    EXPECT_EQ((*queue)["rooms"][0]["contact"]["email"], "anna@example.com");

    // A phone number later replaces the details.
    patient->send(contactFrame(room.id, {{"phone", "+84 90 123 4567"}}));
    const auto updated = agent->take([](const Json &f) {
        return f.value("type", std::string{}) == "queue" && f["rooms"].size() == 1 &&
               f["rooms"][0].contains("contact") && f["rooms"][0]["contact"].contains("phone");
    });
    ASSERT_TRUE(updated);
    EXPECT_EQ((*updated)["rooms"][0]["contact"], Json({{"phone", "+84 90 123 4567"}}));

    // Kept with the room: after a restart the queue still has it.
    restartRelay();
    agent = connectAgent();
    const auto reloaded = agent->takeType("queue");
    ASSERT_TRUE(reloaded);
    ASSERT_EQ((*reloaded)["rooms"].size(), 1u);
    EXPECT_EQ((*reloaded)["rooms"][0]["answer_later"], true);
    EXPECT_EQ((*reloaded)["rooms"][0]["contact"]["phone"], "+84 90 123 4567");
}

TEST_F(AvailabilityTest, BadContactDetailsAreRefusedWithTheReason)
{
    room = relay->createRoom(QStringLiteral("en"));
    patient = connectPatient(room);
    const auto refused = [&](Json contact) {
        patient->send(contactFrame(room.id, std::move(contact)));
        return patient->takeType("error");
    };
    auto error = refused({{"email", "anna@example"}});
    ASSERT_TRUE(error);
    EXPECT_EQ((*error)["code"], "bad_request");
    EXPECT_NE((*error)["message"].get<std::string>().find("contact.email"), std::string::npos);
    error = refused({{"phone", "call me"}});
    ASSERT_TRUE(error);
    EXPECT_EQ((*error)["code"], "bad_request");
    EXPECT_NE((*error)["message"].get<std::string>().find("contact.phone"), std::string::npos);
    error = refused(Json::object());
    ASSERT_TRUE(error);
    EXPECT_EQ((*error)["code"], "bad_request");
    // Another room's id: the patient's token is for this room only.
    patient->send(contactFrame(QStringLiteral("r_nosuchroom"), {{"email", "anna@example.com"}}));
    error = patient->takeType("error");
    ASSERT_TRUE(error);
    EXPECT_EQ((*error)["code"], "not_found");
    // Nothing was kept.
    agent = connectAgent();
    const auto queue = agent->takeType("queue");
    ASSERT_TRUE(queue);
    EXPECT_FALSE((*queue)["rooms"][0].contains("answer_later"));
    EXPECT_FALSE((*queue)["rooms"][0].contains("contact"));
}

TEST_F(AvailabilityTest, AgentsCannotLeaveContactDetails)
{
    room = relay->createRoom(QStringLiteral("en"));
    agent = connectAgent();
    agent->send(contactFrame(room.id, {{"email", "kim@hospital.example"}}));
    auto error = agent->takeType("error");
    ASSERT_TRUE(error);
    EXPECT_EQ((*error)["code"], "forbidden");
    agent->send(contactFrame(QStringLiteral("r_nosuchroom"), {{"email", "kim@hospital.example"}}));
    error = agent->takeType("error");
    ASSERT_TRUE(error);
    EXPECT_EQ((*error)["code"], "not_found");
}

TEST_F(AvailabilityTest, AnswerLaterRoomsWaitAfterPatientsStillWaitingLive)
{
    const auto first = relay->createRoom(QStringLiteral("en"));
    auto firstPatient = connectPatient(first);
    const auto second = relay->createRoom(QStringLiteral("en"));
    auto secondPatient = connectPatient(second);
    agent = connectAgent();
    const auto queueOf = [](const QString &a, const QString &b) {
        return [a = a.toStdString(), b = b.toStdString()](const Json &f) {
            return f.value("type", std::string{}) == "queue" && f["rooms"].size() == 2 &&
                   f["rooms"][0]["room_id"] == a && f["rooms"][1]["room_id"] == b;
        };
    };
    ASSERT_TRUE(agent->take(queueOf(first.id, second.id)));
    // The older patient left a phone number and may have gone: the live one is served first.
    firstPatient->send(contactFrame(first.id, {{"phone", "010-1234-5678"}}));
    const auto queue = agent->take(queueOf(second.id, first.id));
    ASSERT_TRUE(queue);
    EXPECT_EQ((*queue)["rooms"][1]["answer_later"], true);
    EXPECT_FALSE((*queue)["rooms"][0].contains("answer_later"));
    // Accepting an answer-later room works like any other.
    agent->send({{"type", "accept"}, {"room_id", first.id.toStdString()}});
    const auto accepted = agent->take(frameWith("room", "status", "active"));
    ASSERT_TRUE(accepted);
    EXPECT_EQ((*accepted)["contact"]["phone"], "010-1234-5678");
}

class PrechatTest : public AvailabilityTest
{
protected:
    void SetUp() override
    {
        prechatJson = R"({"name": "required", "contact": "optional", "reason": "optional"})";
        unattendedNotice = false;
        AvailabilityTest::SetUp();
    }

    HttpResponse open(const Json &body)
    {
        return HttpClient::post(relay->http(QStringLiteral("/api/rooms")),
                                QByteArray::fromStdString(body.dump()));
    }
};

TEST_F(PrechatTest, TheWidgetLearnsTheFieldsFromGetDesk)
{
    const auto reply = HttpClient::get(relay->http(QStringLiteral("/api/desk")));
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.json()["prechat"],
              Json({{"name", "required"}, {"contact", "optional"}, {"reason", "optional"}}));
}

TEST_F(PrechatTest, AnswersAreCheckedAndGoToAgentsWithTheRoom)
{
    auto missing = open({{"language", "en"}});
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.json()["error"]["code"], "bad_request");
    EXPECT_NE(missing.json()["error"]["message"].get<std::string>().find("prechat.name"),
              std::string::npos);
    auto badContact =
        open({{"language", "en"}, {"prechat", {{"name", "Anna"}, {"contact", "tomorrow"}}}});
    EXPECT_EQ(badContact.status, 400);
    auto tooLong = open(
        {{"language", "en"}, {"prechat", {{"name", "Anna"}, {"reason", std::string(501, 'x')}}}});
    EXPECT_EQ(tooLong.status, 400);

    const int callsBefore = translator->calls();
    auto created = open({{"language", "en"},
                         {"prechat",
                          {{"name", " Anna Nguyen "},
                           {"contact", "anna@example.com"},
                           {"reason", "Question about my MRI appointment"}}}});
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const std::string roomId = created.json()["room_id"];
    agent = connectAgent();
    const auto queue = agent->takeType("queue");
    ASSERT_TRUE(queue);
    ASSERT_EQ((*queue)["rooms"].size(), 1u);
    EXPECT_EQ((*queue)["rooms"][0]["room_id"], roomId);
    EXPECT_EQ((*queue)["rooms"][0]["prechat"],
              Json({{"name", "Anna Nguyen"},
                    {"contact", "anna@example.com"},
                    {"reason", "Question about my MRI appointment"}}));
    // The answers are personal data: no translation provider saw them.
    EXPECT_EQ(translator->calls(), callsBefore);
    // Not answer-later: the patient only said how to reach them.
    EXPECT_FALSE((*queue)["rooms"][0].contains("answer_later"));

    // Kept with the room across a restart.
    restartRelay();
    agent = connectAgent();
    const auto reloaded = agent->takeType("queue");
    ASSERT_TRUE(reloaded);
    EXPECT_EQ((*reloaded)["rooms"][0]["prechat"]["name"], "Anna Nguyen");
}

TEST_F(AvailabilityTest, PrechatAnswersAreRefusedWhenTheHospitalAsksNone)
{
    const auto reply =
        HttpClient::post(relay->http(QStringLiteral("/api/rooms")),
                         QByteArray::fromStdString(
                             Json({{"language", "en"}, {"prechat", {{"name", "Anna"}}}}).dump()));
    EXPECT_EQ(reply.status, 400);
    EXPECT_NE(reply.json()["error"]["message"].get<std::string>().find("not asked"),
              std::string::npos);
}

class BadDeskFileTest : public ::testing::Test
{
};

TEST_F(BadDeskFileTest, TheRelayRefusesToStartOnABadHoursFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hours.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"time_zone": "Mars/Olympus", "weekly": {}})");
    file.close();
    relay::RelayConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.port = 0;
    config.adminEnabled = false;
    config.store.database = dir.filePath(QStringLiteral("relay.db"));
    config.resourcesDir = QStringLiteral(MEDTRANSLATE_SOURCE_ROOT "/resources");
    config.widgetDir = QStringLiteral(MEDTRANSLATE_SOURCE_ROOT "/widget");
    config.desk.hoursFile = path;
    relay::RelayServer server(config);
    QString error;
    EXPECT_FALSE(server.start(&error));
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String("unknown time zone 'Mars/Olympus'")))
        << error.toStdString();
}

} // namespace medtranslate::test
