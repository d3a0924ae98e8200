#pragma once

#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <optional>

namespace medtranslate::relay {

//! Turns off Nagle's algorithm (TCP_NODELAY) and turns on keep-alive probes on an accepted
//! socket. Acks and chat frames are small writes; with Nagle each one after the first waits
//! for the peer's delayed ACK, about 40 ms. Returns false when the socket refused an option.
bool setLowLatency(qintptr descriptor);

//! A QTcpServer whose accepted sockets have TCP_NODELAY set before anyone reads from them; hand
//! it to QAbstractHttpServer::bind(), which takes connections from any QTcpServer.
class NoDelayTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override;
};

//! The same for HTTPS/WSS: the TLS handshake runs on a socket that already has TCP_NODELAY.
class NoDelaySslServer final : public QSslServer
{
    Q_OBJECT

public:
    using QSslServer::QSslServer;

protected:
    void incomingConnection(qintptr descriptor) override;
};

//! Listens on `address`:`port`, with TLS when `tls` is given; nullptr when the address cannot
//! be bound. The server is a child of `parent`.
[[nodiscard]] QTcpServer *listenNoDelay(const QHostAddress &address, quint16 port,
                                        const std::optional<QSslConfiguration> &tls,
                                        QObject *parent);

} // namespace medtranslate::relay
