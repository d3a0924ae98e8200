#include "core/Peer.h"

#include "core/RelayMetrics.h"
#include "medtranslate/protocol/FrameCodec.h"

namespace medtranslate::relay {

Peer::Peer(RelayMetrics *metrics, QObject *parent) : QObject(parent), m_metrics(metrics) {}

Peer::~Peer() = default;

void Peer::authenticatePatient(const QString &roomId)
{
    m_authenticated = true;
    m_role = protocol::Role::Patient;
    m_roomId = roomId;
    authenticated();
}

void Peer::authenticateAgent(const AgentRecord &agent)
{
    m_authenticated = true;
    m_role = protocol::Role::Agent;
    m_agent = agent;
    authenticated();
}

void Peer::updateAgent(const AgentRecord &agent)
{
    if (m_authenticated && m_role == protocol::Role::Agent && m_agent.id == agent.id)
        m_agent = agent;
}

void Peer::send(const protocol::ServerFrame &frame)
{
    sendEncoded(QString::fromStdString(protocol::encode(frame)));
}

void Peer::sendEncoded(const QString &frame)
{
    if (m_closed)
        return;
    transmit(frame);
    if (m_metrics)
        m_metrics->frameOut();
}

void Peer::deliver(const QString &roomId, qint64 seq, const QString &frame)
{
    const auto it = m_replaying.find(roomId);
    if (it != m_replaying.end()) {
        it->push_back({seq, frame});
        return;
    }
    sendEncoded(frame);
}

void Peer::beginReplay(const QString &roomId)
{
    m_replaying[roomId];
}

void Peer::endReplay(const QString &roomId, qint64 replayedUpTo)
{
    const auto it = m_replaying.find(roomId);
    if (it == m_replaying.end())
        return;
    const std::vector<HeldFrame> held = std::move(*it);
    m_replaying.erase(it);
    for (const auto &frame : held) {
        if (frame.seq == 0 || frame.seq > replayedUpTo)
            sendEncoded(frame.frame);
    }
}

void Peer::sendError(protocol::ErrorCode code, const QString &message, const QString &ref)
{
    if (m_metrics)
        m_metrics->frameRejected(QString::fromUtf8(protocol::toString(code).data()));
    send(protocol::server::Error{code, message.toStdString(), ref.toStdString()});
}

} // namespace medtranslate::relay
