#pragma once

#include "config/ConnectionLimits.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class QTcpSocket;

namespace medtranslate::relay {

class GuardedConnection;
class RelayMetrics;

//! Keeps slow, half-open and oversized HTTP traffic from tying up the relay: it counts
//! connections per address and in total, and closes a connection whose headers, body or idle
//! time go over their limits. One timer for all connections; a WebSocket leaves its care after
//! the upgrade (its own hello timeout and pings take over) but still counts toward the limits.
class ConnectionGuard final : public QObject
{
    Q_OBJECT

public:
    ConnectionGuard(ConnectionLimits limits, RelayMetrics &metrics, QObject *parent = nullptr);
    ~ConnectionGuard() override;

    //! Takes a freshly accepted socket under guard; over a connection limit it is answered 503
    //! and closed at once (it still counts until it is gone).
    GuardedConnection *admit(QTcpSocket *socket);

    [[nodiscard]] int openConnections() const { return m_open; }
    [[nodiscard]] const ConnectionLimits &limits() const { return m_limits; }
    [[nodiscard]] qint64 nowMs() const { return m_clock.elapsed(); }
    RelayMetrics &metrics() { return m_metrics; }

    // For GuardedConnection.
    void watch(GuardedConnection *connection) { m_watched.insert(connection); }
    void unwatch(GuardedConnection *connection) { m_watched.remove(connection); }
    void released(GuardedConnection *connection);

private:
    void sweep();

    ConnectionLimits m_limits;
    RelayMetrics &m_metrics;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    int m_open = 0;
    QHash<QString, int> m_perAddress;
    QSet<GuardedConnection *> m_watched; //!< connections with a running deadline
    QSet<GuardedConnection *> m_all;
};

} // namespace medtranslate::relay
