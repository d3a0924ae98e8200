#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <deque>

namespace medtranslate::relay {

//! Counts attempts per key (a username, a client address) in a sliding window and says when a
//! key has used up its allowance. Guards password guessing and room flooding; memory stays
//! bounded because each key keeps at most `maxAttempts` times and idle keys are pruned.
class AttemptLimiter final
{
public:
    AttemptLimiter(int maxAttempts, qint64 windowMs);

    //! Milliseconds until `key` may try again; 0 when it may try now.
    [[nodiscard]] qint64 retryAfterMs(const QString &key) const;
    void record(const QString &key);
    //! Takes back the newest attempt of `key` (one that turned out fine).
    void release(const QString &key);
    void forget(const QString &key);
    [[nodiscard]] int trackedKeys() const { return int(m_attempts.size()); }

private:
    void prune();

    static constexpr qsizetype kMinPruneAbove = 10000;

    int m_maxAttempts;
    qint64 m_windowMs;
    QElapsedTimer m_clock;
    qsizetype m_pruneAbove = kMinPruneAbove;       // sweep expired keys past this many
    QHash<QString, std::deque<qint64>> m_attempts; // key → attempt times, oldest first
};

} // namespace medtranslate::relay
