#include "core/FrontDesk.h"

#include "config/RelayConfig.h"
#include "content/DeskHours.h"
#include "content/DeskNotices.h"
#include "core/AgentRoster.h"
#include "core/FanOut.h"
#include "core/MessageFlow.h"
#include "core/Peer.h"
#include "core/RoomAccess.h"
#include "core/RoomRegistry.h"
#include "core/StdString.h"
#include "storage/Store.h"

#include <QLoggingCategory>
#include <QPointer>
#include <chrono>

Q_LOGGING_CATEGORY(lcDesk, "medtranslate.desk")

namespace medtranslate::relay {

using protocol::ErrorCode;
using protocol::Role;
using protocol::RoomStatus;

namespace {
//! Opening hours are whole minutes: looking every half minute finds an opening in time.
constexpr auto kHoursCheck = std::chrono::seconds(30);
} // namespace

FrontDesk::FrontDesk(const RelayConfig &config, const DeskHours &hours, Store &store,
                     RoomRegistry &rooms, const RoomAccess &access, FanOut &fanOut,
                     MessageFlow &messages, const AgentRoster &roster, QObject *parent)
    : QObject(parent), m_config(config), m_hours(hours), m_store(store), m_rooms(rooms),
      m_access(access), m_fanOut(fanOut), m_messages(messages), m_roster(roster)
{
    m_wasOpen = isOpen();
    if (!m_hours.alwaysOpen()) {
        connect(&m_hoursTimer, &QTimer::timeout, this, &FrontDesk::watchHours);
        m_hoursTimer.start(kHoursCheck);
    }
}

bool FrontDesk::isOpen(const QDateTime &now) const
{
    return m_hours.isOpen(now);
}

std::optional<QDateTime> FrontDesk::nextOpening(const QDateTime &now) const
{
    if (m_hours.isOpen(now))
        return std::nullopt;
    return m_hours.nextOpening(now);
}

bool FrontDesk::attended() const
{
    return m_roster.anyAvailable();
}

void FrontDesk::availabilityChanged()
{
    const bool now = attended();
    if (now && !m_wasAttended)
        ++m_attendedPeriod; // nobody was online before: a later lapse is a new period
    m_wasAttended = now;
}

void FrontDesk::watchHours()
{
    const bool open = isOpen();
    if (open && !m_wasOpen) {
        qCInfo(lcDesk) << "the desk opened";
        emit opened();
    }
    m_wasOpen = open;
}

void FrontDesk::check(const QString &roomId)
{
    RoomState *room = m_rooms.find(roomId);
    // A counselor already has it: they answer, whatever the clock says.
    if (!room || room->room.status != RoomStatus::Waiting)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    DeskNotices::Kind kind;
    std::optional<QDateTime> opensAt;
    QString period;
    if (!m_hours.isOpen(now)) {
        kind = DeskNotices::Kind::Closed;
        opensAt = m_hours.nextOpening(now);
        // One closed period ends at one opening: the same opening is the same period.
        period = QStringLiteral("closed:%1").arg(opensAt ? opensAt->toMSecsSinceEpoch() : -1);
    } else if (m_config.desk.unattendedNotice && !attended()) {
        m_wasAttended = false; // the roster says when someone comes, not always when all left
        kind = DeskNotices::Kind::Unattended;
        period = QStringLiteral("unattended:%1").arg(m_attendedPeriod);
    } else {
        return;
    }
    if (room->deskNoticePeriod == period)
        return;
    room->deskNoticePeriod = period;
    const QTimeZone &zone = m_hours.timeZone();
    m_messages.postVetted(*room, DeskNotices::eventName(kind),
                          DeskNotices::text(kind, QStringLiteral("ko"), opensAt, zone),
                          DeskNotices::text(kind, qs(room->room.patientLanguage), opensAt, zone));
}

void FrontDesk::contact(Peer &peer, const protocol::client::ContactDetails &details)
{
    if (peer.role() != Role::Patient) {
        peer.sendError(ErrorCode::Forbidden,
                       QStringLiteral("only the patient leaves contact details"));
        return;
    }
    RoomState *room = m_access.forAction(peer, details.roomId, {}, true);
    if (!room)
        return;
    const QString roomId = qs(details.roomId);
    const protocol::Contact contact = details.contact;
    QPointer<Peer> guard(&peer);
    m_store.setRoomContact(roomId, contact, this, [this, roomId, contact, guard](Result<void> r) {
        RoomState *room = m_rooms.find(roomId);
        if (!r.ok()) {
            qCWarning(lcDesk) << "contact details not stored for" << roomId << r.error().message;
            if (guard)
                guard->sendError(ErrorCode::Internal,
                                 QStringLiteral("could not keep the contact details; try again"));
            return;
        }
        if (!room)
            return;
        room->room.answerLater = true;
        room->room.contact = contact;
        m_fanOut.pushRoom(*room);
        if (room->room.status == RoomStatus::Waiting)
            m_fanOut.queueChanged();
        const auto kind = DeskNotices::Kind::ContactSaved;
        const QTimeZone &zone = m_hours.timeZone();
        m_messages.postVetted(
            *room, DeskNotices::eventName(kind),
            DeskNotices::text(kind, QStringLiteral("ko"), std::nullopt, zone),
            DeskNotices::text(kind, qs(room->room.patientLanguage), std::nullopt, zone));
    });
}

} // namespace medtranslate::relay
