#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

namespace medtranslate::relay {

struct RelayConfig;

class AgentRoster;
class FrontDesk;
class RoomLifecycle;
class RoomRegistry;

//! Automatic routing (`--routing auto`): waiting rooms, in queue order, go to the online agent
//! who reads the patient's language and has the fewest active rooms below its maximum (the
//! account's, else --agent-max-chats' default 5), ties to the one idle longest (see
//! AgentRoster::idleSinceMs). A room nobody can take waits; each pass runs again when a room
//! starts waiting, an agent becomes available, an agent's load drops, or the desk opens. While
//! the desk is closed, rooms whose patient left contact details (answer later) are left for
//! agents to take from the queue: the desk answers them when it opens.
class RoomRouter final : public QObject
{
    Q_OBJECT

public:
    RoomRouter(const RelayConfig &config, RoomRegistry &rooms, AgentRoster &roster,
               RoomLifecycle &lifecycle, const FrontDesk &desk, QObject *parent = nullptr);

    //! Something changed that may let a waiting room be assigned: a pass runs once the current
    //! work is done (one per event-loop turn, however many changes).
    void reconsider();

private:
    void route();

    const RelayConfig &m_config;
    RoomRegistry &m_rooms;
    AgentRoster &m_roster;
    RoomLifecycle &m_lifecycle;
    const FrontDesk &m_desk;
    QHash<QString, int> m_inFlight; //!< assignments being stored, per agent
    QTimer m_pass;
};

} // namespace medtranslate::relay
