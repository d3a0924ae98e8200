#include "core/RoomRegistry.h"

#include <QDateTime>
#include <algorithm>
#include <tuple>

namespace medtranslate::relay {

RoomState *RoomRegistry::find(const QString &roomId)
{
    const auto it = m_rooms.constFind(roomId);
    return it == m_rooms.constEnd() ? nullptr : it->get();
}

RoomState *RoomRegistry::findByTokenHash(const QString &tokenHash)
{
    const auto it = m_byTokenHash.constFind(tokenHash);
    return it == m_byTokenHash.constEnd() ? nullptr : find(*it);
}

RoomState &RoomRegistry::insert(const RoomRecord &record)
{
    const QString id = QString::fromStdString(record.room.roomId);
    if (auto *existing = find(id))
        return *existing;
    auto state = std::make_shared<RoomState>();
    state->room = record.room;
    state->patientTokenHash = record.patientTokenHash;
    state->createdAtMs =
        QDateTime::fromString(QString::fromStdString(record.room.createdAt), Qt::ISODate)
            .toMSecsSinceEpoch();
    state->waitingSinceMs = state->createdAtMs;
    if (!record.endedAt.isEmpty())
        state->endedAtMs = QDateTime::fromString(record.endedAt, Qt::ISODate).toMSecsSinceEpoch();
    m_byTokenHash.insert(record.patientTokenHash, id);
    m_rooms.insert(id, state);
    return *state;
}

void RoomRegistry::remove(const QString &roomId)
{
    const auto it = m_rooms.find(roomId);
    if (it == m_rooms.end())
        return;
    m_byTokenHash.remove((*it)->patientTokenHash);
    m_rooms.erase(it);
}

std::vector<const RoomState *> RoomRegistry::waiting() const
{
    std::vector<const RoomState *> rooms;
    for (const auto &state : m_rooms) {
        if (state->room.status == protocol::RoomStatus::Waiting)
            rooms.push_back(state.get());
    }
    // Urgent rooms first (red flags), then live before answer-later, then those back in the
    // queue, then the longest waiting.
    std::sort(rooms.begin(), rooms.end(), [](const RoomState *a, const RoomState *b) {
        if (a->room.urgent != b->room.urgent)
            return a->room.urgent;
        // A patient still at the screen first: one who left contact details can be answered
        // later, the other may give up.
        if (a->room.answerLater != b->room.answerLater)
            return b->room.answerLater;
        if (a->returnedToQueue != b->returnedToQueue)
            return a->returnedToQueue;
        // created_at has whole seconds: within one, the relay's own clock in ms decides.
        return std::tie(a->room.createdAt, a->waitingSinceMs, a->room.roomId) <
               std::tie(b->room.createdAt, b->waitingSinceMs, b->room.roomId);
    });
    return rooms;
}

std::vector<RoomState *> RoomRegistry::assignedTo(const QString &agentId)
{
    std::vector<RoomState *> rooms;
    const std::string id = agentId.toStdString();
    for (const auto &state : m_rooms) {
        if (state->room.status == protocol::RoomStatus::Active && state->room.agent &&
            state->room.agent->id == id)
            rooms.push_back(state.get());
    }
    std::sort(rooms.begin(), rooms.end(), [](const RoomState *a, const RoomState *b) {
        return a->room.createdAt < b->room.createdAt;
    });
    return rooms;
}

std::vector<const RoomState *> RoomRegistry::open() const
{
    std::vector<const RoomState *> rooms = waiting();
    std::vector<const RoomState *> active;
    for (const auto &state : m_rooms) {
        if (state->room.status == protocol::RoomStatus::Active)
            active.push_back(state.get());
    }
    std::sort(active.begin(), active.end(), [](const RoomState *a, const RoomState *b) {
        return std::tie(a->room.createdAt, a->room.roomId) <
               std::tie(b->room.createdAt, b->room.roomId);
    });
    rooms.insert(rooms.end(), active.begin(), active.end());
    return rooms;
}

std::vector<protocol::AgentRef> RoomRegistry::agentsWithRooms() const
{
    std::vector<protocol::AgentRef> agents;
    for (const auto &state : m_rooms) {
        if (state->room.status != protocol::RoomStatus::Active || !state->room.agent)
            continue;
        const auto &agent = *state->room.agent;
        if (std::none_of(agents.begin(), agents.end(),
                         [&](const protocol::AgentRef &a) { return a.id == agent.id; }))
            agents.push_back(agent);
    }
    return agents;
}

void RoomRegistry::addAgentSession(const QString &agentId, Peer *session)
{
    m_agentSessions[agentId].append(session);
}

void RoomRegistry::removeAgentSession(const QString &agentId, Peer *session)
{
    const auto it = m_agentSessions.find(agentId);
    if (it == m_agentSessions.end())
        return;
    it->removeAll(session);
    if (it->isEmpty())
        m_agentSessions.erase(it);
}

QList<Peer *> RoomRegistry::agentSessions(const QString &agentId) const
{
    return m_agentSessions.value(agentId);
}

QList<Peer *> RoomRegistry::allAgentSessions() const
{
    QList<Peer *> all;
    for (const auto &sessions : m_agentSessions)
        all += sessions;
    return all;
}

protocol::Room RoomRegistry::snapshot(const RoomState &state) const
{
    protocol::Room room = state.room;
    room.patientOnline = !state.patients.isEmpty();
    room.agentOnline =
        room.agent && m_agentSessions.contains(QString::fromStdString(room.agent->id));
    return room;
}

QList<Peer *> RoomRegistry::recipients(const RoomState &state) const
{
    QList<Peer *> sessions = state.patients;
    if (state.room.agent)
        sessions += m_agentSessions.value(QString::fromStdString(state.room.agent->id));
    return sessions;
}

} // namespace medtranslate::relay
