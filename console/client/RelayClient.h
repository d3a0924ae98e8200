#pragma once

#include "client/ConsoleTypes.h"
#include "medtranslate/protocol/ClientFrames.h"
#include "medtranslate/protocol/ServerFrames.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <map>
#include <set>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QWebSocket;

namespace medtranslate::console {

class AttachmentTransfer;

//! The console's only connection to the relay: it owns the WebSocket and the HTTP client.
//! It logs in, says hello, keeps the connection alive (ping, reconnect with backoff), asks
//! `history` for every assigned room after the last contiguous seq it holds so a reconnect
//! loses nothing, re-sends unacknowledged messages with their original client_msg_id, and
//! turns every frame it receives into a typed signal. Nothing here blocks: every wait is a
//! timer.
class RelayClient final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Offline,      //!< not logged in, or disconnected on purpose
        Connecting,   //!< first connection after login: socket or hello in progress
        Connected,    //!< welcome received; frames flow
        Reconnecting, //!< lost the connection; trying again after a backoff
    };
    Q_ENUM(State)

    //! Every network wait, in milliseconds. Tests shorten them.
    struct Timeouts
    {
        int httpMs = 15000;    //!< login, templates, transcripts (without progress)
        int connectMs = 10000; //!< socket open until welcome
        int ackMs = 15000;     //!< a `send` until its `ack`; then the connection is stale
        int previewMs = 15000; //!< a `preview` until its answer
        int pingIntervalMs = 20000;
        int pongMs = 10000; //!< a ping until its pong
        int backoffInitialMs = 500;
        int backoffMaxMs = 30000;
    };

    explicit RelayClient(QObject *parent = nullptr);
    ~RelayClient() override;

    void setTimeouts(const Timeouts &timeouts);
    [[nodiscard]] const Timeouts &timeouts() const { return m_timeouts; }

    //! `POST /api/auth/login`; answers with loginSucceeded or loginFailed.
    void login(const QUrl &relayUrl, const QString &username, const QString &password);
    //! Opens the WebSocket with the login token and keeps it open until disconnectFromRelay.
    void connectToRelay();
    //! Closes the connection on purpose; no reconnect.
    void disconnectFromRelay();
    //! Drops the connection as a network failure would; the client reconnects by itself.
    void abortConnection();
    //! Forgets the token and the connection.
    void logout();
    //! `GET /api/templates`; answers with templatesLoaded or templatesFailed.
    void fetchTemplates();
    //! `GET /api/agents`; answers with colleaguesLoaded or colleaguesFailed.
    void fetchColleagues();
    //! Asks the relay to translate a patient's text into Korean (`POST /api/translate`, masked
    //! like every message before any provider sees it); for words that are no message, such as
    //! the reason given before the chat. The answer comes as textTranslated or
    //! textTranslationFailed with the same `key`.
    void translateText(const QString &key, const QString &text, const QString &sourceLanguage);
    //! `GET /api/rooms/{id}/transcript`: the consultation as the relay's export document
    //! (JSON), for the console to save or lay out; answers with transcriptLoaded or
    //! transcriptFailed for `roomId`.
    void fetchTranscript(const QString &roomId);

    //! Queued until acknowledged: re-sent after a reconnect with the same client_msg_id.
    void sendText(const QString &roomId, const QString &clientMsgId, const QString &text);
    void sendTemplate(const QString &roomId, const QString &clientMsgId, const QString &templateId);
    //! Answers with previewReceived or previewFailed for `requestId`.
    void requestPreview(const QString &roomId, const QString &requestId, const QString &text);
    //! Asks the relay to translate a message left untranslated again (a `translation` frame
    //! answers, pending then the outcome).
    void requestRetranslation(const QString &roomId, qint64 seq);
    //! Corrects the room's patient language (`set_language`). The room frame in that language
    //! is the answer; a refusal, a lost connection or silence past `ackMs` is
    //! languageChangeFailed. False when there is no connection to carry it.
    bool setLanguage(const QString &roomId, const QString &language);
    //! These return false when there is no connection to carry them.
    bool accept(const QString &roomId);
    bool end(const QString &roomId);
    //! `note` (may be empty) is for the receiving colleague only; the relay keeps it from the
    //! patient.
    bool transfer(const QString &roomId, const QString &agentId, const QString &note = {});
    bool requestHistory(const QString &roomId, qint64 afterSeq);
    bool setTyping(const QString &roomId, bool active);
    bool markRead(const QString &roomId, qint64 seq);
    //! Online takes new consultations, away keeps only its own (the relay's `status`).
    bool setStatus(protocol::AgentStatus status);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isConnected() const { return m_state == State::Connected; }
    [[nodiscard]] const AgentAccount &agent() const { return m_agent; }
    [[nodiscard]] QUrl relayUrl() const { return m_relayUrl; }
    [[nodiscard]] bool hasToken() const { return !m_token.isEmpty(); }
    //! The `Authorization` header value for the relay's HTTP API.
    [[nodiscard]] QByteArray authorizationHeader() const { return "Bearer " + m_token.toUtf8(); }
    //! The HTTP client the routes are called with (one connection pool for the console).
    [[nodiscard]] QNetworkAccessManager &network() const { return *m_network; }
    //! Uploads and downloads of files, with this client's token.
    [[nodiscard]] AttachmentTransfer &attachments() const { return *m_attachments; }
    //! The largest attachment the relay accepts, as its welcome said (10 MiB until then).
    [[nodiscard]] qint64 maxAttachmentBytes() const { return m_maxAttachmentBytes; }
    //! The highest seq of `roomId` below which this client has seen every message.
    [[nodiscard]] qint64 lastContiguousSeq(const QString &roomId) const;
    //! Messages sent and not yet acknowledged by the relay.
    [[nodiscard]] int unacknowledgedCount() const { return int(m_outbox.size()); }
    //! Milliseconds until the next reconnect attempt, or -1.
    [[nodiscard]] int reconnectInMs() const;
    [[nodiscard]] QString lastProblem() const { return m_lastProblem; }

    [[nodiscard]] static QUrl endpoint(const QUrl &relayUrl, const QString &path);
    [[nodiscard]] static QUrl webSocketUrl(const QUrl &relayUrl);

signals:
    void loginSucceeded(const medtranslate::console::AgentAccount &agent);
    void loginFailed(medtranslate::console::LoginFailure failure, const QString &detail);
    void stateChanged(medtranslate::console::RelayClient::State state);
    //! Something went wrong with the connection; the text is for the status bar.
    void connectionProblem(const QString &detail);
    //! The relay refused the token; a new login is needed.
    void sessionExpired();
    void unacknowledgedCountChanged(int count);

    void welcomed(const medtranslate::protocol::server::Welcome &welcome);
    void queueChanged(const std::vector<medtranslate::protocol::Room> &rooms);
    void roomChanged(const medtranslate::protocol::Room &room);
    void messageReceived(const medtranslate::protocol::Message &message);
    void translationUpdated(const medtranslate::protocol::server::TranslationUpdate &update);
    void acknowledged(const medtranslate::protocol::server::Ack &ack);
    void typingReceived(const medtranslate::protocol::server::Typing &typing);
    void readReceived(const medtranslate::protocol::server::Read &read);
    void roomEnded(const medtranslate::protocol::server::Ended &ended);
    void previewReceived(const medtranslate::protocol::server::PreviewResult &result);
    //! Colleagues' status and load (the relay's `agents` frame).
    void agentsChanged(const std::vector<medtranslate::protocol::AgentPresence> &agents);
    //! The whole desk, for supervisors (the relay sends it to agents with the admin role only).
    void overviewReceived(const medtranslate::protocol::server::Overview &overview);
    //! A colleague transferred a room to us with a note.
    void transferNoteReceived(const medtranslate::protocol::server::TransferNote &note);
    void previewFailed(const QString &requestId, const QString &detail);
    //! The relay refused a message; it will not be stored.
    void sendFailed(const QString &roomId, const QString &clientMsgId,
                    medtranslate::protocol::ErrorCode code, const QString &detail);
    //! A language correction was refused (`code`), or got no answer (`Internal`).
    void languageChangeFailed(const QString &roomId, medtranslate::protocol::ErrorCode code,
                              const QString &detail);
    //! An error frame that answers no message or preview of ours (accept, end, transfer...).
    void relayError(medtranslate::protocol::ErrorCode code, const QString &detail);
    void templatesLoaded(const std::vector<medtranslate::protocol::http::QuickReply> &templates);
    void templatesFailed(const QString &detail);
    void colleaguesLoaded(const std::vector<medtranslate::console::Colleague> &colleagues);
    void colleaguesFailed(const QString &detail);
    void textTranslated(const QString &key, const medtranslate::protocol::Translation &translation);
    void textTranslationFailed(const QString &key, const QString &detail);
    void transcriptLoaded(const QString &roomId, const QByteArray &document);
    void transcriptFailed(const QString &roomId, const QString &detail);

private:
    struct Outgoing
    {
        protocol::client::Send frame;
        QElapsedTimer sentAt; //!< invalid while not sent on the current connection
    };
    struct PendingPreview
    {
        QElapsedTimer sentAt;
    };
    struct PendingLanguage
    {
        QString roomId;
        QString language;
        QElapsedTimer sentAt;
    };
    struct SeqTracker
    {
        qint64 contiguous = 0;
        std::set<qint64> above; //!< seen seqs beyond a gap
    };

    void setState(State state);
    void openSocket();
    void dropSocket(const QString &problem);
    void scheduleReconnect();
    void onSocketConnected();
    void onSocketText(const QString &text);
    void onPong(quint64 elapsed);
    void onWatchdog();
    void sendFrame(const protocol::ClientFrame &frame);
    void enqueue(const QString &roomId, const QString &clientMsgId, protocol::client::Send frame);
    void flushOutbox();
    void failPreviews(const QString &detail);
    void failLanguageRequests(const QString &detail);
    void track(const std::string &roomId);
    void noteSeq(const QString &roomId, qint64 seq);

    void handle(const protocol::server::Welcome &frame);
    void handle(const protocol::server::Ack &frame);
    void handle(const protocol::server::MessageFrame &frame);
    void handle(const protocol::server::TranslationUpdate &frame);
    void handle(const protocol::server::RoomUpdate &frame);
    void handle(const protocol::server::Queue &frame);
    void handle(const protocol::server::Typing &frame);
    void handle(const protocol::server::Read &frame);
    void handle(const protocol::server::Ended &frame);
    void handle(const protocol::server::PreviewResult &frame);
    void handle(const protocol::server::Error &frame);
    void handle(const protocol::server::Agents &frame);
    void handle(const protocol::server::TransferNote &frame);
    void handle(const protocol::server::QueuePosition &) {} //!< for patients only
    void handle(const protocol::server::Overview &frame);

    void onLoginFinished(QNetworkReply *reply);
    void onTemplatesFinished(QNetworkReply *reply);
    void onColleaguesFinished(QNetworkReply *reply);
    void onTranscriptFinished(const QString &roomId, QNetworkReply *reply);

    Timeouts m_timeouts;
    QNetworkAccessManager *m_network;
    AttachmentTransfer *m_attachments;
    qint64 m_maxAttachmentBytes = 10 * 1024 * 1024;
    QWebSocket *m_socket = nullptr;
    QPointer<QNetworkReply> m_loginReply;
    QString m_loginTlsProblem;
    State m_state = State::Offline;
    QUrl m_relayUrl;
    QString m_token;
    AgentAccount m_agent;
    bool m_wantConnected = false;
    bool m_welcomed = false;
    int m_attempt = 0;
    QTimer m_connectTimer;   //!< socket open + hello until welcome
    QTimer m_reconnectTimer; //!< the backoff
    QTimer m_pingTimer;
    QTimer m_watchdog; //!< acks, previews and pongs that take too long
    QElapsedTimer m_pingSentAt;
    QString m_lastProblem;
    std::map<QString, Outgoing> m_outbox; //!< by client_msg_id, until acknowledged
    QHash<QString, PendingPreview> m_previews;
    QHash<QString, PendingLanguage> m_languageRequests; //!< by request_id, until answered
    QHash<QString, SeqTracker> m_seqs;                  //!< per room
    std::set<QString> m_assigned; //!< rooms this agent holds: history after reconnects
};

} // namespace medtranslate::console
