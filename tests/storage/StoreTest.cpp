// Store tests, compiled once per database driver (MEDTRANSLATE_TEST_DRIVER): the same
// queries must behave the same on SQLite and on PostgreSQL.
#include "storage/Store.h"

#include "HttpClient.h"
#include "ScriptedTranslator.h"
#include "TestRelay.h"
#include "WsClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <gtest/gtest.h>

namespace medtranslate::test {

using relay::NewMessage;
using relay::RoomRecord;
using relay::Store;
using relay::StoreConfig;
using relay::StoreWorker;

namespace {

const QString kDriver = QStringLiteral(MEDTRANSLATE_TEST_DRIVER);

//! Connection settings of the test PostgreSQL (scripts/start-postgres.sh).
QHash<QString, QString> postgresSettings()
{
    QString dsn = qEnvironmentVariable("MEDTRANSLATE_TEST_PG");
    if (dsn.isEmpty())
        dsn = QStringLiteral("host=127.0.0.1 port=55432 user=postgres dbname=postgres");
    QHash<QString, QString> settings;
    for (const QString &pair : dsn.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        settings.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    return settings;
}

//! Runs one statement on the PostgreSQL server's maintenance database.
bool adminExec(const QString &sql, QString *error)
{
    const auto settings = postgresSettings();
    const QString name = QStringLiteral("admin-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(settings.value(QStringLiteral("host")));
        db.setPort(settings.value(QStringLiteral("port")).toInt());
        db.setUserName(settings.value(QStringLiteral("user")));
        db.setDatabaseName(settings.value(QStringLiteral("dbname")));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

//! A fresh database of the driver under test: a SQLite file or a new PostgreSQL database.
class StoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        config.driver = kDriver;
        if (kDriver == QLatin1String("postgres")) {
            const auto settings = postgresSettings();
            database =
                QStringLiteral("mt_test_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
            QString error;
            ASSERT_TRUE(adminExec(QStringLiteral("CREATE DATABASE ") + database, &error))
                << "PostgreSQL is not reachable (start it with scripts/start-postgres.sh): "
                << error.toStdString();
            config.database = database;
            config.host = settings.value(QStringLiteral("host"));
            config.port = settings.value(QStringLiteral("port")).toInt();
            config.user = settings.value(QStringLiteral("user"));
        } else {
            config.database = dir.filePath(QStringLiteral("store.db"));
        }
    }

    void TearDown() override
    {
        if (!database.isEmpty()) {
            QString error;
            adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database),
                      &error);
        }
    }

    std::unique_ptr<Store> openStore()
    {
        auto store = std::make_unique<Store>(config);
        QString error;
        EXPECT_TRUE(store->open(&error)) << error.toStdString();
        return store;
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

    QTemporaryDir dir;
    QString database;
    StoreConfig config;
};

TEST_F(StoreTest, MigrationsApplyOnceAndReopeningKeepsTheSchema)
{
    {
        auto store = openStore();
        const auto version = store->runSync<int>([](StoreWorker &w) { return w.schemaVersion(); });
        ASSERT_TRUE(version.ok()) << version.error.toStdString();
        EXPECT_GE(*version.value, 1);
    }
    auto again = openStore();
    const auto version = again->runSync<int>([](StoreWorker &w) { return w.schemaVersion(); });
    ASSERT_TRUE(version.ok());
    EXPECT_GE(*version.value, 1);
}

TEST_F(StoreTest, AppendAssignsGaplessSeqPerRoomAndDeduplicatesInOneBatch)
{
    auto store = openStore();
    const auto stored = store->runSync<std::vector<relay::AppendResult>>([](StoreWorker &w) {
        w.createRoom(room(QStringLiteral("room-a"), QStringLiteral("hash-a")));
        w.createRoom(room(QStringLiteral("room-b"), QStringLiteral("hash-b")));
        return w.appendMessages({message("room-a", "a1", "một"), message("room-b", "b1", "hai"),
                                 message("room-a", "a2", "ba"), message("room-a", "a1", "một"),
                                 message("room-b", "b2", "bốn")});
    });
    ASSERT_TRUE(stored.ok()) << stored.error.toStdString();
    const auto &r = *stored.value;
    ASSERT_EQ(r.size(), 5u);
    EXPECT_EQ(r[0].message.seq, 1);
    EXPECT_EQ(r[1].message.seq, 1);
    EXPECT_EQ(r[2].message.seq, 2);
    EXPECT_TRUE(r[3].duplicate);
    EXPECT_EQ(r[3].message.seq, 1);
    EXPECT_EQ(r[3].message.msgId, r[0].message.msgId);
    EXPECT_EQ(r[4].message.seq, 2);
    EXPECT_FALSE(r[0].message.createdAt.empty());

    const auto roomA = store->runSync<std::optional<RoomRecord>>(
        [](StoreWorker &w) { return w.roomById(QStringLiteral("room-a")); });
    ASSERT_TRUE(roomA.ok() && *roomA.value);
    EXPECT_EQ((*roomA.value)->room.lastSeq, 2);
}

TEST_F(StoreTest, AFailedBatchKeepsNothingAndLeavesNoGap)
{
    auto store = openStore();
    ASSERT_TRUE(store
                    ->runSync<bool>([](StoreWorker &w) {
                        w.createRoom(room(QStringLiteral("room-a"), QStringLiteral("hash-a")));
                        return true;
                    })
                    .ok());
    const auto failed = store->runSync<std::vector<relay::AppendResult>>([](StoreWorker &w) {
        return w.appendMessages(
            {message("room-a", "a1", "một"), message("no-such-room", "x1", "hai")});
    });
    EXPECT_FALSE(failed.ok());
    EXPECT_FALSE(failed.error.isEmpty());

    const auto retried = store->runSync<std::vector<relay::AppendResult>>(
        [](StoreWorker &w) { return w.appendMessages({message("room-a", "a1", "một")}); });
    ASSERT_TRUE(retried.ok()) << retried.error.toStdString();
    EXPECT_EQ(retried.value->front().message.seq, 1);
    EXPECT_FALSE(retried.value->front().duplicate);
}

TEST_F(StoreTest, GroupCommitStoresAQueueOfAppendsInOrder)
{
    auto store = openStore();
    ASSERT_TRUE(store
                    ->runSync<bool>([](StoreWorker &w) {
                        w.createRoom(room(QStringLiteral("room-a"), QStringLiteral("hash-a")));
                        return true;
                    })
                    .ok());
    QObject context;
    std::vector<qint64> seqs;
    for (int i = 0; i < 200; ++i) {
        store->append(message("room-a", "m" + std::to_string(i), "tin " + std::to_string(i)),
                      &context, [&seqs](relay::StoreResult<relay::AppendResult> r) {
                          ASSERT_TRUE(r.ok()) << r.error.toStdString();
                          seqs.push_back(r.value->message.seq);
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
    const auto result = store->runSync<bool>([](StoreWorker &w) {
        w.createRoom(room(QStringLiteral("room-a"), QStringLiteral("hash-a")));
        w.createRoom(room(QStringLiteral("room-b"), QStringLiteral("hash-b")));
        relay::AgentRecord kim{QStringLiteral("agent-1"),
                               QStringLiteral("kim"),
                               QStringLiteral("김민지"),
                               QStringLiteral("agent"),
                               {QStringLiteral("vi"), QStringLiteral("en")}};
        w.createAgent(kim, QStringLiteral("hash"));
        EXPECT_TRUE(w.agentByUsername(QStringLiteral("kim")));
        EXPECT_EQ(w.agentByUsername(QStringLiteral("kim"))->second, QStringLiteral("hash"));
        EXPECT_FALSE(w.agentByUsername(QStringLiteral("lee")));
        EXPECT_EQ(w.agentById(QStringLiteral("agent-1"))->languages,
                  (QStringList{QStringLiteral("vi"), QStringLiteral("en")}));

        EXPECT_EQ(w.roomByTokenHash(QStringLiteral("hash-b"))->room.roomId, "room-b");
        EXPECT_FALSE(w.roomByTokenHash(QStringLiteral("hash-x")));
        EXPECT_EQ(w.openRooms().size(), 2u);

        EXPECT_TRUE(w.assignRoom(QStringLiteral("room-a"), QStringLiteral("agent-1"),
                                 QStringLiteral("waiting")));
        EXPECT_FALSE(w.assignRoom(QStringLiteral("room-a"), QStringLiteral("agent-1"),
                                  QStringLiteral("waiting")));
        const auto assigned = w.roomById(QStringLiteral("room-a"));
        EXPECT_EQ(assigned->room.status, protocol::RoomStatus::Active);
        EXPECT_EQ(assigned->room.agent->name, "김민지");

        w.setReadSeq(QStringLiteral("room-a"), protocol::Role::Patient, 5);
        w.setReadSeq(QStringLiteral("room-a"), protocol::Role::Patient, 3); // never backwards
        EXPECT_EQ(w.roomById(QStringLiteral("room-a"))->room.patientReadSeq, 5);

        w.endRoom(QStringLiteral("room-b"));
        EXPECT_EQ(w.roomById(QStringLiteral("room-b"))->room.status, protocol::RoomStatus::Ended);
        EXPECT_EQ(w.openRooms().size(), 1u);

        w.createSession(QStringLiteral("session-live"), QStringLiteral("agent-1"), 2000);
        w.createSession(QStringLiteral("session-old"), QStringLiteral("agent-1"), 1000);
        EXPECT_TRUE(w.agentBySession(QStringLiteral("session-live"), 1500));
        EXPECT_FALSE(w.agentBySession(QStringLiteral("session-old"), 1500));
        return true;
    });
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
}

TEST_F(StoreTest, TranslationUpdatesAndPagedHistory)
{
    auto store = openStore();
    const auto result = store->runSync<bool>([](StoreWorker &w) {
        w.createRoom(room(QStringLiteral("room-a"), QStringLiteral("hash-a")));
        std::vector<NewMessage> batch;
        for (int i = 0; i < 25; ++i)
            batch.push_back(message("room-a", "m" + std::to_string(i), "tin " + std::to_string(i)));
        w.appendMessages(batch);
        protocol::Translation t;
        t.text = "메시지 3";
        t.lang = "ko";
        t.status = protocol::TranslationStatus::Ok;
        t.provider = "test";
        t.warnings = {"number_mismatch"};
        w.updateTranslation(QStringLiteral("room-a"), 3, t);
        const auto page = w.messagesAfter(QStringLiteral("room-a"), 2, 10);
        EXPECT_EQ(page.size(), 10u);
        EXPECT_EQ(page.front().seq, 3);
        EXPECT_EQ(page.front().translation, t);
        EXPECT_EQ(page.back().seq, 12);
        EXPECT_EQ(w.messagesAfter(QStringLiteral("room-a"), 20, 10).size(), 5u);
        EXPECT_TRUE(w.messagesAfter(QStringLiteral("room-a"), 25, 10).empty());
        return true;
    });
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
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

} // namespace medtranslate::test
