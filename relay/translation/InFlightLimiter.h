#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <functional>
#include <list>

class QTimer;

namespace medtranslate::relay {

//! Lets at most `limit` calls be out at once and keeps the others waiting in arrival order.
//! A waiting call whose deadline comes too close is taken out of the queue with `expired`: it
//! never reached the service, so it says nothing about the service's health.
class InFlightLimiter final : public QObject
{
    Q_OBJECT

public:
    using Start = std::function<void()>;
    using Expired = std::function<void()>;

    //! `minUsefulMs`: a call with less time than this left before its deadline is not started.
    InFlightLimiter(int limit, int minUsefulMs, QObject *parent = nullptr);

    //! Runs `start` now when a slot is free, else once one frees up; runs `expired` instead if
    //! the deadline comes first. Exactly one of the two runs; each `start` owes a release().
    void submit(QDeadlineTimer deadline, Start start, Expired expired);
    //! A started call has finished: the next waiting call may go.
    void release();

    [[nodiscard]] int limit() const { return m_limit; }
    [[nodiscard]] int inFlight() const { return m_inFlight; }
    [[nodiscard]] int waiting() const { return int(m_waiting.size()); }

private:
    struct Waiting
    {
        quint64 id = 0;
        QDeadlineTimer deadline;
        Start start;
        Expired expired;
        QTimer *timer = nullptr; //!< fires when the call would be too late to start
    };

    [[nodiscard]] bool tooLate(const QDeadlineTimer &deadline) const;
    void expire(quint64 id);
    void startWaiting();

    int m_limit;
    int m_minUsefulMs;
    int m_inFlight = 0;
    quint64 m_nextId = 1;
    std::list<Waiting> m_waiting;
};

} // namespace medtranslate::relay
