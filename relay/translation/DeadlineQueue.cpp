#include "translation/DeadlineQueue.h"

namespace medtranslate::relay {

DeadlineQueue::DeadlineQueue(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DeadlineQueue::expireDue);
}

DeadlineQueue::Id DeadlineQueue::add(Expired expired)
{
    const Id id = m_next++;
    m_entries.insert(id, std::move(expired));
    m_order.push_back({QDeadlineTimer(m_lifetimeMs), id});
    if (m_maxEntries > 0) {
        while (m_entries.size() > m_maxEntries && !m_order.empty()) {
            const Id oldest = m_order.front().id;
            m_order.pop_front();
            if (oldest != id)
                expire(oldest, true);
        }
    }
    if (!m_timer.isActive())
        arm();
    return id;
}

bool DeadlineQueue::settle(Id id)
{
    // The slot stays in m_order and is skipped later: erasing from the middle would cost O(n).
    // Answers mostly come in order, so dropping settled slots at the front keeps it short.
    const bool settled = m_entries.remove(id) > 0;
    while (!m_order.empty() && !m_entries.contains(m_order.front().id))
        m_order.pop_front();
    return settled;
}

void DeadlineQueue::expire(Id id, bool overflow)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    Expired expired = std::move(it.value());
    m_entries.erase(it);
    ++(overflow ? m_overflowed : m_expired);
    expired(overflow);
}

void DeadlineQueue::expireDue()
{
    while (!m_order.empty()) {
        const Slot front = m_order.front();
        if (!m_entries.contains(front.id)) {
            m_order.pop_front();
            continue;
        }
        if (!front.due.hasExpired())
            break;
        m_order.pop_front();
        expire(front.id, false);
    }
    arm();
}

void DeadlineQueue::arm()
{
    while (!m_order.empty() && !m_entries.contains(m_order.front().id))
        m_order.pop_front();
    if (m_order.empty()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::max<qint64>(0, m_order.front().due.remainingTime())));
}

} // namespace medtranslate::relay
