#pragma once

#include "storage/Records.h"

#include <optional>
#include <vector>

class QSqlQuery;

namespace medtranslate::relay {

class StoreWorker;

//! Agent accounts and their login sessions. Runs on the store thread.
class AgentTable final
{
public:
    explicit AgentTable(StoreWorker &db) : m_db(db) {}

    //! Throws a `Refused` StoreError when the username is taken.
    void create(const AgentRecord &agent, const QString &passwordHash);
    [[nodiscard]] std::optional<AgentCredentials> byUsername(const QString &username);
    [[nodiscard]] std::optional<AgentRecord> byId(const QString &id);
    [[nodiscard]] std::vector<AgentRecord> all();
    //! False when there is no such agent.
    bool setPassword(const QString &agentId, const QString &passwordHash);
    void createSession(const QString &tokenHash, const QString &agentId, qint64 expiresAtSecs);
    //! The agent of a session that has not expired at `nowSecs`.
    [[nodiscard]] std::optional<AgentRecord> bySession(const QString &tokenHash, qint64 nowSecs);

private:
    static AgentRecord read(const QSqlQuery &q);

    StoreWorker &m_db;
};

} // namespace medtranslate::relay
