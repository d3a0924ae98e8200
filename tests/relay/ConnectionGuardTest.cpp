// The connection guard in front of Qt HttpServer: stalled, oversized and too many connections
// are answered and closed, and everyone else is still served.
#include "RelayFixture.h"
#include "http/HttpRequestScanner.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <vector>

namespace medtranslate::test {

using relay::HttpRequestScanner;
using Phase = HttpRequestScanner::Phase;

// --- The scanner alone --------------------------------------------------------------------

TEST(HttpRequestScanner, FollowsPipelinedRequestsAndTheirBodies)
{
    HttpRequestScanner scanner;
    const QByteArray stream = "GET /health HTTP/1.1\r\nHost: a\r\n\r\n"
                              "POST /api/rooms HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
                              "\r\nGET / HTTP/1.1\r\n\r\n";
    EXPECT_EQ(scanner.feed(stream), stream.size());
    EXPECT_EQ(scanner.requests(), 3u);
    EXPECT_EQ(scanner.phase(), Phase::Idle);
}

TEST(HttpRequestScanner, GivesTheSameAnswerHoweverTheStreamIsSplit)
{
    const QByteArray stream = "POST /a HTTP/1.1\nContent-Length: 3\n\nabcGET /b HTTP/1.1\r\nX: "
                              "y\r\n\r\nGET /c HTTP/1.1\r\n";
    HttpRequestScanner whole;
    whole.feed(stream);
    HttpRequestScanner bytes;
    for (char c : stream)
        bytes.feed(QByteArrayView(&c, 1));
    EXPECT_EQ(whole.requests(), 2u);
    EXPECT_EQ(bytes.requests(), whole.requests());
    EXPECT_EQ(bytes.phase(), Phase::Headers);
    EXPECT_EQ(whole.phase(), Phase::Headers);
}

TEST(HttpRequestScanner, RefusesABodyTooBigFromItsHeaders)
{
    HttpRequestScanner scanner({16 * 1024, 1000});
    scanner.feed("POST /api/rooms HTTP/1.1\r\nContent-Length: 1073741824\r\n\r\n");
    ASSERT_EQ(scanner.phase(), Phase::Refused);
    EXPECT_EQ(scanner.refusal()->status, 413);
}

TEST(HttpRequestScanner, RefusesBodiesWithoutALength)
{
    for (const QByteArray &request :
         {QByteArray("POST /api/auth/login HTTP/1.1\r\nHost: a\r\n\r\n"),
          QByteArray("POST /api/rooms HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello"),
          QByteArray("GET / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")}) {
        HttpRequestScanner scanner;
        scanner.feed(request);
        ASSERT_EQ(scanner.phase(), Phase::Refused) << request.toStdString();
        EXPECT_EQ(scanner.refusal()->status, 411);
    }
}

TEST(HttpRequestScanner, RefusesEndlessHeadersAndMalformedOnes)
{
    HttpRequestScanner endless({1024, 1000});
    endless.feed("GET / HTTP/1.1\r\n");
    for (int i = 0; i < 100 && endless.phase() == Phase::Headers; ++i)
        endless.feed("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
    ASSERT_EQ(endless.phase(), Phase::Refused);
    EXPECT_EQ(endless.refusal()->status, 431);

    for (const QByteArray &request :
         {QByteArray("GARBAGE\r\n\r\n"), QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n"),
          QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"),
          QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"),
          QByteArray("GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n")}) {
        HttpRequestScanner scanner;
        scanner.feed(request);
        ASSERT_EQ(scanner.phase(), Phase::Refused) << request.toStdString();
        EXPECT_EQ(scanner.refusal()->status, 400) << request.toStdString();
    }
}

TEST(HttpRequestScanner, StopsAtAWebSocketUpgrade)
{
    HttpRequestScanner scanner;
    const QByteArray handshake = "GET /ws HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\n"
                                 "Upgrade: websocket\r\n\r\n";
    const QByteArray frame("\x81\x05hello", 7);
    EXPECT_EQ(scanner.feed(handshake + frame), handshake.size());
    EXPECT_EQ(scanner.phase(), Phase::Upgraded);
}

// --- In front of a running relay ----------------------------------------------------------

namespace {

//! A raw TCP client that says exactly what a test wants, and what came back.
class RawClient
{
public:
    //! Connects without blocking: the relay runs on this thread and has to accept.
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }
    bool waitConnected(int timeoutMs = 3000)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_socket.state() != QAbstractSocket::ConnectedState && clock.elapsed() < timeoutMs)
            QTest::qWait(5);
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }
    void send(const QByteArray &bytes)
    {
        waitConnected();
        m_socket.write(bytes);
        m_socket.flush();
    }
    //! Waits until the relay closes the connection; returns everything it sent.
    QByteArray untilClosed(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState &&
               clock.elapsed() < timeoutMs) {
            QTest::qWait(20);
            m_received += m_socket.readAll();
        }
        m_received += m_socket.readAll();
        return m_received;
    }
    [[nodiscard]] bool connected() const
    {
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

int statusOf(const QByteArray &response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return 0;
    return response.mid(9, 3).toInt();
}

} // namespace

class ConnectionGuardTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.connections.headerTimeoutMs = 600;
        config.connections.bodyTimeoutMs = 600;
        config.connections.idleTimeoutMs = 800;
        config.connections.maxPerAddress = 60;
        config.helloTimeoutMs = 5000;
    }
    quint16 port() const { return quint16(relay->http().port()); }
};

TEST_F(ConnectionGuardTest, StalledRequestsAreAnswered408AndClosedWhileOthersAreServed)
{
    std::vector<std::unique_ptr<RawClient>> stalled;
    for (int i = 0; i < 50; ++i) {
        stalled.push_back(std::make_unique<RawClient>(port()));
        // Half of them stop inside the headers, half inside a body.
        stalled.back()->send(i % 2
                                 ? QByteArray("GET /health HTTP/1.1\r\nHost: x\r\n")
                                 : QByteArray("POST /api/rooms HTTP/1.1\r\nContent-Type: "
                                              "application/json\r\nContent-Length: 100\r\n\r\n{"));
    }
    QTest::qWait(100);
    QElapsedTimer clock;
    clock.start();
    const HttpResponse health = HttpClient::get(relay->http(QStringLiteral("/health")), {}, 3000);
    EXPECT_EQ(health.status, 200);
    EXPECT_LT(clock.elapsed(), 1000);

    for (auto &client : stalled) {
        const QByteArray answer = client->untilClosed(4000);
        EXPECT_FALSE(client->connected());
        EXPECT_EQ(statusOf(answer), 408) << answer.toStdString();
    }
    const HttpResponse metrics = HttpClient::get(relay->admin(QStringLiteral("/metrics")));
    EXPECT_TRUE(
        metrics.body.contains("medtranslate_http_refused_total{reason=\"header_timeout\"} 25"))
        << metrics.body.toStdString();
    EXPECT_TRUE(
        metrics.body.contains("medtranslate_http_refused_total{reason=\"body_timeout\"} 25"));
}

TEST_F(ConnectionGuardTest, AHugeContentLengthIsRefusedBeforeTheBodyIsSent)
{
    RawClient client(port());
    client.send("POST /api/rooms HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 1073741824\r\n\r\n");
    QElapsedTimer clock;
    clock.start();
    const QByteArray answer = client.untilClosed(3000);
    EXPECT_EQ(statusOf(answer), 413) << answer.toStdString();
    EXPECT_TRUE(answer.contains("\"too_large\""));
    EXPECT_LT(clock.elapsed(), 1000);
    EXPECT_FALSE(client.connected());
}

TEST_F(ConnectionGuardTest, ABodyWithoutALengthAndEndlessHeadersAreRefused)
{
    RawClient chunked(port());
    chunked.send("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"username\":\"a\"\r\n");
    EXPECT_EQ(statusOf(chunked.untilClosed(3000)), 411);

    RawClient endless(port());
    endless.send("GET /health HTTP/1.1\r\n");
    for (int i = 0; i < 400; ++i)
        endless.send("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
    EXPECT_EQ(statusOf(endless.untilClosed(3000)), 431);
}

TEST_F(ConnectionGuardTest, OneAddressCannotTakeEveryConnection)
{
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 60; ++i)
        held.push_back(std::make_unique<RawClient>(port()));
    for (auto &client : held)
        ASSERT_TRUE(client->waitConnected());
    QTest::qWait(100);
    RawClient extra(port());
    const QByteArray answer = extra.untilClosed(3000);
    EXPECT_EQ(statusOf(answer), 503) << answer.toStdString();
    EXPECT_TRUE(answer.contains("Retry-After: 5"));
    // The slots come back as the held connections go.
    held.clear();
    QTest::qWait(200);
    EXPECT_EQ(HttpClient::get(relay->http(QStringLiteral("/health"))).status, 200);
}

TEST_F(ConnectionGuardTest, KeptAliveConnectionsAreClosedWhenIdleButServedUntilThen)
{
    RawClient client(port());
    client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::qWait(300);
    client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    const QByteArray answers = client.untilClosed(4000);
    EXPECT_EQ(answers.count("HTTP/1.1 200"), 2) << answers.toStdString();
    EXPECT_FALSE(client.connected());
}

TEST_F(ConnectionGuardTest, WebSocketsOutliveTheHttpDeadlines)
{
    openAcceptedRoom();
    QTest::qWait(1500); // past the header and idle timeouts
    const auto ack = sendText(*patient, room.id, "after-deadlines", "still here");
    ASSERT_TRUE(ack.has_value());
    EXPECT_FALSE(patient->isClosed());
    EXPECT_FALSE(agent->isClosed());
}

class TotalConnectionLimitTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override { config.connections.maxConnections = 5; }
};

TEST_F(TotalConnectionLimitTest, ConnectionsOverTheTotalAreAnswered503)
{
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 5; ++i)
        held.push_back(std::make_unique<RawClient>(quint16(relay->http().port())));
    for (auto &client : held)
        ASSERT_TRUE(client->waitConnected());
    QTest::qWait(100);
    RawClient extra(quint16(relay->http().port()));
    EXPECT_EQ(statusOf(extra.untilClosed(3000)), 503);
}

} // namespace medtranslate::test
