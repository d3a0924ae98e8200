#include "core/ClientSession.h"

#include "core/RelayMetrics.h"
#include "core/SessionHandler.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "medtranslate.session")

namespace medtranslate::relay {

using protocol::ErrorCode;

ClientSession::ClientSession(QWebSocket *socket, const RelayConfig &config, SessionHandler &handler,
                             RelayMetrics &metrics, QObject *parent)
    : QObject(parent), m_socket(socket), m_config(config), m_handler(handler), m_metrics(metrics),
      m_tokens(config.frameBurst)
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
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientSession::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ClientSession::onBinaryMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &ClientSession::onDisconnected);
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this, [this]() {
        qCInfo(lcSession) << peer() << "sent no hello in time";
        close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("hello expected"));
    });
    m_helloTimer.start(config.helloTimeoutMs);
    m_metrics.connectionOpened();
}

ClientSession::~ClientSession() = default;

QString ClientSession::peer() const
{
    return m_socket->peerAddress().toString() + QLatin1Char(':') +
           QString::number(m_socket->peerPort());
}

void ClientSession::authenticatePatient(const QString &roomId)
{
    m_authenticated = true;
    m_role = protocol::Role::Patient;
    m_roomId = roomId;
    m_helloTimer.stop();
}

void ClientSession::authenticateAgent(const AgentRecord &agent)
{
    m_authenticated = true;
    m_role = protocol::Role::Agent;
    m_agent = agent;
    m_helloTimer.stop();
}

void ClientSession::send(const protocol::ServerFrame &frame)
{
    sendEncoded(QString::fromStdString(protocol::encode(frame)));
}

void ClientSession::sendEncoded(const QString &frame)
{
    if (m_closed)
        return;
    m_socket->sendTextMessage(frame);
    m_metrics.frameOut();
}

void ClientSession::deliver(const QString &roomId, qint64 seq, const QString &frame)
{
    const auto it = m_replaying.find(roomId);
    if (it != m_replaying.end()) {
        it->push_back({seq, frame});
        return;
    }
    sendEncoded(frame);
}

void ClientSession::beginReplay(const QString &roomId)
{
    m_replaying[roomId];
}

void ClientSession::endReplay(const QString &roomId, qint64 replayedUpTo)
{
    const auto it = m_replaying.find(roomId);
    if (it == m_replaying.end())
        return;
    const std::vector<HeldFrame> held = std::move(*it);
    m_replaying.erase(it);
    for (const auto &frame : held) {
        if (frame.seq == 0 || frame.seq > replayedUpTo)
            sendEncoded(frame.frame);
    }
}

void ClientSession::sendError(ErrorCode code, const QString &message, const QString &ref)
{
    m_metrics.frameRejected(QString::fromUtf8(protocol::toString(code).data()));
    send(protocol::server::Error{code, message.toStdString(), ref.toStdString()});
}

void ClientSession::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closed)
        return;
    m_socket->close(code, reason);
}

bool ClientSession::takeToken()
{
    const double elapsedSeconds = double(m_lastRefill.restart()) / 1000.0;
    m_tokens = std::min(m_config.frameBurst, m_tokens + elapsedSeconds * m_config.framesPerSecond);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

void ClientSession::refuse(const protocol::FrameError &error)
{
    qCInfo(lcSession) << peer() << "refused frame:" << QString::fromStdString(error.message);
    sendError(error.code, QString::fromStdString(error.message), QString::fromStdString(error.ref));
    if (++m_badFrames > m_config.maxBadFrames)
        close(QWebSocketProtocol::CloseCodePolicyViolated,
              QStringLiteral("too many invalid frames"));
}

void ClientSession::keepAlive(int intervalMs)
{
    // Before hello the hello deadline applies.
    if (m_closed || !m_authenticated)
        return;
    if (m_lastHeard.elapsed() > 2 * qint64(intervalMs)) {
        qCInfo(lcSession) << peer() << "stopped answering pings; dropping it";
        m_metrics.connectionTimedOut();
        m_socket->abort();
        onDisconnected(); // in case abort() did not report it
        return;
    }
    m_socket->ping();
}

void ClientSession::onTextMessage(const QString &text)
{
    if (m_closed)
        return;
    m_lastHeard.restart();
    m_metrics.frameIn();
    const QByteArray utf8 = text.toUtf8();
    auto parsed = protocol::parseClientFrame(
        std::string_view(utf8.constData(), std::size_t(utf8.size())), m_limits);
    if (auto *error = std::get_if<protocol::FrameError>(&parsed)) {
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
    if (!m_authenticated && !isHello) {
        refuse({ErrorCode::Unauthorized, "send hello first", {}});
        return;
    }
    if (m_authenticated && isHello) {
        refuse({ErrorCode::BadRequest, "already said hello", {}});
        return;
    }
    m_handler.handleFrame(*this, std::move(frame));
}

void ClientSession::onBinaryMessage(const QByteArray &data)
{
    m_lastHeard.restart();
    m_metrics.frameIn();
    refuse(
        {ErrorCode::BadRequest, "binary frames are not part of the protocol; send JSON text", {}});
}

void ClientSession::onDisconnected()
{
    if (m_closed)
        return;
    m_closed = true;
    m_helloTimer.stop();
    m_metrics.connectionClosed();
    m_handler.sessionClosed(*this);
    deleteLater();
}

} // namespace medtranslate::relay
