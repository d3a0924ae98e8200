#pragma once

#include "config/RelayConfig.h"
#include "storage/Records.h"
#include "storage/Result.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <optional>

namespace medtranslate::relay {

class Store;

//! Who an agent is: logins, and the agent behind a login token. (Patient tokens belong to
//! their rooms; the core resolves them.)
//! Password checks run on a worker thread (PBKDF2 is slow on purpose); lookups go through the
//! store's thread, with agent sessions cached in memory.
class AuthService final : public QObject
{
    Q_OBJECT

public:
    enum class LoginOutcome {
        Ok,
        WrongCredentials, //!< unknown user or wrong password: a guess, counted against the caller
        StoreFailed,      //!< the database did not answer: no guess, try again later
    };

    struct LoginResult
    {
        LoginOutcome outcome = LoginOutcome::StoreFailed;
        bool ok = false; //!< outcome == Ok; kept until http/ reads `outcome`
        QString token;
        AgentRecord agent;
        QString error; //!< for the log; the client gets a generic message
    };

    AuthService(const RelayConfig &config, Store &store, QObject *parent = nullptr);

    //! Every answer but a store failure goes to the audit log with `origin` (the peer
    //! address); an unknown user's entry reads like a wrong password's.
    void login(const QString &username, const QString &password, QObject *context,
               std::function<void(LoginResult)> done, const QString &origin = {});
    //! The agent behind a login token; nothing if unknown or expired.
    void agentForToken(const QString &token, QObject *context,
                       std::function<void(Result<std::optional<AgentRecord>>)> done);
    //! The same with an error text instead of a `Result`; to be removed once core/ and http/
    //! use the overload above.
    void agentForToken(const QString &token, QObject *context,
                       std::function<void(std::optional<AgentRecord>, QString error)> done);

    //! An administrator ended the agent's sessions (disabled, new password): its tokens are no
    //! longer answered from the cache; the store no longer has them either.
    void forgetSessions(const QString &agentId);
    //! The agent's details changed (name, role, languages): cached sessions carry the new ones.
    void updateAgent(const AgentRecord &agent);

private:
    void auditLogin(const QString &username, bool ok, const QString &origin);

    struct CachedSession
    {
        AgentRecord agent;
        qint64 expiresAt;
    };

    const RelayConfig &m_config;
    Store &m_store;
    QHash<QString, CachedSession> m_sessions; // token hash → agent
};

} // namespace medtranslate::relay
