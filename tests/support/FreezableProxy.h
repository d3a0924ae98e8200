#pragma once

#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <vector>

class QTcpSocket;

namespace medtranslate::test {

//! A loopback TCP proxy in front of the relay. It forwards both ways until frozen; frozen, it
//! keeps every connection open and passes nothing on, as a network that silently lost a phone
//! (no FIN, no RST): only the relay's keepalive can tell.
class FreezableProxy final : public QObject
{
    Q_OBJECT

public:
    explicit FreezableProxy(quint16 targetPort);

    //! The proxy's address with the path and scheme of `target`.
    [[nodiscard]] QUrl front(const QUrl &target) const;
    void freeze() { m_frozen = true; }

private:
    void accept();
    void forward(QTcpSocket *from, QTcpSocket *to);

    QTcpServer m_server;
    quint16 m_targetPort;
    bool m_frozen = false;
};

} // namespace medtranslate::test
