#include "core/RoomLanguage.h"

#include "core/FanOut.h"
#include "core/MessageFlow.h"
#include "core/Peer.h"
#include "core/RoomAccess.h"
#include "core/RoomRegistry.h"
#include "core/StdString.h"
#include "storage/Store.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcLanguage, "medtranslate.language")

namespace medtranslate::relay {

using protocol::ErrorCode;
using protocol::Role;
using protocol::RoomStatus;

RoomLanguage::RoomLanguage(Store &store, RoomRegistry &rooms, const RoomAccess &access,
                           FanOut &fanOut, MessageFlow &messages, QObject *parent)
    : QObject(parent), m_store(store), m_rooms(rooms), m_access(access), m_fanOut(fanOut),
      m_messages(messages)
{
}

void RoomLanguage::setLanguage(Peer &peer, const protocol::client::SetLanguage &request)
{
    // The codec let only patient languages through; who may act on the room is RoomAccess's.
    const QString ref = qs(request.requestId);
    RoomState *room = m_access.forAction(peer, request.roomId, ref, true);
    if (!room)
        return;
    const QString roomId = qs(request.roomId);
    const QString language = qs(request.language);
    const QString before = qs(room->room.patientLanguage);
    if (language == before) {
        // Already so (both sides may correct at once): the answer, and nothing stored or said.
        m_fanOut.pushRoom(*room, {&peer});
        return;
    }
    const QString actor = peer.role() == Role::Patient
                              ? QStringLiteral("patient")
                              : QStringLiteral("agent:") + peer.agent().username;
    const QString origin = peer.address();
    QPointer<Peer> guard(&peer);
    // Guarded by the room not having ended in the store meanwhile.
    m_store.setRoomLanguage(
        roomId, language, this,
        [this, guard, roomId, language, before, actor, origin, ref](Result<bool> stored) {
            auto refuse = [guard, ref](ErrorCode code, const QString &why) {
                if (guard)
                    guard->sendError(code, why, ref);
            };
            if (!stored.ok()) {
                qCWarning(lcLanguage)
                    << "cannot change the language of" << roomId << ":" << stored.error().message;
                return refuse(ErrorCode::Internal,
                              QStringLiteral("could not change the language; try again"));
            }
            RoomState *room = m_rooms.find(roomId);
            if (!stored.value() || !room || room->room.status == RoomStatus::Ended)
                return refuse(ErrorCode::RoomEnded, QStringLiteral("the consultation has ended"));
            room->room.patientLanguage = language.toStdString();
            AuditEntry entry;
            entry.actor = actor;
            entry.action = QStringLiteral("set_language");
            entry.target = roomId;
            entry.detail = QStringLiteral("from %1 to %2").arg(before, language);
            entry.origin = origin;
            m_store.appendAudit(std::move(entry), this);
            // An admin acting on a room not theirs hears the answer too.
            QList<Peer *> extra;
            if (guard)
                extra << guard.data();
            m_fanOut.pushRoom(*room, extra);
            m_messages.postNotice(*room, SystemNotices::Kind::LanguageChanged, language);
            if (room->room.status == RoomStatus::Waiting) {
                m_fanOut.queueChanged();
                emit roomWaiting();
            }
        });
}

} // namespace medtranslate::relay
