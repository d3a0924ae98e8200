#include "storage/AgentTable.h"

#include "storage/StoreWorker.h"

#include <QDateTime>

namespace medtranslate::relay {

namespace {
const QString kAgentColumns =
    QStringLiteral("a.id, a.username, a.display_name, a.role, a.languages, "
                   "a.patient_facing_name, a.max_chats, a.disabled");
//! Where the columns after kAgentColumns start.
constexpr int kAfterAgentColumns = 8;
} // namespace

AgentRecord AgentTable::read(const QSqlQuery &q)
{
    AgentRecord a;
    a.id = q.value(0).toString();
    a.username = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.role = q.value(3).toString();
    a.languages = q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    a.patientFacingName = q.value(5).toString();
    a.maxChats = q.value(6).toInt();
    a.enabled = q.value(7).toInt() == 0;
    return a;
}

void AgentTable::create(const AgentRecord &agent, const QString &passwordHash)
{
    m_db.exec(QStringLiteral("INSERT INTO agents (id, username, display_name, password_hash, "
                             "role, languages, created_at, patient_facing_name, max_chats, "
                             "disabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {agent.id, agent.username, agent.displayName, passwordHash, agent.role,
               agent.languages.join(QLatin1Char(',')),
               QDateTime::currentDateTimeUtc().toString(Qt::ISODate), agent.patientFacingName,
               agent.maxChats, agent.enabled ? 0 : 1});
}

std::optional<AgentCredentials> AgentTable::byUsername(const QString &username)
{
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kAgentColumns +
                            QStringLiteral(", a.password_hash, a.sessions_epoch FROM agents a "
                                           "WHERE a.username = ?"),
                        {username});
    std::optional<AgentCredentials> result;
    if (q.next())
        result = AgentCredentials{read(q), q.value(kAfterAgentColumns).toString(),
                                  q.value(kAfterAgentColumns + 1).toLongLong()};
    q.finish();
    return result;
}

std::optional<AgentRecord> AgentTable::byId(const QString &id)
{
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kAgentColumns +
                            QStringLiteral(" FROM agents a WHERE a.id = ?"),
                        {id});
    std::optional<AgentRecord> result;
    if (q.next())
        result = read(q);
    q.finish();
    return result;
}

std::vector<AgentRecord> AgentTable::all()
{
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kAgentColumns +
                        QStringLiteral(" FROM agents a ORDER BY a.username"));
    std::vector<AgentRecord> result;
    while (q.next())
        result.push_back(read(q));
    q.finish();
    return result;
}

bool AgentTable::setPassword(const QString &agentId, const QString &passwordHash)
{
    auto &q = m_db.exec(QStringLiteral("UPDATE agents SET password_hash = ? WHERE id = ?"),
                        {passwordHash, agentId});
    return q.numRowsAffected() > 0;
}

std::optional<QString> AgentTable::idOf(const QString &username)
{
    auto &q = m_db.exec(QStringLiteral("SELECT id FROM agents WHERE username = ?"), {username});
    std::optional<QString> id;
    if (q.next())
        id = q.value(0).toString();
    q.finish();
    return id;
}

bool AgentTable::setEnabled(const QString &username, bool enabled)
{
    // The write comes first, so SQLite takes the write lock before reading anything.
    auto &q =
        enabled
            ? m_db.exec(QStringLiteral("UPDATE agents SET disabled = 0 WHERE username = ? "
                                       "AND disabled <> 0"),
                        {username})
            : m_db.exec(QStringLiteral("UPDATE agents SET disabled = 1, sessions_epoch = "
                                       "sessions_epoch + 1 WHERE username = ? AND disabled = 0"),
                        {username});
    return q.numRowsAffected() > 0;
}

bool AgentTable::resetPassword(const QString &username, const QString &passwordHash)
{
    auto &q = m_db.exec(QStringLiteral("UPDATE agents SET password_hash = ?, sessions_epoch = "
                                       "sessions_epoch + 1 WHERE username = ?"),
                        {passwordHash, username});
    return q.numRowsAffected() > 0;
}

bool AgentTable::update(const QString &username, const AgentChanges &changes)
{
    // One statement for any set of changes: an unset field binds NULL and keeps its value.
    auto text = [](const std::optional<QString> &value) {
        return value ? QVariant(*value) : QVariant();
    };
    auto &q = m_db.exec(
        QStringLiteral("UPDATE agents SET display_name = COALESCE(?, display_name), "
                       "patient_facing_name = COALESCE(?, patient_facing_name), "
                       "role = COALESCE(?, role), languages = COALESCE(?, languages), "
                       "max_chats = COALESCE(?, max_chats) WHERE username = ?"),
        {text(changes.displayName), text(changes.patientFacingName), text(changes.role),
         changes.languages ? QVariant(changes.languages->join(QLatin1Char(','))) : QVariant(),
         changes.maxChats ? QVariant(*changes.maxChats) : QVariant(), username});
    return q.numRowsAffected() > 0;
}

int AgentTable::endSessions(const QString &agentId)
{
    auto &q = m_db.exec(QStringLiteral("DELETE FROM agent_sessions WHERE agent_id = ?"), {agentId});
    return q.numRowsAffected();
}

void AgentTable::raiseRevision()
{
    m_db.exec(QStringLiteral("UPDATE account_revision SET revision = revision + 1 WHERE id = 1"));
}

qint64 AgentTable::revision()
{
    auto &q = m_db.exec(QStringLiteral("SELECT revision FROM account_revision WHERE id = 1"));
    const qint64 revision = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return revision;
}

std::vector<AgentAccount> AgentTable::accounts()
{
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kAgentColumns +
                        QStringLiteral(", a.sessions_epoch FROM agents a ORDER BY a.username"));
    std::vector<AgentAccount> result;
    while (q.next())
        result.push_back({read(q), q.value(kAfterAgentColumns).toLongLong()});
    q.finish();
    return result;
}

void AgentTable::createSession(const QString &tokenHash, const QString &agentId,
                               qint64 expiresAtSecs)
{
    m_db.exec(QStringLiteral("INSERT INTO agent_sessions (token_hash, agent_id, expires_at) "
                             "VALUES (?, ?, ?)"),
              {tokenHash, agentId, expiresAtSecs});
}

bool AgentTable::createSessionIfCurrent(const QString &tokenHash, const QString &agentId,
                                        qint64 sessionsEpoch, qint64 expiresAtSecs)
{
    // Casts: PostgreSQL would take an untyped parameter in a select list for text.
    auto &q = m_db.exec(QStringLiteral("INSERT INTO agent_sessions (token_hash, agent_id, "
                                       "expires_at) SELECT CAST(? AS TEXT), id, CAST(? AS BIGINT) "
                                       "FROM agents WHERE id = ? AND sessions_epoch = ? AND "
                                       "disabled = 0"),
                        {tokenHash, expiresAtSecs, agentId, sessionsEpoch});
    return q.numRowsAffected() == 1;
}

std::optional<AgentRecord> AgentTable::bySession(const QString &tokenHash, qint64 nowSecs)
{
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kAgentColumns +
                            QStringLiteral(" FROM agent_sessions s JOIN agents a ON a.id = "
                                           "s.agent_id WHERE s.token_hash = ? AND s.expires_at > ? "
                                           "AND a.disabled = 0"),
                        {tokenHash, nowSecs});
    std::optional<AgentRecord> result;
    if (q.next())
        result = read(q);
    q.finish();
    return result;
}

} // namespace medtranslate::relay
