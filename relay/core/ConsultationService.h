#pragma once

#include "config/RelayConfig.h"
#include "core/Identity.h"
#include "core/RoomLifecycle.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace medtranslate::relay {

class AgentRoster;
class AttachmentFlow;
class AuthService;
class BlobStore;
class DeskHours;
class EmergencyReply;
class FanOut;
class FrameDispatcher;
class FrontDesk;
class HistoryReplay;
class MessageFlow;
class PeerHandler;
class PreviewService;
class QueueForecast;
class RedFlagDetector;
class RelayMetrics;
class RoomAccess;
class RoomLanguage;
class RoomRegistry;
class RoomRouter;
class SendBudget;
class SessionGate;
class Store;
class TemplateLibrary;
class Translator;
struct RoomState;

//! The consultation core, put together: rooms, the message path, fan-out, the room
//! lifecycle, replay and sessions, each its own class. Peers hand their frames to
//! `handler()`; the HTTP routes use the few calls below.
class ConsultationService final : public QObject
{
    Q_OBJECT

public:
    ConsultationService(const RelayConfig &config, Store &store, Translator &translator,
                        const TemplateLibrary &templates, const RedFlagDetector &redFlags,
                        const EmergencyReply &emergencyReply, const DeskHours &deskHours,
                        RoomRegistry &rooms, AuthService &auth, RelayMetrics &metrics,
                        BlobStore &blobs, QObject *parent = nullptr);
    ~ConsultationService() override;

    //! Loads waiting and active rooms into memory; at start-up, before serving.
    bool loadOpenRooms(QString *error);

    using CreatedRoom = RoomLifecycle::CreatedRoom;
    void createRoom(const QString &language, const QString &origin,
                    std::optional<protocol::Prechat> prechat, QObject *context,
                    std::function<void(std::optional<CreatedRoom>, QString error)> done);
    //! The room, loaded from the store if it is not in memory; nullptr when there is none.
    void withRoom(const QString &roomId, QObject *context,
                  std::function<void(RoomState *, QString error)> done);
    //! The room behind a patient token; nullptr when the token is unknown.
    void roomForPatientToken(const QString &token, QObject *context,
                             std::function<void(RoomState *, QString error)> done);
    [[nodiscard]] static bool mayRead(const Identity &who, const RoomState &room);
    //! True while the agent has a connection open (for the agent directory).
    [[nodiscard]] bool isAgentOnline(const QString &agentId) const;

    //! An administrator ended the agent's sessions (a new password, or `disabled`): its
    //! connections close, and a disabled agent's consultations go back to the waiting queue.
    void endAgentSessions(const QString &agentId, bool disabled);
    //! An administrator changed the agent's details; connected sessions use them from now on.
    void updateAgent(const AgentRecord &agent);

    //! The desk's hours and whether a counselor is online (GET /api/desk).
    [[nodiscard]] const FrontDesk &desk() const { return *m_desk; }

    //! Files sent into rooms (the upload route).
    [[nodiscard]] AttachmentFlow &attachments() { return *m_attachments; }

    //! Where peers send what their clients ask for.
    [[nodiscard]] PeerHandler &handler();

private:
    RoomRegistry &m_rooms;
    std::unique_ptr<RoomAccess> m_access;
    std::unique_ptr<SendBudget> m_budget; //!< shared by text messages and uploads
    std::unique_ptr<QueueForecast> m_forecast;
    FanOut *m_fanOut;
    AgentRoster *m_roster;
    MessageFlow *m_messages;
    RoomLifecycle *m_lifecycle;
    FrontDesk *m_desk;
    RoomLanguage *m_language;
    RoomRouter *m_router;
    HistoryReplay *m_history;
    PreviewService *m_preview;
    SessionGate *m_sessions;
    AttachmentFlow *m_attachments;
    std::unique_ptr<FrameDispatcher> m_dispatcher;
};

} // namespace medtranslate::relay
