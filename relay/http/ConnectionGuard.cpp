#include "http/ConnectionGuard.h"

#include "core/RelayMetrics.h"
#include "http/GuardedConnection.h"

#include <QTcpSocket>
#include <algorithm>

namespace medtranslate::relay {

namespace {

//! An IPv4 client seen through a dual-stack socket is the same client as over IPv4.
QString clientAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

} // namespace

ConnectionGuard::ConnectionGuard(ConnectionLimits limits, RelayMetrics &metrics, QObject *parent)
    : QObject(parent), m_limits(limits), m_metrics(metrics)
{
    m_clock.start();
    // Deadlines are seconds long; checking four times as often as the shortest is enough.
    const int shortest =
        std::min({m_limits.headerTimeoutMs, m_limits.bodyTimeoutMs, m_limits.idleTimeoutMs});
    m_sweep.setInterval(std::clamp(shortest / 4, 50, 1000));
    connect(&m_sweep, &QTimer::timeout, this, &ConnectionGuard::sweep);
    m_sweep.start();
}

ConnectionGuard::~ConnectionGuard()
{
    for (GuardedConnection *connection : std::as_const(m_all))
        connection->detach();
}

GuardedConnection *ConnectionGuard::admit(QTcpSocket *socket)
{
    const QString address = clientAddress(socket->peerAddress());
    auto *connection = new GuardedConnection(
        socket, *this, HttpRequestLimits{m_limits.maxHeaderBytes, m_limits.maxBodyBytes,
                                    m_limits.maxUploadBytes}, address);
    m_all.insert(connection);
    ++m_open;
    const int fromAddress = ++m_perAddress[address];
    if (m_limits.maxConnections > 0 && m_open > m_limits.maxConnections)
        connection->refuse(503, "rate_limited",
                           QStringLiteral("the relay has too many connections; try again soon"),
                           QStringLiteral("too_many_connections"));
    else if (m_limits.maxPerAddress > 0 && fromAddress > m_limits.maxPerAddress)
        connection->refuse(503, "rate_limited",
                           QStringLiteral("too many connections from this address"),
                           QStringLiteral("too_many_from_address"));
    return connection;
}

void ConnectionGuard::released(GuardedConnection *connection)
{
    if (!m_all.remove(connection))
        return;
    m_watched.remove(connection);
    --m_open;
    const auto it = m_perAddress.find(connection->address());
    if (it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
}

void ConnectionGuard::sweep()
{
    if (m_watched.isEmpty())
        return;
    const qint64 now = nowMs();
    // checkDeadline may unwatch or delete (later) the connection: walk a copy.
    const QList<GuardedConnection *> watched(m_watched.cbegin(), m_watched.cend());
    for (GuardedConnection *connection : watched) {
        if (m_watched.contains(connection))
            connection->checkDeadline(now);
    }
}

} // namespace medtranslate::relay
