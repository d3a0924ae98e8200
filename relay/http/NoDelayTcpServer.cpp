#include "http/NoDelayTcpServer.h"

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

void NoDelayTcpServer::incomingConnection(qintptr descriptor)
{
    setLowLatency(descriptor);
    QTcpServer::incomingConnection(descriptor);
}

void NoDelaySslServer::incomingConnection(qintptr descriptor)
{
    setLowLatency(descriptor);
    QSslServer::incomingConnection(descriptor);
}

QTcpServer *listenNoDelay(const QHostAddress &address, quint16 port,
                          const std::optional<QSslConfiguration> &tls, QObject *parent)
{
    QTcpServer *server = nullptr;
    if (tls) {
        auto *ssl = new NoDelaySslServer(parent);
        ssl->setSslConfiguration(*tls);
        server = ssl;
    } else {
        server = new NoDelayTcpServer(parent);
    }
    if (!server->listen(address, port)) {
        delete server;
        return nullptr;
    }
    return server;
}

} // namespace medtranslate::relay
