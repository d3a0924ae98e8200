#include "core/FrameDispatcher.h"

#include "core/AgentRoster.h"
#include "core/FrontDesk.h"
#include "core/HistoryReplay.h"
#include "core/MessageFlow.h"
#include "core/Peer.h"
#include "core/PreviewService.h"
#include "core/RoomLanguage.h"
#include "core/RoomLifecycle.h"
#include "core/RoomRegistry.h"
#include "core/SessionGate.h"

#include <QPointer>

namespace medtranslate::relay {

using protocol::ErrorCode;
namespace client = protocol::client;

FrameDispatcher::FrameDispatcher(RoomRegistry &rooms, SessionGate &sessions, MessageFlow &messages,
                                 RoomLifecycle &lifecycle, HistoryReplay &history,
                                 PreviewService &preview, AgentRoster &roster, FrontDesk &desk,
                                 RoomLanguage &language)
    : m_rooms(rooms), m_sessions(sessions), m_messages(messages), m_lifecycle(lifecycle),
      m_history(history), m_preview(preview), m_roster(roster), m_desk(desk), m_language(language)
{
}

void FrameDispatcher::handleFrame(Peer &peer, protocol::ClientFrame &&frame)
{
    // An agent whose sessions an administrator ended is being closed; what it still sends in
    // the meantime is not acted on.
    if (peer.isAuthenticated() && peer.role() == protocol::Role::Agent &&
        !std::holds_alternative<client::Hello>(frame) &&
        !m_rooms.agentSessions(peer.agent().id).contains(&peer)) {
        peer.sendError(ErrorCode::Unauthorized,
                       QStringLiteral("the session has ended; log in again"),
                       QString::fromStdString(protocol::referenceOf(frame)));
        return;
    }
    // Ended rooms leave memory; an agent acting on one gets it loaded first, so the answer is
    // the room's real state (room_ended) rather than "not found".
    const std::string *roomId = std::visit(
        [](const auto &f) -> const std::string * {
            if constexpr (requires { f.roomId; })
                return &f.roomId;
            else
                return nullptr;
        },
        frame);
    if (roomId && peer.role() == protocol::Role::Agent &&
        !m_rooms.find(QString::fromStdString(*roomId))) {
        QPointer<Peer> guard(&peer);
        const QString id = QString::fromStdString(*roomId); // before `frame` is moved
        m_lifecycle.withRoom(
            id, &peer, [this, guard, frame = std::move(frame)](RoomState *room, QString error) {
                if (!guard)
                    return;
                const QString ref = QString::fromStdString(protocol::referenceOf(frame));
                if (!error.isEmpty())
                    return guard->sendError(
                        ErrorCode::Internal,
                        QStringLiteral("the relay cannot load the room now; try again"), ref);
                if (!room)
                    return guard->sendError(ErrorCode::NotFound, QStringLiteral("no such room"),
                                            ref);
                dispatch(*guard, frame);
            });
        return;
    }
    dispatch(peer, frame);
}

void FrameDispatcher::dispatch(Peer &peer, const protocol::ClientFrame &frame)
{
    std::visit(
        [this, &peer](const auto &f) {
            using T = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<T, client::Hello>)
                m_sessions.hello(peer, f);
            else if constexpr (std::is_same_v<T, client::Send>)
                m_messages.send(peer, f);
            else if constexpr (std::is_same_v<T, client::Typing>)
                m_messages.typing(peer, f);
            else if constexpr (std::is_same_v<T, client::Read>)
                m_messages.read(peer, f);
            else if constexpr (std::is_same_v<T, client::End>)
                m_lifecycle.end(peer, f);
            else if constexpr (std::is_same_v<T, client::History>)
                m_history.history(peer, f);
            else if constexpr (std::is_same_v<T, client::Preview>)
                m_preview.preview(peer, f);
            else if constexpr (std::is_same_v<T, client::Accept>)
                m_lifecycle.accept(peer, f);
            else if constexpr (std::is_same_v<T, client::Transfer>)
                m_lifecycle.transfer(peer, f);
            else if constexpr (std::is_same_v<T, client::Retranslate>)
                m_messages.retranslate(peer, f);
            else if constexpr (std::is_same_v<T, client::Status>)
                m_roster.setStatus(peer, f.status);
            else if constexpr (std::is_same_v<T, client::ContactDetails>)
                m_desk.contact(peer, f);
            else if constexpr (std::is_same_v<T, client::SetLanguage>)
                m_language.setLanguage(peer, f);
            else
                static_assert(sizeof(T) == 0, "a client frame without a handler");
        },
        frame);
}

void FrameDispatcher::peerClosed(Peer &peer)
{
    m_sessions.closed(peer);
}

} // namespace medtranslate::relay
