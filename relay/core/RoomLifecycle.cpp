#include "core/RoomLifecycle.h"

#include "auth/TokenGenerator.h"
#include "config/RelayConfig.h"
#include "core/FanOut.h"
#include "core/MessageFlow.h"
#include "core/Peer.h"
#include "core/QueueForecast.h"
#include "core/RoomAccess.h"
#include "core/RoomRegistry.h"
#include "core/StdString.h"
#include "storage/Store.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <algorithm>
#include <chrono>

Q_LOGGING_CATEGORY(lcRooms, "medtranslate.rooms")

namespace medtranslate::relay {

using protocol::ErrorCode;
using protocol::Role;
using protocol::RoomStatus;
namespace client = protocol::client;
namespace server = protocol::server;

RoomLifecycle::RoomLifecycle(const RelayConfig &config, Store &store, RoomRegistry &rooms,
                             const RoomAccess &access, FanOut &fanOut, MessageFlow &messages,
                             QueueForecast &forecast, QObject *parent)
    : QObject(parent), m_config(config), m_store(store), m_rooms(rooms), m_access(access),
      m_fanOut(fanOut), m_messages(messages), m_forecast(forecast)
{
}

bool RoomLifecycle::loadOpenRooms(QString *error)
{
    const auto rooms = m_store.openRoomsBlocking();
    if (!rooms.ok()) {
        *error = rooms.error().message;
        return false;
    }
    for (const auto &record : rooms.value()) {
        RoomState &state = m_rooms.insert(record);
        if (state.room.status != RoomStatus::Waiting)
            continue;
        // The queue shows each waiting patient's first words.
        const QString roomId = qs(record.room.roomId);
        // The relay's own notices (the desk's, at creation) may come before the patient's words.
        const auto first = m_store.messagesAfterBlocking(roomId, 0, 8);
        for (const protocol::Message &message :
             first.ok() ? first.value() : std::vector<protocol::Message>{}) {
            if (message.sender != protocol::Sender::Patient)
                continue;
            state.firstMessageText = message.text;
            state.firstMessageTranslation = message.translation.text;
            break;
        }
    }
    return true;
}

void RoomLifecycle::create(const QString &language, const QString &origin,
                           std::optional<protocol::Prechat> prechat, QObject *context,
                           std::function<void(std::optional<CreatedRoom>, QString)> done)
{
    RoomRecord record;
    record.room.prechat = std::move(prechat);
    record.room.roomId = TokenGenerator::newRoomId().toStdString();
    record.room.status = RoomStatus::Waiting;
    record.room.patientLanguage = language.toStdString();
    record.room.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    const QString token = TokenGenerator::newToken();
    record.patientTokenHash = TokenGenerator::hashToken(token);
    record.origin = origin;
    QPointer<QObject> guard(context);
    m_store.createRoom(
        record, this, [this, record, token, guard, done = std::move(done)](Result<void> result) {
            if (!result.ok()) {
                qCWarning(lcRooms) << "cannot create a room:" << result.error().message;
                if (guard)
                    done(std::nullopt, result.error().message);
                return;
            }
            m_rooms.insert(record).waitingSinceMs = QDateTime::currentMSecsSinceEpoch();
            m_fanOut.queueChanged();
            emit roomOpened(qs(record.room.roomId));
            emit roomWaiting();
            if (guard)
                done(CreatedRoom{qs(record.room.roomId), token}, {});
        });
}

RoomLifecycle::Loaded RoomLifecycle::loader(QObject *context, bool keepEnded, Found done)
{
    QPointer<QObject> guard(context);
    return
        [this, guard, keepEnded, done = std::move(done)](Result<std::optional<RoomRecord>> result) {
            if (!guard)
                return;
            if (!result.ok())
                return done(nullptr, result.error().message);
            if (!result.value())
                return done(nullptr, {});
            const QString id = QString::fromStdString(result.value()->room.roomId);
            done(&m_rooms.insert(*result.value()), {});
            // An ended room nobody is connected to was only needed for this answer.
            if (RoomState *loaded = m_rooms.find(id); !keepEnded && loaded &&
                                                      loaded->room.status == RoomStatus::Ended &&
                                                      loaded->patients.isEmpty())
                m_rooms.remove(id);
        };
}

void RoomLifecycle::withRoom(const QString &roomId, QObject *context, Found done)
{
    if (auto *state = m_rooms.find(roomId))
        return done(state, {});
    m_store.roomById(roomId, this, loader(context, false, std::move(done)));
}

void RoomLifecycle::withPatientToken(const QString &token, QObject *context, Found done)
{
    const QString tokenHash = TokenGenerator::hashToken(token);
    if (auto *state = m_rooms.findByTokenHash(tokenHash))
        return done(patientTokenUsable(*state) ? state : nullptr, {});
    // The patient is about to connect, so even an ended room stays (read-only) in memory.
    m_store.roomByTokenHash(
        tokenHash, this,
        loader(context, true, [this, done = std::move(done)](RoomState *state, QString error) {
            if (state && !patientTokenUsable(*state)) {
                const QString id = QString::fromStdString(state->room.roomId);
                if (state->room.status == RoomStatus::Ended && state->patients.isEmpty())
                    m_rooms.remove(id);
                state = nullptr;
            }
            done(state, std::move(error));
        }));
}

void RoomLifecycle::requeueRoomsOf(const QString &agentId, bool disabled)
{
    bool busy = false;
    for (RoomState *room : m_rooms.assignedTo(agentId)) {
        if (room->room.status != RoomStatus::Active)
            continue;
        if (room->changing) {
            busy = true; // an accept, transfer or end is being stored: look again after it
            continue;
        }
        room->changing = true;
        const QString roomId = qs(room->room.roomId);
        auto settle = [this, roomId, agentId](bool waiting) {
            RoomState *room = m_rooms.find(roomId);
            if (!room)
                return;
            room->changing = false;
            if (waiting && room->room.status == RoomStatus::Active && room->room.agent &&
                qs(room->room.agent->id) == agentId)
                backInQueue(*room);
        };
        if (disabled) {
            // Guarded by the room still being the agent's: false means the admin command has
            // put it back already, which is what it normally does.
            m_store.requeueRoom(roomId, agentId, this, [settle, roomId](Result<bool> result) {
                if (!result.ok())
                    qCWarning(lcRooms)
                        << "cannot put" << roomId << "back in the queue:" << result.error().message;
                settle(result.ok());
            });
        } else {
            m_store.roomById(roomId, this, [settle](Result<std::optional<RoomRecord>> found) {
                settle(found.ok() && found.value() &&
                       found.value()->room.status == RoomStatus::Waiting);
            });
        }
    }
    if (busy)
        QTimer::singleShot(std::chrono::milliseconds(200), this,
                           [this, agentId, disabled] { requeueRoomsOf(agentId, disabled); });
}

void RoomLifecycle::backInQueue(RoomState &room)
{
    // The agent's own connections were closed first; the patient hears the room waits again.
    room.room.status = RoomStatus::Waiting;
    room.room.agent.reset();
    room.returnedToQueue = true; // it waited once already: first in line
    room.waitingSinceMs = QDateTime::currentMSecsSinceEpoch();
    m_fanOut.pushRoom(room);
    m_fanOut.queueChanged();
    m_messages.postNotice(room, SystemNotices::Kind::Requeued, {});
    emit roomReleased();
    emit roomWaiting();
}

void RoomLifecycle::closeWhenReadOnlyEnds(Peer &patient, const RoomState &room)
{
    const qint64 endsAt =
        (room.endedAtMs > 0 ? room.endedAtMs : QDateTime::currentMSecsSinceEpoch()) +
        qint64(m_config.endedReadOnlySeconds) * 1000;
    const qint64 wait = std::max<qint64>(0, endsAt - QDateTime::currentMSecsSinceEpoch());
    // The peer is the timer's context: a patient who leaves first takes the timer along.
    QTimer::singleShot(std::chrono::milliseconds(wait), &patient, [peer = &patient] {
        peer->closeForPolicy(QStringLiteral("the consultation has ended"));
    });
}

bool RoomLifecycle::patientTokenUsable(const RoomState &room) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_config.patientTokenTtlHours > 0 && room.createdAtMs > 0 &&
        now > room.createdAtMs + qint64(m_config.patientTokenTtlHours) * 3600 * 1000)
        return false;
    if (room.room.status == RoomStatus::Ended) {
        // Being ended right now: its end is not stored yet.
        if (room.endedAtMs == 0)
            return true;
        return now <= room.endedAtMs + qint64(m_config.endedReadOnlySeconds) * 1000;
    }
    return true;
}

void RoomLifecycle::audit(const QString &action, const QString &actor, const QString &roomId,
                          const QString &detail, const QString &origin)
{
    AuditEntry entry;
    entry.actor = actor;
    entry.action = action;
    entry.target = roomId;
    entry.detail = detail;
    entry.origin = origin;
    m_store.appendAudit(std::move(entry), this);
}

void RoomLifecycle::accept(Peer &peer, const client::Accept &accept)
{
    if (peer.role() != Role::Agent) {
        peer.sendError(ErrorCode::Forbidden, QStringLiteral("only agents accept rooms"));
        return;
    }
    const QString roomId = qs(accept.roomId);
    RoomState *room = m_rooms.find(roomId);
    if (!room) {
        peer.sendError(ErrorCode::NotFound, QStringLiteral("no such waiting room"));
        return;
    }
    if (room->room.status == RoomStatus::Ended) {
        peer.sendError(ErrorCode::RoomEnded, QStringLiteral("the consultation has ended"));
        return;
    }
    if (room->room.status != RoomStatus::Waiting || room->changing) {
        peer.sendError(ErrorCode::AlreadyAssigned, QStringLiteral("another agent has this room"));
        return;
    }
    QPointer<Peer> guard(&peer);
    assign(*room, peer.agent(), {}, peer.address(), [guard](bool assigned, QString error) {
        if (assigned || !guard)
            return;
        guard->sendError(error.isEmpty() ? ErrorCode::AlreadyAssigned : ErrorCode::Internal,
                         error.isEmpty() ? QStringLiteral("another agent has this room")
                                         : QStringLiteral("could not accept the room; try again"));
    });
}

void RoomLifecycle::assign(RoomState &waiting, const AgentRecord &agent, const QString &by,
                           const QString &origin, std::function<void(bool, QString)> done)
{
    waiting.changing = true;
    const QString roomId = qs(waiting.room.roomId);
    m_store.assignRoom(
        roomId, agent.id, QStringLiteral("waiting"), this,
        [this, roomId, agent, by, origin, done = std::move(done)](Result<bool> result) {
            RoomState *room = m_rooms.find(roomId);
            if (room)
                room->changing = false;
            if (!room || !result.ok() || !result.value())
                return done(false, result.ok() ? QString() : result.error().message);
            room->room.status = RoomStatus::Active;
            room->room.agent =
                protocol::AgentRef{agent.id.toStdString(), agent.displayName.toStdString()};
            room->returnedToQueue = false;
            room->transferNote.reset();
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_forecast.recordWait(now - room->waitingSinceMs, now);
            // The router's or an admin's choice is theirs, not the agent's.
            if (!by.isEmpty())
                audit(QStringLiteral("assign"), by, roomId,
                      QStringLiteral("to agent:%1").arg(agent.username), origin);
            else
                audit(QStringLiteral("accept"), QStringLiteral("agent:") + agent.username, roomId,
                      {}, origin);
            m_fanOut.pushRoom(*room);
            m_fanOut.queueChanged();
            m_messages.postNotice(*room, SystemNotices::Kind::AgentJoined, agent.displayName);
            emit roomAssigned(agent.id);
            done(true, {});
        });
}

void RoomLifecycle::transfer(Peer &peer, const client::Transfer &transfer)
{
    if (peer.role() != Role::Agent) {
        peer.sendError(ErrorCode::Forbidden, QStringLiteral("only agents transfer rooms"));
        return;
    }
    RoomState *room = m_access.forAction(peer, transfer.roomId, {}, true);
    if (!room)
        return;
    const QString target = qs(transfer.agentId);
    // Only admins reach a waiting room here (RoomAccess): a supervisor assigns it.
    if (room->room.status == RoomStatus::Waiting && !room->changing)
        return assignWaiting(peer, qs(transfer.roomId), target);
    if (room->room.status != RoomStatus::Active || room->changing) {
        peer.sendError(ErrorCode::BadRequest,
                       QStringLiteral("only an active room can be transferred"));
        return;
    }
    if (room->room.agent && qs(room->room.agent->id) == target) {
        peer.sendError(ErrorCode::BadRequest,
                       QStringLiteral("the room is already with that agent"));
        return;
    }
    room->changing = true;
    const QString roomId = qs(transfer.roomId);
    const AgentRecord by = peer.agent();
    const QString origin = peer.address();
    const QString note = qs(transfer.note).trimmed();
    QPointer<Peer> guard(&peer);
    // The colleague must exist; the move itself is guarded by the room still being active.
    m_store.agentById(
        target, this,
        [this, roomId, target, by, origin, note, guard](Result<std::optional<AgentRecord>> found) {
            RoomState *room = m_rooms.find(roomId);
            if (!room)
                return;
            if (!found.ok() || !found.value()) {
                room->changing = false;
                if (guard)
                    guard->sendError(found.ok() ? ErrorCode::NotFound : ErrorCode::Internal,
                                     found.ok() ? QStringLiteral("no such agent")
                                                : QStringLiteral("could not transfer; try again"));
                return;
            }
            if (!found.value()->enabled) {
                room->changing = false;
                if (guard)
                    guard->sendError(ErrorCode::BadRequest,
                                     QStringLiteral("that agent's account is disabled"));
                return;
            }
            const AgentRecord agent = *found.value();
            m_store.assignRoom(
                roomId, target, QStringLiteral("active"), this,
                [this, roomId, agent, by, origin, note, guard](Result<bool> result) {
                    RoomState *room = m_rooms.find(roomId);
                    if (!room)
                        return;
                    room->changing = false;
                    if (!result.ok() || !result.value()) {
                        if (guard)
                            guard->sendError(
                                result.ok() ? ErrorCode::BadRequest : ErrorCode::Internal,
                                result.ok() ? QStringLiteral("the room is no longer active")
                                            : QStringLiteral("could not transfer; try again"));
                        return;
                    }
                    // The previous agent's consoles hear of the move once more, then no longer.
                    QList<Peer *> previous;
                    QString from;
                    if (room->room.agent) {
                        previous = m_rooms.agentSessions(qs(room->room.agent->id));
                        from = QStringLiteral("'%1' (%2)")
                                   .arg(qs(room->room.agent->name), qs(room->room.agent->id));
                    }
                    // Taking a colleague's room for oneself is a takeover (admins may).
                    audit(agent.id == by.id ? QStringLiteral("takeover")
                                            : QStringLiteral("transfer"),
                          QStringLiteral("agent:") + by.username, roomId,
                          QStringLiteral("from %1 to agent:%2").arg(from, agent.username) +
                              (note.isEmpty() ? QString() : QStringLiteral("; note: ") + note),
                          origin);
                    room->room.agent =
                        protocol::AgentRef{agent.id.toStdString(), agent.displayName.toStdString()};
                    // The note is for the colleague alone: never a room message, so it never
                    // reaches the patient, a replay or a translation provider.
                    room->transferNote.reset();
                    if (!note.isEmpty())
                        room->transferNote = server::TransferNote{
                            room->room.roomId,
                            protocol::AgentRef{by.id.toStdString(), by.displayName.toStdString()},
                            note.toStdString()};
                    m_fanOut.pushRoom(*room, previous);
                    if (room->transferNote) {
                        for (Peer *session : m_rooms.agentSessions(agent.id))
                            session->send(*room->transferNote);
                    }
                    m_messages.postNotice(*room, SystemNotices::Kind::Transferred,
                                          agent.displayName);
                    emit roomAssigned(agent.id);
                    emit roomReleased();
                });
        });
}

void RoomLifecycle::assignWaiting(Peer &peer, const QString &roomId, const QString &target)
{
    const QString by = QStringLiteral("agent:") + peer.agent().username;
    const QString origin = peer.address();
    QPointer<Peer> guard(&peer);
    m_store.agentById(
        target, this, [this, roomId, by, origin, guard](Result<std::optional<AgentRecord>> found) {
            RoomState *room = m_rooms.find(roomId);
            auto refuse = [guard](ErrorCode code, const QString &why) {
                if (guard)
                    guard->sendError(code, why);
            };
            if (!found.ok())
                return refuse(ErrorCode::Internal, QStringLiteral("could not transfer; try again"));
            if (!found.value())
                return refuse(ErrorCode::NotFound, QStringLiteral("no such agent"));
            if (!found.value()->enabled)
                return refuse(ErrorCode::BadRequest,
                              QStringLiteral("that agent's account is disabled"));
            if (!room || room->room.status != RoomStatus::Waiting || room->changing)
                return refuse(ErrorCode::AlreadyAssigned,
                              QStringLiteral("another agent has this room"));
            assign(*room, *found.value(), by, origin, [refuse](bool assigned, QString error) {
                if (!assigned)
                    refuse(error.isEmpty() ? ErrorCode::AlreadyAssigned : ErrorCode::Internal,
                           error.isEmpty() ? QStringLiteral("another agent has this room")
                                           : QStringLiteral("could not transfer; try again"));
            });
        });
}

void RoomLifecycle::end(Peer &peer, const client::End &end)
{
    RoomState *room = m_access.forAction(peer, end.roomId, {}, false);
    if (!room)
        return;
    if (room->room.status == RoomStatus::Ended) {
        peer.send(server::Ended{end.roomId, "system"});
        return;
    }
    if (room->changing) {
        peer.sendError(ErrorCode::AlreadyAssigned,
                       QStringLiteral("the room is changing; try again"));
        return;
    }
    const QString roomId = qs(end.roomId);
    const RoomStatus before = room->room.status;
    const std::string by(protocol::toString(peer.role()));
    room->room.status = RoomStatus::Ended; // refuse new messages at once
    room->changing = true;
    QPointer<Peer> guard(&peer);
    m_store.endRoom(roomId, this, [this, roomId, before, by, guard](Result<void> result) {
        RoomState *room = m_rooms.find(roomId);
        if (!room)
            return;
        room->changing = false;
        if (!result.ok()) {
            room->room.status = before;
            if (guard)
                guard->sendError(ErrorCode::Internal,
                                 QStringLiteral("could not end the consultation; try again"));
            return;
        }
        room->endedAtMs = QDateTime::currentMSecsSinceEpoch();
        if (before == RoomStatus::Waiting)
            m_fanOut.queueChanged();
        else
            emit roomReleased();
        m_messages.postNotice(*room, SystemNotices::Kind::Ended, {}, [this, roomId, by]() {
            if (RoomState *r = m_rooms.find(roomId)) {
                m_fanOut.broadcast(*r, server::Ended{r->room.roomId, by});
                m_fanOut.pushRoom(*r);
                for (Peer *patient : std::as_const(r->patients))
                    closeWhenReadOnlyEnds(*patient, *r);
                if (r->patients.isEmpty())
                    m_rooms.remove(roomId); // ended and nobody left to serve
            }
        });
    });
}

} // namespace medtranslate::relay
