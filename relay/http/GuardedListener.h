#pragma once

#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>
#include <optional>

namespace medtranslate::relay {

class ConnectionGuard;

//! Turns off Nagle's algorithm (TCP_NODELAY) and turns on keep-alive probes on an accepted
//! socket. Acks and chat frames are small writes; with Nagle each one after the first waits
//! for the peer's delayed ACK, about 40 ms. Returns false when the socket refused an option.
bool setLowLatency(qintptr descriptor);

//! The relay's listener, handed to QAbstractHttpServer::bind(). Each accepted socket gets
//! TCP_NODELAY before anyone reads from it (Qt HttpServer 6.4 sets none) and is put under the
//! ConnectionGuard before Qt HttpServer sees it, so the guard's look at each arrival comes
//! first. With TLS it runs the handshake itself (as QSslServer would) and hands the socket on
//! once encrypted; the guard's header deadline covers a handshake that never ends.
class GuardedListener final : public QTcpServer
{
    Q_OBJECT

public:
    GuardedListener(ConnectionGuard *guard, std::optional<QSslConfiguration> tls,
                    QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionGuard *m_guard; //!< nullptr: no guard (tests of the socket options alone)
    std::optional<QSslConfiguration> m_tls;
};

//! Listens on `address`:`port`, with TLS when `tls` is given; nullptr when the address cannot
//! be bound. The listener is a child of `parent`.
[[nodiscard]] GuardedListener *listenGuarded(const QHostAddress &address, quint16 port,
                                             const std::optional<QSslConfiguration> &tls,
                                             ConnectionGuard *guard, QObject *parent);

} // namespace medtranslate::relay
