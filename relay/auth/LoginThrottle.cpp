#include "auth/LoginThrottle.h"

#include <algorithm>

namespace medtranslate::relay {

namespace {
constexpr qint64 kBaseLockCapMs = 60 * 1000; //!< the first lockout lasts at most a minute
constexpr int kMaxDoublings = 6;
constexpr qsizetype kPruneAbove = 10000;
} // namespace

LoginThrottle::LoginThrottle(int maxFailures, qint64 windowMs)
    : m_pairs(maxFailures, windowMs), m_addresses(maxFailures * 5, windowMs),
      m_baseLockMs(std::clamp<qint64>(windowMs, 1, kBaseLockCapMs)),
      m_maxLockMs(m_baseLockMs << kMaxDoublings),
      // A pair that behaved for this long gets its lockout history back to zero.
      m_forgetAfterMs(std::max(windowMs, m_maxLockMs) * 2)
{
    m_clock.start();
}

qint64 LoginThrottle::retryAfterMs(const QString &user, const QString &address) const
{
    qint64 wait =
        std::max(m_pairs.retryAfterMs(pair(user, address)), m_addresses.retryAfterMs(address));
    if (const auto it = m_locks.constFind(pair(user, address)); it != m_locks.cend())
        wait = std::max(wait, it->untilMs - m_clock.elapsed());
    return std::max<qint64>(0, wait);
}

void LoginThrottle::attempt(const QString &user, const QString &address)
{
    m_pairs.record(pair(user, address));
    m_addresses.record(address);
}

void LoginThrottle::failed(const QString &user, const QString &address)
{
    const QString key = pair(user, address);
    if (m_pairs.retryAfterMs(key) == 0)
        return; // allowance left
    // The allowance is used up: lock the pair, each time for twice as long as the last.
    if (m_locks.size() > kPruneAbove)
        prune();
    Lock &lock = m_locks[key];
    const qint64 now = m_clock.elapsed();
    if (lock.untilMs > 0 && now - lock.untilMs > m_forgetAfterMs)
        lock.lockouts = 0;
    lock.lockouts = std::min(lock.lockouts + 1, kMaxDoublings + 1);
    lock.untilMs = now + std::min(m_maxLockMs, m_baseLockMs << (lock.lockouts - 1));
    m_pairs.forget(key);
}

void LoginThrottle::succeeded(const QString &user, const QString &address)
{
    m_pairs.forget(pair(user, address));
    m_locks.remove(pair(user, address));
    m_addresses.release(address);
}

void LoginThrottle::notChecked(const QString &user, const QString &address)
{
    m_pairs.release(pair(user, address));
    m_addresses.release(address);
}

void LoginThrottle::prune()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_locks.begin(); it != m_locks.end();) {
        if (now - it->untilMs > m_forgetAfterMs)
            it = m_locks.erase(it);
        else
            ++it;
    }
}

} // namespace medtranslate::relay
