#include "storage/StoreWorker.h"

#include "storage/StoreError.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QUuid>
#include <atomic>
#include <nlohmann/json.hpp>

// The migrations are compiled into the static core library; its resources need explicit init.
static void initSqlResources()
{
    Q_INIT_RESOURCE(sql);
}

namespace medtranslate::relay {

namespace {

std::atomic<int> g_connectionCounter{0};

const QString kRoomColumns = QStringLiteral(
    "r.id, r.status, r.patient_language, r.agent_id, a.display_name, r.last_seq, "
    "r.patient_read_seq, r.agent_read_seq, r.created_at, r.patient_token_hash, r.origin "
    "FROM rooms r LEFT JOIN agents a ON a.id = r.agent_id");

const QString kMessageColumns = QStringLiteral(
    "room_id, seq, msg_id, client_msg_id, sender, sender_name, body, lang, translation, event, "
    "template_id, created_at FROM messages");

const QString kAgentColumns =
    QStringLiteral("a.id, a.username, a.display_name, a.role, a.languages");

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

std::string translationJson(const protocol::Translation &t)
{
    return nlohmann::json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

// Each migration is one numbered SQL file; statements are split on ';' at line ends.
QStringList migrationFiles()
{
    initSqlResources();
    QDir dir(QStringLiteral(":/medtranslate/sql"));
    QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        throw StoreError(QStringLiteral("no schema migrations are compiled in"));
    return files;
}

QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            statements << current.trimmed().chopped(1);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

} // namespace

StoreWorker::StoreWorker(StoreConfig config)
    : m_config(std::move(config)),
      m_connectionName(QStringLiteral("medtranslate-store-%1").arg(++g_connectionCounter))
{
}

StoreWorker::~StoreWorker()
{
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool StoreWorker::isPostgres() const
{
    return m_config.driver == QLatin1String("postgres");
}

void StoreWorker::open()
{
    const bool postgres = isPostgres();
    if (!postgres && m_config.driver != QLatin1String("sqlite"))
        throw StoreError(QStringLiteral("unknown database driver '%1'").arg(m_config.driver));
    m_db = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"),
                                     m_connectionName);
    if (!m_db.isValid())
        throw StoreError(
            QStringLiteral("the Qt SQL driver for %1 is not installed").arg(m_config.driver));
    m_db.setDatabaseName(m_config.database);
    if (postgres) {
        m_db.setHostName(m_config.host);
        m_db.setPort(m_config.port);
        m_db.setUserName(m_config.user);
        m_db.setPassword(m_config.password);
        m_db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    } else {
        const QFileInfo info(m_config.database);
        if (m_config.database != QLatin1String(":memory:"))
            QDir().mkpath(info.absolutePath());
        m_db.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_config.busyTimeoutMs));
    }
    if (!m_db.open())
        throw StoreError(QStringLiteral("cannot open database '%1': %2")
                             .arg(m_config.database, m_db.lastError().text()));
    if (m_config.exclusive)
        claim();
    if (!postgres) {
        // WAL lets readers run beside the writer; FULL makes a commit survive power loss.
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            QSqlQuery q(m_db);
            if (!q.exec(QString::fromLatin1(pragma)))
                throw StoreError(QStringLiteral("%1 failed: %2").arg(pragma, q.lastError().text()));
        }
    }
    migrate();
}

void StoreWorker::claim()
{
    const QString refusal =
        QStringLiteral("another relay is already serving database '%1'%2; run one relay per "
                       "database (several relays on one database are not supported yet)");
    if (isPostgres()) {
        // A session-level advisory lock, per database, freed when this connection ends.
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT pg_try_advisory_lock(hashtext('medtranslate-relay:' "
                                   "|| current_database()))")) ||
            !q.next())
            throw StoreError(
                QStringLiteral("cannot claim the database: %1").arg(q.lastError().text()));
        if (!q.value(0).toBool())
            throw StoreError(refusal.arg(m_config.database, QString()));
        return;
    }
    if (m_config.database == QLatin1String(":memory:"))
        return;
    m_claim = std::make_unique<QLockFile>(m_config.database + QStringLiteral(".relay-lock"));
    m_claim->setStaleLockTime(0); // stale only when its process is gone
    if (!m_claim->tryLock(0)) {
        qint64 pid = 0;
        QString host, application;
        m_claim->getLockInfo(&pid, &host, &application);
        m_claim.reset();
        throw StoreError(refusal.arg(
            m_config.database,
            pid > 0 ? QStringLiteral(" (process %1 on %2)").arg(pid).arg(host) : QString()));
    }
}

void StoreWorker::migrate()
{
    // DDL cannot be a prepared statement on PostgreSQL.
    QSqlQuery ddl(m_db);
    if (!ddl.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                                 "PRIMARY KEY, applied_at TEXT NOT NULL)")))
        throw StoreError(
            QStringLiteral("cannot create schema_migrations: %1").arg(ddl.lastError().text()));
    const int current = schemaVersion();
    for (const QString &file : migrationFiles()) {
        const int version = file.section(QLatin1Char('_'), 0, 0).toInt();
        if (version <= current)
            continue;
        QFile f(QStringLiteral(":/medtranslate/sql/") + file);
        if (!f.open(QIODevice::ReadOnly))
            throw StoreError(QStringLiteral("cannot read migration %1").arg(file));
        begin();
        try {
            for (const QString &statement : splitStatements(QString::fromUtf8(f.readAll()))) {
                QSqlQuery q(m_db);
                if (!q.exec(statement))
                    throw StoreError(
                        QStringLiteral("migration %1 failed: %2").arg(file, q.lastError().text()));
            }
            exec(
                QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
                {version, nowIso()});
            commit();
        } catch (...) {
            rollback();
            throw;
        }
    }
}

int StoreWorker::schemaVersion()
{
    auto &q = exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return version;
}

QSqlQuery &StoreWorker::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(m_db);
        if (!q.prepare(sql))
            throw StoreError(
                QStringLiteral("cannot prepare '%1': %2").arg(sql, q.lastError().text()));
        it = m_statements.insert(sql, q);
    }
    return *it;
}

QSqlQuery &StoreWorker::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery &q = prepared(sql);
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // A null QString would bind as SQL NULL; our text columns mean "empty" by it.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else
            q.bindValue(i, value);
    }
    if (!q.exec())
        throw StoreError(QStringLiteral("'%1' failed: %2").arg(sql, q.lastError().text()));
    return q;
}

void StoreWorker::begin()
{
    if (!m_db.transaction())
        throw StoreError(
            QStringLiteral("cannot begin a transaction: %1").arg(m_db.lastError().text()));
}

void StoreWorker::commit()
{
    if (!m_db.commit())
        throw StoreError(QStringLiteral("commit failed: %1").arg(m_db.lastError().text()));
}

void StoreWorker::rollback()
{
    m_db.rollback();
}

void StoreWorker::execDirect(const QString &sql)
{
    // Transaction control cannot be a prepared statement on PostgreSQL.
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw StoreError(QStringLiteral("'%1' failed: %2").arg(sql, q.lastError().text()));
}

void StoreWorker::savepoint()
{
    execDirect(QStringLiteral("SAVEPOINT write_item"));
}

void StoreWorker::releaseSavepoint()
{
    execDirect(QStringLiteral("RELEASE SAVEPOINT write_item"));
}

void StoreWorker::rollbackToSavepoint()
{
    execDirect(QStringLiteral("ROLLBACK TO SAVEPOINT write_item"));
}

qint64 StoreWorker::lastSeq(const QString &roomId)
{
    const auto it = m_lastSeq.constFind(roomId);
    if (it != m_lastSeq.constEnd())
        return *it;
    auto &q = exec(QStringLiteral("SELECT last_seq FROM rooms WHERE id = ?"), {roomId});
    if (!q.next())
        throw StoreError(QStringLiteral("no room '%1'").arg(roomId));
    const qint64 seq = q.value(0).toLongLong();
    q.finish();
    m_lastSeq.insert(roomId, seq);
    return seq;
}

std::vector<AppendResult> StoreWorker::appendMessages(const std::vector<NewMessage> &batch)
{
    std::vector<AppendResult> results;
    results.reserve(batch.size());
    begin();
    try {
        for (const auto &item : batch)
            results.push_back(appendMessage(item));
        finishAppends();
        commit();
    } catch (...) {
        rollback();
        abandonAppends();
        throw;
    }
    return results;
}

AppendResult StoreWorker::appendMessage(const NewMessage &item)
{
    protocol::Message m = item.message;
    const QString roomId = str(m.roomId);
    auto &existing = exec(QStringLiteral("SELECT ") + kMessageColumns +
                              QStringLiteral(" WHERE room_id = ? AND client_msg_id = ?"),
                          {roomId, str(m.clientMsgId)});
    if (existing.next()) {
        AppendResult duplicate{readMessage(existing), true};
        existing.finish();
        return duplicate;
    }
    existing.finish();
    const qint64 previous = lastSeq(roomId);
    m.seq = previous + 1;
    m.msgId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    m.createdAt = nowIso().toStdString();
    exec(QStringLiteral("INSERT INTO messages (room_id, seq, msg_id, client_msg_id, sender, "
                        "sender_name, body, lang, translation, event, template_id, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
         {roomId, qint64(m.seq), str(m.msgId), str(m.clientMsgId),
          str(std::string(toString(m.sender))), str(m.senderName), str(m.text), str(m.lang),
          str(translationJson(m.translation)), str(m.event), str(m.templateId), str(m.createdAt)});
    // Only a stored message moves the counter, so a failed insert leaves no gap.
    if (!m_seqBeforeTransaction.contains(roomId))
        m_seqBeforeTransaction.insert(roomId, previous);
    m_lastSeq.insert(roomId, m.seq);
    return {std::move(m), false};
}

void StoreWorker::finishAppends()
{
    for (auto it = m_seqBeforeTransaction.constBegin(); it != m_seqBeforeTransaction.constEnd();
         ++it)
        exec(QStringLiteral("UPDATE rooms SET last_seq = ? WHERE id = ?"),
             {m_lastSeq.value(it.key()), it.key()});
    m_seqBeforeTransaction.clear();
}

void StoreWorker::abandonAppends()
{
    for (auto it = m_seqBeforeTransaction.constBegin(); it != m_seqBeforeTransaction.constEnd();
         ++it)
        m_lastSeq.insert(it.key(), it.value());
    m_seqBeforeTransaction.clear();
}

void StoreWorker::updateTranslation(const QString &roomId, qint64 seq,
                                    const protocol::Translation &t)
{
    exec(QStringLiteral("UPDATE messages SET translation = ? WHERE room_id = ? AND seq = ?"),
         {str(translationJson(t)), roomId, seq});
}

std::vector<protocol::Message> StoreWorker::messagesAfter(const QString &roomId, qint64 afterSeq,
                                                          int limit)
{
    auto &q = exec(QStringLiteral("SELECT ") + kMessageColumns +
                       QStringLiteral(" WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
                   {roomId, afterSeq, limit});
    std::vector<protocol::Message> messages;
    while (q.next())
        messages.push_back(readMessage(q));
    q.finish();
    return messages;
}

protocol::Message StoreWorker::readMessage(const QSqlQuery &q) const
{
    protocol::Message m;
    m.roomId = q.value(0).toString().toStdString();
    m.seq = q.value(1).toLongLong();
    m.msgId = q.value(2).toString().toStdString();
    m.clientMsgId = q.value(3).toString().toStdString();
    m.sender = protocol::senderFromString(q.value(4).toString().toStdString())
                   .value_or(protocol::Sender::System);
    m.senderName = q.value(5).toString().toStdString();
    m.text = q.value(6).toString().toStdString();
    m.lang = q.value(7).toString().toStdString();
    const auto translation =
        nlohmann::json::parse(q.value(8).toString().toStdString(), nullptr, false);
    try {
        m.translation = translation.get<protocol::Translation>();
    } catch (const nlohmann::json::exception &) {
        m.translation = {};
        m.translation.status = protocol::TranslationStatus::Unavailable;
    }
    m.event = q.value(9).toString().toStdString();
    m.templateId = q.value(10).toString().toStdString();
    m.createdAt = q.value(11).toString().toStdString();
    return m;
}

RoomRecord StoreWorker::readRoom(const QSqlQuery &q) const
{
    RoomRecord r;
    r.room.roomId = q.value(0).toString().toStdString();
    r.room.status = protocol::roomStatusFromString(q.value(1).toString().toStdString())
                        .value_or(protocol::RoomStatus::Ended);
    r.room.patientLanguage = q.value(2).toString().toStdString();
    if (!q.value(3).isNull() && !q.value(3).toString().isEmpty())
        r.room.agent = protocol::AgentRef{q.value(3).toString().toStdString(),
                                          q.value(4).toString().toStdString()};
    r.room.lastSeq = q.value(5).toLongLong();
    r.room.patientReadSeq = q.value(6).toLongLong();
    r.room.agentReadSeq = q.value(7).toLongLong();
    r.room.createdAt = q.value(8).toString().toStdString();
    r.patientTokenHash = q.value(9).toString();
    r.origin = q.value(10).toString();
    return r;
}

void StoreWorker::createRoom(const RoomRecord &room)
{
    exec(QStringLiteral("INSERT INTO rooms (id, patient_token_hash, patient_language, status, "
                        "last_seq, origin, created_at) VALUES (?, ?, ?, ?, 0, ?, ?)"),
         {str(room.room.roomId), room.patientTokenHash, str(room.room.patientLanguage),
          str(std::string(toString(room.room.status))), room.origin, str(room.room.createdAt)});
    m_lastSeq.insert(str(room.room.roomId), 0);
}

std::optional<RoomRecord> StoreWorker::roomByTokenHash(const QString &tokenHash)
{
    auto &q = exec(QStringLiteral("SELECT ") + kRoomColumns +
                       QStringLiteral(" WHERE r.patient_token_hash = ?"),
                   {tokenHash});
    std::optional<RoomRecord> room;
    if (q.next())
        room = readRoom(q);
    q.finish();
    return room;
}

std::optional<RoomRecord> StoreWorker::roomById(const QString &roomId)
{
    auto &q = exec(QStringLiteral("SELECT ") + kRoomColumns + QStringLiteral(" WHERE r.id = ?"),
                   {roomId});
    std::optional<RoomRecord> room;
    if (q.next())
        room = readRoom(q);
    q.finish();
    return room;
}

std::vector<RoomRecord> StoreWorker::openRooms()
{
    auto &q =
        exec(QStringLiteral("SELECT ") + kRoomColumns +
             QStringLiteral(" WHERE r.status IN ('waiting', 'active') ORDER BY r.created_at"));
    std::vector<RoomRecord> rooms;
    while (q.next())
        rooms.push_back(readRoom(q));
    q.finish();
    return rooms;
}

bool StoreWorker::assignRoom(const QString &roomId, const QString &agentId,
                             const QString &fromStatus)
{
    auto &q = exec(QStringLiteral("UPDATE rooms SET agent_id = ?, status = 'active' "
                                  "WHERE id = ? AND status = ?"),
                   {agentId, roomId, fromStatus});
    return q.numRowsAffected() == 1;
}

void StoreWorker::endRoom(const QString &roomId)
{
    exec(QStringLiteral("UPDATE rooms SET status = 'ended', ended_at = ? WHERE id = ?"),
         {nowIso(), roomId});
}

void StoreWorker::setReadSeq(const QString &roomId, protocol::Role role, qint64 seq)
{
    // Read marks only move forward, whatever order updates arrive in.
    if (role == protocol::Role::Patient)
        exec(QStringLiteral(
                 "UPDATE rooms SET patient_read_seq = ? WHERE id = ? AND patient_read_seq < ?"),
             {seq, roomId, seq});
    else
        exec(QStringLiteral(
                 "UPDATE rooms SET agent_read_seq = ? WHERE id = ? AND agent_read_seq < ?"),
             {seq, roomId, seq});
}

AgentRecord StoreWorker::readAgent(const QSqlQuery &q, int offset) const
{
    AgentRecord a;
    a.id = q.value(offset + 0).toString();
    a.username = q.value(offset + 1).toString();
    a.displayName = q.value(offset + 2).toString();
    a.role = q.value(offset + 3).toString();
    a.languages = q.value(offset + 4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    return a;
}

void StoreWorker::createAgent(const AgentRecord &agent, const QString &passwordHash)
{
    exec(QStringLiteral("INSERT INTO agents (id, username, display_name, password_hash, role, "
                        "languages, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
         {agent.id, agent.username, agent.displayName, passwordHash, agent.role,
          agent.languages.join(QLatin1Char(',')), nowIso()});
}

std::optional<std::pair<AgentRecord, QString>> StoreWorker::agentByUsername(const QString &username)
{
    auto &q = exec(QStringLiteral("SELECT ") + kAgentColumns +
                       QStringLiteral(", a.password_hash FROM agents a WHERE a.username = ?"),
                   {username});
    std::optional<std::pair<AgentRecord, QString>> result;
    if (q.next())
        result = std::pair{readAgent(q), q.value(5).toString()};
    q.finish();
    return result;
}

std::optional<AgentRecord> StoreWorker::agentById(const QString &id)
{
    auto &q = exec(QStringLiteral("SELECT ") + kAgentColumns +
                       QStringLiteral(" FROM agents a WHERE a.id = ?"),
                   {id});
    std::optional<AgentRecord> result;
    if (q.next())
        result = readAgent(q);
    q.finish();
    return result;
}

std::vector<AgentRecord> StoreWorker::agents()
{
    auto &q = exec(QStringLiteral("SELECT ") + kAgentColumns +
                   QStringLiteral(" FROM agents a ORDER BY a.username"));
    std::vector<AgentRecord> result;
    while (q.next())
        result.push_back(readAgent(q));
    q.finish();
    return result;
}

void StoreWorker::setAgentPassword(const QString &agentId, const QString &passwordHash)
{
    exec(QStringLiteral("UPDATE agents SET password_hash = ? WHERE id = ?"),
         {passwordHash, agentId});
}

void StoreWorker::createSession(const QString &tokenHash, const QString &agentId,
                                qint64 expiresAtSecs)
{
    exec(QStringLiteral(
             "INSERT INTO agent_sessions (token_hash, agent_id, expires_at) VALUES (?, ?, ?)"),
         {tokenHash, agentId, expiresAtSecs});
}

std::optional<AgentRecord> StoreWorker::agentBySession(const QString &tokenHash, qint64 nowSecs)
{
    auto &q = exec(QStringLiteral("SELECT ") + kAgentColumns +
                       QStringLiteral(" FROM agent_sessions s JOIN agents a ON a.id = s.agent_id "
                                      "WHERE s.token_hash = ? AND s.expires_at > ?"),
                   {tokenHash, nowSecs});
    std::optional<AgentRecord> result;
    if (q.next())
        result = readAgent(q);
    q.finish();
    return result;
}

} // namespace medtranslate::relay
