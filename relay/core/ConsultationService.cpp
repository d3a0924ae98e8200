#include "core/ConsultationService.h"

#include "core/AgentRoster.h"
#include "core/AttachmentFlow.h"
#include "core/FanOut.h"
#include "core/FrameDispatcher.h"
#include "core/FrontDesk.h"
#include "core/HistoryReplay.h"
#include "core/MessageFlow.h"
#include "core/PreviewService.h"
#include "core/QueueForecast.h"
#include "core/RoomAccess.h"
#include "core/RoomLanguage.h"
#include "core/RoomRegistry.h"
#include "core/RoomRouter.h"
#include "core/SendBudget.h"
#include "core/SessionGate.h"

namespace medtranslate::relay {

ConsultationService::ConsultationService(const RelayConfig &config, Store &store,
                                         Translator &translator, const TemplateLibrary &templates,
                                         const RedFlagDetector &redFlags,
                                         const EmergencyReply &emergencyReply,
                                         const DeskHours &deskHours, RoomRegistry &rooms,
                                         AuthService &auth, RelayMetrics &metrics, BlobStore &blobs,
                                         QObject *parent)
    : QObject(parent), m_rooms(rooms), m_access(std::make_unique<RoomAccess>(rooms)),
      m_budget(std::make_unique<SendBudget>(config)), m_forecast(std::make_unique<QueueForecast>()),
      m_fanOut(new FanOut(rooms, *m_forecast, this)),
      m_roster(new AgentRoster(rooms, config.agentGraceSeconds, this)),
      m_messages(new MessageFlow(config, store, translator, templates, redFlags, emergencyReply,
                                 rooms, *m_access, *m_fanOut, metrics, *m_budget, this)),
      m_lifecycle(new RoomLifecycle(config, store, rooms, *m_access, *m_fanOut, *m_messages,
                                    *m_forecast, this)),
      m_desk(new FrontDesk(config, deskHours, store, rooms, *m_access, *m_fanOut, *m_messages,
                           *m_roster, this)),
      m_language(new RoomLanguage(store, rooms, *m_access, *m_fanOut, *m_messages, this)),
      m_router(new RoomRouter(config, rooms, *m_roster, *m_lifecycle, *m_desk, this)),
      m_history(new HistoryReplay(store, *m_lifecycle, this)),
      m_preview(new PreviewService(translator, *m_access, this)),
      m_sessions(new SessionGate(auth, rooms, *m_lifecycle, *m_history, *m_fanOut, *m_roster,
                                 config.attachments.maxBytes, this)),
      m_attachments(new AttachmentFlow(config, rooms, *m_lifecycle, *m_messages, *m_budget, blobs,
                                       metrics, this)),
      m_dispatcher(std::make_unique<FrameDispatcher>(rooms, *m_sessions, *m_messages, *m_lifecycle,
                                                     *m_history, *m_preview, *m_roster, *m_desk,
                                                     *m_language))
{
    connect(m_lifecycle, &RoomLifecycle::roomWaiting, m_router, &RoomRouter::reconsider);
    connect(m_language, &RoomLanguage::roomWaiting, m_router, &RoomRouter::reconsider);
    connect(m_lifecycle, &RoomLifecycle::roomReleased, m_roster, &AgentRoster::loadChanged);
    connect(m_lifecycle, &RoomLifecycle::roomAssigned, m_roster, &AgentRoster::assigned);
    connect(m_roster, &AgentRoster::availabilityChanged, m_router, &RoomRouter::reconsider);
    // The desk: a patient nobody can answer now is told so as the room opens or they write.
    connect(m_roster, &AgentRoster::availabilityChanged, m_desk, &FrontDesk::availabilityChanged);
    connect(m_lifecycle, &RoomLifecycle::roomOpened, m_desk, &FrontDesk::check);
    connect(m_messages, &MessageFlow::patientMessageDelivered, m_desk, &FrontDesk::check);
    connect(m_desk, &FrontDesk::opened, m_router, &RoomRouter::reconsider);
    // Past the grace period an absent agent's rooms wait for someone else, first in line.
    connect(m_roster, &AgentRoster::graceExpired, m_lifecycle,
            [this](const QString &agentId) { m_lifecycle->requeueRoomsOf(agentId, true); });
}

ConsultationService::~ConsultationService() = default;

bool ConsultationService::loadOpenRooms(QString *error)
{
    if (!m_lifecycle->loadOpenRooms(error))
        return false;
    // Nobody is connected yet: the agents of active rooms have their grace period to return.
    for (const protocol::AgentRef &agent : m_rooms.agentsWithRooms())
        m_roster->absentWithRooms(agent);
    m_router->reconsider();
    return true;
}

void ConsultationService::createRoom(const QString &language, const QString &origin,
                                     std::optional<protocol::Prechat> prechat, QObject *context,
                                     std::function<void(std::optional<CreatedRoom>, QString)> done)
{
    m_lifecycle->create(language, origin, std::move(prechat), context, std::move(done));
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
    m_roster->updateAgent(agent);
}

PeerHandler &ConsultationService::handler()
{
    return *m_dispatcher;
}

} // namespace medtranslate::relay
