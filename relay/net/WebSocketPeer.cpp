#include "net/WebSocketPeer.h"

#include "core/PeerHandler.h"
#include "core/RelayMetrics.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "medtranslate.session")

namespace medtranslate::relay {

using protocol::ErrorCode;

WebSocketPeer::WebSocketPeer(QWebSocket *socket, const RelayConfig &config, PeerHandler &handler,
                             RelayMetrics &metrics, QObject *parent)
    : Peer(&metrics, parent), m_socket(socket), m_config(config), m_handler(handler),
      m_metrics(metrics), m_tokens(config.frameBurst)
{
    m_socket->setParent(this);
    m_limits.maxFrameBytes = std::size_t(config.maxFrameBytes);
    m_limits.maxTextChars = std::size_t(config.maxTextChars);
    // Frames a little over the limit get a too_large error; far larger ones close the socket.
    m_socket->setMaxAllowedIncomingFrameSize(quint64(config.maxFrameBytes) * 4);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(config.maxFrameBytes) * 4);
    m_lastRefill.start();
    m_lastHeard.start();
    connect(m_socket, &QWebSocket::pong, this, [this]() { m_lastHeard.restart(); });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebSocketPeer::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &WebSocketPeer::onBinaryMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketPeer::onDisconnected);
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this, [this]() {
        qCInfo(lcSession) << address() << "sent no hello in time";
        closeForPolicy(QStringLiteral("hello expected"));
    });
    m_helloTimer.start(config.helloTimeoutMs);
    m_metrics.connectionOpened();
}

WebSocketPeer::~WebSocketPeer() = default;

QString WebSocketPeer::address() const
{
    return host() + QLatin1Char(':') + QString::number(m_socket->peerPort());
}

QString WebSocketPeer::host() const
{
    return m_socket->peerAddress().toString();
}

void WebSocketPeer::transmit(const QString &frame)
{
    m_socket->sendTextMessage(frame);
}

void WebSocketPeer::closeForPolicy(const QString &reason)
{
    if (isClosed())
        return;
    m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
}

bool WebSocketPeer::takeToken()
{
    const double elapsedSeconds = double(m_lastRefill.restart()) / 1000.0;
    m_tokens = std::min(m_config.frameBurst, m_tokens + elapsedSeconds * m_config.framesPerSecond);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

void WebSocketPeer::refuse(const protocol::FrameError &error)
{
    qCInfo(lcSession) << address() << "refused frame:" << QString::fromStdString(error.message);
    sendError(error.code, QString::fromStdString(error.message), QString::fromStdString(error.ref));
    if (++m_badFrames > m_config.maxBadFrames)
        closeForPolicy(QStringLiteral("too many invalid frames"));
}

void WebSocketPeer::keepAlive(int intervalMs)
{
    // Before hello the hello deadline applies.
    if (isClosed() || !isAuthenticated())
        return;
    if (m_lastHeard.elapsed() > 2 * qint64(intervalMs)) {
        qCInfo(lcSession) << address() << "stopped answering pings; dropping it";
        m_metrics.connectionTimedOut();
        m_socket->abort();
        onDisconnected(); // in case abort() did not report it
        return;
    }
    m_socket->ping();
}

void WebSocketPeer::onTextMessage(const QString &text)
{
    if (isClosed())
        return;
    m_lastHeard.restart();
    m_metrics.frameIn();
    const QByteArray utf8 = text.toUtf8();
    auto parsed = protocol::parseClientFrame(
        std::string_view(utf8.constData(), std::size_t(utf8.size())), m_limits);
    if (auto *error = std::get_if<protocol::FrameError>(&parsed)) {
        if (!isAuthenticated() && error->code == ErrorCode::Unauthorized) {
            // A hello whose token cannot be one (empty, too long) is refused like an unknown
            // token: at once, not at the hello deadline.
            sendError(error->code, QString::fromStdString(error->message));
            closeForPolicy(QStringLiteral("unauthorized"));
            return;
        }
        refuse(*error);
        return;
    }
    auto &frame = std::get<protocol::ClientFrame>(parsed);
    if (!takeToken()) {
        // Dropped, but the client learns which frame, so it can send it again later.
        sendError(ErrorCode::RateLimited, QStringLiteral("too many frames; slow down and retry"),
                  QString::fromStdString(protocol::referenceOf(frame)));
        return;
    }
    const bool isHello = std::holds_alternative<protocol::client::Hello>(frame);
    if (!isAuthenticated() && !isHello) {
        refuse({ErrorCode::Unauthorized, "send hello first", {}});
        return;
    }
    if (isAuthenticated() && isHello) {
        refuse({ErrorCode::BadRequest, "already said hello", {}});
        return;
    }
    m_handler.handleFrame(*this, std::move(frame));
}

void WebSocketPeer::onBinaryMessage(const QByteArray &data)
{
    m_lastHeard.restart();
    m_metrics.frameIn();
    refuse(
        {ErrorCode::BadRequest, "binary frames are not part of the protocol; send JSON text", {}});
}

void WebSocketPeer::onDisconnected()
{
    if (isClosed())
        return;
    markClosed();
    m_helloTimer.stop();
    m_metrics.connectionClosed();
    m_handler.peerClosed(*this);
    deleteLater();
}

} // namespace medtranslate::relay
