#pragma once

#include "config/RelayConfig.h"
#include "content/SystemNotices.h"
#include "core/SessionHandler.h"
#include "medtranslate/protocol/ServerFrames.h"
#include "storage/Records.h"
#include "translation/TranslationRequest.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

namespace medtranslate::relay {

class AuthService;
class ClientSession;
class RelayMetrics;
class RoomRegistry;
class Store;
class TemplateLibrary;
class Translator;
struct RoomState;

//! Who is asking, for HTTP routes and frames alike.
struct Identity
{
    protocol::Role role = protocol::Role::Patient;
    QString roomId;    //!< patients
    AgentRecord agent; //!< agents
};

//! The consultation itself: rooms, messages, translation on the way, presence and the agents'
//! queue. Every frame a client sends ends up here; everything the relay pushes starts here.
class ConsultationService final : public QObject, public SessionHandler
{
    Q_OBJECT

public:
    ConsultationService(const RelayConfig &config, Store &store, Translator &translator,
                        const TemplateLibrary &templates, RoomRegistry &rooms, AuthService &auth,
                        RelayMetrics &metrics, QObject *parent = nullptr);

    //! Loads waiting and active rooms into memory; at start-up, before serving.
    bool loadOpenRooms(QString *error);

    struct CreatedRoom
    {
        QString roomId;
        QString patientToken;
    };
    void createRoom(const QString &language, const QString &origin, QObject *context,
                    std::function<void(std::optional<CreatedRoom>, QString error)> done);

    //! The room, loaded from the store if it is not in memory; nullptr when there is none.
    void withRoom(const QString &roomId, QObject *context,
                  std::function<void(RoomState *, QString error)> done);
    [[nodiscard]] bool mayRead(const Identity &who, const RoomState &room) const;
    //! True while the agent has a connection open (for the agent directory).
    [[nodiscard]] bool isAgentOnline(const QString &agentId) const;

    void handleFrame(ClientSession &session, protocol::ClientFrame &&frame) override;
    void sessionClosed(ClientSession &session) override;

private:
    void dispatch(ClientSession &session, const protocol::ClientFrame &frame);
    void onHello(ClientSession &session, const protocol::client::Hello &hello);
    void onSend(ClientSession &session, const protocol::client::Send &send);
    void onTyping(ClientSession &session, const protocol::client::Typing &typing);
    void onRead(ClientSession &session, const protocol::client::Read &read);
    void onEnd(ClientSession &session, const protocol::client::End &end);
    void onHistory(ClientSession &session, const protocol::client::History &history);
    void onPreview(ClientSession &session, const protocol::client::Preview &preview);
    void onAccept(ClientSession &session, const protocol::client::Accept &accept);
    void onTransfer(ClientSession &session, const protocol::client::Transfer &transfer);

    //! The room a session may act on, or nullptr after telling the client why not.
    RoomState *roomForAction(ClientSession &session, const std::string &roomId, const QString &ref,
                             bool mustBeOpen);
    void store(protocol::Message draft, const QPointer<ClientSession> &origin,
               std::optional<TranslationRequest> pendingTranslation);
    void translateLater(const QString &roomId, qint64 seq, const TranslationRequest &request);
    void applyTranslation(const QString &roomId, qint64 seq, const TranslationOutcome &outcome);
    void appendNotice(RoomState &room, SystemNotices::Kind kind, const QString &agentName,
                      std::function<void()> after = {});
    void replay(ClientSession &session, const QString &roomId, qint64 afterSeq);
    void replayPage(QPointer<ClientSession> session, const QString &roomId, qint64 afterSeq);

    void broadcast(const RoomState &room, const protocol::ServerFrame &frame, qint64 seq = 0);
    void sendToOtherSide(const RoomState &room, protocol::Role from,
                         const protocol::ServerFrame &frame);
    void pushRoom(const RoomState &room, const QList<ClientSession *> &extra = {});
    void scheduleQueue();
    void sendQueue();
    [[nodiscard]] protocol::server::Queue queueFrame() const;

    const RelayConfig &m_config;
    Store &m_store;
    Translator &m_translator;
    const TemplateLibrary &m_templates;
    RoomRegistry &m_rooms;
    AuthService &m_auth;
    RelayMetrics &m_metrics;
    QTimer m_queueTimer; //!< coalesces queue pushes into one per event-loop turn
};

} // namespace medtranslate::relay
