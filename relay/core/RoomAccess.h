#pragma once

#include "core/Identity.h"

#include <QString>
#include <string>

namespace medtranslate::relay {

class Peer;
class RoomRegistry;
struct RoomState;

//! Who may read or act on which room: a patient only on their own, an agent on the rooms
//! assigned to them, an admin on any.
class RoomAccess final
{
public:
    explicit RoomAccess(RoomRegistry &rooms) : m_rooms(rooms) {}

    //! A patient reads their room; an agent a waiting room, their own, or any ended one (the
    //! desk's records, found by the consultation search); an admin every room. A colleague's
    //! open consultation stays theirs.
    [[nodiscard]] static bool mayRead(const Identity &who, const RoomState &room);
    //! The room `peer` may act on, or nullptr after telling the client why not.
    RoomState *forAction(Peer &peer, const std::string &roomId, const QString &ref,
                         bool mustBeOpen) const;

private:
    RoomRegistry &m_rooms;
};

} // namespace medtranslate::relay
