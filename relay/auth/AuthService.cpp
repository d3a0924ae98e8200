#include "auth/AuthService.h"

#include "auth/PasswordHasher.h"
#include "auth/TokenGenerator.h"
#include "storage/Store.h"

#include <QDateTime>
#include <QFuture>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace medtranslate::relay {

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

void AuthService::login(const QString &username, const QString &password, QObject *context,
                        std::function<void(LoginResult)> done)
{
    using Found = std::optional<std::pair<AgentRecord, QString>>;
    QPointer<QObject> guard(context);
    m_store.submit<Found>(
        this, [username](StoreWorker &w) { return w.agentByUsername(username); },
        [this, password, guard, done = std::move(done)](StoreResult<Found> found) mutable {
            if (!found.ok()) {
                LoginResult failed;
                failed.error = found.error;
                if (guard)
                    done(failed);
                return;
            }
            const Found account = *found.value;
            // Unknown users are checked against a dummy hash, made on the worker thread too:
            // both answers cost the same, and the event loop never runs PBKDF2.
            const QString hash = account ? account->second : QString();
            QtConcurrent::run([password, hash]() {
                return PasswordHasher::verify(password, hash.isEmpty() ? dummyHash() : hash);
            }).then(this, [this, account, guard, done = std::move(done)](bool matches) mutable {
                if (!matches || !account) {
                    LoginResult failed;
                    failed.error = QStringLiteral("wrong username or password");
                    if (guard)
                        done(failed);
                    return;
                }
                const QString token = TokenGenerator::newToken();
                const QString tokenHash = TokenGenerator::hashToken(token);
                const qint64 expires = nowSecs() + qint64(m_config.sessionTtlHours) * 3600;
                const AgentRecord agent = account->first;
                m_store.submit<bool>(
                    this,
                    [tokenHash, agent, expires](StoreWorker &w) {
                        w.createSession(tokenHash, agent.id, expires);
                        return true;
                    },
                    [this, token, tokenHash, agent, expires, guard,
                     done = std::move(done)](StoreResult<bool> stored) {
                        LoginResult result;
                        if (stored.ok()) {
                            // Logins are rare; dropping expired sessions here keeps the cache
                            // small.
                            const qint64 now = nowSecs();
                            m_sessions.removeIf([now](const auto &entry) {
                                return entry.value().expiresAt <= now;
                            });
                            m_sessions.insert(tokenHash, {agent, expires});
                            result.ok = true;
                            result.token = token;
                            result.agent = agent;
                        } else {
                            result.error = stored.error;
                        }
                        if (guard)
                            done(result);
                    });
            });
        });
}

void AuthService::agentForToken(const QString &token, QObject *context,
                                std::function<void(std::optional<AgentRecord>, QString)> done)
{
    const QString tokenHash = TokenGenerator::hashToken(token);
    const auto cached = m_sessions.constFind(tokenHash);
    if (cached != m_sessions.constEnd()) {
        if (cached->expiresAt > nowSecs()) {
            done(cached->agent, {});
            return;
        }
        m_sessions.remove(tokenHash);
        done(std::nullopt, {});
        return;
    }
    QPointer<QObject> guard(context);
    m_store.submit<std::optional<AgentRecord>>(
        this, [tokenHash](StoreWorker &w) { return w.agentBySession(tokenHash, nowSecs()); },
        [guard, done = std::move(done)](StoreResult<std::optional<AgentRecord>> result) {
            if (!guard)
                return;
            if (!result.ok())
                done(std::nullopt, result.error);
            else
                done(*result.value, {});
        });
}

} // namespace medtranslate::relay
