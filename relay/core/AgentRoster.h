#pragma once

#include "medtranslate/protocol/ServerFrames.h"
#include "storage/Records.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <vector>

namespace medtranslate::relay {

class Peer;
class RoomRegistry;

//! The agents this relay has seen: each one's status (online, away, offline), since when it
//! has been idle, and the grace period after its last connection dropped. Every agent hears
//! of a colleague's change through one `agents` frame per event-loop turn.
class AgentRoster final : public QObject
{
    Q_OBJECT

public:
    AgentRoster(RoomRegistry &rooms, int graceSeconds, QObject *parent = nullptr);

    //! The agent's first connection opened; a return within the grace period keeps the status
    //! it had (an agent that was away stays away).
    void connected(const AgentRecord &agent);
    //! The agent's last connection closed: offline, and its grace period starts.
    void disconnected(const QString &agentId);
    //! Active rooms of an agent that is not connected (loaded at start-up): its grace period
    //! starts as if it had just left.
    void absentWithRooms(const protocol::AgentRef &agent);
    //! The agent's account changed (languages, capacity, name).
    void updateAgent(const AgentRecord &agent);
    //! A `status` frame from an agent's connection.
    void setStatus(Peer &peer, protocol::AgentStatus status);
    //! A room was given to the agent: it is no longer idle.
    void assigned(const QString &agentId);
    //! The number of active chats may have changed (an end, a transfer, a return to the queue).
    void loadChanged();

    [[nodiscard]] protocol::AgentStatus status(const QString &agentId) const;
    //! Agents connected and `online`, who may be given new rooms.
    [[nodiscard]] std::vector<AgentRecord> available() const;
    //! Whether anyone is available, without copying their records (asked for every message of a
    //! waiting patient).
    [[nodiscard]] bool anyAvailable() const;
    //! Since when (ms since the epoch) the agent has had no new room: its last assignment, or
    //! when it came online.
    [[nodiscard]] qint64 idleSinceMs(const QString &agentId) const;
    [[nodiscard]] protocol::server::Agents frame() const;

signals:
    //! Someone became available or changed what they can take: rooms may be offered again.
    void availabilityChanged();
    //! The agent stayed away past the grace period: its rooms go back to the queue.
    void graceExpired(const QString &agentId);

private:
    struct Entry
    {
        AgentRecord agent;
        protocol::AgentStatus status = protocol::AgentStatus::Offline;
        protocol::AgentStatus chosen = protocol::AgentStatus::Online; //!< what it last asked for
        qint64 idleSinceMs = 0;
        qint64 graceEndsMs = 0; //!< 0 when no grace period runs
    };

    void startGrace(Entry &entry);
    //! Arms the one grace timer for the earliest deadline.
    void armGrace();
    void graceTick();
    void changed();
    void broadcast();

    RoomRegistry &m_rooms;
    int m_graceSeconds;
    QHash<QString, Entry> m_agents;
    QTimer m_graceTimer;     //!< one timer for every grace period, set to the next one ending
    QTimer m_broadcastTimer; //!< coalesces `agents` frames into one per event-loop turn
};

} // namespace medtranslate::relay
