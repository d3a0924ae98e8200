#include "FreezableProxy.h"

#include <QTcpSocket>

namespace medtranslate::test {

FreezableProxy::FreezableProxy(quint16 targetPort) : m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FreezableProxy::accept);
    m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FreezableProxy::front(const QUrl &target) const
{
    QUrl url = target;
    url.setPort(m_server.serverPort());
    return url;
}

void FreezableProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *upstream = new QTcpSocket(client);
        connect(client, &QTcpSocket::readyRead, this,
                [this, client, upstream]() { forward(client, upstream); });
        connect(upstream, &QTcpSocket::readyRead, this,
                [this, client, upstream]() { forward(upstream, client); });
        connect(upstream, &QTcpSocket::connected, this,
                [this, client, upstream]() { forward(client, upstream); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void FreezableProxy::forward(QTcpSocket *from, QTcpSocket *to)
{
    // Frozen: bytes stay unread in the kernel buffers, like packets lost on the way.
    if (m_frozen || to->state() != QAbstractSocket::ConnectedState)
        return;
    to->write(from->readAll());
}

} // namespace medtranslate::test
