#include "client/RelayClient.h"

#include "client/AttachmentTransfer.h"
#include "medtranslate/protocol/FrameCodec.h"
#include "medtranslate/protocol/HttpBodies.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslError>
#include <QUuid>
#include <QWebSocket>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

Q_LOGGING_CATEGORY(lcRelayClient, "medtranslate.console.relay")

namespace medtranslate::console {

namespace server = protocol::server;
namespace client = protocol::client;

namespace {

constexpr int kWatchdogMs = 250;

namespace http = protocol::http;

QString errorMessageOf(const QByteArray &body)
{
    const auto error = http::parseBody<http::ErrorBody>(body.toStdString());
    return error ? QString::fromStdString(error->message) : QString();
}

//! The entries of a list body `{"<key>":[…]}` that read as T; nothing when there is no list.
//! One entry the console cannot read does not cost the others.
template <typename T>
std::optional<std::vector<T>> readEntries(const QByteArray &body, const char *key)
{
    const auto json = nlohmann::json::parse(body.toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains(key) || !json[key].is_array())
        return std::nullopt;
    std::vector<T> entries;
    for (const auto &item : json[key]) {
        try {
            entries.push_back(item.get<T>());
        } catch (const nlohmann::json::exception &) {
        }
    }
    return entries;
}

QString sslProblems(const QList<QSslError> &errors)
{
    QStringList parts;
    for (const auto &e : errors)
        parts << e.errorString();
    return parts.join(QStringLiteral("; "));
}

} // namespace

RelayClient::RelayClient(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)),
      m_attachments(new AttachmentTransfer(*this, *m_network, this))
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this,
            [this]() { dropSocket(tr("The relay did not answer in time.")); });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RelayClient::openSocket);
    connect(&m_pingTimer, &QTimer::timeout, this, [this]() {
        if (m_socket && !m_pingSentAt.isValid()) {
            m_pingSentAt.start();
            m_socket->ping();
        }
    });
    m_watchdog.setInterval(kWatchdogMs);
    connect(&m_watchdog, &QTimer::timeout, this, &RelayClient::onWatchdog);
}

RelayClient::~RelayClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void RelayClient::setTimeouts(const Timeouts &timeouts)
{
    m_timeouts = timeouts;
    m_pingTimer.setInterval(m_timeouts.pingIntervalMs);
}

QUrl RelayClient::endpoint(const QUrl &relayUrl, const QString &path)
{
    QUrl url = relayUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl RelayClient::webSocketUrl(const QUrl &relayUrl)
{
    QUrl url = endpoint(relayUrl, QStringLiteral("/ws"));
    url.setScheme(relayUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                              : QStringLiteral("ws"));
    return url;
}

// ---- HTTP ----------------------------------------------------------------------------------

void RelayClient::login(const QUrl &relayUrl, const QString &username, const QString &password)
{
    if (m_loginReply) {
        m_loginReply->disconnect(this);
        m_loginReply->abort();
        m_loginReply->deleteLater();
    }
    const QString scheme = relayUrl.scheme();
    if (!relayUrl.isValid() || relayUrl.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        // Answer later, as a network reply would, so callers see one order of events.
        QTimer::singleShot(0, this, [this]() {
            emit loginFailed(LoginFailure::BadAddress, tr("The relay address must start with "
                                                          "http:// or https://."));
        });
        return;
    }
    m_relayUrl = relayUrl;
    m_loginTlsProblem.clear();
    QNetworkRequest request(endpoint(relayUrl, QStringLiteral("/api/auth/login")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_timeouts.httpMs);
    const nlohmann::json body = http::LoginRequest{username.toStdString(), password.toStdString()};
    QNetworkReply *reply = m_network->post(request, QByteArray::fromStdString(body.dump()));
    m_loginReply = reply;
    connect(reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_loginTlsProblem = sslProblems(errors); });
    connect(reply, &QNetworkReply::finished, this, [this, reply]() { onLoginFinished(reply); });
}

void RelayClient::onLoginFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_loginReply == reply)
        m_loginReply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 200) {
        const auto answer = http::parseBody<http::LoginResponse>(body.toStdString());
        if (answer && !answer->token.empty()) {
            m_token = toQString(answer->token);
            m_agent = AgentAccount{};
            m_agent.id = toQString(answer->agent.id);
            m_agent.name = toQString(answer->agent.name);
            m_agent.role = toQString(answer->agent.role);
            for (const std::string &l : answer->agent.languages)
                m_agent.languages << toQString(l);
            emit loginSucceeded(m_agent);
            return;
        }
        emit loginFailed(LoginFailure::Server, tr("The relay sent an answer the console does not "
                                                  "understand."));
        return;
    }
    if (status == 401) {
        emit loginFailed(LoginFailure::WrongCredentials, errorMessageOf(body));
        return;
    }
    if (status == 429) {
        const QByteArray wait = reply->rawHeader("Retry-After");
        emit loginFailed(LoginFailure::TooManyAttempts,
                         wait.isEmpty() ? QStringLiteral("60") : QString::fromLatin1(wait));
        return;
    }
    if (status > 0) {
        const QString message = errorMessageOf(body);
        emit loginFailed(LoginFailure::Server,
                         message.isEmpty() ? tr("HTTP status %1").arg(status) : message);
        return;
    }
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        emit loginFailed(LoginFailure::Tls,
                         m_loginTlsProblem.isEmpty() ? reply->errorString() : m_loginTlsProblem);
        return;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        emit loginFailed(LoginFailure::BadAddress, reply->errorString());
        return;
    default:
        if (!m_loginTlsProblem.isEmpty())
            emit loginFailed(LoginFailure::Tls, m_loginTlsProblem);
        else
            emit loginFailed(LoginFailure::Unreachable, reply->errorString());
        return;
    }
}

void RelayClient::fetchTemplates()
{
    if (m_token.isEmpty()) {
        QTimer::singleShot(0, this, [this]() { emit templatesFailed(tr("Not logged in.")); });
        return;
    }
    QNetworkRequest request(endpoint(m_relayUrl, QStringLiteral("/api/templates")));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeouts.httpMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply]() { onTemplatesFinished(reply); });
}

void RelayClient::fetchColleagues()
{
    if (m_token.isEmpty()) {
        QTimer::singleShot(0, this, [this]() { emit colleaguesFailed(tr("Not logged in.")); });
        return;
    }
    QNetworkRequest request(endpoint(m_relayUrl, QStringLiteral("/api/agents")));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeouts.httpMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply]() { onColleaguesFinished(reply); });
}

void RelayClient::fetchTranscript(const QString &roomId)
{
    if (m_token.isEmpty()) {
        QTimer::singleShot(
            0, this, [this, roomId]() { emit transcriptFailed(roomId, tr("Not logged in.")); });
        return;
    }
    const QString path = QStringLiteral("/api/rooms/%1/transcript")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(roomId)));
    QNetworkRequest request(endpoint(m_relayUrl, path));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeouts.httpMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this,
            [this, roomId, reply]() { onTranscriptFinished(roomId, reply); });
}

void RelayClient::onTranscriptFinished(const QString &roomId, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 200) {
        const QString message = errorMessageOf(body);
        emit transcriptFailed(roomId, !message.isEmpty() ? message : reply->errorString());
        return;
    }
    emit transcriptLoaded(roomId, body);
}

void RelayClient::translateText(const QString &key, const QString &text,
                                const QString &sourceLanguage)
{
    if (m_token.isEmpty()) {
        QTimer::singleShot(
            0, this, [this, key]() { emit textTranslationFailed(key, tr("Not logged in.")); });
        return;
    }
    QNetworkRequest request(endpoint(m_relayUrl, QStringLiteral("/api/translate")));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_timeouts.httpMs);
    const nlohmann::json body =
        http::TranslateRequest{text.toStdString(), sourceLanguage.toStdString(), "ko"};
    QNetworkReply *reply = m_network->post(request, QByteArray::fromStdString(body.dump()));
    connect(reply, &QNetworkReply::finished, this, [this, key, reply]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        if (status != 200) {
            const QString message = errorMessageOf(answer);
            emit textTranslationFailed(key, !message.isEmpty() ? message : reply->errorString());
            return;
        }
        try {
            const auto parsed =
                nlohmann::json::parse(answer.toStdString()).get<http::TranslateResponse>();
            emit textTranslated(key, parsed.translation);
        } catch (const nlohmann::json::exception &) {
            emit textTranslationFailed(
                key, tr("The relay sent a translation the console does not understand."));
        }
    });
}

void RelayClient::onColleaguesFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 200) {
        const QString message = errorMessageOf(body);
        emit colleaguesFailed(!message.isEmpty() ? message : reply->errorString());
        return;
    }
    const auto agents = readEntries<http::AgentDirectoryEntry>(body, "agents");
    if (!agents) {
        emit colleaguesFailed(tr("The relay sent an agent list the console does not understand."));
        return;
    }
    std::vector<Colleague> colleagues;
    for (const auto &a : *agents)
        colleagues.push_back(Colleague{toQString(a.id), toQString(a.name), a.online});
    emit colleaguesLoaded(colleagues);
}

void RelayClient::onTemplatesFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 200) {
        const QString message = errorMessageOf(body);
        emit templatesFailed(!message.isEmpty() ? message : reply->errorString());
        return;
    }
    auto templates = readEntries<QuickReply>(body, "templates");
    if (!templates) {
        emit templatesFailed(tr("The relay sent templates the console does not understand."));
        return;
    }
    // A template without Korean text is of no use to a counselor.
    std::erase_if(*templates,
                  [](const QuickReply &t) { return t.id.empty() || !t.texts.contains("ko"); });
    emit templatesLoaded(*templates);
}

// ---- connection ----------------------------------------------------------------------------

void RelayClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void RelayClient::connectToRelay()
{
    if (m_token.isEmpty() || m_socket)
        return;
    m_wantConnected = true;
    m_attempt = 0;
    m_reconnectTimer.stop();
    openSocket();
}

void RelayClient::openSocket()
{
    if (!m_wantConnected || m_socket)
        return;
    setState(m_state == State::Reconnecting ? State::Reconnecting : State::Connecting);
    m_welcomed = false;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *socket = m_socket;
    connect(socket, &QWebSocket::connected, this, &RelayClient::onSocketConnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &RelayClient::onSocketText);
    connect(socket, &QWebSocket::pong, this, &RelayClient::onPong);
    connect(socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_lastProblem = tr("TLS error: %1").arg(sslProblems(errors));
        emit connectionProblem(m_lastProblem);
    });
    connect(socket, &QWebSocket::stateChanged, this,
            [this, socket](QAbstractSocket::SocketState s) {
                if (s != QAbstractSocket::UnconnectedState || socket != m_socket)
                    return;
                QString problem = socket->closeReason();
                if (problem.isEmpty())
                    problem = socket->errorString();
                // The relay's close handshake arrives from inside the socket's own signal: leave it
                // first.
                QTimer::singleShot(0, this, [this, socket, problem]() {
                    if (socket == m_socket)
                        dropSocket(problem.isEmpty() ? tr("The connection closed.") : problem);
                });
            });
    m_connectTimer.start(m_timeouts.connectMs);
    m_socket->open(QNetworkRequest(webSocketUrl(m_relayUrl)));
}

void RelayClient::onSocketConnected()
{
    client::Hello hello;
    hello.role = protocol::Role::Agent;
    hello.token = m_token.toStdString();
    sendFrame(hello);
}

void RelayClient::dropSocket(const QString &problem)
{
    m_connectTimer.stop();
    m_pingTimer.stop();
    m_watchdog.stop();
    m_pingSentAt.invalidate();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    const bool wasWelcomed = m_welcomed;
    m_welcomed = false;
    for (auto &[id, outgoing] : m_outbox)
        outgoing.sentAt.invalidate();
    failPreviews(tr("The connection was lost."));
    failLanguageRequests(tr("The connection was lost."));
    if (!problem.isEmpty()) {
        m_lastProblem = problem;
        emit connectionProblem(problem);
    }
    if (!m_wantConnected) {
        setState(State::Offline);
        return;
    }
    if (wasWelcomed)
        m_attempt = 0;
    scheduleReconnect();
}

void RelayClient::scheduleReconnect()
{
    // Exponential backoff with jitter so consoles of a whole hospital do not return at once.
    const qint64 base = std::min<qint64>(
        qint64(m_timeouts.backoffInitialMs) << std::min(m_attempt, 16), m_timeouts.backoffMaxMs);
    const qint64 jitter = base / 5;
    const qint64 delay =
        std::max<qint64>(1, base - jitter + QRandomGenerator::global()->bounded(2 * jitter + 1));
    ++m_attempt;
    m_reconnectTimer.start(int(delay));
    setState(State::Reconnecting);
}

int RelayClient::reconnectInMs() const
{
    return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTime() : -1;
}

void RelayClient::disconnectFromRelay()
{
    m_wantConnected = false;
    m_reconnectTimer.stop();
    dropSocket(QString());
    setState(State::Offline);
}

void RelayClient::abortConnection()
{
    if (m_socket)
        dropSocket(tr("The connection was dropped."));
}

void RelayClient::logout()
{
    disconnectFromRelay();
    m_token.clear();
    m_agent = AgentAccount{};
    m_outbox.clear();
    m_assigned.clear();
    m_seqs.clear();
    emit unacknowledgedCountChanged(0);
}

void RelayClient::onPong(quint64)
{
    m_pingSentAt.invalidate();
}

void RelayClient::onWatchdog()
{
    if (!m_socket || !m_welcomed)
        return;
    if (m_pingSentAt.isValid() && m_pingSentAt.hasExpired(m_timeouts.pongMs)) {
        dropSocket(tr("The relay stopped answering."));
        return;
    }
    for (const auto &[id, outgoing] : m_outbox) {
        if (outgoing.sentAt.isValid() && outgoing.sentAt.hasExpired(m_timeouts.ackMs)) {
            // The relay acknowledges only stored messages; silence means a dead connection.
            dropSocket(tr("A message was not acknowledged in time; reconnecting."));
            return;
        }
    }
    QStringList late;
    for (auto it = m_previews.constBegin(); it != m_previews.constEnd(); ++it) {
        if (it->sentAt.hasExpired(m_timeouts.previewMs))
            late << it.key();
    }
    for (const QString &id : late) {
        m_previews.remove(id);
        emit previewFailed(id, tr("The translation preview took too long."));
    }
    for (auto it = m_languageRequests.begin(); it != m_languageRequests.end();) {
        if (!it->sentAt.hasExpired(m_timeouts.ackMs)) {
            ++it;
            continue;
        }
        const QString roomId = it->roomId;
        it = m_languageRequests.erase(it);
        emit languageChangeFailed(roomId, protocol::ErrorCode::Internal,
                                  tr("The relay did not answer in time."));
    }
}

void RelayClient::failLanguageRequests(const QString &detail)
{
    // Whether the relay changed it is unknown: the room frames after a reconnect will tell.
    const auto pending = std::exchange(m_languageRequests, {});
    for (const PendingLanguage &request : pending)
        emit languageChangeFailed(request.roomId, protocol::ErrorCode::Internal, detail);
}

void RelayClient::failPreviews(const QString &detail)
{
    const QStringList ids = m_previews.keys();
    m_previews.clear();
    for (const QString &id : ids)
        emit previewFailed(id, detail);
}

// ---- sending -------------------------------------------------------------------------------

void RelayClient::sendFrame(const protocol::ClientFrame &frame)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromStdString(protocol::encode(frame)));
}

void RelayClient::sendText(const QString &roomId, const QString &clientMsgId, const QString &text)
{
    protocol::client::Send frame;
    frame.text = text.toStdString();
    enqueue(roomId, clientMsgId, std::move(frame));
}

void RelayClient::sendTemplate(const QString &roomId, const QString &clientMsgId,
                               const QString &templateId)
{
    protocol::client::Send frame;
    frame.templateId = templateId.toStdString();
    enqueue(roomId, clientMsgId, std::move(frame));
}

void RelayClient::enqueue(const QString &roomId, const QString &clientMsgId,
                          protocol::client::Send frame)
{
    // Kept until acknowledged or refused; sent now if connected, else on the next welcome.
    frame.roomId = roomId.toStdString();
    frame.clientMsgId = clientMsgId.toStdString();
    Outgoing outgoing;
    outgoing.frame = std::move(frame);
    auto [it, inserted] = m_outbox.insert_or_assign(clientMsgId, std::move(outgoing));
    if (m_welcomed) {
        it->second.sentAt.start();
        sendFrame(it->second.frame);
    }
    emit unacknowledgedCountChanged(unacknowledgedCount());
}

void RelayClient::flushOutbox()
{
    for (auto &[id, outgoing] : m_outbox) {
        outgoing.sentAt.start();
        sendFrame(outgoing.frame);
    }
}

void RelayClient::requestRetranslation(const QString &roomId, qint64 seq)
{
    sendFrame(protocol::client::Retranslate{roomId.toStdString(), seq});
}

void RelayClient::requestPreview(const QString &roomId, const QString &requestId,
                                 const QString &text)
{
    if (!m_welcomed) {
        QTimer::singleShot(0, this, [this, requestId]() {
            emit previewFailed(requestId, tr("Not connected to the relay."));
        });
        return;
    }
    PendingPreview pending;
    pending.sentAt.start();
    m_previews.insert(requestId, pending);
    sendFrame(client::Preview{roomId.toStdString(), text.toStdString(), requestId.toStdString()});
}

bool RelayClient::setLanguage(const QString &roomId, const QString &language)
{
    if (!m_welcomed)
        return false;
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    PendingLanguage pending{roomId, language, {}};
    pending.sentAt.start();
    m_languageRequests.insert(requestId, pending);
    sendFrame(
        client::SetLanguage{roomId.toStdString(), language.toStdString(), requestId.toStdString()});
    return true;
}

bool RelayClient::accept(const QString &roomId)
{
    if (!m_welcomed)
        return false;
    sendFrame(client::Accept{roomId.toStdString()});
    return true;
}

bool RelayClient::end(const QString &roomId)
{
    if (!m_welcomed)
        return false;
    sendFrame(client::End{roomId.toStdString()});
    return true;
}

bool RelayClient::transfer(const QString &roomId, const QString &agentId, const QString &note)
{
    if (!m_welcomed)
        return false;
    sendFrame(client::Transfer{roomId.toStdString(), agentId.toStdString(), note.toStdString()});
    return true;
}

bool RelayClient::setStatus(protocol::AgentStatus status)
{
    if (!m_welcomed)
        return false;
    sendFrame(client::Status{status});
    return true;
}

bool RelayClient::requestHistory(const QString &roomId, qint64 afterSeq)
{
    if (!m_welcomed)
        return false;
    sendFrame(client::History{roomId.toStdString(), afterSeq});
    return true;
}

bool RelayClient::setTyping(const QString &roomId, bool active)
{
    if (!m_welcomed)
        return false;
    sendFrame(client::Typing{roomId.toStdString(), active});
    return true;
}

bool RelayClient::markRead(const QString &roomId, qint64 seq)
{
    if (!m_welcomed)
        return false;
    sendFrame(client::Read{roomId.toStdString(), seq});
    return true;
}

// ---- receiving -----------------------------------------------------------------------------

qint64 RelayClient::lastContiguousSeq(const QString &roomId) const
{
    const auto it = m_seqs.constFind(roomId);
    return it == m_seqs.constEnd() ? 0 : it->contiguous;
}

void RelayClient::noteSeq(const QString &roomId, qint64 seq)
{
    SeqTracker &t = m_seqs[roomId];
    if (seq <= t.contiguous)
        return;
    if (seq != t.contiguous + 1) {
        t.above.insert(seq);
        return;
    }
    t.contiguous = seq;
    while (!t.above.empty() && *t.above.begin() <= t.contiguous + 1) {
        t.contiguous = std::max(t.contiguous, *t.above.begin());
        t.above.erase(t.above.begin());
    }
}

void RelayClient::track(const std::string &roomIdUtf8)
{
    const QString roomId = QString::fromStdString(roomIdUtf8);
    m_assigned.insert(roomId);
    // Everything after the last seq held without a gap: a fresh room gets all of it.
    requestHistory(roomId, lastContiguousSeq(roomId));
}

void RelayClient::onSocketText(const QString &text)
{
    const auto parsed = protocol::parseServerFrame(text.toStdString());
    if (const auto *error = std::get_if<protocol::FrameError>(&parsed)) {
        qCWarning(lcRelayClient) << "unreadable frame from the relay:"
                                 << QString::fromStdString(error->message);
        return;
    }
    std::visit([this](const auto &frame) { handle(frame); },
               std::get<protocol::ServerFrame>(parsed));
}

void RelayClient::handle(const server::Welcome &frame)
{
    m_welcomed = true;
    m_attempt = 0;
    m_connectTimer.stop();
    m_pingSentAt.invalidate();
    m_pingTimer.start(m_timeouts.pingIntervalMs);
    m_watchdog.start();
    if (frame.agent)
        m_agent.id = QString::fromStdString(frame.agent->id);
    if (frame.maxAttachmentBytes && *frame.maxAttachmentBytes > 0)
        m_maxAttachmentBytes = *frame.maxAttachmentBytes;
    setState(State::Connected);
    emit welcomed(frame);
    m_assigned.clear();
    for (const auto &room : frame.rooms)
        track(room.roomId);
    flushOutbox();
}

void RelayClient::handle(const server::Ack &frame)
{
    const QString id = QString::fromStdString(frame.clientMsgId);
    const bool known = m_outbox.erase(id) > 0;
    emit acknowledged(frame);
    if (known)
        emit unacknowledgedCountChanged(unacknowledgedCount());
}

void RelayClient::handle(const server::MessageFrame &frame)
{
    const QString roomId = QString::fromStdString(frame.message.roomId);
    noteSeq(roomId, frame.message.seq);
    // A stored message is as good as its ack (the ack may have been lost with a connection).
    if (!frame.message.clientMsgId.empty() &&
        m_outbox.erase(QString::fromStdString(frame.message.clientMsgId)) > 0)
        emit unacknowledgedCountChanged(unacknowledgedCount());
    emit messageReceived(frame.message);
}

void RelayClient::handle(const server::TranslationUpdate &frame)
{
    emit translationUpdated(frame);
}

void RelayClient::handle(const server::RoomUpdate &frame)
{
    const QString roomId = QString::fromStdString(frame.room.roomId);
    const bool mine =
        frame.room.agent && QString::fromStdString(frame.room.agent->id) == m_agent.id;
    if (mine && frame.room.status == protocol::RoomStatus::Active &&
        m_assigned.find(roomId) == m_assigned.end())
        track(frame.room.roomId);
    else if (!mine)
        m_assigned.erase(roomId);
    // The room in the language asked for answers a correction (ours or the patient's).
    const QString language = QString::fromStdString(frame.room.patientLanguage);
    for (auto it = m_languageRequests.begin(); it != m_languageRequests.end();) {
        if (it->roomId == roomId && it->language == language)
            it = m_languageRequests.erase(it);
        else
            ++it;
    }
    emit roomChanged(frame.room);
}

void RelayClient::handle(const server::Queue &frame)
{
    emit queueChanged(frame.rooms);
}

void RelayClient::handle(const server::Typing &frame)
{
    emit typingReceived(frame);
}

void RelayClient::handle(const server::Read &frame)
{
    emit readReceived(frame);
}

void RelayClient::handle(const server::Ended &frame)
{
    emit roomEnded(frame);
}

void RelayClient::handle(const server::PreviewResult &frame)
{
    if (m_previews.remove(QString::fromStdString(frame.requestId)) == 0)
        return; // already reported as failed; a late answer would contradict it
    emit previewReceived(frame);
}

void RelayClient::handle(const server::Error &frame)
{
    const QString ref = QString::fromStdString(frame.ref);
    const QString message = QString::fromStdString(frame.message);
    if (!ref.isEmpty()) {
        if (const auto it = m_outbox.find(ref); it != m_outbox.end()) {
            const QString roomId = QString::fromStdString(it->second.frame.roomId);
            m_outbox.erase(it);
            // The refusal first: whoever watches the count must not take it for a delivery.
            emit sendFailed(roomId, ref, frame.code, message);
            emit unacknowledgedCountChanged(unacknowledgedCount());
            return;
        }
        if (m_previews.remove(ref) > 0) {
            emit previewFailed(ref, message);
            return;
        }
        if (const auto it = m_languageRequests.find(ref); it != m_languageRequests.end()) {
            const QString roomId = it->roomId;
            m_languageRequests.erase(it);
            emit languageChangeFailed(roomId, frame.code, message);
            return;
        }
    }
    if (!m_welcomed && frame.code == protocol::ErrorCode::Unauthorized) {
        // The token is no longer valid: reconnecting with it would only be refused again.
        m_wantConnected = false;
        m_token.clear();
        dropSocket(message);
        emit sessionExpired();
        return;
    }
    emit relayError(frame.code, message);
}

void RelayClient::handle(const server::Agents &frame)
{
    emit agentsChanged(frame.agents);
}

void RelayClient::handle(const server::TransferNote &frame)
{
    emit transferNoteReceived(frame);
}

void RelayClient::handle(const protocol::server::Overview &frame)
{
    emit overviewReceived(frame);
}

} // namespace medtranslate::console
