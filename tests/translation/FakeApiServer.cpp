#include "FakeApiServer.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

namespace medtranslate::test {

nlohmann::json FakeRequest::json() const
{
    return nlohmann::json::parse(body.toStdString(), nullptr, false);
}

FakeApiServer::FakeApiServer()
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeApiServer::accept);
    m_server.listen(QHostAddress::LocalHost, 0);
    m_port = m_server.serverPort();
}

void FakeApiServer::close()
{
    m_server.close();
    for (auto it = m_buffers.begin(); it != m_buffers.end(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        it.key()->deleteLater();
    }
    m_buffers.clear();
    m_unanswered.clear();
    m_open = 0;
}

bool FakeApiServer::listenAgain()
{
    return m_server.listen(QHostAddress::LocalHost, m_port);
}

FakeApiServer::~FakeApiServer()
{
    for (auto it = m_buffers.begin(); it != m_buffers.end(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
    }
}

QString FakeApiServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

void FakeApiServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
            m_buffers.remove(socket);
            m_open -= m_unanswered.take(socket);
            socket->deleteLater();
        });
    }
}

void FakeApiServer::readFrom(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    // Several requests may come on one kept-alive connection.
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        FakeRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.push_back(request);

        FakeReply reply;
        if (!m_queue.empty()) {
            reply = m_queue.front();
            m_queue.erase(m_queue.begin());
        } else if (m_handler) {
            reply = m_handler(request);
        }
        ++m_open;
        ++m_unanswered[socket];
        m_mostOpen = std::max(m_mostOpen, m_open);
        if (reply.hang)
            continue; // never answers; the client's timeout must act
        if (m_answerDelayMs > 0)
            QTimer::singleShot(m_answerDelayMs, socket,
                               [this, socket, reply]() { respond(socket, reply); });
        else
            respond(socket, reply);
    }
}

void FakeApiServer::respond(QTcpSocket *socket, const FakeReply &reply)
{
    if (!m_buffers.contains(socket))
        return; // the client hung up; its requests are no longer open
    --m_open;
    --m_unanswered[socket];
    QByteArray response = "HTTP/1.1 " + QByteArray::number(reply.status) + " Fake\r\n";
    response += "Content-Type: application/json\r\n";
    response += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        response += name + ": " + value + "\r\n";
    response += "\r\n" + reply.body;
    socket->write(response);
}

bool FakeApiServer::waitForRequests(int count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (requestCount() < count && !deadline.hasExpired()) {
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return requestCount() >= count;
}

QByteArray FakeApiServer::allBodies() const
{
    QByteArray all;
    for (const FakeRequest &r : m_requests)
        all += r.body + '\n';
    return all;
}

} // namespace medtranslate::test
