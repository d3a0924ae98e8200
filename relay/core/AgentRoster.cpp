#include "core/AgentRoster.h"

#include "core/Peer.h"
#include "core/RoomRegistry.h"
#include "medtranslate/protocol/FrameCodec.h"

#include <QDateTime>
#include <algorithm>
#include <chrono>
#include <tuple>

namespace medtranslate::relay {

using protocol::AgentStatus;

AgentRoster::AgentRoster(RoomRegistry &rooms, int graceSeconds, QObject *parent)
    : QObject(parent), m_rooms(rooms), m_graceSeconds(graceSeconds)
{
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, &AgentRoster::graceTick);
    m_broadcastTimer.setSingleShot(true);
    m_broadcastTimer.setInterval(0);
    connect(&m_broadcastTimer, &QTimer::timeout, this, &AgentRoster::broadcast);
}

void AgentRoster::connected(const AgentRecord &agent)
{
    Entry &entry = m_agents[agent.id];
    const bool returning = entry.graceEndsMs > 0;
    entry.agent = agent;
    if (!returning) {
        entry.chosen = AgentStatus::Online;
        entry.idleSinceMs = QDateTime::currentMSecsSinceEpoch();
    }
    entry.status = entry.chosen;
    entry.graceEndsMs = 0;
    armGrace();
    changed();
    emit availabilityChanged();
}

void AgentRoster::disconnected(const QString &agentId)
{
    const auto it = m_agents.find(agentId);
    if (it == m_agents.end())
        return;
    it->status = AgentStatus::Offline;
    startGrace(*it);
    changed();
}

void AgentRoster::absentWithRooms(const protocol::AgentRef &agent)
{
    const QString id = QString::fromStdString(agent.id);
    if (m_agents.contains(id))
        return;
    Entry &entry = m_agents[id];
    entry.agent.id = id;
    entry.agent.displayName = QString::fromStdString(agent.name);
    startGrace(entry);
}

void AgentRoster::updateAgent(const AgentRecord &agent)
{
    const auto it = m_agents.find(agent.id);
    if (it == m_agents.end())
        return;
    it->agent = agent;
    changed();
    emit availabilityChanged();
}

void AgentRoster::setStatus(Peer &peer, AgentStatus status)
{
    if (peer.role() != protocol::Role::Agent) {
        peer.sendError(protocol::ErrorCode::Forbidden, QStringLiteral("only agents have a status"));
        return;
    }
    Entry &entry = m_agents[peer.agent().id];
    entry.agent = peer.agent();
    entry.chosen = status;
    entry.status = status;
    changed();
    if (status == AgentStatus::Online)
        emit availabilityChanged();
}

void AgentRoster::assigned(const QString &agentId)
{
    if (const auto it = m_agents.find(agentId); it != m_agents.end())
        it->idleSinceMs = QDateTime::currentMSecsSinceEpoch();
    changed();
}

void AgentRoster::loadChanged()
{
    changed();
    emit availabilityChanged();
}

AgentStatus AgentRoster::status(const QString &agentId) const
{
    const auto it = m_agents.constFind(agentId);
    return it == m_agents.constEnd() ? AgentStatus::Offline : it->status;
}

std::vector<AgentRecord> AgentRoster::available() const
{
    std::vector<AgentRecord> agents;
    for (const Entry &entry : m_agents) {
        if (entry.status == AgentStatus::Online)
            agents.push_back(entry.agent);
    }
    return agents;
}

bool AgentRoster::anyAvailable() const
{
    return std::any_of(m_agents.cbegin(), m_agents.cend(),
                       [](const Entry &entry) { return entry.status == AgentStatus::Online; });
}

qint64 AgentRoster::idleSinceMs(const QString &agentId) const
{
    const auto it = m_agents.constFind(agentId);
    return it == m_agents.constEnd() ? 0 : it->idleSinceMs;
}

protocol::server::Agents AgentRoster::frame() const
{
    protocol::server::Agents frame;
    for (const Entry &entry : m_agents) {
        frame.agents.push_back({entry.agent.id.toStdString(), entry.agent.displayName.toStdString(),
                                entry.status,
                                std::int64_t(m_rooms.assignedTo(entry.agent.id).size())});
    }
    std::sort(frame.agents.begin(), frame.agents.end(), [](const auto &a, const auto &b) {
        return std::tie(a.name, a.id) < std::tie(b.name, b.id);
    });
    return frame;
}

void AgentRoster::startGrace(Entry &entry)
{
    if (m_graceSeconds <= 0)
        return; // the agent keeps its rooms until it returns
    entry.graceEndsMs = QDateTime::currentMSecsSinceEpoch() + qint64(m_graceSeconds) * 1000;
    armGrace();
}

void AgentRoster::armGrace()
{
    qint64 next = 0;
    for (const Entry &entry : std::as_const(m_agents)) {
        if (entry.graceEndsMs > 0 && (next == 0 || entry.graceEndsMs < next))
            next = entry.graceEndsMs;
    }
    if (next == 0) {
        m_graceTimer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, next - QDateTime::currentMSecsSinceEpoch());
    m_graceTimer.start(std::chrono::milliseconds(wait));
}

void AgentRoster::graceTick()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList expired;
    for (Entry &entry : m_agents) {
        if (entry.graceEndsMs > 0 && entry.graceEndsMs <= now) {
            entry.graceEndsMs = 0;
            expired << entry.agent.id;
        }
    }
    armGrace();
    for (const QString &id : std::as_const(expired))
        emit graceExpired(id);
}

void AgentRoster::changed()
{
    if (!m_broadcastTimer.isActive())
        m_broadcastTimer.start();
}

void AgentRoster::broadcast()
{
    const QList<Peer *> agents = m_rooms.allAgentSessions();
    if (agents.isEmpty())
        return;
    const QString encoded = QString::fromStdString(protocol::encode(frame()));
    for (Peer *peer : agents)
        peer->sendEncoded(encoded);
}

} // namespace medtranslate::relay
