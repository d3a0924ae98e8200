#include "core/RoomAccess.h"

#include "core/Peer.h"
#include "core/RoomRegistry.h"

namespace medtranslate::relay {

using protocol::ErrorCode;
using protocol::Role;
using protocol::RoomStatus;

bool RoomAccess::mayRead(const Identity &who, const RoomState &room)
{
    if (who.role == Role::Patient)
        return who.roomId == QString::fromStdString(room.room.roomId);
    if (who.agent.role == QLatin1String("admin") || room.room.status == RoomStatus::Waiting ||
        room.room.status == RoomStatus::Ended)
        return true;
    return room.room.agent && QString::fromStdString(room.room.agent->id) == who.agent.id;
}

RoomState *RoomAccess::forAction(Peer &peer, const std::string &roomIdUtf8, const QString &ref,
                                 bool mustBeOpen) const
{
    const QString roomId = QString::fromStdString(roomIdUtf8);
    RoomState *room = m_rooms.find(roomId);
    if (peer.role() == Role::Patient && peer.roomId() != roomId) {
        peer.sendError(room ? ErrorCode::Forbidden : ErrorCode::NotFound,
                       room ? QStringLiteral("this token is not for that room")
                            : QStringLiteral("no such room"),
                       ref);
        return nullptr;
    }
    if (!room) {
        peer.sendError(ErrorCode::NotFound, QStringLiteral("no such open room"), ref);
        return nullptr;
    }
    if (mustBeOpen && room->room.status == RoomStatus::Ended) {
        peer.sendError(ErrorCode::RoomEnded, QStringLiteral("the consultation has ended"), ref);
        return nullptr;
    }
    if (peer.role() == Role::Agent && peer.agent().role != QLatin1String("admin")) {
        const bool mine =
            room->room.agent && QString::fromStdString(room->room.agent->id) == peer.agent().id;
        if (!mine) {
            peer.sendError(ErrorCode::Forbidden,
                           room->room.status == RoomStatus::Waiting
                               ? QStringLiteral("accept the room first")
                               : QStringLiteral("the room is assigned to another agent"),
                           ref);
            return nullptr;
        }
    }
    return room;
}

} // namespace medtranslate::relay
