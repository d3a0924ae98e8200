#include "RelayFixture.h"
#include "storage/Store.h"
#include "storage/StoreWorker.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace medtranslate::test {

namespace {
QByteArray body(const Json &json)
{
    return QByteArray::fromStdString(json.dump());
}
} // namespace

// Three failed logins per username (fifteen per address) and three new rooms per address,
// each in a window of 1.5 s.
class ThrottlingTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.loginMaxFailures = 3;
        config.loginWindowMs = 1500;
        config.roomsPerAddress = 3;
        config.roomWindowMs = 1500;
    }

    HttpResponse login(const std::string &username, const std::string &password)
    {
        return HttpClient::post(relay->http(QStringLiteral("/api/auth/login")),
                                body({{"username", username}, {"password", password}}));
    }
};

TEST_F(ThrottlingTest, WrongPasswordsLockTheUsernameForAWhileEvenAgainstTheRightOne)
{
    const std::string right = TestRelay::password().toStdString();
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(login("kim", "guess-" + std::to_string(i)).status, 401);

    const auto locked = login("KIM", right); // the same account, however it is spelt
    EXPECT_EQ(locked.status, 429);
    EXPECT_EQ(locked.json()["error"]["code"], "rate_limited");
    const int retryAfter = locked.header("Retry-After").toInt();
    EXPECT_GE(retryAfter, 1);
    EXPECT_LE(retryAfter, 2);

    // A colleague at the same address is not locked out.
    relay->addAgent(QStringLiteral("lee"), QStringLiteral("이서준"));
    EXPECT_EQ(login("lee", right).status, 200);

    QTest::qWait(1600);
    EXPECT_EQ(login("kim", right).status, 200);

    // A success clears the slate: two more mistakes do not lock the account.
    EXPECT_EQ(login("kim", "oops-1").status, 401);
    EXPECT_EQ(login("kim", "oops-2").status, 401);
    EXPECT_EQ(login("kim", right).status, 200);

    const auto metrics = HttpClient::get(relay->admin(QStringLiteral("/metrics")));
    EXPECT_NE(metrics.body.indexOf("medtranslate_http_throttled_total{what=\"login\"} 1"), -1)
        << metrics.body.toStdString();
}

TEST_F(ThrottlingTest, GuessesSentAllAtOnceAreLimitedToo)
{
    // Password checks run off the event loop; ten guesses in flight together must still count.
    QNetworkAccessManager network;
    std::vector<QNetworkReply *> replies;
    for (int i = 0; i < 10; ++i) {
        QNetworkRequest request(relay->http(QStringLiteral("/api/auth/login")));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        replies.push_back(network.post(
            request, body({{"username", "kim"}, {"password", "guess-" + std::to_string(i)}})));
    }
    int unauthorized = 0, limited = 0;
    for (QNetworkReply *reply : replies) {
        if (!reply->isFinished())
            QSignalSpy(reply, &QNetworkReply::finished).wait(10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        unauthorized += status == 401;
        limited += status == 429;
        reply->deleteLater();
    }
    EXPECT_EQ(unauthorized, 3);
    EXPECT_EQ(limited, 7);
}

TEST_F(ThrottlingTest, ALoginTheDatabaseFailedIsNotCountedAsAGuess)
{
    auto exec = [this](const QString &sql) {
        return relay->server().store().runSync<bool>([sql](relay::StoreWorker &w) {
            w.exec(sql);
            return true;
        });
    };
    ASSERT_TRUE(
        exec(QStringLiteral("CREATE TRIGGER refuse_sessions BEFORE INSERT ON "
                            "agent_sessions BEGIN SELECT RAISE(ABORT, 'disk says no'); END"))
            .ok());
    const std::string right = TestRelay::password().toStdString();
    for (int i = 0; i < 4; ++i) // more than the 3 allowed failures
        EXPECT_EQ(login("kim", right).status, 503);
    ASSERT_TRUE(exec(QStringLiteral("DROP TRIGGER refuse_sessions")).ok());
    EXPECT_EQ(login("kim", right).status, 200) << "the relay's own failures locked the account";
}

TEST_F(ThrottlingTest, OneAddressCannotFloodTheWaitingQueue)
{
    const QUrl rooms = relay->http(QStringLiteral("/api/rooms"));
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(HttpClient::post(rooms, body({{"language", "vi"}})).status, 201);
    const auto refused = HttpClient::post(rooms, body({{"language", "vi"}}));
    EXPECT_EQ(refused.status, 429);
    EXPECT_EQ(refused.json()["error"]["code"], "rate_limited");
    EXPECT_GE(refused.header("Retry-After").toInt(), 1);
    // Invalid requests are answered before the limit and use none of it.
    EXPECT_EQ(HttpClient::post(rooms, body({{"language", "xx"}})).status, 400);

    QTest::qWait(1600);
    EXPECT_EQ(HttpClient::post(rooms, body({{"language", "vi"}})).status, 201);
}

} // namespace medtranslate::test
