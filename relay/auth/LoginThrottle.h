#pragma once

#include "auth/AttemptLimiter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace medtranslate::relay {

//! Slows password guessing without letting a guesser lock a counselor out. Failures are counted
//! per username *and* address: after `maxFailures` in the window that pair is locked, for a
//! time that doubles with each lockout (up to a cap), while the same counselor logging in from
//! the hospital's own address is not affected. Each address also has an allowance over all
//! usernames (five times as many), so one address cannot try many accounts.
class LoginThrottle final
{
public:
    LoginThrottle(int maxFailures, qint64 windowMs);

    //! Milliseconds until `user` may try again from `address`; 0 when now.
    [[nodiscard]] qint64 retryAfterMs(const QString &user, const QString &address) const;
    //! Counts an attempt before its password is checked, so guesses sent all at once are
    //! limited too.
    void attempt(const QString &user, const QString &address);
    //! The attempt was a wrong password.
    void failed(const QString &user, const QString &address);
    //! The attempt succeeded: the pair starts afresh.
    void succeeded(const QString &user, const QString &address);
    //! The attempt could not be checked (the store failed): it was no guess.
    void notChecked(const QString &user, const QString &address);

    //! First lockout's length, and the longest one.
    [[nodiscard]] qint64 baseLockMs() const { return m_baseLockMs; }
    [[nodiscard]] qint64 maxLockMs() const { return m_maxLockMs; }

private:
    struct Lock
    {
        int lockouts = 0;
        qint64 untilMs = 0;
    };
    static QString pair(const QString &user, const QString &address)
    {
        return user + QLatin1Char('\n') + address;
    }
    void prune();

    AttemptLimiter m_pairs;     //!< attempts per username and address
    AttemptLimiter m_addresses; //!< attempts per address, any username
    qint64 m_baseLockMs;
    qint64 m_maxLockMs;
    qint64 m_forgetAfterMs;
    QElapsedTimer m_clock;
    QHash<QString, Lock> m_locks;
};

} // namespace medtranslate::relay
