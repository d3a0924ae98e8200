#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>

namespace medtranslate::relay {

//! Pending work that must settle by a deadline: one timer for all of it, however many entries,
//! so a thousand translations in flight cost no thousand timer objects. Every entry has the
//! same lifetime, so the queue is in deadline order and only its front needs watching.
class DeadlineQueue final : public QObject
{
    Q_OBJECT

public:
    using Id = quint64;
    //! Called for an entry whose time ran out, or that was pushed out by `maxEntries`.
    using Expired = std::function<void(bool overflow)>;

    explicit DeadlineQueue(QObject *parent = nullptr);

    void setLifetimeMs(int ms) { m_lifetimeMs = ms; }
    [[nodiscard]] int lifetimeMs() const { return m_lifetimeMs; }
    //! At most this many entries wait at once; a new one past it expires the oldest (0: no cap).
    void setMaxEntries(int max) { m_maxEntries = max; }

    //! Adds an entry; `expired` runs once if it is neither settled in time nor evicted.
    Id add(Expired expired);
    //! Settles an entry; false when it had already expired (its answer came too late).
    bool settle(Id id);
    [[nodiscard]] int size() const { return int(m_entries.size()); }
    [[nodiscard]] quint64 expiredCount() const { return m_expired; }
    [[nodiscard]] quint64 overflowCount() const { return m_overflowed; }

private:
    void expireDue();
    void arm();
    void expire(Id id, bool overflow);

    struct Slot
    {
        QDeadlineTimer due;
        Id id;
    };

    int m_lifetimeMs = 15000;
    int m_maxEntries = 0;
    Id m_next = 1;
    std::deque<Slot> m_order; //!< may hold settled ids; skipped when reached
    QHash<Id, Expired> m_entries;
    QTimer m_timer;
    quint64 m_expired = 0;
    quint64 m_overflowed = 0;
};

} // namespace medtranslate::relay
