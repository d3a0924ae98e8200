#include "core/SessionGate.h"

#include "auth/AuthService.h"
#include "core/AgentRoster.h"
#include "core/FanOut.h"
#include "core/HistoryReplay.h"
#include "core/Peer.h"
#include "core/RoomLifecycle.h"
#include "core/RoomRegistry.h"

#include <QPointer>

namespace medtranslate::relay {

using protocol::ErrorCode;
using protocol::Role;
using protocol::RoomStatus;
namespace server = protocol::server;

SessionGate::SessionGate(AuthService &auth, RoomRegistry &rooms, RoomLifecycle &lifecycle,
                         HistoryReplay &replay, FanOut &fanOut, AgentRoster &roster,
                         qint64 maxAttachmentBytes, QObject *parent)
    : QObject(parent), m_auth(auth), m_rooms(rooms), m_lifecycle(lifecycle), m_replay(replay),
      m_fanOut(fanOut), m_roster(roster), m_maxAttachmentBytes(maxAttachmentBytes)
{
}

bool SessionGate::isAgentOnline(const QString &agentId) const
{
    return !m_rooms.agentSessions(agentId).isEmpty();
}

void SessionGate::hello(Peer &peer, const protocol::client::Hello &hello)
{
    QPointer<Peer> guard(&peer);
    const QString token = QString::fromStdString(hello.token);
    auto refuse = [guard](const QString &why) {
        if (!guard)
            return;
        guard->sendError(ErrorCode::Unauthorized, why);
        guard->closeForPolicy(QStringLiteral("unauthorized"));
    };
    if (hello.role == Role::Patient) {
        const qint64 lastSeq = hello.lastSeq.value_or(0);
        m_lifecycle.withPatientToken(
            token, &peer, [this, guard, lastSeq, refuse](RoomState *room, QString error) {
                if (!guard || guard->isAuthenticated())
                    return;
                if (!error.isEmpty()) {
                    guard->sendError(
                        ErrorCode::Internal,
                        QStringLiteral("the relay cannot check the token now; try again"));
                    return;
                }
                if (!room)
                    return refuse(QStringLiteral("unknown or expired patient token"));
                const QString roomId = QString::fromStdString(room->room.roomId);
                guard->authenticatePatient(roomId);
                const bool cameOnline = room->patients.isEmpty();
                room->patients.append(guard.data());
                guard->beginReplay(roomId);
                guard->send(server::Welcome{
                    Role::Patient, {m_rooms.snapshot(*room)}, std::nullopt, m_maxAttachmentBytes});
                if (room->room.status == protocol::RoomStatus::Ended)
                    m_lifecycle.closeWhenReadOnlyEnds(*guard, *room);
                if (cameOnline)
                    m_fanOut.pushRoom(*room);
                if (room->room.status == protocol::RoomStatus::Waiting)
                    m_fanOut.sendPosition(*room);
                m_replay.replay(*guard, roomId, lastSeq);
            });
        return;
    }
    m_auth.agentForToken(
        token, &peer, [this, guard, refuse](std::optional<AgentRecord> agent, QString error) {
            if (!guard || guard->isAuthenticated())
                return;
            if (!error.isEmpty()) {
                guard->sendError(ErrorCode::Internal,
                                 QStringLiteral("the relay cannot check the token now; try again"));
                return;
            }
            if (!agent)
                return refuse(QStringLiteral("unknown or expired agent token; log in again"));
            guard->authenticateAgent(*agent);
            const bool cameOnline = m_rooms.agentSessions(agent->id).isEmpty();
            m_rooms.addAgentSession(agent->id, guard.data());
            server::Welcome welcome{
                Role::Agent,
                {},
                protocol::AgentRef{agent->id.toStdString(), agent->displayName.toStdString()},
                m_maxAttachmentBytes};
            const auto assigned = m_rooms.assignedTo(agent->id);
            for (const RoomState *room : assigned)
                welcome.rooms.push_back(m_rooms.snapshot(*room));
            guard->send(welcome);
            guard->send(m_fanOut.queueFrame());
            if (agent->role == QLatin1String("admin"))
                guard->send(m_fanOut.overviewFrame());
            // Notes colleagues left with rooms transferred while the agent was away.
            for (const RoomState *room : assigned) {
                if (room->transferNote)
                    guard->send(*room->transferNote);
            }
            if (cameOnline) {
                for (const RoomState *room : assigned)
                    m_fanOut.pushRoom(*room);
                m_roster.connected(*agent); // everyone, this connection too, hears of it
            } else {
                guard->send(m_roster.frame());
            }
        });
}

void SessionGate::endAgentSessions(const QString &agentId, const QString &why, bool announceOffline)
{
    const QList<Peer *> sessions = m_rooms.agentSessions(agentId);
    for (Peer *peer : sessions) {
        m_rooms.removeAgentSession(agentId, peer);
        peer->sendError(ErrorCode::Unauthorized, why);
        peer->closeForPolicy(why);
    }
    if (!sessions.isEmpty())
        m_roster.disconnected(agentId);
    if (announceOffline && !sessions.isEmpty()) {
        for (const RoomState *room : m_rooms.assignedTo(agentId))
            m_fanOut.pushRoom(*room);
    }
}

void SessionGate::updateAgent(const AgentRecord &agent)
{
    for (Peer *peer : m_rooms.agentSessions(agent.id))
        peer->updateAgent(agent);
}

void SessionGate::closed(Peer &peer)
{
    if (!peer.isAuthenticated())
        return;
    if (peer.role() == Role::Patient) {
        RoomState *room = m_rooms.find(peer.roomId());
        if (!room)
            return;
        room->patients.removeAll(&peer);
        if (room->patients.isEmpty()) {
            m_fanOut.pushRoom(*room);
            if (room->room.status == RoomStatus::Ended)
                m_rooms.remove(peer.roomId()); // nobody left to serve an ended room
        }
        return;
    }
    const QString agentId = peer.agent().id;
    // A session an administrator ended has left the registry already, and was announced.
    if (!m_rooms.agentSessions(agentId).contains(&peer))
        return;
    m_rooms.removeAgentSession(agentId, &peer);
    if (m_rooms.agentSessions(agentId).isEmpty()) {
        for (const RoomState *room : m_rooms.assignedTo(agentId))
            m_fanOut.pushRoom(*room);
        m_roster.disconnected(agentId);
    }
}

} // namespace medtranslate::relay
