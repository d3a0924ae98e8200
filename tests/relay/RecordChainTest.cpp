// Tamper evidence: the record chain of each consultation, written by the real relay binary and
// checked by --verify beside it, on SQLite and on PostgreSQL (MEDTRANSLATE_TEST_DRIVER); the
// database is then changed on purpose with plain SQL and --verify must name the first broken
// link. The canonical encoding is checked against bytes built here from docs/records.md.
#include "HttpClient.h"
#include "RelayProcess.h"
#include "TestDatabase.h"
#include "WsClient.h"
#include "storage/ChainEncoding.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtEndian>
#include <gtest/gtest.h>

namespace medtranslate::test {

namespace {

using Json = nlohmann::json;

const QString kDriver = QStringLiteral(MEDTRANSLATE_TEST_DRIVER);
const QByteArray kPassword = "kim-password-1";

using Outcome = RelayProcess::CommandOutcome;

//! The documented encoding, written out independently of ChainEncoding: length-prefixed fields.
QByteArray fields(const std::vector<std::string> &values)
{
    QByteArray out;
    for (const std::string &v : values) {
        char length[4];
        qToBigEndian(quint32(v.size()), length);
        out.append(length, 4);
        out.append(v.data(), qsizetype(v.size()));
    }
    return out;
}

std::string sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

} // namespace

TEST(ChainEncodingTest, AMessageAndATranslationHashTheDocumentedBytes)
{
    protocol::Message m;
    m.roomId = "room-1";
    m.seq = 2;
    m.msgId = "m-2";
    m.sender = protocol::Sender::Patient;
    m.senderName = "Lan";
    m.lang = "vi";
    m.text = "Tôi bị đau đầu";
    m.createdAt = "2026-03-01T09:00:00Z";
    protocol::Translation t;
    t.text = "머리가 아파요";
    t.lang = "ko";
    t.status = protocol::TranslationStatus::Ok;
    t.provider = "openai";
    t.sourceLang = "vi";
    t.warnings = {"number_mismatch", "glossary_missing:두통"};
    const relay::ChainLinkHeader header{"message",           "room-1", 3, 2, "2026-03-01T09:00:00Z",
                                        std::string(64, 'a')};
    const QByteArray expected = fields({"medtranslate-chain-1",
                                        "message",
                                        "room-1",
                                        "3",
                                        "2",
                                        "2026-03-01T09:00:00Z",
                                        std::string(64, 'a'),
                                        "m-2",
                                        "patient",
                                        "Lan",
                                        "vi",
                                        "Tôi bị đau đầu",
                                        "",
                                        "",
                                        "2026-03-01T09:00:00Z",
                                        "",
                                        "",
                                        "",
                                        "",
                                        "",
                                        "ko",
                                        "ok",
                                        "openai",
                                        "머리가 아파요",
                                        "vi",
                                        "2",
                                        "number_mismatch",
                                        "glossary_missing:두통"});
    const QByteArray encoded = relay::ChainEncoding::message(header, m, "patient", t);
    EXPECT_EQ(encoded, expected);
    EXPECT_EQ(relay::ChainEncoding::sha256(encoded), sha256Hex(expected));

    // An attachment's id, hash, name, type and size are covered; a changed byte changes it all.
    m.attachment =
        protocol::Attachment{"att-1", "rash.png", "image/png", 1234, "ab12", "", 0, 0, ""};
    const QByteArray withFile = relay::ChainEncoding::message(header, m, "patient", t);
    EXPECT_TRUE(withFile.contains(fields({"att-1", "ab12", "rash.png", "image/png", "1234"})));
    m.text = "Tôi bị đau bụng";
    EXPECT_NE(relay::ChainEncoding::sha256(relay::ChainEncoding::message(header, m, "patient", t)),
              relay::ChainEncoding::sha256(withFile));

    const relay::ChainLinkHeader later{
        "translation", "room-1", 4, 2, "2026-03-01T09:00:01.250Z", std::string(64, 'b')};
    EXPECT_EQ(relay::ChainEncoding::translation(later, t),
              fields({"medtranslate-chain-1", "translation", "room-1", "4", "2",
                      "2026-03-01T09:00:01.250Z", std::string(64, 'b'), "ko", "ok", "openai",
                      "머리가 아파요", "vi", "2", "number_mismatch", "glossary_missing:두통"}));
}

class RecordChainTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(database.create(&error)) << error.toStdString();
        // A provider that cannot be reached: every patient message is stored "pending" and
        // its translation ("unavailable") is stored later, as its own link.
        config = dir.filePath(QStringLiteral("relay.json"));
        QFile file(config);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(R"({"translation":{"openai":{"api_key":"sk-test",)"
                   R"("base_url":"http://127.0.0.1:9"}}})");
    }

    void TearDown() override
    {
        if (m_sql.isValid())
            m_sql.close();
        m_sql = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }

    Outcome run(const QStringList &arguments, const QByteArray &input = {})
    {
        return RelayProcess::runCommand(database.relayArguments() + arguments, input);
    }

    Outcome verify(const QString &room = {})
    {
        return run(room.isEmpty() ? QStringList{QStringLiteral("--verify")}
                                  : QStringList{QStringLiteral("--verify"), room});
    }

    std::unique_ptr<RelayProcess> startRelay()
    {
        auto relay = std::make_unique<RelayProcess>(
            database.name(),
            database.relayArguments().mid(2) + QStringList{QStringLiteral("--config"), config,
                                                           QStringLiteral("--providers"),
                                                           QStringLiteral("openai")});
        QString error;
        EXPECT_TRUE(relay->start(&error)) << error.toStdString();
        return relay;
    }

    //! A consultation: the agent joins, the patient writes twice, the agent answers; every
    //! patient message's later translation has arrived. Gives the room's id.
    QString converse(RelayProcess &relay)
    {
        const Outcome added =
            run({QStringLiteral("--add-agent"), QStringLiteral("kim")}, kPassword + '\n');
        EXPECT_EQ(added.exitCode, 0) << added.err.toStdString();
        const auto login = HttpClient::post(relay.http(QStringLiteral("/api/auth/login")),
                                            R"({"username":"kim","password":"kim-password-1"})");
        const QString token = QString::fromStdString(login.json().value("token", std::string{}));
        const auto created =
            HttpClient::post(relay.http(QStringLiteral("/api/rooms")), R"({"language":"vi"})");
        EXPECT_EQ(created.status, 201) << created.body.toStdString();
        const Json body = created.json();
        const std::string roomId = body.value("room_id", std::string{});
        WsClient patient;
        EXPECT_TRUE(patient.open(relay.ws()));
        EXPECT_TRUE(patient.hello(
            "patient", QString::fromStdString(body.value("patient_token", std::string{}))));
        WsClient agent;
        EXPECT_TRUE(agent.open(relay.ws()));
        EXPECT_TRUE(agent.hello("agent", token));
        agent.send({{"type", "accept"}, {"room_id", roomId}});
        EXPECT_TRUE(agent.take([](const Json &f) {
            return f["type"] == "room" && f.value("status", std::string{}) == "active";
        }));
        for (const auto &[id, text] : std::vector<std::pair<std::string, std::string>>{
                 {"p-1", "Tôi bị đau đầu"}, {"p-2", "Từ sáng hôm qua"}}) {
            patient.send(
                {{"type", "send"}, {"room_id", roomId}, {"client_msg_id", id}, {"text", text}});
            EXPECT_TRUE(patient.take(
                [&id](const Json &f) { return f["type"] == "ack" && f["client_msg_id"] == id; }));
        }
        agent.send({{"type", "send"},
                    {"room_id", roomId},
                    {"client_msg_id", "a-1"},
                    {"text", "언제부터 아프셨어요?"}});
        EXPECT_TRUE(agent.take(
            [](const Json &f) { return f["type"] == "ack" && f["client_msg_id"] == "a-1"; }));
        // Translations come later (or at once, once the provider is known to be down).
        EXPECT_TRUE(agent.take([](const Json &f) { return f["type"] == "translation"; }, 20000));
        m_translations = 1;
        for (const Json &f : agent.drain(3000))
            m_translations += f["type"] == "translation" ? 1 : 0;
        return QString::fromStdString(roomId);
    }

    //! The test database, opened directly, as someone with access to it would.
    QSqlQuery sql(const QString &statement, const QVariantList &values = {})
    {
        if (!m_sql.isValid()) {
            const relay::StoreConfig c = database.storeConfig();
            m_sql = QSqlDatabase::addDatabase(c.driver == QLatin1String("postgres")
                                                  ? QStringLiteral("QPSQL")
                                                  : QStringLiteral("QSQLITE"),
                                              m_connection);
            m_sql.setDatabaseName(c.database);
            m_sql.setHostName(c.host);
            if (c.port > 0)
                m_sql.setPort(c.port);
            m_sql.setUserName(c.user);
            EXPECT_TRUE(m_sql.open()) << m_sql.lastError().text().toStdString();
        }
        QSqlQuery q(m_sql);
        // DDL cannot be a prepared statement on PostgreSQL: statements without values run as
        // they are.
        bool ran = false;
        if (values.isEmpty()) {
            ran = q.exec(statement);
        } else {
            EXPECT_TRUE(q.prepare(statement)) << q.lastError().text().toStdString();
            for (int i = 0; i < values.size(); ++i)
                q.bindValue(i, values[i]);
            ran = q.exec();
        }
        EXPECT_TRUE(ran) << statement.toStdString() << ": " << q.lastError().text().toStdString();
        return q;
    }

    qint64 number(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q = sql(statement, values);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    QString text(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q = sql(statement, values);
        return q.next() ? q.value(0).toString() : QString();
    }

    //! What --verify says of `room`: broken at `link` (and `seq`) for `reason`, exit 1.
    void expectBroken(const QString &room, qint64 link, qint64 seq, const QString &reason)
    {
        const Outcome checked = verify(room);
        EXPECT_EQ(checked.exitCode, 1) << checked.out.toStdString() << checked.err.toStdString();
        const QString line = QStringLiteral("room %1: BROKEN at link %2, seq %3: %4")
                                 .arg(room)
                                 .arg(link)
                                 .arg(seq)
                                 .arg(reason);
        EXPECT_TRUE(checked.out.contains(line))
            << "want: " << line.toStdString() << "\ngot: " << checked.out.toStdString();
    }

    void expectIntact(const QString &room, qint64 links)
    {
        const Outcome checked = verify(room);
        EXPECT_EQ(checked.exitCode, 0) << checked.out.toStdString() << checked.err.toStdString();
        EXPECT_TRUE(
            checked.out.contains(QStringLiteral("room %1: OK, %2 links").arg(room).arg(links)))
            << checked.out.toStdString();
    }

    qint64 messageLink(const QString &room, qint64 seq)
    {
        return number(QStringLiteral("SELECT link FROM record_chain WHERE room_id = ? AND seq = ? "
                                     "AND kind = 'message'"),
                      {room, seq});
    }

    TestDatabase database{kDriver};
    QTemporaryDir dir;
    QString config;
    int m_translations = 0; //!< translation frames the agent saw in converse()

private:
    QString m_connection = QStringLiteral("chain-test-") + QUuid::createUuid().toString();
    QSqlDatabase m_sql;
};

TEST_F(RecordChainTest, AConversationVerifiesAndEveryChangeIsNamedAtItsFirstBrokenLink)
{
    auto relay = startRelay();
    ASSERT_TRUE(relay->isRunning());
    const QString room = converse(*relay);
    ASSERT_FALSE(room.isEmpty());
    // agent_joined, two patient messages and the answer; each translation stored later.
    const qint64 messages =
        number(QStringLiteral("SELECT COUNT(*) FROM messages WHERE room_id = ?"), {room});
    ASSERT_EQ(messages, 4);
    ASSERT_EQ(number(QStringLiteral("SELECT COUNT(*) FROM record_chain WHERE room_id = ? AND "
                                    "kind = 'translation'"),
                     {room}),
              m_translations);
    const qint64 links = messages + m_translations;
    expectIntact(room, links); // beside the running relay
    const Outcome all = verify();
    EXPECT_EQ(all.exitCode, 0) << all.err.toStdString();
    EXPECT_TRUE(all.out.contains(
        QStringLiteral("verified 1 consultation(s), %1 link(s): all intact").arg(links)))
        << all.out.toStdString();
    ASSERT_TRUE(relay->stop()) << relay->output().toStdString();

    // A message's text changed.
    const QString original =
        text(QStringLiteral("SELECT body FROM messages WHERE room_id = ? AND seq = 2"), {room});
    sql(QStringLiteral("UPDATE messages SET body = ? WHERE room_id = ? AND seq = 2"),
        {QStringLiteral("Tôi khỏe"), room});
    expectBroken(room, messageLink(room, 2), 2, QStringLiteral("message text changed"));
    sql(QStringLiteral("UPDATE messages SET body = ? WHERE room_id = ? AND seq = 2"),
        {original, room});
    expectIntact(room, links);

    // Another field of a message (who wrote it): only the hash can tell.
    const QString name = text(
        QStringLiteral("SELECT sender_name FROM messages WHERE room_id = ? AND seq = 3"), {room});
    sql(QStringLiteral("UPDATE messages SET sender_name = 'someone' WHERE room_id = ? AND seq = 3"),
        {room});
    expectBroken(room, messageLink(room, 3), 3, QStringLiteral("hash mismatch"));
    sql(QStringLiteral("UPDATE messages SET sender_name = ? WHERE room_id = ? AND seq = 3"),
        {name, room});
    expectIntact(room, links);

    // The translation the messages table holds is not the last one recorded.
    const QString translation = text(
        QStringLiteral("SELECT translation FROM messages WHERE room_id = ? AND seq = 2"), {room});
    Json changed = Json::parse(translation.toStdString());
    changed["text"] = "괜찮아요";
    sql(QStringLiteral("UPDATE messages SET translation = ? WHERE room_id = ? AND seq = 2"),
        {QString::fromStdString(changed.dump()), room});
    const qint64 lastTranslation = number(
        QStringLiteral("SELECT MAX(link) FROM record_chain WHERE room_id = ? AND seq = 2"), {room});
    expectBroken(room, lastTranslation, 2, QStringLiteral("translation changed"));
    // ... or the recorded translation itself was edited to match.
    sql(QStringLiteral("UPDATE record_chain SET translation = ? WHERE room_id = ? AND link = ?"),
        {QString::fromStdString(changed.dump()), room, lastTranslation});
    expectBroken(room, lastTranslation, 2, QStringLiteral("hash mismatch"));
    sql(QStringLiteral("UPDATE record_chain SET translation = ? WHERE room_id = ? AND link = ?"),
        {translation, room, lastTranslation});
    sql(QStringLiteral("UPDATE messages SET translation = ? WHERE room_id = ? AND seq = 2"),
        {translation, room});
    expectIntact(room, links);

    // Two messages swapped.
    const auto setSeq = [&](qint64 from, qint64 to) {
        sql(QStringLiteral("UPDATE messages SET seq = ? WHERE room_id = ? AND seq = ?"),
            {to, room, from});
    };
    setSeq(2, -1);
    setSeq(3, 2);
    setSeq(-1, 3);
    expectBroken(room, messageLink(room, 2), 2,
                 QStringLiteral("messages reordered: this message is now seq 3"));
    setSeq(2, -1);
    setSeq(3, 2);
    setSeq(-1, 3);
    expectIntact(room, links);

    // A message inserted after the last one.
    sql(QStringLiteral("INSERT INTO messages (room_id, seq, msg_id, client_msg_id, sender, "
                       "sender_name, body, lang, translation, created_at) VALUES (?, 5, "
                       "'forged', 'forged', 'agent', '', '괜찮습니다', 'ko', ?, "
                       "'2026-01-01T00:00:00Z')"),
        {room, translation});
    expectBroken(room, links + 1, 5, QStringLiteral("message not in the chain"));
    sql(QStringLiteral("DELETE FROM messages WHERE msg_id = 'forged'"));
    expectIntact(room, links);

    // A message deleted.
    sql(QStringLiteral("DELETE FROM messages WHERE room_id = ? AND seq = 3"), {room});
    expectBroken(room, messageLink(room, 3), 3, QStringLiteral("message missing"));
    const Outcome all2 = verify();
    EXPECT_EQ(all2.exitCode, 1);
    EXPECT_TRUE(all2.out.contains(QStringLiteral("1 broken"))) << all2.out.toStdString();

    // Each run is in the audit log, the broken ones with where they broke.
    const Outcome audit = run({QStringLiteral("--audit")});
    ASSERT_EQ(audit.exitCode, 0) << audit.err.toStdString();
    EXPECT_GE(audit.out.count(QStringLiteral("\tverify\t")), 10);
    EXPECT_TRUE(audit.out.contains(QStringLiteral("message missing")));
}

TEST_F(RecordChainTest, MessagesStoredBeforeTheUpgradeAreChainedAsBackfill)
{
    // A database at migration 5, the last before the chain, with a consultation in it.
    sql(QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at "
                       "TEXT NOT NULL)"));
    const QDir migrations(QStringLiteral(MEDTRANSLATE_SOURCE_DIR "/relay/storage/sql"));
    for (const QString &name :
         migrations.entryList({QStringLiteral("00[1-5]_*.sql")}, QDir::Files, QDir::Name)) {
        QFile file(migrations.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
        QString statement;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            if (line.trimmed().startsWith(QLatin1String("--")) || line.trimmed().isEmpty())
                continue;
            statement += line + QLatin1Char('\n');
            if (line.trimmed().endsWith(QLatin1Char(';'))) {
                sql(statement.trimmed().chopped(1));
                statement.clear();
            }
        }
        sql(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, "
                           "'2026-01-01T00:00:00Z')"),
            {name.left(3).toInt()});
    }
    ASSERT_EQ(number(QStringLiteral("SELECT MAX(version) FROM schema_migrations")), 5);
    sql(QStringLiteral("INSERT INTO rooms (id, patient_token_hash, patient_language, status, "
                       "last_seq, created_at) VALUES ('old-room', 'h', 'vi', 'ended', 2, "
                       "'2026-01-01T00:00:00Z')"));
    const QString translation = QStringLiteral(
        R"({"text":"머리가 아파요","lang":"ko","status":"ok","provider":"openai","warnings":[]})");
    for (int seq : {1, 2})
        sql(QStringLiteral("INSERT INTO messages (room_id, seq, msg_id, client_msg_id, sender, "
                           "sender_name, body, lang, translation, created_at) VALUES "
                           "('old-room', ?, ?, ?, 'patient', '', 'Tôi bị đau đầu', 'vi', ?, "
                           "'2026-01-01T00:00:00Z')"),
            {seq, QStringLiteral("old-%1").arg(seq), QStringLiteral("c-%1").arg(seq), translation});

    // Opening it (here by --verify) adds the chain and chains what is there, marked as such.
    expectIntact(QStringLiteral("old-room"), 2);
    EXPECT_EQ(number(QStringLiteral("SELECT COUNT(*) FROM record_chain WHERE kind = 'backfill'")),
              2);
    sql(QStringLiteral("UPDATE messages SET body = 'Tôi khỏe' WHERE seq = 2"));
    expectBroken(QStringLiteral("old-room"), 2, 2, QStringLiteral("message text changed"));
}

TEST_F(RecordChainTest, AnUnknownRoomOrAnEmptyDatabase)
{
    const Outcome empty = verify();
    EXPECT_EQ(empty.exitCode, 0) << empty.err.toStdString();
    EXPECT_TRUE(
        empty.out.contains(QStringLiteral("verified 0 consultation(s), 0 link(s): all intact")))
        << empty.out.toStdString();
    const Outcome unknown = verify(QStringLiteral("no-such-room"));
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("no consultation no-such-room")))
        << unknown.err.toStdString();
    const Outcome twoRooms =
        run({QStringLiteral("--verify"), QStringLiteral("a"), QStringLiteral("b")});
    EXPECT_EQ(twoRooms.exitCode, 2);
    EXPECT_TRUE(twoRooms.err.contains(QStringLiteral("unexpected argument 'a'")));
    const Outcome withExport = run({QStringLiteral("--verify"), QStringLiteral("--audit")});
    EXPECT_EQ(withExport.exitCode, 2);
    QProcess help;
    help.start(RelayProcess::binary(), {QStringLiteral("--help")});
    ASSERT_TRUE(help.waitForFinished(10000));
    EXPECT_TRUE(
        QString::fromUtf8(help.readAllStandardOutput()).contains(QLatin1String("--verify")));
}

} // namespace medtranslate::test
