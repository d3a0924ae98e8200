#include "storage/AgentTable.h"

#include "storage/StoreWorker.h"

#include <QDateTime>

namespace medtranslate::relay {

namespace {
const QString kAgentColumns =
    QStringLiteral("a.id, a.username, a.display_name, a.role, a.languages");
} // namespace

AgentRecord AgentTable::read(const QSqlQuery &q)
{
    AgentRecord a;
    a.id = q.value(0).toString();
    a.username = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.role = q.value(3).toString();
    a.languages = q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    return a;
}

void AgentTable::create(const AgentRecord &agent, const QString &passwordHash)
{
    m_db.exec(QStringLiteral("INSERT INTO agents (id, username, display_name, password_hash, "
                             "role, languages, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
              {agent.id, agent.username, agent.displayName, passwordHash, agent.role,
               agent.languages.join(QLatin1Char(',')),
               QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
}

std::optional<AgentCredentials> AgentTable::byUsername(const QString &username)
{
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kAgentColumns +
                            QStringLiteral(", a.password_hash FROM agents a WHERE a.username = ?"),
                        {username});
    std::optional<AgentCredentials> result;
    if (q.next())
        result = AgentCredentials{read(q), q.value(5).toString()};
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

void AgentTable::createSession(const QString &tokenHash, const QString &agentId,
                               qint64 expiresAtSecs)
{
    m_db.exec(QStringLiteral("INSERT INTO agent_sessions (token_hash, agent_id, expires_at) "
                             "VALUES (?, ?, ?)"),
              {tokenHash, agentId, expiresAtSecs});
}

std::optional<AgentRecord> AgentTable::bySession(const QString &tokenHash, qint64 nowSecs)
{
    auto &q =
        m_db.exec(QStringLiteral("SELECT ") + kAgentColumns +
                      QStringLiteral(" FROM agent_sessions s JOIN agents a ON a.id = "
                                     "s.agent_id WHERE s.token_hash = ? AND s.expires_at > ?"),
                  {tokenHash, nowSecs});
    std::optional<AgentRecord> result;
    if (q.next())
        result = read(q);
    q.finish();
    return result;
}

} // namespace medtranslate::relay
