// Store tests, compiled once per database driver (MEDTRANSLATE_TEST_DRIVER): the same
// queries must behave the same on SQLite and on PostgreSQL.
#include "storage/Store.h"

#include "HttpClient.h"
#include "ScriptedTranslator.h"
#include "TestDatabase.h"
#include "TestRelay.h"
#include "WsClient.h"
#include "auth/AuthService.h"
#include "auth/PasswordHasher.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <gtest/gtest.h>

namespace medtranslate::test {

using relay::AgentRecord;
using relay::AppendResult;
using relay::NewMessage;
using relay::Result;
using relay::RoomRecord;
using relay::Store;
using relay::StoreConfig;
using relay::StoreFailureKind;

namespace {

const QString kDriver = QStringLiteral(MEDTRANSLATE_TEST_DRIVER);

//! Runs an asynchronous Store call and pumps the event loop until its result arrives.
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

std::string describe(const relay::StoreFailure &failure)
{
    return std::string(relay::toString(failure.kind)) + ": " + failure.message.toStdString();
}

} // namespace

//! A fresh database of the driver under test: a SQLite file or a new PostgreSQL database.
class StoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(testDatabase.create(&error)) << error.toStdString();
        config = testDatabase.storeConfig();
    }

    void TearDown() override
    {
        for (const QString &name : std::as_const(m_sideConnections)) {
            QSqlDatabase::database(name).close();
            QSqlDatabase::removeDatabase(name);
        }
    }

    std::unique_ptr<Store> openStore()
    {
        auto store = std::make_unique<Store>(config);
        QString error;
        EXPECT_TRUE(store->open(&error)) << error.toStdString();
        return store;
    }

    //! A connection of the test's own to the database under test, beside the store's.
    QSqlDatabase sideConnection()
    {
        const QString name = QStringLiteral("side-") + QUuid::createUuid().toString();
        m_sideConnections << name;
        QSqlDatabase db = QSqlDatabase::addDatabase(kDriver == QLatin1String("postgres")
                                                        ? QStringLiteral("QPSQL")
                                                        : QStringLiteral("QSQLITE"),
                                                    name);
        db.setDatabaseName(config.database);
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setUserName(config.user);
        EXPECT_TRUE(db.open()) << db.lastError().text().toStdString();
        return db;
    }

    //! Runs statements on a side connection (DDL the store would never run).
    void sideExec(QSqlDatabase db, const QStringList &statements)
    {
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            EXPECT_TRUE(q.exec(sql))
                << sql.toStdString() << ": " << q.lastError().text().toStdString();
        }
    }

    //! Holds a lock on the agents table from a side connection: the store's writes to it wait.
    void lockAgents(QSqlDatabase db)
    {
        if (kDriver == QLatin1String("postgres"))
            sideExec(db, {QStringLiteral("BEGIN"),
                          QStringLiteral("LOCK TABLE agents IN ACCESS EXCLUSIVE MODE")});
        else
            sideExec(db, {QStringLiteral("BEGIN EXCLUSIVE")});
    }

    static AgentRecord agent(const QString &id, const QString &username)
    {
        return AgentRecord{id,
                           username,
                           QStringLiteral("김민지"),
                           QStringLiteral("agent"),
                           {QStringLiteral("vi"), QStringLiteral("en")}};
    }

    static Result<void> createRoom(Store &store, const RoomRecord &r)
    {
        return await<void>([&](QObject *c, auto done) { store.createRoom(r, c, done); });
    }

    static Result<AppendResult> append(Store &store, const NewMessage &m)
    {
        return await<AppendResult>([&](QObject *c, auto done) { store.appendMessage(m, c, done); });
    }

    static RoomRecord room(const QString &id, const QString &tokenHash)
    {
        RoomRecord r;
        r.room.roomId = id.toStdString();
        r.room.status = protocol::RoomStatus::Waiting;
        r.room.patientLanguage = "vi";
        r.room.createdAt = "2026-11-26T06:00:00Z";
        r.patientTokenHash = tokenHash;
        return r;
    }

    static NewMessage message(const std::string &roomId, const std::string &clientMsgId,
                              const std::string &text)
    {
        NewMessage m;
        m.message.roomId = roomId;
        m.message.clientMsgId = clientMsgId;
        m.message.sender = protocol::Sender::Patient;
        m.message.text = text;
        m.message.lang = "vi";
        m.message.translation.status = protocol::TranslationStatus::Pending;
        m.message.translation.lang = "ko";
        return m;
    }

    TestDatabase testDatabase{kDriver};
    QTemporaryDir dir;
    StoreConfig config;
    QStringList m_sideConnections;
};

TEST_F(StoreTest, MigrationsApplyOnceAndReopeningKeepsTheSchema)
{
    int first = 0;
    {
        auto store = openStore();
        const auto version = store->schemaVersionBlocking();
        ASSERT_TRUE(version.ok()) << describe(version.error());
        first = version.value();
        EXPECT_GE(first, 2);
    }
    auto again = openStore();
    const auto version = again->schemaVersionBlocking();
    ASSERT_TRUE(version.ok()) << describe(version.error());
    EXPECT_EQ(version.value(), first);
}

TEST_F(StoreTest, AppendAssignsGaplessSeqPerRoomAndDeduplicates)
{
    auto store = openStore();
    ASSERT_TRUE(createRoom(*store, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
    ASSERT_TRUE(createRoom(*store, room(QStringLiteral("room-b"), QStringLiteral("hash-b"))).ok());
    // Queued together, so they share group commits; the results come back in order.
    const std::vector<NewMessage> batch{
        message("room-a", "a1", "một"), message("room-b", "b1", "hai"),
        message("room-a", "a2", "ba"), message("room-a", "a1", "một"),
        message("room-b", "b2", "bốn")};
    QObject context;
    std::vector<Result<AppendResult>> r;
    for (const auto &m : batch)
        store->appendMessage(m, &context,
                             [&r](Result<AppendResult> result) { r.push_back(std::move(result)); });
    QDeadlineTimer deadline(15000);
    while (r.size() < batch.size() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    ASSERT_EQ(r.size(), 5u);
    for (const auto &result : r)
        ASSERT_TRUE(result.ok()) << describe(result.error());
    EXPECT_EQ(r[0].value().message.seq, 1);
    EXPECT_EQ(r[1].value().message.seq, 1);
    EXPECT_EQ(r[2].value().message.seq, 2);
    EXPECT_TRUE(r[3].value().duplicate);
    EXPECT_EQ(r[3].value().message.seq, 1);
    EXPECT_EQ(r[3].value().message.msgId, r[0].value().message.msgId);
    EXPECT_EQ(r[4].value().message.seq, 2);
    EXPECT_FALSE(r[0].value().message.createdAt.empty());
    EXPECT_EQ(store->committedMessages(), 4u) << "a duplicate is not stored twice";

    // A retry after the fact is de-duplicated too.
    const auto retried = append(*store, message("room-a", "a2", "ba"));
    ASSERT_TRUE(retried.ok()) << describe(retried.error());
    EXPECT_TRUE(retried.value().duplicate);
    EXPECT_EQ(retried.value().message.seq, 2);

    const auto roomA = await<std::optional<RoomRecord>>(
        [&](QObject *c, auto done) { store->roomById(QStringLiteral("room-a"), c, done); });
    ASSERT_TRUE(roomA.ok() && roomA.value());
    EXPECT_EQ(roomA.value()->room.lastSeq, 2);
}

TEST_F(StoreTest, AnUrgentRoomKeepsItsRedFlagsAcrossAReopen)
{
    {
        auto store = openStore();
        ASSERT_TRUE(
            createRoom(*store, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
        ASSERT_TRUE(
            createRoom(*store, room(QStringLiteral("room-b"), QStringLiteral("hash-b"))).ok());
        const std::vector<protocol::RedFlag> flags{{"chest_pain", {"가슴이 너무 아파", "đau ngực"}},
                                                   {"breathing", {"khó thở"}}};
        const auto marked = await<void>([&](QObject *c, auto done) {
            store->markRoomUrgent(QStringLiteral("room-a"), flags, c, done);
        });
        ASSERT_TRUE(marked.ok()) << describe(marked.error());
        const auto unknown = await<void>([&](QObject *c, auto done) {
            store->markRoomUrgent(QStringLiteral("no-such-room"), flags, c, done);
        });
        ASSERT_FALSE(unknown.ok());
        EXPECT_EQ(unknown.error().kind, StoreFailureKind::NotFound);
    }
    auto store = openStore();
    const auto open = store->openRoomsBlocking();
    ASSERT_TRUE(open.ok()) << describe(open.error());
    ASSERT_EQ(open.value().size(), 2u);
    for (const RoomRecord &r : open.value()) {
        if (r.room.roomId == "room-a") {
            EXPECT_TRUE(r.room.urgent);
            ASSERT_EQ(r.room.redFlags.size(), 2u);
            EXPECT_EQ(r.room.redFlags[0].category, "chest_pain");
            EXPECT_EQ(r.room.redFlags[0].words,
                      (std::vector<std::string>{"가슴이 너무 아파", "đau ngực"}));
            EXPECT_EQ(r.room.redFlags[1].words, std::vector<std::string>{"khó thở"});
        } else {
            EXPECT_FALSE(r.room.urgent) << r.room.roomId;
            EXPECT_TRUE(r.room.redFlags.empty());
        }
    }
}

TEST_F(StoreTest, AnswerLaterContactAndPrechatAnswersSurviveAReopen)
{
    {
        auto store = openStore();
        RoomRecord withPrechat = room(QStringLiteral("room-a"), QStringLiteral("hash-a"));
        withPrechat.room.prechat =
            protocol::Prechat{"Nguyễn Thị Lan", "lan@example.com", "Hỏi về lịch chụp MRI"};
        ASSERT_TRUE(createRoom(*store, withPrechat).ok());
        ASSERT_TRUE(
            createRoom(*store, room(QStringLiteral("room-b"), QStringLiteral("hash-b"))).ok());
        const auto saved = await<void>([&](QObject *c, auto done) {
            store->setRoomContact(QStringLiteral("room-b"),
                                  protocol::Contact{"anna@example.com", "+84 90 123 4567"}, c,
                                  done);
        });
        ASSERT_TRUE(saved.ok()) << describe(saved.error());
        const auto unknown = await<void>([&](QObject *c, auto done) {
            store->setRoomContact(QStringLiteral("no-such-room"), protocol::Contact{"a@b.co", ""},
                                  c, done);
        });
        ASSERT_FALSE(unknown.ok());
        EXPECT_EQ(unknown.error().kind, StoreFailureKind::NotFound);
    }
    auto store = openStore();
    const auto open = store->openRoomsBlocking();
    ASSERT_TRUE(open.ok()) << describe(open.error());
    ASSERT_EQ(open.value().size(), 2u);
    for (const RoomRecord &r : open.value()) {
        if (r.room.roomId == "room-a") {
            ASSERT_TRUE(r.room.prechat);
            EXPECT_EQ(*r.room.prechat, (protocol::Prechat{"Nguyễn Thị Lan", "lan@example.com",
                                                          "Hỏi về lịch chụp MRI"}));
            EXPECT_FALSE(r.room.answerLater);
            EXPECT_FALSE(r.room.contact);
        } else {
            EXPECT_TRUE(r.room.answerLater);
            ASSERT_TRUE(r.room.contact);
            EXPECT_EQ(*r.room.contact, (protocol::Contact{"anna@example.com", "+84 90 123 4567"}));
            EXPECT_FALSE(r.room.prechat);
        }
    }
}

TEST_F(StoreTest, ARoomsLanguageIsCorrectedUntilItEnds)
{
    {
        auto store = openStore();
        ASSERT_TRUE(
            createRoom(*store, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
        ASSERT_TRUE(
            createRoom(*store, room(QStringLiteral("room-b"), QStringLiteral("hash-b"))).ok());
        const auto changed = await<bool>([&](QObject *c, auto done) {
            store->setRoomLanguage(QStringLiteral("room-a"), QStringLiteral("th"), c, done);
        });
        ASSERT_TRUE(changed.ok()) << describe(changed.error());
        EXPECT_TRUE(changed.value());
        const auto unknown = await<bool>([&](QObject *c, auto done) {
            store->setRoomLanguage(QStringLiteral("no-such-room"), QStringLiteral("th"), c, done);
        });
        ASSERT_TRUE(unknown.ok()) << describe(unknown.error());
        EXPECT_FALSE(unknown.value());
        // An ended consultation keeps the language it was held in.
        ASSERT_TRUE(await<void>([&](QObject *c, auto done) {
                        store->endRoom(QStringLiteral("room-b"), c, done);
                    }).ok());
        const auto ended = await<bool>([&](QObject *c, auto done) {
            store->setRoomLanguage(QStringLiteral("room-b"), QStringLiteral("ja"), c, done);
        });
        ASSERT_TRUE(ended.ok()) << describe(ended.error());
        EXPECT_FALSE(ended.value());
    }
    auto store = openStore();
    const auto a = await<std::optional<RoomRecord>>(
        [&](QObject *c, auto done) { store->roomById(QStringLiteral("room-a"), c, done); });
    ASSERT_TRUE(a.ok() && a.value());
    EXPECT_EQ(a.value()->room.patientLanguage, "th");
    const auto b = await<std::optional<RoomRecord>>(
        [&](QObject *c, auto done) { store->roomById(QStringLiteral("room-b"), c, done); });
    ASSERT_TRUE(b.ok() && b.value());
    EXPECT_EQ(b.value()->room.patientLanguage, "vi");
}

TEST_F(StoreTest, AFailedMessageIsUndoneAloneAndLeavesNoGap)
{
    auto store = openStore();
    ASSERT_TRUE(createRoom(*store, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
    QObject context;
    std::vector<Result<AppendResult>> r;
    for (const auto &m : {message("room-a", "a1", "một"), message("no-such-room", "x1", "hai"),
                          message("room-a", "a2", "ba")})
        store->appendMessage(m, &context,
                             [&r](Result<AppendResult> result) { r.push_back(std::move(result)); });
    QDeadlineTimer deadline(15000);
    while (r.size() < 3 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    ASSERT_EQ(r.size(), 3u);
    ASSERT_FALSE(r[1].ok());
    EXPECT_EQ(r[1].error().kind, StoreFailureKind::NotFound) << describe(r[1].error());
    ASSERT_TRUE(r[0].ok() && r[2].ok());
    EXPECT_EQ(r[0].value().message.seq, 1);
    EXPECT_EQ(r[2].value().message.seq, 2);
}

TEST_F(StoreTest, AFailedBatchKeepsNothingAndLeavesNoGap)
{
    auto store = openStore();
    ASSERT_TRUE(createRoom(*store, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
    ASSERT_TRUE(append(*store, message("room-a", "a0", "không")).ok());

    // A message with the body "poison" breaks a deferred constraint: the database refuses the
    // whole transaction at commit, after every write in it looked fine.
    QSqlDatabase side = sideConnection();
    QStringList poison{QStringLiteral("CREATE TABLE poison_parent (id TEXT PRIMARY KEY)"),
                       QStringLiteral("CREATE TABLE poison (id TEXT REFERENCES poison_parent (id) "
                                      "DEFERRABLE INITIALLY DEFERRED)")};
    if (kDriver == QLatin1String("postgres"))
        poison << QStringLiteral("CREATE FUNCTION poison_insert() RETURNS trigger AS $$ BEGIN IF "
                                 "NEW.body = 'poison' THEN INSERT INTO poison VALUES ('x'); END "
                                 "IF; RETURN NEW; END $$ LANGUAGE plpgsql")
               << QStringLiteral("CREATE TRIGGER poison_messages AFTER INSERT ON messages FOR "
                                 "EACH ROW EXECUTE FUNCTION poison_insert()");
    else
        poison << QStringLiteral("CREATE TRIGGER poison_messages AFTER INSERT ON messages WHEN "
                                 "NEW.body = 'poison' BEGIN INSERT INTO poison VALUES ('x'); END");
    sideExec(side, poison);

    // Hold the store thread on a locked table, so that both appends queue up behind it and
    // go into one transaction.
    lockAgents(side);
    QObject context;
    std::optional<Result<void>> held;
    store->createAgent(agent(QStringLiteral("agent-1"), QStringLiteral("kim")), QStringLiteral("h"),
                       &context, [&held](Result<void> r) { held.emplace(std::move(r)); });
    std::vector<Result<AppendResult>> r;
    for (const auto &m : {message("room-a", "a1", "một"), message("room-a", "p1", "poison")})
        store->appendMessage(m, &context,
                             [&r](Result<AppendResult> result) { r.push_back(std::move(result)); });
    QThread::msleep(50);
    sideExec(side, {QStringLiteral("COMMIT")});
    QDeadlineTimer deadline(15000);
    while ((r.size() < 2 || !held) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    ASSERT_TRUE(held && held->ok()) << (held ? describe(held->error()) : "no answer");
    ASSERT_EQ(r.size(), 2u);
    for (const auto &result : r) {
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().kind, StoreFailureKind::Refused) << describe(result.error());
    }

    // Nothing of the batch was kept, and its seqs are handed out again.
    const auto page = await<std::vector<protocol::Message>>([&](QObject *c, auto done) {
        store->messagesAfter(QStringLiteral("room-a"), 0, 10, c, done);
    });
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page.value().size(), 1u);
    EXPECT_EQ(page.value().front().clientMsgId, "a0");
    const auto retried = append(*store, message("room-a", "a1", "một"));
    ASSERT_TRUE(retried.ok()) << describe(retried.error());
    EXPECT_EQ(retried.value().message.seq, 2);
    EXPECT_FALSE(retried.value().duplicate);
}

TEST_F(StoreTest, GroupCommitStoresAQueueOfAppendsInOrder)
{
    auto store = openStore();
    ASSERT_TRUE(createRoom(*store, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
    QObject context;
    std::vector<qint64> seqs;
    for (int i = 0; i < 200; ++i) {
        store->appendMessage(message("room-a", "m" + std::to_string(i), "tin " + std::to_string(i)),
                             &context, [&seqs](Result<AppendResult> r) {
                                 ASSERT_TRUE(r.ok()) << describe(r.error());
                                 seqs.push_back(r.value().message.seq);
                             });
    }
    QDeadlineTimer deadline(20000);
    while (seqs.size() < 200 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    ASSERT_EQ(seqs.size(), 200u);
    for (size_t i = 0; i < seqs.size(); ++i)
        EXPECT_EQ(seqs[i], qint64(i) + 1);
    // Fewer transactions than messages: appends that queue up are committed together.
    EXPECT_LT(store->committedBatches(), 200u);
    EXPECT_EQ(store->committedMessages(), 200u);
}

TEST_F(StoreTest, RoomsAgentsAndSessions)
{
    auto store = openStore();
    Store &s = *store;
    ASSERT_TRUE(createRoom(s, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
    ASSERT_TRUE(createRoom(s, room(QStringLiteral("room-b"), QStringLiteral("hash-b"))).ok());
    ASSERT_TRUE(
        s.createAgentBlocking(agent(QStringLiteral("agent-1"), QStringLiteral("kim")), "hash")
            .ok());

    const auto kim = s.agentByUsernameBlocking(QStringLiteral("kim"));
    ASSERT_TRUE(kim.ok() && kim.value());
    EXPECT_EQ(kim.value()->passwordHash, QStringLiteral("hash"));
    EXPECT_EQ(kim.value()->agent.id, QStringLiteral("agent-1"));
    const auto lee = await<std::optional<relay::AgentCredentials>>(
        [&](QObject *c, auto done) { s.agentByUsername(QStringLiteral("lee"), c, done); });
    ASSERT_TRUE(lee.ok());
    EXPECT_FALSE(lee.value());
    const auto byId = await<std::optional<AgentRecord>>(
        [&](QObject *c, auto done) { s.agentById(QStringLiteral("agent-1"), c, done); });
    ASSERT_TRUE(byId.ok() && byId.value());
    EXPECT_EQ(byId.value()->languages, (QStringList{QStringLiteral("vi"), QStringLiteral("en")}));
    const auto all =
        await<std::vector<AgentRecord>>([&](QObject *c, auto done) { s.agents(c, done); });
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all.value().size(), 1u);
    EXPECT_EQ(s.agentsBlocking().value().size(), 1u);

    ASSERT_TRUE(await<void>([&](QObject *c, auto done) {
                    s.setAgentPassword(QStringLiteral("agent-1"), QStringLiteral("hash-2"), c,
                                       done);
                }).ok());
    EXPECT_EQ(s.agentByUsernameBlocking(QStringLiteral("kim")).value()->passwordHash,
              QStringLiteral("hash-2"));

    const auto b = await<std::optional<RoomRecord>>(
        [&](QObject *c, auto done) { s.roomByTokenHash(QStringLiteral("hash-b"), c, done); });
    ASSERT_TRUE(b.ok() && b.value());
    EXPECT_EQ(b.value()->room.roomId, "room-b");
    const auto x = await<std::optional<RoomRecord>>(
        [&](QObject *c, auto done) { s.roomByTokenHash(QStringLiteral("hash-x"), c, done); });
    ASSERT_TRUE(x.ok());
    EXPECT_FALSE(x.value());
    EXPECT_EQ(s.openRoomsBlocking().value().size(), 2u);

    auto assign = [&] {
        return await<bool>([&](QObject *c, auto done) {
            s.assignRoom(QStringLiteral("room-a"), QStringLiteral("agent-1"),
                         QStringLiteral("waiting"), c, done);
        });
    };
    const auto first = assign();
    ASSERT_TRUE(first.ok());
    EXPECT_TRUE(first.value());
    const auto second = assign();
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(second.value()) << "the room is no longer waiting";
    auto roomA = [&] {
        return await<std::optional<RoomRecord>>(
                   [&](QObject *c, auto done) { s.roomById(QStringLiteral("room-a"), c, done); })
            .value()
            .value();
    };
    EXPECT_EQ(roomA().room.status, protocol::RoomStatus::Active);
    EXPECT_EQ(roomA().room.agent->name, "김민지");

    auto read = [&](qint64 seq) {
        return await<void>([&](QObject *c, auto done) {
            s.setReadSeq(QStringLiteral("room-a"), protocol::Role::Patient, seq, c, done);
        });
    };
    ASSERT_TRUE(read(5).ok());
    ASSERT_TRUE(read(3).ok()); // never backwards
    EXPECT_EQ(roomA().room.patientReadSeq, 5);

    ASSERT_TRUE(await<void>([&](QObject *c, auto done) {
                    s.endRoom(QStringLiteral("room-b"), c, done);
                }).ok());
    EXPECT_EQ(s.openRoomsBlocking().value().size(), 1u);

    auto session = [&](const QString &hash, qint64 expires) {
        return await<void>([&](QObject *c, auto done) {
            s.createSession(hash, QStringLiteral("agent-1"), expires, c, done);
        });
    };
    ASSERT_TRUE(session(QStringLiteral("session-live"), 2000).ok());
    ASSERT_TRUE(session(QStringLiteral("session-old"), 1000).ok());
    auto bySession = [&](const QString &hash) {
        return await<std::optional<AgentRecord>>(
                   [&](QObject *c, auto done) { s.agentBySession(hash, 1500, c, done); })
            .value();
    };
    EXPECT_TRUE(bySession(QStringLiteral("session-live")));
    EXPECT_FALSE(bySession(QStringLiteral("session-old")));
}

TEST_F(StoreTest, TranslationUpdatesAndPagedHistory)
{
    auto store = openStore();
    ASSERT_TRUE(createRoom(*store, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
    QObject context;
    int stored = 0;
    for (int i = 0; i < 25; ++i)
        store->appendMessage(message("room-a", "m" + std::to_string(i), "tin " + std::to_string(i)),
                             &context, [&stored](Result<AppendResult> r) { stored += r.ok(); });
    protocol::Translation t;
    t.text = "메시지 3";
    t.lang = "ko";
    t.status = protocol::TranslationStatus::Ok;
    t.provider = "test";
    t.warnings = {"number_mismatch"};
    const auto updated = await<void>([&](QObject *c, auto done) {
        store->updateTranslation(QStringLiteral("room-a"), 3, t, c, done);
    });
    ASSERT_TRUE(updated.ok()) << describe(updated.error());
    EXPECT_EQ(stored, 25);
    auto page = [&](qint64 after, int limit) {
        return await<std::vector<protocol::Message>>([&](QObject *c, auto done) {
                   store->messagesAfter(QStringLiteral("room-a"), after, limit, c, done);
               })
            .value();
    };
    const auto p = page(2, 10);
    ASSERT_EQ(p.size(), 10u);
    EXPECT_EQ(p.front().seq, 3);
    EXPECT_EQ(p.front().translation, t);
    EXPECT_EQ(p.back().seq, 12);
    EXPECT_EQ(page(20, 10).size(), 5u);
    EXPECT_TRUE(page(25, 10).empty());
    const auto blocking = store->messagesAfterBlocking(QStringLiteral("room-a"), 0, 1);
    ASSERT_TRUE(blocking.ok());
    ASSERT_EQ(blocking.value().size(), 1u);
    EXPECT_EQ(blocking.value().front().text, "tin 0");
}

TEST_F(StoreTest, ConsultationSearchFindsFoldedWordsInTextAndTranslationAndIsBackfilled)
{
    auto store = openStore();
    RoomRecord vi = room(QStringLiteral("room-vi"), QStringLiteral("hash-vi"));
    RoomRecord th = room(QStringLiteral("room-th"), QStringLiteral("hash-th"));
    th.room.patientLanguage = "th";
    th.room.createdAt = "2026-11-27T06:00:00Z";
    ASSERT_TRUE(createRoom(*store, vi).ok());
    ASSERT_TRUE(createRoom(*store, th).ok());
    ASSERT_TRUE(append(*store, message("room-vi", "v1", "Xin chào")).ok());
    ASSERT_TRUE(append(*store, message("room-vi", "v2", "ĐAU ĐẦU quá")).ok());
    ASSERT_TRUE(append(*store, message("room-th", "t1", "ปวดหัวมาก")).ok());
    protocol::Translation t;
    t.text = "머리가 아파요";
    t.lang = "ko";
    t.status = protocol::TranslationStatus::Ok;
    ASSERT_TRUE(await<void>([&](QObject *c, auto done) {
                    store->updateTranslation(QStringLiteral("room-th"), 1, t, c, done);
                }).ok());
    const auto search = [&](relay::ConsultationQuery query) {
        const auto found = await<std::vector<relay::ConsultationMatch>>(
            [&](QObject *c, auto done) { store->searchConsultations(query, c, done); });
        EXPECT_TRUE(found.ok());
        std::vector<std::pair<std::string, qint64>> out; // room, matching seq (0: none)
        if (found.ok())
            for (const auto &m : found.value())
                out.emplace_back(m.room.room.roomId, m.match ? m.match->seq : 0);
        return out;
    };
    using Found = std::vector<std::pair<std::string, qint64>>;
    relay::ConsultationQuery words;
    words.words = QStringLiteral("đau đầu"); // lower case finds the capitals
    EXPECT_EQ(search(words), (Found{{"room-vi", 2}}));
    words.words = QStringLiteral("아파");
    EXPECT_EQ(search(words), (Found{{"room-th", 1}}));
    words.words = QStringLiteral("หัวมา");
    EXPECT_EQ(search(words), (Found{{"room-th", 1}}));
    words.words = QStringLiteral("%");
    EXPECT_EQ(search(words), Found{});
    relay::ConsultationQuery all; // newest first, no match without words
    EXPECT_EQ(search(all), (Found{{"room-th", 0}, {"room-vi", 0}}));
    relay::ConsultationQuery thai;
    thai.language = QStringLiteral("th");
    EXPECT_EQ(search(thai), (Found{{"room-th", 0}}));
    relay::ConsultationQuery page;
    page.limit = 1;
    page.beforeCreatedAt = QStringLiteral("2026-11-27T06:00:00Z");
    page.beforeId = QStringLiteral("room-th");
    EXPECT_EQ(search(page), (Found{{"room-vi", 0}}));
    relay::ConsultationQuery range;
    range.from = QStringLiteral("2026-11-27T00:00:00Z");
    range.until = QStringLiteral("2026-11-28T00:00:00Z");
    EXPECT_EQ(search(range), (Found{{"room-th", 0}}));

    // Messages stored before migration 010 had no search text: the migration's backfill
    // gives them theirs.
    const auto cleared = store->runSync<bool>([](relay::StoreWorker &w) {
        w.exec(QStringLiteral("UPDATE messages SET search_text = ''")).finish();
        return true;
    });
    ASSERT_TRUE(cleared.ok());
    words.words = QStringLiteral("아파");
    EXPECT_EQ(search(words), Found{});
    const auto filled = store->runSync<bool>([](relay::StoreWorker &w) {
        w.messageTable().backfillSearchText();
        return true;
    });
    ASSERT_TRUE(filled.ok()) << describe(filled.error());
    EXPECT_EQ(search(words), (Found{{"room-th", 1}}));
    words.words = QStringLiteral("đau");
    EXPECT_EQ(search(words), (Found{{"room-vi", 2}}));
}

TEST_F(StoreTest, TranslationCacheRowsAreStoredFoundAndPurged)
{
    auto store = openStore();
    auto entry = [](const QString &digest, const QString &model, const QString &text,
                    qint64 createdAt) {
        relay::CacheEntry e;
        e.key = relay::CacheKey{digest, QStringLiteral("ko"), QStringLiteral("en"),
                                QStringLiteral("g"), QStringLiteral("두통")};
        e.value = relay::CachedTranslation{QStringLiteral("anthropic"), model, text, createdAt};
        return e;
    };
    const auto written = await<void>([&](QObject *c, auto done) {
        store->storeTranslations({entry("k1", "m1", "headache", 1000),
                                  entry("k1", "m2", "head pain", 1000),
                                  entry("k2", "m1", "old", 10)},
                                 c, done);
    });
    ASSERT_TRUE(written.ok()) << describe(written.error());
    // The same key, provider and model replaces the row.
    ASSERT_TRUE(await<void>([&](QObject *c, auto done) {
                    store->storeTranslations({entry("k1", "m1", "a headache", 2000)}, c, done);
                }).ok());
    auto find = [&](const QString &digest, qint64 notBefore) {
        return await<std::vector<relay::CachedTranslation>>([&](QObject *c, auto done) {
                   store->cachedTranslations(digest, notBefore, c, done);
               })
            .value();
    };
    const auto k1 = find(QStringLiteral("k1"), 0);
    ASSERT_EQ(k1.size(), 2u);
    const auto m1 = std::find_if(k1.begin(), k1.end(),
                                 [](const auto &row) { return row.model == QStringLiteral("m1"); });
    ASSERT_NE(m1, k1.end());
    EXPECT_EQ(m1->text, QStringLiteral("a headache"));
    EXPECT_EQ(m1->createdAt, 2000);
    EXPECT_EQ(find(QStringLiteral("k1"), 1500).size(), 1u) << "only rows new enough";

    const auto purged =
        await<int>([&](QObject *c, auto done) { store->purgeTranslations(1500, c, done); });
    ASSERT_TRUE(purged.ok());
    EXPECT_EQ(purged.value(), 2);
    EXPECT_TRUE(find(QStringLiteral("k2"), 0).empty());
    EXPECT_EQ(find(QStringLiteral("k1"), 0).size(), 1u);
}

TEST_F(StoreTest, FailuresHaveAKind)
{
    auto store = openStore();
    ASSERT_TRUE(createRoom(*store, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
    ASSERT_TRUE(
        store->createAgentBlocking(agent(QStringLiteral("agent-1"), QStringLiteral("kim")), "h")
            .ok());

    // The database refuses what breaks its constraints.
    const auto taken =
        store->createAgentBlocking(agent(QStringLiteral("agent-2"), QStringLiteral("kim")), "h");
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().kind, StoreFailureKind::Refused) << describe(taken.error());
    EXPECT_FALSE(taken.error().message.isEmpty());
    const auto sameToken =
        createRoom(*store, room(QStringLiteral("room-b"), QStringLiteral("hash-a")));
    ASSERT_FALSE(sameToken.ok());
    EXPECT_EQ(sameToken.error().kind, StoreFailureKind::Refused) << describe(sameToken.error());
    const auto sessionOfNobody = await<void>([&](QObject *c, auto done) {
        store->createSession(QStringLiteral("t"), QStringLiteral("no-such-agent"), 2000, c, done);
    });
    ASSERT_FALSE(sessionOfNobody.ok());
    EXPECT_EQ(sessionOfNobody.error().kind, StoreFailureKind::Refused)
        << describe(sessionOfNobody.error());

    // Writes about rows that do not exist.
    const auto noRoom = append(*store, message("no-such-room", "x", "hai"));
    ASSERT_FALSE(noRoom.ok());
    EXPECT_EQ(noRoom.error().kind, StoreFailureKind::NotFound);
    const auto endNothing = await<void>(
        [&](QObject *c, auto done) { store->endRoom(QStringLiteral("no-such-room"), c, done); });
    ASSERT_FALSE(endNothing.ok());
    EXPECT_EQ(endNothing.error().kind, StoreFailureKind::NotFound);
    const auto noAgent = await<void>([&](QObject *c, auto done) {
        store->setAgentPassword(QStringLiteral("no-such-agent"), QStringLiteral("h"), c, done);
    });
    ASSERT_FALSE(noAgent.ok());
    EXPECT_EQ(noAgent.error().kind, StoreFailureKind::NotFound);
    const auto noMessage = await<void>([&](QObject *c, auto done) {
        store->updateTranslation(QStringLiteral("room-a"), 7, {}, c, done);
    });
    ASSERT_FALSE(noMessage.ok());
    EXPECT_EQ(noMessage.error().kind, StoreFailureKind::NotFound);
}

TEST_F(StoreTest, ABlockingCallThatWaitsTooLongTimesOut)
{
    auto store = openStore();
    QSqlDatabase side = sideConnection();
    lockAgents(side);
    QElapsedTimer timer;
    timer.start();
    const auto result = store->createAgentBlocking(
        agent(QStringLiteral("agent-1"), QStringLiteral("kim")), QStringLiteral("h"), 200);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, StoreFailureKind::TimedOut) << describe(result.error());
    EXPECT_LT(timer.elapsed(), 3000);
    sideExec(side, {QStringLiteral("COMMIT")});
    // A timed-out write is not undone: it finishes once the database lets it.
    const auto kim = store->agentByUsernameBlocking(QStringLiteral("kim"));
    ASSERT_TRUE(kim.ok()) << describe(kim.error());
    EXPECT_TRUE(kim.value());
}

TEST_F(StoreTest, AnUnreachableDatabaseIsUnavailable)
{
    if (kDriver == QLatin1String("postgres")) {
        config.port = 1; // nothing listens there
    } else {
        // A database file inside a regular file cannot be created.
        QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
        ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        config.database = dir.filePath(QStringLiteral("not-a-folder/store.db"));
    }
    Store store(config);
    const auto opened = store.openBlocking();
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().kind, StoreFailureKind::Unavailable) << describe(opened.error());
}

TEST_F(StoreTest, ResultsComeBackInOrderAndNotAfterTheirContextIsGone)
{
    auto store = openStore();
    ASSERT_TRUE(createRoom(*store, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
    std::vector<int> order;
    QObject context;
    auto gone = std::make_unique<QObject>();
    bool calledAfterGone = false;
    store->roomById(QStringLiteral("room-a"), gone.get(),
                    [&calledAfterGone](auto) { calledAfterGone = true; });
    for (int i = 0; i < 20; ++i)
        store->roomById(QStringLiteral("room-a"), &context, [&order, i](auto r) {
            EXPECT_TRUE(r.ok() && r.value());
            order.push_back(i);
        });
    gone.reset();
    QDeadlineTimer deadline(15000);
    while (order.size() < 20 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    ASSERT_EQ(order.size(), 20u);
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ(order[size_t(i)], i);
    EXPECT_FALSE(calledAfterGone);
}

TEST_F(StoreTest, LoginTellsWrongCredentialsFromAStoreThatFailed)
{
    auto store = openStore();
    relay::RelayConfig relayConfig;
    relay::AuthService auth(relayConfig, *store);
    ASSERT_TRUE(store
                    ->createAgentBlocking(agent(QStringLiteral("agent-1"), QStringLiteral("kim")),
                                          relay::PasswordHasher::hash(QStringLiteral("right-pw")))
                    .ok());
    auto login = [&](Store *, const QString &username, const QString &password) {
        std::optional<relay::AuthService::LoginResult> result;
        QObject context;
        auth.login(username, password, &context,
                   [&result](relay::AuthService::LoginResult r) { result = std::move(r); });
        QDeadlineTimer deadline(15000);
        while (!result && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        return result;
    };
    using Outcome = relay::AuthService::LoginOutcome;
    const auto ok = login(store.get(), QStringLiteral("kim"), QStringLiteral("right-pw"));
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->outcome, Outcome::Ok) << ok->error.toStdString();
    EXPECT_FALSE(ok->token.isEmpty());
    const auto wrong = login(store.get(), QStringLiteral("kim"), QStringLiteral("wrong-pw"));
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->outcome, Outcome::WrongCredentials);
    const auto nobody = login(store.get(), QStringLiteral("lee"), QStringLiteral("right-pw"));
    ASSERT_TRUE(nobody);
    EXPECT_EQ(nobody->outcome, Outcome::WrongCredentials);

    // The sessions table refuses new rows: the login fails, and not as a wrong password.
    QSqlDatabase side = sideConnection();
    if (kDriver == QLatin1String("postgres"))
        sideExec(side, {QStringLiteral("ALTER TABLE agent_sessions ADD CONSTRAINT no_sessions "
                                       "CHECK (expires_at < 0) NOT VALID")});
    else
        sideExec(side, {QStringLiteral("CREATE TRIGGER no_sessions BEFORE INSERT ON "
                                       "agent_sessions BEGIN SELECT RAISE(ABORT, 'no sessions'); "
                                       "END")});
    const auto failed = login(store.get(), QStringLiteral("kim"), QStringLiteral("right-pw"));
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->outcome, Outcome::StoreFailed);
    EXPECT_FALSE(failed->ok);
    EXPECT_FALSE(failed->error.isEmpty());
}

TEST_F(StoreTest, TheRelayHoldsAConversationOnThisDatabaseAcrossARestart)
{
    TestRelay relay([this](relay::RelayConfig &c) { c.store = config; });
    ASSERT_TRUE(relay.start(new ScriptedTranslator));
    relay.addAgent(QStringLiteral("kim"), QStringLiteral("김민지"));
    const auto room = relay.createRoom(QStringLiteral("vi"));
    {
        WsClient patient;
        ASSERT_TRUE(patient.open(relay.ws()));
        ASSERT_TRUE(patient.hello("patient", room.token));
        patient.send({{"type", "send"},
                      {"room_id", room.id.toStdString()},
                      {"client_msg_id", "p-1"},
                      {"text", "Tôi bị sốt"}});
        const auto ack = patient.takeType("ack");
        ASSERT_TRUE(ack);
        EXPECT_EQ((*ack)["seq"], 1);
    }
    relay.stop();
    ASSERT_TRUE(relay.start(new ScriptedTranslator));
    WsClient agent;
    ASSERT_TRUE(agent.open(relay.ws()));
    ASSERT_TRUE(agent.hello("agent", relay.login(QStringLiteral("kim"))));
    const auto queue = agent.take(
        [&](const nlohmann::json &f) { return f["type"] == "queue" && f["rooms"].size() == 1; });
    ASSERT_TRUE(queue);
    EXPECT_EQ((*queue)["rooms"][0]["first_message"], "Tôi bị sốt");
    agent.send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    agent.send({{"type", "history"}, {"room_id", room.id.toStdString()}, {"after_seq", 0}});
    const auto first =
        agent.take([](const nlohmann::json &f) { return f["type"] == "message" && f["seq"] == 1; });
    ASSERT_TRUE(first);
    EXPECT_EQ((*first)["text"], "Tôi bị sốt");
    EXPECT_EQ((*first)["translation"]["status"], "ok");
}

} // namespace medtranslate::test

namespace medtranslate::test {

TEST_F(StoreTest, ASecondRelayOnTheSameDatabaseIsRefusedWithAClearReason)
{
    TestRelay first([this](relay::RelayConfig &c) { c.store = config; });
    ASSERT_TRUE(first.start(new ScriptedTranslator));

    relay::RelayConfig secondConfig;
    secondConfig.store = config;
    secondConfig.port = 0;
    secondConfig.resourcesDir = first.config().resourcesDir;
    secondConfig.widgetDir = first.config().widgetDir;
    {
        relay::RelayServer second(secondConfig);
        second.setTranslator(new ScriptedTranslator);
        QString error;
        EXPECT_FALSE(second.start(&error));
        EXPECT_TRUE(error.contains(QLatin1String("another relay is already serving")))
            << error.toStdString();
    }
    // Admin commands still open the database beside the running relay.
    {
        relay::Store admin(config);
        QString error;
        EXPECT_TRUE(admin.open(&error)) << error.toStdString();
    }
    // Once the first relay stops, another may serve the database.
    first.stop();
    relay::RelayServer next(secondConfig);
    next.setTranslator(new ScriptedTranslator);
    QString error;
    EXPECT_TRUE(next.start(&error)) << error.toStdString();
}

TEST_F(StoreTest, AccountCommandsEndSessionsRequeueRoomsAndRaiseTheRevision)
{
    auto store = openStore();
    Store &s = *store;
    ASSERT_TRUE(
        s.createAgentBlocking(agent(QStringLiteral("agent-1"), QStringLiteral("kim")), "hash")
            .ok());
    ASSERT_TRUE(createRoom(s, room(QStringLiteral("room-a"), QStringLiteral("hash-a"))).ok());
    ASSERT_TRUE(await<bool>([&](QObject *c, auto done) {
                    s.assignRoom(QStringLiteral("room-a"), QStringLiteral("agent-1"),
                                 QStringLiteral("waiting"), c, done);
                }).value());
    const auto first = s.accountSnapshotBlocking(-1);
    ASSERT_TRUE(first.ok()) << describe(first.error());
    ASSERT_TRUE(first.value().accounts);
    EXPECT_EQ(first.value().accounts->front().sessionsEpoch, 0);
    // Nothing changed: only the revision is read.
    EXPECT_FALSE(s.accountSnapshotBlocking(first.value().revision).value().accounts);

    auto login = [&](const QString &hash, qint64 epoch) {
        return await<bool>([&](QObject *c, auto done) {
            s.createLoginSession(hash, QStringLiteral("agent-1"), epoch, 4102444800, c, done);
        });
    };
    auto bySession = [&](const QString &hash) {
        return await<std::optional<AgentRecord>>(
                   [&](QObject *c, auto done) { s.agentBySession(hash, 1000, c, done); })
            .value();
    };
    const auto stored = login(QStringLiteral("session-1"), 0);
    ASSERT_TRUE(stored.ok()) << describe(stored.error());
    EXPECT_TRUE(stored.value());
    EXPECT_TRUE(bySession(QStringLiteral("session-1")));

    relay::AgentChanges changes;
    changes.role = QStringLiteral("admin");
    changes.maxChats = 3;
    ASSERT_TRUE(s.updateAgentBlocking(QStringLiteral("kim"), changes).ok());
    const AgentRecord updated = s.agentsBlocking().value().front();
    EXPECT_EQ(updated.role, QStringLiteral("admin"));
    EXPECT_EQ(updated.maxChats, 3);
    EXPECT_EQ(updated.displayName, QStringLiteral("김민지")); // not given: kept
    EXPECT_EQ(s.updateAgentBlocking(QStringLiteral("nobody"), changes).error().kind,
              StoreFailureKind::NotFound);

    const auto disabled = s.setAgentEnabledBlocking(QStringLiteral("kim"), false);
    ASSERT_TRUE(disabled.ok()) << describe(disabled.error());
    EXPECT_TRUE(disabled.value().changed);
    EXPECT_EQ(disabled.value().sessionsEnded, 1);
    EXPECT_EQ(disabled.value().roomsRequeued, 1);
    EXPECT_FALSE(bySession(QStringLiteral("session-1")));
    const RoomRecord requeued = s.openRoomsBlocking().value().front();
    EXPECT_EQ(requeued.room.status, protocol::RoomStatus::Waiting);
    EXPECT_FALSE(requeued.room.agent);
    const auto after = s.accountSnapshotBlocking(first.value().revision).value();
    EXPECT_GT(after.revision, first.value().revision);
    ASSERT_TRUE(after.accounts);
    EXPECT_EQ(after.accounts->front().sessionsEpoch, 1);
    EXPECT_FALSE(after.accounts->front().agent.enabled);
    // A login whose password was checked before the change stores nothing.
    EXPECT_FALSE(login(QStringLiteral("session-2"), 0).value());
    EXPECT_FALSE(login(QStringLiteral("session-3"), 1).value()) << "disabled";
    EXPECT_FALSE(s.setAgentEnabledBlocking(QStringLiteral("kim"), false).value().changed);

    ASSERT_TRUE(s.setAgentEnabledBlocking(QStringLiteral("kim"), true).value().changed);
    EXPECT_TRUE(login(QStringLiteral("session-4"), 1).value());
    const auto reset = s.resetAgentPasswordBlocking(QStringLiteral("kim"), "hash-2");
    ASSERT_TRUE(reset.ok()) << describe(reset.error());
    EXPECT_EQ(reset.value().sessionsEnded, 1);
    EXPECT_FALSE(bySession(QStringLiteral("session-4")));
    EXPECT_EQ(s.agentByUsernameBlocking(QStringLiteral("kim")).value()->sessionsEpoch, 2);
    EXPECT_EQ(s.setAgentEnabledBlocking(QStringLiteral("nobody"), false).error().kind,
              StoreFailureKind::NotFound);
}

} // namespace medtranslate::test
