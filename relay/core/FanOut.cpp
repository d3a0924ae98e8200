#include "core/FanOut.h"

#include "core/Peer.h"
#include "core/QueueForecast.h"
#include "core/RoomRegistry.h"
#include "medtranslate/protocol/FrameCodec.h"

#include <QDateTime>
#include <algorithm>

namespace medtranslate::relay {

namespace server = protocol::server;

namespace {
QString encodeFrame(const protocol::ServerFrame &frame)
{
    return QString::fromStdString(protocol::encode(frame));
}
} // namespace

FanOut::FanOut(RoomRegistry &rooms, const QueueForecast &forecast, QObject *parent)
    : QObject(parent), m_rooms(rooms), m_forecast(forecast)
{
    m_queueTimer.setSingleShot(true);
    m_queueTimer.setInterval(0);
    connect(&m_queueTimer, &QTimer::timeout, this, &FanOut::sendQueue);
    m_overviewTimer.setSingleShot(true);
    m_overviewTimer.setInterval(0);
    connect(&m_overviewTimer, &QTimer::timeout, this, &FanOut::sendOverview);
}

void FanOut::broadcast(const RoomState &room, const protocol::ServerFrame &frame, qint64 seq)
{
    if (seq > 0)
        overviewChanged(); // who waits for an answer may have changed
    const QList<Peer *> recipients = m_rooms.recipients(room);
    if (recipients.isEmpty())
        return;
    const QString encoded = encodeFrame(frame); // once, for every recipient
    const QString roomId = QString::fromStdString(room.room.roomId);
    for (Peer *peer : recipients)
        peer->deliver(roomId, seq, encoded);
}

void FanOut::toOtherSide(const RoomState &room, protocol::Role from,
                         const protocol::ServerFrame &frame)
{
    QList<Peer *> targets;
    if (from == protocol::Role::Patient) {
        if (room.room.agent)
            targets = m_rooms.agentSessions(QString::fromStdString(room.room.agent->id));
    } else {
        targets = room.patients;
    }
    if (targets.isEmpty())
        return;
    const QString encoded = encodeFrame(frame);
    const QString roomId = QString::fromStdString(room.room.roomId);
    for (Peer *peer : targets)
        peer->deliver(roomId, 0, encoded);
}

void FanOut::pushRoom(const RoomState &room, const QList<Peer *> &extra)
{
    overviewChanged();
    QList<Peer *> targets = m_rooms.recipients(room);
    for (Peer *peer : extra) {
        if (!targets.contains(peer))
            targets.append(peer);
    }
    if (targets.isEmpty())
        return;
    const QString encoded = encodeFrame(server::RoomUpdate{m_rooms.snapshot(room)});
    const QString roomId = QString::fromStdString(room.room.roomId);
    for (Peer *peer : targets)
        peer->deliver(roomId, 0, encoded);
}

void FanOut::queueChanged()
{
    if (!m_queueTimer.isActive())
        m_queueTimer.start();
    overviewChanged();
}

void FanOut::overviewChanged()
{
    if (!m_overviewTimer.isActive())
        m_overviewTimer.start();
}

server::Overview FanOut::overviewFrame() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    server::Overview overview;
    for (const RoomState *room : m_rooms.open()) {
        const qint64 since = room->room.status == protocol::RoomStatus::Waiting
                                 ? room->waitingSinceMs
                                 : room->unansweredSinceMs;
        overview.rooms.push_back(
            {m_rooms.snapshot(*room), since > 0 ? std::max<qint64>(0, now - since) / 1000 : 0});
    }
    return overview;
}

void FanOut::sendOverview()
{
    QList<Peer *> admins;
    for (Peer *peer : m_rooms.allAgentSessions()) {
        if (peer->agent().role == QLatin1String("admin"))
            admins.append(peer);
    }
    if (admins.isEmpty())
        return;
    const QString encoded = encodeFrame(overviewFrame());
    for (Peer *peer : admins)
        peer->sendEncoded(encoded);
}

server::Queue FanOut::queueFrame() const
{
    server::Queue queue;
    for (const RoomState *room : m_rooms.waiting()) {
        protocol::Room snapshot = m_rooms.snapshot(*room);
        snapshot.firstMessage = room->firstMessageText;
        snapshot.firstMessageTranslation = room->firstMessageTranslation;
        queue.rooms.push_back(std::move(snapshot));
    }
    return queue;
}

void FanOut::sendQueue()
{
    const QList<Peer *> agents = m_rooms.allAgentSessions();
    if (!agents.isEmpty()) {
        const QString encoded = encodeFrame(queueFrame());
        for (Peer *peer : agents)
            peer->sendEncoded(encoded);
    }
    const auto waiting = m_rooms.waiting();
    const auto expected = m_forecast.medianWaitSeconds(QDateTime::currentMSecsSinceEpoch());
    for (size_t i = 0; i < waiting.size(); ++i)
        sendPosition(*waiting[i], qint64(i) + 1, qint64(waiting.size()), expected);
}

void FanOut::sendPosition(const RoomState &room)
{
    const auto waiting = m_rooms.waiting();
    const auto it = std::find(waiting.begin(), waiting.end(), &room);
    if (it == waiting.end())
        return;
    sendPosition(room, qint64(it - waiting.begin()) + 1, qint64(waiting.size()),
                 m_forecast.medianWaitSeconds(QDateTime::currentMSecsSinceEpoch()));
}

void FanOut::sendPosition(const RoomState &room, qint64 position, qint64 waiting,
                          std::optional<qint64> expected)
{
    if (room.patients.isEmpty())
        return;
    const QString encoded =
        encodeFrame(server::QueuePosition{room.room.roomId, position, waiting, expected});
    const QString roomId = QString::fromStdString(room.room.roomId);
    for (Peer *peer : room.patients)
        peer->deliver(roomId, 0, encoded);
}

} // namespace medtranslate::relay
