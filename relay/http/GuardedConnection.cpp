#include "http/GuardedConnection.h"

#include "core/RelayMetrics.h"
#include "http/ConnectionGuard.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <nlohmann/json.hpp>
#include <sys/socket.h>

namespace medtranslate::relay {

namespace {

constexpr qint64 kCloseGraceMs = 2000; //!< for an answer to leave before the socket is cut
constexpr qint64 kBodyProgressBytes = 64 * 1024;

const char *reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

} // namespace

GuardedConnection::GuardedConnection(QTcpSocket *socket, ConnectionGuard &guard,
                                     HttpRequestLimits limits, QString address)
    : QObject(socket), m_socket(socket), m_guard(&guard), m_scanner(limits),
      m_address(std::move(address))
{
    connect(m_socket, &QIODevice::readyRead, this, &GuardedConnection::beforeQtReads);
    m_deadlineMs = guard.nowMs() + guard.limits().headerTimeoutMs;
    guard.watch(this);
}

GuardedConnection::~GuardedConnection()
{
    if (m_guard)
        m_guard->released(this);
}

void GuardedConnection::handedOver()
{
    connect(m_socket, &QIODevice::readyRead, this, &GuardedConnection::afterQtRead);
    // A TLS client may have sent its request along with the end of the handshake.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(m_socket, &QIODevice::readyRead, Qt::QueuedConnection);
}

void GuardedConnection::beforeQtReads()
{
    if (m_closing) {
        // Refused: Qt must find nothing to parse.
        m_socket->skip(m_socket->bytesAvailable());
        m_scanned = 0;
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_scanned)
        return;
    const QByteArray pending = m_socket->peek(available);
    m_scanner.feed(QByteArrayView(pending).sliced(m_scanned));
    if (m_scanner.phase() == HttpRequestScanner::Phase::Body && m_guard) {
        // A body that keeps arriving keeps its connection: each 64 KiB buys another timeout.
        m_bodyProgress += available - m_scanned;
        if (m_bodyProgress >= kBodyProgressBytes) {
            m_bodyProgress = 0;
            m_deadlineMs = m_guard->nowMs() + m_guard->limits().bodyTimeoutMs;
        }
    }
    m_scanned = available;
    if (m_scanner.changes() != m_seenChanges) {
        m_seenChanges = m_scanner.changes();
        phaseChanged();
    }
}

void GuardedConnection::afterQtRead()
{
    m_scanned = m_socket->bytesAvailable();
}

void GuardedConnection::phaseChanged()
{
    using Phase = HttpRequestScanner::Phase;
    if (!m_guard)
        return;
    const ConnectionLimits &limits = m_guard->limits();
    const qint64 now = m_guard->nowMs();
    switch (m_scanner.phase()) {
    case Phase::Idle:
        m_deadlineMs = now + limits.idleTimeoutMs;
        break;
    case Phase::Headers:
        // A new connection keeps the deadline it was given when it was accepted; a request
        // after another (kept alive, or pipelined in the same arrival) gets its own.
        if (m_scanner.requests() > 0)
            m_deadlineMs = now + limits.headerTimeoutMs;
        break;
    case Phase::Body:
        m_deadlineMs = now + limits.bodyTimeoutMs;
        m_bodyProgress = 0;
        break;
    case Phase::Upgraded:
        // A WebSocket now: its hello timeout and pings take over.
        m_deadlineMs = 0;
        m_guard->unwatch(this);
        disconnect(m_socket, nullptr, this, nullptr);
        break;
    case Phase::Refused: {
        const auto &refusal = *m_scanner.refusal();
        refuse(refusal.status, refusal.code, refusal.message,
               refusal.status == 413   ? QStringLiteral("too_large")
               : refusal.status == 431 ? QStringLiteral("headers_too_large")
               : refusal.status == 411 ? QStringLiteral("length_required")
                                       : QStringLiteral("bad_request"));
        break;
    }
    }
}

void GuardedConnection::refuse(int status, const char *code, const QString &message,
                               const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    if (m_guard) {
        m_guard->metrics().httpRefused(reason);
        m_deadlineMs = m_guard->nowMs() + kCloseGraceMs;
    }
    auto *secure = qobject_cast<QSslSocket *>(m_socket);
    if (secure && !secure->isEncrypted()) {
        // Still in the handshake: there is nobody to answer.
        m_socket->abort();
        m_socket->deleteLater();
        return;
    }
    const std::string body =
        nlohmann::json{{"error", {{"code", code}, {"message", message.toStdString()}}}}.dump();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                      "\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(qsizetype(body.size())) +
                      "\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n";
    if (status == 503)
        head += "Retry-After: 5\r\n";
    m_socket->write(head + "\r\n" + QByteArray::fromStdString(body));
    m_socket->skip(m_socket->bytesAvailable());
    m_scanned = 0;
    if (secure) {
        m_socket->disconnectFromHost();
        return;
    }
    // A lingering close: once the answer is out, stop sending but keep throwing away what the
    // client still sends (a body we refused) until it closes or the grace ends. Closing at once
    // would reset the connection and the client could lose the answer.
    auto halfClose = [this] {
        if (m_socket->bytesToWrite() == 0 && m_socket->state() == QAbstractSocket::ConnectedState)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    };
    connect(m_socket, &QIODevice::bytesWritten, this, halfClose);
    m_socket->flush();
    halfClose();
}

bool GuardedConnection::checkDeadline(qint64 nowMs)
{
    using Phase = HttpRequestScanner::Phase;
    if (m_deadlineMs == 0 || nowMs < m_deadlineMs)
        return false;
    if (m_closing) {
        // The peer does not take our answer: cut it off.
        m_deadlineMs = 0;
        if (m_guard)
            m_guard->unwatch(this);
        m_socket->abort();
        m_socket->deleteLater();
        return true;
    }
    switch (m_scanner.phase()) {
    case Phase::Idle:
        if (m_guard)
            m_guard->metrics().httpRefused(m_scanner.requests() > 0
                                               ? QStringLiteral("idle_timeout")
                                               : QStringLiteral("header_timeout"));
        m_closing = true;
        m_deadlineMs = nowMs + kCloseGraceMs;
        m_socket->disconnectFromHost();
        return true;
    case Phase::Headers:
        refuse(408, "bad_request", QStringLiteral("the request headers took too long to arrive"),
               QStringLiteral("header_timeout"));
        return true;
    case Phase::Body:
        refuse(408, "bad_request", QStringLiteral("the request body took too long to arrive"),
               QStringLiteral("body_timeout"));
        return true;
    case Phase::Upgraded:
    case Phase::Refused:
        break;
    }
    return false;
}

void GuardedConnection::detach()
{
    m_guard = nullptr;
}

} // namespace medtranslate::relay
