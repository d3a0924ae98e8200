#include "translation/InFlightLimiter.h"

#include <QTimer>
#include <algorithm>

namespace medtranslate::relay {

InFlightLimiter::InFlightLimiter(int limit, int minUsefulMs, QObject *parent)
    : QObject(parent), m_limit(std::max(1, limit)), m_minUsefulMs(std::max(0, minUsefulMs))
{
}

bool InFlightLimiter::tooLate(const QDeadlineTimer &deadline) const
{
    if (deadline.isForever())
        return false;
    return deadline.remainingTime() < m_minUsefulMs;
}

void InFlightLimiter::submit(QDeadlineTimer deadline, Start start, Expired expired)
{
    if (tooLate(deadline)) {
        expired();
        return;
    }
    if (m_inFlight < m_limit && m_waiting.empty()) {
        ++m_inFlight;
        start();
        return;
    }
    Waiting entry{m_nextId++, deadline, std::move(start), std::move(expired), nullptr};
    if (!deadline.isForever()) {
        entry.timer = new QTimer(this);
        entry.timer->setSingleShot(true);
        const quint64 id = entry.id;
        connect(entry.timer, &QTimer::timeout, this, [this, id]() { expire(id); });
        entry.timer->start(int(std::max<qint64>(0, deadline.remainingTime() - m_minUsefulMs)));
    }
    m_waiting.push_back(std::move(entry));
}

void InFlightLimiter::release()
{
    m_inFlight = std::max(0, m_inFlight - 1);
    startWaiting();
}

void InFlightLimiter::expire(quint64 id)
{
    const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
                                 [id](const Waiting &w) { return w.id == id; });
    if (it == m_waiting.end())
        return;
    Waiting entry = std::move(*it);
    m_waiting.erase(it);
    entry.timer->deleteLater();
    entry.expired();
}

void InFlightLimiter::startWaiting()
{
    while (m_inFlight < m_limit && !m_waiting.empty()) {
        Waiting entry = std::move(m_waiting.front());
        m_waiting.pop_front();
        if (entry.timer) {
            entry.timer->stop();
            entry.timer->deleteLater();
        }
        // Taken out of the list first: either callback may submit again.
        if (tooLate(entry.deadline)) {
            entry.expired();
            continue;
        }
        ++m_inFlight;
        entry.start();
    }
}

} // namespace medtranslate::relay
