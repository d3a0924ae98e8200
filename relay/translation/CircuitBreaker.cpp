#include "translation/CircuitBreaker.h"

#include <algorithm>

namespace medtranslate::relay {

CircuitBreaker::CircuitBreaker(int threshold, int cooldownMs)
    : m_threshold(std::max(1, threshold)), m_cooldownMs(std::max(0, cooldownMs))
{
}

CircuitBreaker::State CircuitBreaker::state() const
{
    if (!m_open)
        return State::Closed;
    return m_openedAt.elapsed() >= m_cooldownMs ? State::HalfOpen : State::Open;
}

bool CircuitBreaker::allow()
{
    switch (state()) {
    case State::Closed:
        return true;
    case State::Open:
        return false;
    case State::HalfOpen:
        if (m_trialOut)
            return false;
        m_trialOut = true;
        return true;
    }
    return false;
}

void CircuitBreaker::recordSuccess()
{
    m_failures = 0;
    m_open = false;
    m_trialOut = false;
}

void CircuitBreaker::recordFailure()
{
    ++m_failures;
    if (m_trialOut || m_failures >= m_threshold) {
        m_open = true;
        m_trialOut = false;
        m_openedAt.start();
    }
}

} // namespace medtranslate::relay
