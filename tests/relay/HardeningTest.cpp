// What an attacker on the open internet tries: foreign pages (DNS rebinding), form posts
// without a preflight, old patient tokens, one token on many sockets, lockouts by guessing,
// and the operators' pages.
#include "RelayFixture.h"
#include "auth/LoginThrottle.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

namespace medtranslate::test {

namespace {

QByteArray body(const Json &json)
{
    return QByteArray::fromStdString(json.dump());
}

//! One raw HTTP/1.1 request from a chosen local address, with exactly the headers given.
QByteArray rawRequest(quint16 port, const QByteArray &request,
                      const QHostAddress &from = QHostAddress::LocalHost)
{
    QTcpSocket socket;
    socket.bind(from);
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray answer;
    QElapsedTimer clock;
    clock.start();
    bool sent = false;
    while (clock.elapsed() < 5000) {
        if (!sent && socket.state() == QAbstractSocket::ConnectedState) {
            socket.write(request);
            sent = true;
        }
        QTest::qWait(10);
        answer += socket.readAll();
        // Answers here are small and complete once the body's length has arrived.
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const auto length = QRegularExpression(QStringLiteral("Content-Length: (\\d+)"))
                                    .match(QString::fromLatin1(answer.left(end)));
            if (length.hasMatch() && answer.size() - end - 4 >= length.captured(1).toInt())
                break;
        }
        if (sent && socket.state() == QAbstractSocket::UnconnectedState)
            break;
    }
    return answer;
}

int statusOf(const QByteArray &response)
{
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

QByteArray post(const QByteArray &path, const QByteArray &json, const QByteArray &extraHeaders)
{
    return "POST " + path + " HTTP/1.1\r\n" + extraHeaders +
           "Content-Length: " + QByteArray::number(json.size()) + "\r\nConnection: close\r\n\r\n" +
           json;
}

} // namespace

// --- Origin --------------------------------------------------------------------------------

class OriginTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.allowedOrigins = {QStringLiteral("https://hospital.example")};
    }
    quint16 port() const { return quint16(relay->http().port()); }
    QByteArray own() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()).toLatin1(); }
};

TEST_F(OriginTest, ARebindingPageWhoseHostMatchesItsOriginIsRefused)
{
    const QByteArray evil = "http://evil.example:" + QByteArray::number(port());
    const QByteArray headers = "Host: evil.example:" + QByteArray::number(port()) +
                               "\r\nOrigin: " + evil + "\r\nContent-Type: application/json\r\n";
    const QByteArray rooms =
        rawRequest(port(), post("/api/rooms", R"({"language":"vi"})", headers));
    EXPECT_EQ(statusOf(rooms), 403) << rooms.toStdString();

    // The WebSocket: the upgrade goes through, then the relay closes with 1008.
    const QByteArray upgrade =
        "GET /ws HTTP/1.1\r\nHost: evil.example:" + QByteArray::number(port()) +
        "\r\nOrigin: " + evil +
        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        "Sec-WebSocket-Version: 13\r\n\r\n";
    const QByteArray answer = rawRequest(port(), upgrade);
    ASSERT_TRUE(answer.startsWith("HTTP/1.1 101")) << answer.toStdString();
    const QByteArray frames = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    ASSERT_GE(frames.size(), 4);
    EXPECT_EQ(quint8(frames[0]), 0x88); // close
    EXPECT_EQ((quint8(frames[2]) << 8) | quint8(frames[3]), 1008);
}

TEST_F(OriginTest, TheRelaysOwnPagesAnAllowedSiteAndNativeClientsMayOpenConsultations)
{
    for (const QByteArray &origin : {own(), QByteArray("https://hospital.example"), QByteArray()}) {
        const QByteArray headers = "Host: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                                   (origin.isEmpty() ? QByteArray() : "Origin: " + origin + "\r\n");
        const QByteArray answer =
            rawRequest(port(), post("/api/rooms", R"({"language":"vi"})", headers));
        EXPECT_EQ(statusOf(answer), 201) << origin.toStdString() << answer.toStdString();
    }
}

TEST_F(OriginTest, AgentsRoutesRefuseEveryWebPageEvenAnAllowedSite)
{
    const QByteArray login = body({{"username", "kim"}, {"password", "test-password-1"}});
    for (const QByteArray &origin :
         {QByteArray("https://hospital.example"), QByteArray("http://evil.example")}) {
        const QByteArray answer = rawRequest(
            port(), post("/api/auth/login", login,
                         "Host: 127.0.0.1\r\nContent-Type: application/json\r\nOrigin: " + origin +
                             "\r\n"));
        EXPECT_EQ(statusOf(answer), 403) << answer.toStdString();
    }
    const QByteArray console =
        rawRequest(port(), post("/api/auth/login", login,
                                "Host: 127.0.0.1\r\nContent-Type: application/json\r\n"));
    EXPECT_EQ(statusOf(console), 200) << console.toStdString();
}

TEST_F(OriginTest, JsonRoutesWantApplicationJsonSoAFormPostNeedsAPreflight)
{
    const QByteArray login = body({{"username", "kim"}, {"password", "test-password-1"}});
    const QByteArray plain = rawRequest(
        port(), post("/api/auth/login", login, "Host: 127.0.0.1\r\nContent-Type: text/plain\r\n"));
    EXPECT_EQ(statusOf(plain), 415) << plain.toStdString();
    const QByteArray none = rawRequest(port(), post("/api/rooms", R"({"language":"vi"})", ""));
    EXPECT_EQ(statusOf(none), 415);
    const QByteArray charset =
        rawRequest(port(), post("/api/rooms", R"({"language":"vi"})",
                                "Content-Type: application/json; charset=utf-8\r\n"));
    EXPECT_EQ(statusOf(charset), 201) << charset.toStdString();
}

// --- Patient tokens -------------------------------------------------------------------------

class PatientTokenTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override { config.endedReadOnlySeconds = 1; }
};

TEST_F(PatientTokenTest, AnEndedConsultationIsReadOnlyForAWhileThenTheTokenOpensNothing)
{
    openAcceptedRoom();
    ASSERT_TRUE(sendText(*patient, room.id, "before-end", "Tôi bị đau đầu"));
    agent->send({{"type", "end"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(patient->takeType("ended"));

    // Within the read-only time the patient sees the record and cannot write.
    auto reader = connectPatient(room, 0);
    ASSERT_TRUE(takeMessage(*reader).has_value());
    reader->send({{"type", "send"},
                  {"room_id", room.id.toStdString()},
                  {"client_msg_id", "after-end"},
                  {"text", "còn ai không?"}});
    const auto refused = reader->take(frameWith("error", "ref", "after-end"));
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "room_ended");

    // When the read-only time is over, the connections still open are closed too.
    EXPECT_TRUE(patient->waitForClosed(2000));
    EXPECT_TRUE(reader->waitForClosed(1000));
    EXPECT_EQ(reader->closeCode(), 1008);
    QTest::qWait(100);
    WsClient late;
    ASSERT_TRUE(late.open(relay->ws()));
    const auto answer = late.hello("patient", room.token);
    ASSERT_TRUE(answer);
    EXPECT_EQ((*answer)["type"], "error");
    EXPECT_EQ((*answer)["code"], "unauthorized");
    EXPECT_TRUE(late.waitForClosed(1000));
    const auto history = HttpClient::get(
        relay->http(QStringLiteral("/api/rooms/%1/messages").arg(room.id)), room.token);
    EXPECT_EQ(history.status, 401);
}

TEST_F(PatientTokenTest, TokensExpireEvenWhileTheConsultationIsOpen)
{
    room = relay->createRoom(QStringLiteral("vi"));
    connectPatient(room).reset();
    relay->stop();
    {
        // Three days and a bit ago, past the default 72 hours.
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("age"));
        db.setDatabaseName(relay->databasePath());
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.prepare(QStringLiteral("UPDATE rooms SET created_at = ? WHERE id = ?")));
        q.addBindValue(QDateTime::currentDateTimeUtc().addSecs(-73 * 3600).toString(Qt::ISODate));
        q.addBindValue(room.id);
        ASSERT_TRUE(q.exec());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("age"));
    translator = new ScriptedTranslator;
    ASSERT_TRUE(relay->start(translator));
    WsClient old;
    ASSERT_TRUE(old.open(relay->ws()));
    const auto answer = old.hello("patient", room.token);
    ASSERT_TRUE(answer);
    EXPECT_EQ((*answer)["code"], "unauthorized");
}

TEST_F(PatientTokenTest, ATokenThatCannotBeOneIsRefusedAtOnceNotAtTheHelloDeadline)
{
    WsClient client;
    ASSERT_TRUE(client.open(relay->ws()));
    QElapsedTimer clock;
    clock.start();
    const auto answer = client.hello("patient", QString(5000, QLatin1Char('x')));
    ASSERT_TRUE(answer);
    EXPECT_EQ((*answer)["code"], "unauthorized");
    EXPECT_TRUE(client.waitForClosed(1000));
    EXPECT_EQ(client.closeCode(), 1008);
    EXPECT_LT(clock.elapsed(), 1000); // the hello deadline here is 1.5 s
}

// --- Cost abuse -----------------------------------------------------------------------------

class SendBudgetTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.roomMessagesPerMinute = 4;
        config.roomTranslationCharsPerHour = 60;
        config.addressTranslationCharsPerHour = 100;
        config.framesPerSecond = 1000; // the per-connection limit is not what is tested
        config.frameBurst = 1000;
    }
    std::string send(WsClient &client, const QString &roomId, const std::string &id,
                     const std::string &text)
    {
        client.send({{"type", "send"},
                     {"room_id", roomId.toStdString()},
                     {"client_msg_id", id},
                     {"text", text}});
        const auto answer = client.take(
            [&](const Json &f) {
                return (f["type"] == "ack" && f.value("client_msg_id", "") == id) ||
                       (f["type"] == "error" && f.value("ref", "") == id);
            },
            3000);
        if (!answer)
            return "timeout";
        return (*answer)["type"] == "ack" ? "ack" : (*answer)["code"].get<std::string>();
    }
};

TEST_F(SendBudgetTest, OneTokenOnManySocketsSharesOneAllowance)
{
    room = relay->createRoom(QStringLiteral("vi"));
    auto first = connectPatient(room);
    auto second = connectPatient(room);
    EXPECT_EQ(send(*first, room.id, "m1", "a"), "ack");
    EXPECT_EQ(send(*second, room.id, "m2", "b"), "ack");
    EXPECT_EQ(send(*first, room.id, "m3", "c"), "ack");
    EXPECT_EQ(send(*second, room.id, "m4", "d"), "ack");
    EXPECT_EQ(send(*first, room.id, "m5", "e"), "rate_limited");
    EXPECT_EQ(send(*second, room.id, "m6", "f"), "rate_limited");
    const auto metrics = HttpClient::get(relay->admin(QStringLiteral("/metrics")));
    EXPECT_TRUE(metrics.body.contains("medtranslate_rate_limited_total{scope=\"room\"} 2"))
        << metrics.body.toStdString();
}

TEST_F(SendBudgetTest, TranslationSpendIsCappedPerRoomAndPerAddress)
{
    const TestRelay::Room a = relay->createRoom(QStringLiteral("vi"));
    auto patientA = connectPatient(a);
    const std::string thirty(30, 'x');
    EXPECT_EQ(send(*patientA, a.id, "a1", thirty), "ack");
    EXPECT_EQ(send(*patientA, a.id, "a2", thirty), "ack");
    EXPECT_EQ(send(*patientA, a.id, "a3", thirty), "rate_limited"); // 90 > 60 for the room

    // A second consultation from the same address has its own room budget, but the address
    // has only 40 of its 100 characters left.
    const TestRelay::Room b = relay->createRoom(QStringLiteral("vi"));
    auto patientB = connectPatient(b);
    EXPECT_EQ(send(*patientB, b.id, "b1", thirty), "ack");
    EXPECT_EQ(send(*patientB, b.id, "b2", thirty), "rate_limited");
    const auto metrics = HttpClient::get(relay->admin(QStringLiteral("/metrics")));
    EXPECT_TRUE(
        metrics.body.contains("medtranslate_rate_limited_total{scope=\"translation_room\"} 1"));
    EXPECT_TRUE(
        metrics.body.contains("medtranslate_rate_limited_total{scope=\"translation_address\"} 1"))
        << metrics.body.toStdString();
    // Nothing refused was stored.
    const auto history =
        HttpClient::get(relay->http(QStringLiteral("/api/rooms/%1/messages").arg(a.id)), a.token);
    EXPECT_EQ(history.json()["messages"].size(), 2u);
}

// --- Login lockout --------------------------------------------------------------------------

class LockoutTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.loginMaxFailures = 3;
        config.loginWindowMs = 1000;
    }
    int login(const QHostAddress &from, const std::string &password)
    {
        return statusOf(
            rawRequest(quint16(relay->http().port()),
                       post("/api/auth/login", body({{"username", "kim"}, {"password", password}}),
                            "Host: 127.0.0.1\r\nContent-Type: application/json\r\n"),
                       from));
    }
};

TEST_F(LockoutTest, GuessingFromOneAddressDoesNotLockTheCounselorOutAtTheHospital)
{
    const QHostAddress attacker(QStringLiteral("127.0.0.2"));
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(login(attacker, "guess"), 401);
    EXPECT_EQ(login(attacker, TestRelay::password().toStdString()), 429);
    EXPECT_EQ(login(QHostAddress::LocalHost, TestRelay::password().toStdString()), 200);
}

TEST(LoginThrottle, EachLockoutLastsTwiceAsLongAsTheLast)
{
    relay::LoginThrottle throttle(2, 200);
    const QString user = QStringLiteral("kim"), address = QStringLiteral("203.0.113.9");
    auto failTwice = [&] {
        for (int i = 0; i < 2; ++i) {
            throttle.attempt(user, address);
            throttle.failed(user, address);
        }
    };
    failTwice();
    const qint64 first = throttle.retryAfterMs(user, address);
    EXPECT_GT(first, 150);
    EXPECT_LE(first, 200);
    QTest::qWait(int(first) + 20);
    EXPECT_EQ(throttle.retryAfterMs(user, address), 0);
    failTwice();
    const qint64 second = throttle.retryAfterMs(user, address);
    EXPECT_GT(second, 350);
    EXPECT_LE(second, 400);
    // Another address, and the same user there, are untouched.
    EXPECT_EQ(throttle.retryAfterMs(user, QStringLiteral("198.51.100.7")), 0);
    // A success clears the history.
    QTest::qWait(int(second) + 20);
    throttle.attempt(user, address);
    throttle.succeeded(user, address);
    failTwice();
    EXPECT_LE(throttle.retryAfterMs(user, address), 200);
}

// --- The operators' pages -------------------------------------------------------------------

class AdminAddressTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.adminToken = QStringLiteral("operator-secret-token");
    }
};

TEST_F(AdminAddressTest, MetricsAndDetailsAreForOperatorsOnly)
{
    const auto publicMetrics = HttpClient::get(relay->http(QStringLiteral("/metrics")));
    EXPECT_EQ(publicMetrics.status, 404);
    EXPECT_FALSE(publicMetrics.body.contains("medtranslate_"));
    const auto wrongToken =
        HttpClient::get(relay->http(QStringLiteral("/metrics")), QStringLiteral("guess"));
    EXPECT_EQ(wrongToken.status, 404);
    const auto withToken = HttpClient::get(relay->http(QStringLiteral("/metrics")),
                                           QStringLiteral("operator-secret-token"));
    EXPECT_EQ(withToken.status, 200);
    EXPECT_TRUE(withToken.body.contains("medtranslate_connections_open"));

    const auto publicHealth = HttpClient::get(relay->http(QStringLiteral("/health")));
    EXPECT_EQ(publicHealth.status, 200);
    EXPECT_EQ(publicHealth.json(), (Json{{"status", "ok"}}));

    EXPECT_EQ(relay->admin().host(), QStringLiteral("127.0.0.1"));
    EXPECT_NE(relay->admin().port(), relay->http().port());
    const auto adminHealth = HttpClient::get(relay->admin(QStringLiteral("/health")));
    EXPECT_EQ(adminHealth.json()["database"], "ok");
    EXPECT_EQ(HttpClient::get(relay->admin(QStringLiteral("/metrics"))).status, 200);
    // The admin address serves nothing else.
    EXPECT_EQ(HttpClient::get(relay->admin(QStringLiteral("/widget.js"))).status, 404);
}

} // namespace medtranslate::test
