#include "auth/AuthService.h"

#include "auth/PasswordHasher.h"
#include "auth/TokenGenerator.h"
#include "storage/Store.h"

#include <QDateTime>
#include <QFuture>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace medtranslate::relay {

using LoginOutcome = AuthService::LoginOutcome;

namespace {
qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

// Checked when the user does not exist, so both answers take the same time.
const QString &dummyHash()
{
    static const QString hash = PasswordHasher::hash(QStringLiteral("not-a-real-password"));
    return hash;
}
} // namespace

AuthService::AuthService(const RelayConfig &config, Store &store, QObject *parent)
    : QObject(parent), m_config(config), m_store(store)
{
}

void AuthService::auditLogin(const QString &username, bool ok, const QString &origin)
{
    AuditEntry entry;
    // As typed (bounded): a login for an unknown name must read like any other failure.
    entry.actor = QStringLiteral("agent:") + username.trimmed().left(64);
    entry.action = ok ? QStringLiteral("login") : QStringLiteral("login_failed");
    entry.detail = ok ? QString() : QStringLiteral("wrong username or password");
    entry.origin = origin;
    // Written on the store thread; the login's answer does not wait for it.
    m_store.appendAudit(std::move(entry), this);
}

void AuthService::login(const QString &username, const QString &password, QObject *context,
                        std::function<void(LoginResult)> done, const QString &origin)
{
    QPointer<QObject> guard(context);
    auto fail = [this, guard, username, origin](const std::function<void(LoginResult)> &done,
                                                LoginOutcome outcome, const QString &why) {
        if (outcome == LoginOutcome::WrongCredentials)
            auditLogin(username, false, origin);
        LoginResult failed;
        failed.outcome = outcome;
        failed.error = why;
        if (guard)
            done(failed);
    };
    m_store.agentByUsername(
        username, this,
        [this, password, guard, fail, origin,
         done = std::move(done)](Result<std::optional<AgentCredentials>> found) mutable {
            if (!found.ok())
                return fail(done, LoginOutcome::StoreFailed, found.error().message);
            const std::optional<AgentCredentials> account = std::move(found).value();
            // Unknown users are checked against a dummy hash, made on the worker thread too:
            // both answers cost the same, and the event loop never runs PBKDF2.
            const QString hash = account ? account->passwordHash : QString();
            QtConcurrent::run([password, hash]() {
                return PasswordHasher::verify(password, hash.isEmpty() ? dummyHash() : hash);
            })
                .then(this, [this, account, guard, fail, origin,
                             done = std::move(done)](bool matches) {
                    // A disabled account gets the answer of a wrong password: nothing to learn.
                    if (!matches || !account || !account->agent.enabled)
                        return fail(done, LoginOutcome::WrongCredentials,
                                    QStringLiteral("wrong username or password"));
                    const QString token = TokenGenerator::newToken();
                    const QString tokenHash = TokenGenerator::hashToken(token);
                    const qint64 expires = nowSecs() + qint64(m_config.sessionTtlHours) * 3600;
                    const AgentRecord agent = account->agent;
                    // Stored only if no administrator disabled the account or changed its password
                    // while the hash was being checked.
                    m_store.createLoginSession(
                        tokenHash, agent.id, account->sessionsEpoch, expires, this,
                        [this, token, tokenHash, agent, expires, guard, fail, origin,
                         done = std::move(done)](Result<bool> stored) {
                            if (!stored.ok())
                                return fail(done, LoginOutcome::StoreFailed,
                                            stored.error().message);
                            if (!stored.value())
                                return fail(done, LoginOutcome::WrongCredentials,
                                            QStringLiteral("the account changed during the login"));
                            // Logins are rare; dropping expired sessions here keeps the cache
                            // small.
                            const qint64 now = nowSecs();
                            m_sessions.removeIf([now](const auto &entry) {
                                return entry.value().expiresAt <= now;
                            });
                            m_sessions.insert(tokenHash, {agent, expires});
                            auditLogin(agent.username, true, origin);
                            LoginResult result;
                            result.outcome = LoginOutcome::Ok;
                            result.ok = true;
                            result.token = token;
                            result.agent = agent;
                            if (guard)
                                done(result);
                        });
                });
        });
}

void AuthService::forgetSessions(const QString &agentId)
{
    m_sessions.removeIf(
        [&agentId](const auto &entry) { return entry.value().agent.id == agentId; });
}

void AuthService::updateAgent(const AgentRecord &agent)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        if (it->agent.id == agent.id)
            it->agent = agent;
    }
}

void AuthService::agentForToken(const QString &token, QObject *context,
                                std::function<void(Result<std::optional<AgentRecord>>)> done)
{
    const QString tokenHash = TokenGenerator::hashToken(token);
    const auto cached = m_sessions.constFind(tokenHash);
    if (cached != m_sessions.constEnd()) {
        if (cached->expiresAt > nowSecs()) {
            done(std::optional<AgentRecord>(cached->agent));
            return;
        }
        m_sessions.remove(tokenHash);
        done(std::optional<AgentRecord>());
        return;
    }
    QPointer<QObject> guard(context);
    m_store.agentBySession(tokenHash, nowSecs(), this,
                           [guard, done = std::move(done)](Result<std::optional<AgentRecord>> r) {
                               if (guard)
                                   done(std::move(r));
                           });
}

void AuthService::agentForToken(const QString &token, QObject *context,
                                std::function<void(std::optional<AgentRecord>, QString)> done)
{
    agentForToken(token, context,
                  [done = std::move(done)](Result<std::optional<AgentRecord>> result) {
                      if (result.ok())
                          done(std::move(result).value(), {});
                      else
                          done(std::nullopt, result.error().message);
                  });
}

} // namespace medtranslate::relay
