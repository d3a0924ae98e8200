#include "core/ConsultationService.h"

#include "core/AttachmentFlow.h"
#include "core/FanOut.h"
#include "core/FrameDispatcher.h"
#include "core/HistoryReplay.h"
#include "core/MessageFlow.h"
#include "core/PreviewService.h"
#include "core/RoomAccess.h"
#include "core/SendBudget.h"
#include "core/SessionGate.h"

namespace medtranslate::relay {

ConsultationService::ConsultationService(const RelayConfig &config, Store &store,
                                         Translator &translator, const TemplateLibrary &templates,
                                         const RedFlagDetector &redFlags,
                                         const EmergencyReply &emergencyReply, RoomRegistry &rooms,
                                         AuthService &auth, RelayMetrics &metrics, BlobStore &blobs,
                                         QObject *parent)
    : QObject(parent), m_access(std::make_unique<RoomAccess>(rooms)),
      m_budget(std::make_unique<SendBudget>(config)), m_fanOut(new FanOut(rooms, this)),
      m_messages(new MessageFlow(config, store, translator, templates, redFlags, emergencyReply,
                                 rooms, *m_access, *m_fanOut, metrics, *m_budget, this)),
      m_lifecycle(new RoomLifecycle(config, store, rooms, *m_access, *m_fanOut, *m_messages, this)),
      m_history(new HistoryReplay(store, *m_lifecycle, this)),
      m_preview(new PreviewService(translator, *m_access, this)),
      m_sessions(new SessionGate(auth, rooms, *m_lifecycle, *m_history, *m_fanOut,
                                 config.attachments.maxBytes, this)),
      m_attachments(new AttachmentFlow(config, rooms, *m_lifecycle, *m_messages, *m_budget, blobs,
                                       metrics, this)),
      m_dispatcher(std::make_unique<FrameDispatcher>(rooms, *m_sessions, *m_messages, *m_lifecycle,
                                                     *m_history, *m_preview))
{
}

ConsultationService::~ConsultationService() = default;

bool ConsultationService::loadOpenRooms(QString *error)
{
    return m_lifecycle->loadOpenRooms(error);
}

void ConsultationService::createRoom(const QString &language, const QString &origin,
                                     QObject *context,
                                     std::function<void(std::optional<CreatedRoom>, QString)> done)
{
    m_lifecycle->create(language, origin, context, std::move(done));
}

void ConsultationService::withRoom(const QString &roomId, QObject *context,
                                   std::function<void(RoomState *, QString)> done)
{
    m_lifecycle->withRoom(roomId, context, std::move(done));
}

void ConsultationService::roomForPatientToken(const QString &token, QObject *context,
                                              std::function<void(RoomState *, QString)> done)
{
    m_lifecycle->withPatientToken(token, context, std::move(done));
}

bool ConsultationService::mayRead(const Identity &who, const RoomState &room)
{
    return RoomAccess::mayRead(who, room);
}

bool ConsultationService::isAgentOnline(const QString &agentId) const
{
    return m_sessions->isAgentOnline(agentId);
}

void ConsultationService::endAgentSessions(const QString &agentId, bool disabled)
{
    // Connections first: nothing the agent still sends is acted on while its rooms move.
    const QString why = disabled
                            ? QStringLiteral("this account has been disabled")
                            : QStringLiteral("this account's sessions were ended; log in again");
    m_sessions->endAgentSessions(agentId, why, !disabled);
    m_lifecycle->requeueRoomsOf(agentId, disabled);
}

void ConsultationService::updateAgent(const AgentRecord &agent)
{
    m_sessions->updateAgent(agent);
}

PeerHandler &ConsultationService::handler()
{
    return *m_dispatcher;
}

} // namespace medtranslate::relay
