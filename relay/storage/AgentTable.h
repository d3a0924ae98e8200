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
    [[nodiscard]] std::optional<QString> idOf(const QString &username);
    //! False when there is no such agent or it already was so. Disabling raises the sessions
    //! epoch.
    bool setEnabled(const QString &username, bool enabled);
    //! A new password that ends every session: raises the sessions epoch. False when there is
    //! no such agent.
    bool resetPassword(const QString &username, const QString &passwordHash);
    //! Changes the fields that are set; false when there is no such agent.
    bool update(const QString &username, const AgentChanges &changes);
    //! Drops every login token of the agent; how many there were.
    int endSessions(const QString &agentId);
    //! Every account change raises the revision, which a running relay polls.
    void raiseRevision();
    [[nodiscard]] qint64 revision();
    [[nodiscard]] std::vector<AgentAccount> accounts();
    void createSession(const QString &tokenHash, const QString &agentId, qint64 expiresAtSecs);
    //! A login's session, stored only while the account is enabled and its sessions epoch is
    //! still `sessionsEpoch` (no new password or disabling since the password was checked).
    bool createSessionIfCurrent(const QString &tokenHash, const QString &agentId,
                                qint64 sessionsEpoch, qint64 expiresAtSecs);
    //! The agent of a session that has not expired at `nowSecs`, if the account is enabled.
    [[nodiscard]] std::optional<AgentRecord> bySession(const QString &tokenHash, qint64 nowSecs);

private:
    static AgentRecord read(const QSqlQuery &q);

    StoreWorker &m_db;
};

} // namespace medtranslate::relay
