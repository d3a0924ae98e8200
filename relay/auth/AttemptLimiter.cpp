#include "auth/AttemptLimiter.h"

#include <algorithm>

namespace medtranslate::relay {

AttemptLimiter::AttemptLimiter(int maxAttempts, qint64 windowMs)
    : m_maxAttempts(std::max(1, maxAttempts)), m_windowMs(std::max<qint64>(1, windowMs))
{
    m_clock.start();
}

qint64 AttemptLimiter::retryAfterMs(const QString &key) const
{
    const auto it = m_attempts.constFind(key);
    if (it == m_attempts.cend())
        return 0;
    const qint64 now = m_clock.elapsed();
    const auto &times = *it;
    const auto live =
        std::count_if(times.begin(), times.end(), [&](qint64 t) { return now - t < m_windowMs; });
    if (live < m_maxAttempts)
        return 0;
    // The allowance comes back when the oldest attempt still in the window leaves it.
    return std::max<qint64>(1, times[times.size() - std::size_t(m_maxAttempts)] + m_windowMs - now);
}

void AttemptLimiter::record(const QString &key)
{
    if (m_attempts.size() > m_pruneAbove) {
        prune();
        // If most keys are still live (a flood from many addresses), wait for twice as many
        // before sweeping again, so pruning stays linear overall.
        m_pruneAbove = std::max<qsizetype>(kMinPruneAbove, m_attempts.size() * 2);
    }
    auto &times = m_attempts[key];
    times.push_back(m_clock.elapsed());
    while (times.size() > std::size_t(m_maxAttempts))
        times.pop_front();
}

void AttemptLimiter::release(const QString &key)
{
    const auto it = m_attempts.find(key);
    if (it == m_attempts.end())
        return;
    if (!it->empty())
        it->pop_back();
    if (it->empty())
        m_attempts.erase(it);
}

void AttemptLimiter::forget(const QString &key)
{
    m_attempts.remove(key);
}

void AttemptLimiter::prune()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_attempts.begin(); it != m_attempts.end();) {
        if (it->empty() || now - it->back() >= m_windowMs)
            it = m_attempts.erase(it);
        else
            ++it;
    }
}

} // namespace medtranslate::relay
