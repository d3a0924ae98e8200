#include "core/RoomRouter.h"

#include "config/RelayConfig.h"
#include "core/AgentRoster.h"
#include "core/FrontDesk.h"
#include "core/RoomLifecycle.h"
#include "core/RoomRegistry.h"
#include "core/StdString.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <chrono>
#include <tuple>
#include <vector>

Q_LOGGING_CATEGORY(lcRouting, "medtranslate.routing")

namespace medtranslate::relay {

RoomRouter::RoomRouter(const RelayConfig &config, RoomRegistry &rooms, AgentRoster &roster,
                       RoomLifecycle &lifecycle, const FrontDesk &desk, QObject *parent)
    : QObject(parent), m_config(config), m_rooms(rooms), m_roster(roster), m_lifecycle(lifecycle),
      m_desk(desk)
{
    m_pass.setSingleShot(true);
    m_pass.setInterval(0);
    connect(&m_pass, &QTimer::timeout, this, &RoomRouter::route);
}

void RoomRouter::reconsider()
{
    if (m_config.autoRouting && !m_pass.isActive())
        m_pass.start();
}

void RoomRouter::route()
{
    struct Candidate
    {
        AgentRecord agent;
        int load;
        int maxChats;
        qint64 idleSinceMs;
    };
    std::vector<Candidate> candidates;
    for (AgentRecord &agent : m_roster.available()) {
        const int load = int(m_rooms.assignedTo(agent.id).size()) + m_inFlight.value(agent.id);
        const int maxChats = agent.maxChats > 0 ? agent.maxChats : m_config.defaultMaxChats;
        const qint64 idle = m_roster.idleSinceMs(agent.id);
        candidates.push_back({std::move(agent), load, maxChats, idle});
    }
    if (candidates.empty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool deskOpen = m_desk.isOpen();
    for (const RoomState *waiting : m_rooms.waiting()) {
        if (waiting->changing)
            continue; // an accept or an end is being stored
        if (waiting->room.answerLater && !deskOpen)
            continue; // the patient has gone and left contact details: answered in hours
        const QString language = qs(waiting->room.patientLanguage);
        Candidate *best = nullptr;
        for (Candidate &c : candidates) {
            // An account without languages was given every patient language when it was made.
            if (c.load >= c.maxChats ||
                (!c.agent.languages.isEmpty() && !c.agent.languages.contains(language)))
                continue;
            if (!best || std::tie(c.load, c.idleSinceMs, c.agent.id) <
                             std::tie(best->load, best->idleSinceMs, best->agent.id))
                best = &c;
        }
        if (!best)
            continue; // it waits, and later rooms in other languages may still be taken
        ++best->load;
        best->idleSinceMs = now;
        const QString agentId = best->agent.id;
        ++m_inFlight[agentId];
        RoomState *room = m_rooms.find(qs(waiting->room.roomId));
        m_lifecycle.assign(*room, best->agent, QStringLiteral("relay"), {},
                           [this, agentId](bool assigned, QString error) {
                               if (--m_inFlight[agentId] <= 0)
                                   m_inFlight.remove(agentId);
                               if (assigned)
                                   return;
                               // The store failed, or has the room in another state than memory:
                               // try again a little later rather than in a loop.
                               if (!error.isEmpty())
                                   qCWarning(lcRouting) << "cannot assign a room:" << error;
                               QTimer::singleShot(std::chrono::seconds(1), this,
                                                  &RoomRouter::reconsider);
                           });
    }
}

} // namespace medtranslate::relay
