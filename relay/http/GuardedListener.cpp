#include "http/GuardedListener.h"

#include "http/ConnectionGuard.h"
#include "http/GuardedConnection.h"

#include <QSslSocket>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace medtranslate::relay {

bool setLowLatency(qintptr descriptor)
{
    const int on = 1;
    const int fd = int(descriptor);
    const bool noDelay = ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) == 0;
    const bool keepAlive = ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on) == 0;
    return noDelay && keepAlive;
}

GuardedListener::GuardedListener(ConnectionGuard *guard, std::optional<QSslConfiguration> tls,
                                 QObject *parent)
    : QTcpServer(parent), m_guard(guard), m_tls(std::move(tls))
{
}

void GuardedListener::incomingConnection(qintptr descriptor)
{
    setLowLatency(descriptor);
    if (!m_tls) {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        GuardedConnection *guarded = m_guard ? m_guard->admit(socket) : nullptr;
        addPendingConnection(socket); // Qt HttpServer connects its reader here
        if (guarded)
            guarded->handedOver();
        return;
    }
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(*m_tls);
    GuardedConnection *guarded = m_guard ? m_guard->admit(socket) : nullptr;
    // Until the handshake is done nobody else knows the socket: it is ours to delete.
    auto dropped = connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QSslSocket::encrypted, this, [this, socket, guarded, dropped] {
        disconnect(dropped);
        addPendingConnection(socket);
        if (guarded)
            guarded->handedOver();
    });
    connect(socket, &QAbstractSocket::errorOccurred, socket, [socket] {
        if (!socket->isEncrypted())
            socket->disconnectFromHost();
    });
    socket->startServerEncryption();
}

GuardedListener *listenGuarded(const QHostAddress &address, quint16 port,
                               const std::optional<QSslConfiguration> &tls, ConnectionGuard *guard,
                               QObject *parent)
{
    auto *server = new GuardedListener(guard, tls, parent);
    // Connections opened in a burst wait in the kernel until the event loop takes them.
    server->setListenBacklogSize(4096);
    if (!server->listen(address, port)) {
        delete server;
        return nullptr;
    }
    return server;
}

} // namespace medtranslate::relay
