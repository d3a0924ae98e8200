#pragma once

#include <QElapsedTimer>

namespace medtranslate::relay {

//! Stops calling a provider that keeps failing: after `threshold` failures in a row it is
//! skipped for `cooldownMs`, then one trial call decides whether it is back.
class CircuitBreaker final
{
public:
    enum class State { Closed, Open, HalfOpen };

    CircuitBreaker(int threshold, int cooldownMs);

    //! Whether a call may go out now; claims the single trial call when half open.
    [[nodiscard]] bool allow();
    void recordSuccess();
    void recordFailure();
    //! A call allow() let through never went out: frees the trial call, counts nothing.
    void recordNotSent() { m_trialOut = false; }
    [[nodiscard]] State state() const;
    [[nodiscard]] int consecutiveFailures() const { return m_failures; }

private:
    int m_threshold;
    int m_cooldownMs;
    int m_failures = 0;
    bool m_open = false;
    bool m_trialOut = false;
    QElapsedTimer m_openedAt;
};

} // namespace medtranslate::relay
