#pragma once

#include "medtranslate/protocol/ClientFrames.h"
#include "storage/Records.h"

#include <QObject>

namespace medtranslate::relay {

class AgentRoster;
class AuthService;
class FanOut;
class HistoryReplay;
class Peer;
class RoomLifecycle;
class RoomRegistry;

//! Who a peer is: `hello` checks the token and answers `welcome` (with a patient's missed
//! messages replayed); connecting and leaving change presence, which both sides hear of.
class SessionGate final : public QObject
{
    Q_OBJECT

public:
    SessionGate(AuthService &auth, RoomRegistry &rooms, RoomLifecycle &lifecycle,
                HistoryReplay &replay, FanOut &fanOut, AgentRoster &roster,
                qint64 maxAttachmentBytes, QObject *parent = nullptr);

    void hello(Peer &peer, const protocol::client::Hello &hello);
    void closed(Peer &peer);
    //! An administrator ended the agent's sessions: each connection is told `unauthorized`
    //! with `why` and closed (1008), and hears nothing more meanwhile. `announceOffline`: the
    //! agent's rooms show it offline (not when they are about to go back to the queue).
    void endAgentSessions(const QString &agentId, const QString &why, bool announceOffline);
    //! The agent's account changed: its connections act with the new role from now on.
    void updateAgent(const AgentRecord &agent);
    //! True while the agent has a connection open (for the agent directory).
    [[nodiscard]] bool isAgentOnline(const QString &agentId) const;

private:
    AuthService &m_auth;
    RoomRegistry &m_rooms;
    RoomLifecycle &m_lifecycle;
    HistoryReplay &m_replay;
    FanOut &m_fanOut;
    AgentRoster &m_roster;
    qint64 m_maxAttachmentBytes; //!< told in every welcome
};

} // namespace medtranslate::relay
