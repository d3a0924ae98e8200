// The webhook outbox, on the driver under test (MEDTRANSLATE_TEST_DRIVER): events are written
// with the room or message they describe, in the same transaction, and only when configured.
#include "TestDatabase.h"
#include "storage/OutboxTable.h"
#include "storage/Store.h"
#include "storage/StoreWorker.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QSqlQuery>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace medtranslate::test {

using relay::AppendResult;
using relay::NewMessage;
using relay::Result;
using relay::RoomRecord;
using relay::Store;
using relay::StoreFailureKind;
using relay::StoreWorker;

namespace {

const QString kDriver = QStringLiteral(MEDTRANSLATE_TEST_DRIVER);

//! Runs an asynchronous Store call and pumps the event loop until its result arrives (15 s).
template <typename T, typename Call> Result<T> await(Call call)
{
    std::optional<Result<T>> result;
    QObject context;
    call(&context, [&result](Result<T> r) { result.emplace(std::move(r)); });
    QDeadlineTimer deadline(15000);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (!result)
        return relay::StoreFailure{StoreFailureKind::TimedOut, QStringLiteral("no answer")};
    return std::move(*result);
}

struct OutboxRow
{
    QString room;
    qint64 position = 0;
    QString event;
    nlohmann::json payload;
    int attempts = -1;
};

RoomRecord room(const QString &id)
{
    RoomRecord r;
    r.room.roomId = id.toStdString();
    r.room.status = protocol::RoomStatus::Waiting;
    r.room.patientLanguage = "ko";
    r.room.createdAt = "2026-12-04T00:50:00Z";
    r.patientTokenHash = QStringLiteral("hash-") + id;
    return r;
}

NewMessage message(const QString &roomId, const std::string &clientId, const std::string &text)
{
    NewMessage m;
    m.message.roomId = roomId.toStdString();
    m.message.clientMsgId = clientId;
    m.message.sender = protocol::Sender::Patient;
    m.message.lang = "ko";
    m.message.text = text;
    return m;
}

} // namespace

class OutboxTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(m_database.create(&error)) << error.toStdString();
    }

    std::unique_ptr<Store> openStore(bool webhooks)
    {
        auto config = m_database.storeConfig();
        config.webhookOutbox = webhooks;
        auto store = std::make_unique<Store>(config);
        QString error;
        EXPECT_TRUE(store->open(&error)) << error.toStdString();
        return store;
    }

    static std::vector<OutboxRow> outbox(Store &store)
    {
        auto rows = store.runSync<std::vector<OutboxRow>>([](StoreWorker &w) {
            auto &q = w.exec(QStringLiteral("SELECT room_id, position, event, payload, attempts "
                                            "FROM webhook_outbox ORDER BY room_id, position"));
            std::vector<OutboxRow> found;
            while (q.next())
                found.push_back({q.value(0).toString(), q.value(1).toLongLong(),
                                 q.value(2).toString(),
                                 nlohmann::json::parse(q.value(3).toString().toStdString()),
                                 q.value(4).toInt()});
            q.finish();
            return found;
        });
        EXPECT_TRUE(rows.ok());
        return rows.ok() ? rows.value() : std::vector<OutboxRow>{};
    }

    TestDatabase m_database{kDriver};
};

TEST_F(OutboxTest, QueuesAConsultationsEventsInOrderWithTheirPayloads)
{
    auto store = openStore(true);
    ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                    store->createRoom(room(QStringLiteral("r_a")), c, done);
                })).ok());
    NewMessage withFile = message(QStringLiteral("r_a"), "c2", "");
    withFile.message.attachment = protocol::Attachment{
        "att_1", "scan.png", "image/png", 1234, "ab12", "/secret-url", 10, 20, ""};
    withFile.blobKey = QStringLiteral("ab12");
    for (const NewMessage &m : {message(QStringLiteral("r_a"), "c1", "배가 아파요"), withFile}) {
        const auto appended =
            await<AppendResult>([&](QObject *c, auto done) { store->appendMessage(m, c, done); });
        ASSERT_TRUE(appended.ok()) << appended.error().message.toStdString();
    }
    // A retried send is the same message: no second event.
    ASSERT_TRUE((await<AppendResult>([&](QObject *c, auto done) {
                    store->appendMessage(message(QStringLiteral("r_a"), "c1", "배가 아파요"), c,
                                         done);
                }))
                    .value()
                    .duplicate);
    ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                    store->endRoom(QStringLiteral("r_a"), c, done);
                })).ok());
    // Ending it again changes nothing the hospital has to hear about.
    ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                    store->endRoom(QStringLiteral("r_a"), c, done);
                })).ok());

    const auto rows = outbox(*store);
    ASSERT_EQ(rows.size(), 4u);
    const std::vector<QString> events = {
        QStringLiteral("consultation.created"), QStringLiteral("message.created"),
        QStringLiteral("message.created"), QStringLiteral("consultation.ended")};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(rows[i].event, events[i]);
        EXPECT_EQ(rows[i].position, qint64(i + 1));
        EXPECT_EQ(rows[i].attempts, 0);
        EXPECT_EQ(rows[i].payload.at("version"), 1);
        EXPECT_EQ(rows[i].payload.at("event"), events[i].toStdString());
        EXPECT_EQ(rows[i].payload.at("room"), "r_a");
        EXPECT_EQ(rows[i].payload.at("id").get<std::string>().rfind("evt_", 0), 0u);
    }
    EXPECT_NE(rows[1].payload.at("id"), rows[2].payload.at("id"));
    EXPECT_EQ(rows[0].payload.at("data").at("patient_language"), "ko");
    const auto &first = rows[1].payload.at("data");
    EXPECT_EQ(first.at("seq"), 1);
    EXPECT_EQ(first.at("sender_role"), "patient");
    EXPECT_EQ(first.at("language"), "ko");
    EXPECT_EQ(first.at("text"), "배가 아파요");
    EXPECT_EQ(first.at("kind"), "text");
    EXPECT_TRUE(first.at("attachment").is_null());
    const auto &second = rows[2].payload.at("data");
    EXPECT_EQ(second.at("seq"), 2);
    EXPECT_EQ(second.at("kind"), "attachment");
    EXPECT_EQ(second.at("attachment").at("name"), "scan.png");
    EXPECT_EQ(second.at("attachment").at("size"), 1234);
    EXPECT_FALSE(second.at("attachment").contains("url")) << "metadata only, no download link";
    EXPECT_FALSE(rows[3].payload.at("data").at("ended_at").get<std::string>().empty());
}

TEST_F(OutboxTest, AFailedWriteQueuesNothing)
{
    auto store = openStore(true);
    const auto unknown = await<AppendResult>([&](QObject *c, auto done) {
        store->appendMessage(message(QStringLiteral("r_none"), "c1", "hi"), c, done);
    });
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().kind, StoreFailureKind::NotFound);
    ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                    store->createRoom(room(QStringLiteral("r_b")), c, done);
                })).ok());
    // The same token hash again is refused, and so is its event.
    RoomRecord clash = room(QStringLiteral("r_c"));
    clash.patientTokenHash = QStringLiteral("hash-r_b");
    EXPECT_FALSE(
        (await<void>([&](QObject *c, auto done) { store->createRoom(clash, c, done); })).ok());
    EXPECT_FALSE((await<void>([&](QObject *c, auto done) {
                     store->endRoom(QStringLiteral("r_none"), c, done);
                 })).ok());
    const auto rows = outbox(*store);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].room, QStringLiteral("r_b"));
    EXPECT_EQ(rows[0].event, QStringLiteral("consultation.created"));
}

TEST_F(OutboxTest, NothingIsQueuedWithoutWebhooks)
{
    auto store = openStore(false);
    ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                    store->createRoom(room(QStringLiteral("r_d")), c, done);
                })).ok());
    ASSERT_TRUE((await<AppendResult>([&](QObject *c, auto done) {
                    store->appendMessage(message(QStringLiteral("r_d"), "c1", "hi"), c, done);
                })).ok());
    ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                    store->endRoom(QStringLiteral("r_d"), c, done);
                })).ok());
    EXPECT_TRUE(outbox(*store).empty());
}

TEST_F(OutboxTest, OffersEachRoomsOldestDueEventAndSettlesAttempts)
{
    using relay::OutboxTable;
    using relay::WebhookAttempt;
    using relay::WebhookDue;
    auto store = openStore(true);
    for (const QString &id : {QStringLiteral("r_x"), QStringLiteral("r_y")})
        ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                        store->createRoom(room(id), c, done);
                    })).ok());
    ASSERT_TRUE((await<AppendResult>([&](QObject *c, auto done) {
                    store->appendMessage(message(QStringLiteral("r_x"), "c1", "hi"), c, done);
                })).ok());
    const QString now = OutboxTable::timestamp(QDateTime::currentDateTimeUtc().addSecs(1));
    auto due = [&](QSet<QString> busy) {
        return await<WebhookDue>(
                   [&](QObject *c, auto done) { store->webhooksDue(now, 8, busy, c, done); })
            .value();
    };
    WebhookDue first = due({});
    EXPECT_EQ(first.pending, 3);
    ASSERT_EQ(first.events.size(), 2u) << "one per room: r_x's message waits for its creation";
    for (const auto &e : first.events)
        EXPECT_EQ(e.event, QStringLiteral("consultation.created"));
    EXPECT_EQ(due({QStringLiteral("r_x")}).events.size(), 1u) << "a room in flight is skipped";

    const relay::WebhookEvent x =
        first.events[0].roomId == QStringLiteral("r_x") ? first.events[0] : first.events[1];
    WebhookAttempt failed{x,
                          now,
                          false,
                          503,
                          QStringLiteral("HTTP 503"),
                          12,
                          OutboxTable::timestamp(QDateTime::currentDateTimeUtc().addSecs(60))};
    ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                    store->recordWebhookAttempt(failed, c, done);
                })).ok());
    WebhookDue later = due({});
    ASSERT_EQ(later.events.size(), 1u) << "r_x backs off, its message still behind it";
    EXPECT_EQ(later.events[0].roomId, QStringLiteral("r_y"));
    EXPECT_EQ(later.pending, 3);

    ASSERT_EQ(x.attempts, 0);
    WebhookAttempt delivered{x, now, true, 200, {}, 9, {}};
    delivered.event.attempts = 1;
    ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                    store->recordWebhookAttempt(delivered, c, done);
                })).ok());
    WebhookDue after = due({});
    EXPECT_EQ(after.pending, 2) << "a delivered event leaves the outbox";
    bool messageDue = false;
    for (const auto &e : after.events)
        messageDue |=
            e.roomId == QStringLiteral("r_x") && e.event == QStringLiteral("message.created");
    EXPECT_TRUE(messageDue);

    const auto log = await<relay::WebhookLog>([&](QObject *c, auto done) {
                         store->webhookLog({}, 10, c, done);
                     }).value();
    ASSERT_EQ(log.attempts.size(), 2u);
    EXPECT_EQ(log.attempts[0].attempt, 1);
    EXPECT_FALSE(log.attempts[0].delivered);
    EXPECT_EQ(log.attempts[0].status, 503);
    EXPECT_EQ(log.attempts[0].error, QStringLiteral("HTTP 503"));
    EXPECT_EQ(log.attempts[1].attempt, 2);
    EXPECT_TRUE(log.attempts[1].delivered);
    EXPECT_EQ(log.attempts[1].roomId, QStringLiteral("r_x"));
}

TEST_F(OutboxTest, PurgingARoomDropsItsUndeliveredEvents)
{
    auto store = openStore(true);
    for (const QString &id : {QStringLiteral("r_p"), QStringLiteral("r_q")})
        ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                        store->createRoom(room(id), c, done);
                    })).ok());
    ASSERT_TRUE((await<AppendResult>([&](QObject *c, auto done) {
                    store->appendMessage(message(QStringLiteral("r_p"), "c1", "비밀"), c, done);
                })).ok());
    ASSERT_TRUE((await<void>([&](QObject *c, auto done) {
                    store->endRoom(QStringLiteral("r_p"), c, done);
                })).ok());
    ASSERT_TRUE((await<std::optional<relay::PurgedRoom>>([&](QObject *c, auto done) {
                    store->purgeRoom(QStringLiteral("r_p"), c, done);
                })).value());
    const auto rows = outbox(*store);
    ASSERT_EQ(rows.size(), 1u) << "the message's text went with its room";
    EXPECT_EQ(rows[0].room, QStringLiteral("r_q"));
}

} // namespace medtranslate::test
