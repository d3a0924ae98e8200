#include "SlowProvider.h"

#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <nlohmann/json.hpp>

namespace medtranslate::bench {

namespace {
constexpr qsizetype kMaxRequestBytes = 1 << 20;
const char *kBuffer = "buffer"; //!< socket property: bytes read, not yet a whole request
} // namespace

SlowProvider::SlowProvider(int delayMs, QObject *parent) : QObject(parent), m_delayMs(delayMs)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SlowProvider::onConnection);
}

bool SlowProvider::listen(quint16 port)
{
    m_server.setMaxPendingConnections(1024);
    return m_server.listen(QHostAddress::LocalHost, port);
}

void SlowProvider::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { serve(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void SlowProvider::serve(QTcpSocket *socket)
{
    QByteArray buffer = socket->property(kBuffer).toByteArray() + socket->readAll();
    while (true) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            break;
        const QByteArray body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        const QByteArray reply = answer(body);
        QTimer::singleShot(m_delayMs, this, [this, socket = QPointer<QTcpSocket>(socket), reply]() {
            if (!socket)
                return;
            ++m_answered;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(reply.size()) + "\r\n\r\n" + reply);
        });
    }
    if (buffer.size() > kMaxRequestBytes) {
        socket->abort();
        return;
    }
    socket->setProperty(kBuffer, buffer);
}

QByteArray SlowProvider::answer(const QByteArray &requestBody)
{
    const auto request = nlohmann::json::parse(requestBody.toStdString(), nullptr, false);
    std::string input;
    if (request.is_object() && request.contains("messages") && request["messages"].is_array() &&
        !request["messages"].empty() && request["messages"].back().value("content", "").size())
        input = request["messages"].back().value("content", "");
    const bool korean = QString::fromStdString(input).contains(
        QRegularExpression(QStringLiteral("[\\x{AC00}-\\x{D7A3}]")));
    const std::string text =
        korean ? "Since when have you had the headache?" : "어제부터 머리가 아파요";
    const nlohmann::json reply = {
        {"id", "chatcmpl-bench"},
        {"object", "chat.completion"},
        {"choices", nlohmann::json::array({{{"index", 0},
                                            {"message", {{"role", "assistant"}, {"content", text}}},
                                            {"finish_reason", "stop"}}})},
    };
    return QByteArray::fromStdString(reply.dump());
}

} // namespace medtranslate::bench
