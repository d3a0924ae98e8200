#pragma once

#include "core/PeerHandler.h"

namespace medtranslate::relay {

class AgentRoster;
class FrontDesk;
class HistoryReplay;
class MessageFlow;
class PreviewService;
class RoomLanguage;
class RoomLifecycle;
class RoomRegistry;
class SessionGate;

//! Hands each frame a peer sends to the part of the core that does it, as the console's
//! RelayClient does for the relay's frames: one visit over the frame variant.
class FrameDispatcher final : public PeerHandler
{
public:
    FrameDispatcher(RoomRegistry &rooms, SessionGate &sessions, MessageFlow &messages,
                    RoomLifecycle &lifecycle, HistoryReplay &history, PreviewService &preview,
                    AgentRoster &roster, FrontDesk &desk, RoomLanguage &language);

    void handleFrame(Peer &peer, protocol::ClientFrame &&frame) override;
    void peerClosed(Peer &peer) override;

private:
    void dispatch(Peer &peer, const protocol::ClientFrame &frame);

    RoomRegistry &m_rooms;
    SessionGate &m_sessions;
    MessageFlow &m_messages;
    RoomLifecycle &m_lifecycle;
    HistoryReplay &m_history;
    PreviewService &m_preview;
    AgentRoster &m_roster;
    FrontDesk &m_desk;
    RoomLanguage &m_language;
};

} // namespace medtranslate::relay
