#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace medtranslate::bench {

//! An OpenAI-compatible /v1/chat/completions on loopback that answers every request after a
//! fixed delay, as a slow translation provider would, so the relay's translation path can be
//! loaded without a real API. Korean input gets an English answer and anything else a Korean one.
class SlowProvider final : public QObject
{
    Q_OBJECT

public:
    SlowProvider(int delayMs, QObject *parent = nullptr);
    bool listen(quint16 port);
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] qint64 answered() const { return m_answered; }

private:
    void onConnection();
    //! Takes the complete requests out of the socket's buffer and answers each after the delay.
    void serve(QTcpSocket *socket);
    [[nodiscard]] static QByteArray answer(const QByteArray &requestBody);

    QTcpServer m_server;
    int m_delayMs;
    qint64 m_answered = 0;
};

} // namespace medtranslate::bench
