// Webhook delivery end to end: the in-process relay's dispatcher posting to a local receiver
// that checks every signature, fails, hangs or is down for a while, and a relay restarted with
// events still waiting.
#include "../translation/FakeApiServer.h"
#include "HttpClient.h"
#include "RelayFixture.h"
#include "RelayProcess.h"
#include "hooks/WebhookDispatcher.h"
#include "hooks/WebhookSigner.h"
#include "storage/Store.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTimer>
#include <set>

namespace medtranslate::test {

using relay::WebhookLog;
using relay::WebhookLogEntry;

namespace {

const QByteArray kSecret = "whsec_delivery_test";

//! Spins the event loop until `done` holds or `timeoutMs` passed.
template <typename Done> bool waitUntil(Done done, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace

class WebhookDeliveryTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.webhooks.url = QUrl(receiver.baseUrl() + QStringLiteral("/hooks/medtranslate"));
        config.webhooks.secret = kSecret;
        config.webhooks.timeoutMs = 500;
        config.webhooks.backoffBaseMs = 100;
        config.webhooks.backoffCapMs = 400;
    }

    //! The relay's delivery log, read from its store.
    WebhookLog deliveryLog()
    {
        std::optional<relay::Result<WebhookLog>> result;
        QObject context;
        relay->server().store().webhookLog({}, 10000, &context,
                                           [&](relay::Result<WebhookLog> r) { result.emplace(r); });
        EXPECT_TRUE(waitUntil([&] { return result.has_value(); }));
        EXPECT_TRUE(result && result->ok());
        return result && result->ok() ? result->value() : WebhookLog{};
    }

    std::vector<WebhookLogEntry> attemptsOf(const QString &eventId)
    {
        std::vector<WebhookLogEntry> found;
        for (const WebhookLogEntry &e : deliveryLog().attempts)
            if (e.eventId == eventId)
                found.push_back(e);
        return found;
    }

    //! Requests answered 2xx so far, as their bodies.
    std::vector<Json> delivered() const
    {
        std::vector<Json> bodies;
        for (std::size_t i : accepted)
            bodies.push_back(receiver.requests()[i].json());
        return bodies;
    }

    bool receivedEvent(const std::string &event) const
    {
        for (const FakeRequest &r : receiver.requests())
            if (r.header("x-medtranslate-event") == QByteArray::fromStdString(event))
                return true;
        return false;
    }

    //! Every request must be one a receiver would accept: the signature is checked here.
    void checkRequest(const FakeRequest &r) const
    {
        EXPECT_EQ(r.method, "POST");
        EXPECT_EQ(r.path, "/hooks/medtranslate");
        EXPECT_EQ(r.header("content-type"), "application/json");
        const Json body = r.json();
        ASSERT_TRUE(body.is_object()) << r.body.toStdString();
        EXPECT_EQ(r.header("x-medtranslate-event").toStdString(), body.at("event"));
        EXPECT_EQ(r.header("x-medtranslate-delivery").toStdString(), body.at("id"));
        EXPECT_TRUE(relay::WebhookSigner(kSecret).verify(
            r.header("x-medtranslate-signature"), r.body, QDateTime::currentSecsSinceEpoch(), 300))
            << r.header("x-medtranslate-signature").toStdString();
        EXPECT_FALSE(relay::WebhookSigner("another secret")
                         .verify(r.header("x-medtranslate-signature"), r.body,
                                 QDateTime::currentSecsSinceEpoch(), 300));
    }

    //! Answers 200 unless `refuse` says otherwise, and remembers what it accepted.
    void answerWith(std::function<int(const FakeRequest &)> status)
    {
        receiver.setHandler([this, status](const FakeRequest &r) {
            checkRequest(r);
            FakeReply reply;
            reply.status = status ? status(r) : 200;
            // The request being answered is the last one recorded.
            if (reply.status / 100 == 2)
                accepted.push_back(std::size_t(receiver.requestCount() - 1));
            return reply;
        });
    }

    FakeApiServer receiver;
    std::vector<std::size_t> accepted; //!< indices of the requests answered 2xx
};

TEST_F(WebhookDeliveryTest, DeliversEveryEventSignedOnceAndInOrder)
{
    answerWith({});
    openAcceptedRoom();
    ASSERT_TRUE(sendText(*patient, room.id, "p1", "Tôi bị đau bụng"));
    ASSERT_TRUE(sendText(*agent, room.id, "a1", "언제부터 아프셨어요?"));
    agent->send({{"type", "end"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(waitUntil([&] { return receivedEvent("consultation.ended"); }))
        << receiver.requestCount() << " requests";
    ASSERT_TRUE(waitUntil([&] { return deliveryLog().pending == 0; }));

    const std::vector<Json> events = delivered();
    ASSERT_GE(events.size(), 5u); // created, joined, two messages, ended
    EXPECT_EQ(events.front().at("event"), "consultation.created");
    int ended = 0;
    for (const Json &e : events)
        ended += e.at("event") == "consultation.ended";
    EXPECT_EQ(ended, 1);
    std::set<std::string> ids;
    qint64 seq = 0;
    bool sawPatientText = false;
    for (const Json &e : events) {
        EXPECT_EQ(e.at("version"), 1);
        EXPECT_EQ(e.at("room"), room.id.toStdString());
        EXPECT_TRUE(ids.insert(e.at("id").get<std::string>()).second) << "sent twice: " << e;
        if (e.at("event") != "message.created")
            continue;
        // The room's messages arrive in seq order, none missing.
        EXPECT_EQ(e.at("data").at("seq").get<qint64>(), ++seq) << e;
        sawPatientText |= e.at("data").at("text") == "Tôi bị đau bụng";
    }
    EXPECT_TRUE(sawPatientText);
    EXPECT_EQ(receiver.requestCount(), int(events.size())) << "every event went once";

    const WebhookLog log = deliveryLog();
    EXPECT_EQ(log.attempts.size(), events.size());
    for (const WebhookLogEntry &e : log.attempts) {
        EXPECT_TRUE(e.delivered);
        EXPECT_EQ(e.status, 200);
        EXPECT_EQ(e.attempt, 1);
        EXPECT_EQ(e.roomId, room.id);
    }
    EXPECT_TRUE(log.oldestPendingAt.isEmpty());
}

TEST_F(WebhookDeliveryTest, RetriesAFailedEventWithItsRoomsLaterEventsHeldBack)
{
    answerWith([](const FakeRequest &r) {
        return r.header("x-medtranslate-event") == "consultation.created" ? 503 : 200;
    });
    room = relay->createRoom(QStringLiteral("en"));
    ASSERT_TRUE(receiver.waitForRequests(3, 10000));
    // Still failing: nothing after the room's first event has been sent.
    for (const FakeRequest &r : receiver.requests())
        EXPECT_EQ(r.header("x-medtranslate-event"), "consultation.created");
    const QString firstId =
        QString::fromUtf8(receiver.requests().front().header("x-medtranslate-delivery"));
    for (const FakeRequest &r : receiver.requests())
        EXPECT_EQ(QString::fromUtf8(r.header("x-medtranslate-delivery")), firstId)
            << "a retry carries the same delivery id";

    patient = connectPatient(room);
    ASSERT_TRUE(sendText(*patient, room.id, "p1", "I have a headache"));
    answerWith({}); // the receiver is fixed
    ASSERT_TRUE(waitUntil([&] { return receivedEvent("message.created"); }));
    ASSERT_TRUE(waitUntil([&] { return deliveryLog().pending == 0; }));

    const auto tries = attemptsOf(firstId);
    ASSERT_GE(tries.size(), 4u);
    for (std::size_t i = 0; i + 1 < tries.size(); ++i) {
        EXPECT_EQ(tries[i].attempt, int(i + 1));
        EXPECT_FALSE(tries[i].delivered);
        EXPECT_EQ(tries[i].status, 503);
        EXPECT_EQ(tries[i].error, QStringLiteral("HTTP 503"));
    }
    EXPECT_TRUE(tries.back().delivered);
    // The room's order held: its first event was delivered before any other was sent.
    const std::vector<Json> events = delivered();
    ASSERT_GE(events.size(), 2u);
    EXPECT_EQ(events.front().at("id").get<std::string>(), firstId.toStdString());
    EXPECT_EQ(events[1].at("event"), "message.created");
}

TEST_F(WebhookDeliveryTest, ARoomWhoseEventsFailDoesNotHoldBackOtherRooms)
{
    // Told apart by language: the failing room's id is not known before its event is queued.
    answerWith([](const FakeRequest &r) {
        return r.json()["data"].value("patient_language", std::string{}) == "ja" ? 500 : 200;
    });
    const TestRelay::Room failing = relay->createRoom(QStringLiteral("ja"));
    ASSERT_FALSE(failing.id.isEmpty());
    const TestRelay::Room other = relay->createRoom(QStringLiteral("zh"));
    ASSERT_TRUE(waitUntil([&] { return delivered().size() == 1; }));
    EXPECT_EQ(delivered().front().at("room"), other.id.toStdString());
    const WebhookLog log = deliveryLog();
    EXPECT_EQ(log.pending, 1);
    EXPECT_FALSE(log.oldestPendingAt.isEmpty());
}

TEST_F(WebhookDeliveryTest, AReceiverThatIsDownGetsTheEventOnceItIsBack)
{
    answerWith({});
    receiver.close();
    room = relay->createRoom(QStringLiteral("th"));
    ASSERT_TRUE(waitUntil([&] { return deliveryLog().attempts.size() >= 2; }));
    for (const WebhookLogEntry &e : deliveryLog().attempts) {
        EXPECT_FALSE(e.delivered);
        EXPECT_EQ(e.status, 0) << "no HTTP answer";
        EXPECT_FALSE(e.error.isEmpty());
    }
    // Operators see the backlog and the failures.
    const HttpResponse metrics =
        HttpClient::get(relay->admin(QStringLiteral("/metrics")), {}, 5000);
    ASSERT_EQ(metrics.status, 200);
    EXPECT_TRUE(metrics.body.contains("\nmedtranslate_webhook_pending 1\n")) << metrics.body.data();
    EXPECT_FALSE(
        metrics.body.contains("medtranslate_webhook_attempts_total{outcome=\"failed\"} 0\n"));

    ASSERT_TRUE(receiver.listenAgain());
    ASSERT_TRUE(waitUntil([&] { return delivered().size() == 1; }));
    EXPECT_EQ(delivered().front().at("event"), "consultation.created");
    ASSERT_TRUE(waitUntil([&] { return deliveryLog().pending == 0; }));
}

TEST_F(WebhookDeliveryTest, AReceiverThatNeverAnswersIsAFailedAttemptAfterTheTimeout)
{
    answerWith({});
    FakeReply hang;
    hang.hang = true;
    receiver.enqueue(hang);
    room = relay->createRoom(QStringLiteral("vi"));
    ASSERT_TRUE(waitUntil([&] { return delivered().size() == 1; }));
    const auto tries = attemptsOf(
        QString::fromUtf8(receiver.requests().front().header("x-medtranslate-delivery")));
    ASSERT_EQ(tries.size(), 2u);
    EXPECT_FALSE(tries[0].delivered);
    EXPECT_EQ(tries[0].status, 0);
    EXPECT_EQ(tries[0].error, QStringLiteral("no answer within 500 ms"));
    EXPECT_TRUE(tries[1].delivered);
}

TEST_F(WebhookDeliveryTest, EventsWaitingWhenTheRelayStopsAreSentAfterItRestarts)
{
    answerWith({});
    receiver.close();
    openAcceptedRoom();
    ASSERT_TRUE(sendText(*patient, room.id, "p1", "Tôi bị sốt"));
    ASSERT_TRUE(waitUntil([&] { return !deliveryLog().attempts.empty(); }));
    const qint64 waiting = deliveryLog().pending;
    ASSERT_GE(waiting, 3); // created, joined, the message

    restartRelay();
    EXPECT_EQ(deliveryLog().pending, waiting) << "nothing lost in the restart";
    ASSERT_TRUE(receiver.listenAgain());
    ASSERT_TRUE(waitUntil([&] { return deliveryLog().pending == 0; }));
    const std::vector<Json> events = delivered();
    ASSERT_EQ(events.size(), std::size_t(waiting));
    EXPECT_EQ(events.front().at("event"), "consultation.created");
    qint64 seq = 0;
    for (const Json &e : events) {
        if (e.at("event") == "message.created") {
            EXPECT_EQ(e.at("data").at("seq").get<qint64>(), ++seq);
        }
    }
}

TEST_F(WebhookDeliveryTest, TheWebhookLogCommandPrintsTheAttemptsBesideARunningRelay)
{
    answerWith([](const FakeRequest &r) {
        return r.header("x-medtranslate-event") == "consultation.created" ? 502 : 200;
    });
    room = relay->createRoom(QStringLiteral("en"));
    ASSERT_TRUE(receiver.waitForRequests(2, 10000));

    const auto json = RelayProcess::runCommand(
        {QStringLiteral("--db"), relay->databasePath(), QStringLiteral("--webhook-log"),
         QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const Json report = Json::parse(json.out.toStdString(), nullptr, false);
    ASSERT_TRUE(report.is_object()) << json.out.toStdString();
    ASSERT_GE(report.at("attempts").size(), 2u);
    const Json &first = report.at("attempts").front();
    EXPECT_EQ(first.at("event"), "consultation.created");
    EXPECT_EQ(first.at("room"), room.id.toStdString());
    EXPECT_EQ(first.at("status"), 502);
    EXPECT_EQ(first.at("delivered"), false);
    EXPECT_EQ(first.at("attempt"), 1);
    EXPECT_EQ(report.at("pending").at("events"), 1);

    const auto text = RelayProcess::runCommand(
        {QStringLiteral("--db"), relay->databasePath(), QStringLiteral("--webhook-log"),
         QStringLiteral("--since"), QStringLiteral("2000-01-01")});
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.startsWith(QStringLiteral("time\tevent id\tevent\troom")));
    EXPECT_TRUE(text.out.contains(QStringLiteral("\tfailed\t502\t")));
    EXPECT_TRUE(text.out.contains(QStringLiteral("waiting: 1 events")));

    const auto future = RelayProcess::runCommand(
        {QStringLiteral("--db"), relay->databasePath(), QStringLiteral("--webhook-log"),
         QStringLiteral("--since"), QStringLiteral("2999-01-01"), QStringLiteral("--format"),
         QStringLiteral("json")});
    ASSERT_EQ(future.exitCode, 0);
    EXPECT_TRUE(Json::parse(future.out.toStdString()).at("attempts").empty());

    const auto both =
        RelayProcess::runCommand({QStringLiteral("--db"), relay->databasePath(),
                                  QStringLiteral("--webhook-log"), QStringLiteral("--stats")});
    EXPECT_NE(both.exitCode, 0);
    EXPECT_TRUE(both.err.contains(QStringLiteral("one of --audit, --stats and --webhook-log")));
}

TEST(WebhookBackoffTest, DoublesFromTheBaseUpToTheCapWithinTheUpperHalf)
{
    relay::WebhookConfig config;
    config.backoffBaseMs = 1000;
    config.backoffCapMs = 10000;
    using relay::WebhookDispatcher;
    EXPECT_EQ(WebhookDispatcher::backoffMs(config, 1, 0.0), 500);
    EXPECT_EQ(WebhookDispatcher::backoffMs(config, 1, 1.0), 1000);
    EXPECT_EQ(WebhookDispatcher::backoffMs(config, 2, 1.0), 2000);
    EXPECT_EQ(WebhookDispatcher::backoffMs(config, 3, 0.5), 3000);
    EXPECT_EQ(WebhookDispatcher::backoffMs(config, 5, 1.0), 10000) << "capped";
    EXPECT_EQ(WebhookDispatcher::backoffMs(config, 500, 0.0), 5000) << "no overflow";
}

} // namespace medtranslate::test
