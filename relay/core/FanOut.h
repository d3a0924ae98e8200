#pragma once

#include "medtranslate/protocol/ServerFrames.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace medtranslate::relay {

class Peer;
class QueueForecast;
class RoomRegistry;
struct RoomState;

//! Who hears what: a room's frames go to its patient's and its agent's peers, encoded once
//! for all of them; the waiting queue goes to every agent, and each waiting patient its place
//! in it, at most once per event-loop turn.
class FanOut final : public QObject
{
    Q_OBJECT

public:
    FanOut(RoomRegistry &rooms, const QueueForecast &forecast, QObject *parent = nullptr);

    //! To both sides; `seq` > 0 marks a message, which a replaying peer may skip.
    void broadcast(const RoomState &room, const protocol::ServerFrame &frame, qint64 seq = 0);
    void toOtherSide(const RoomState &room, protocol::Role from,
                     const protocol::ServerFrame &frame);
    //! The room's state (status, agent, presence) to everyone concerned, plus `extra` peers.
    void pushRoom(const RoomState &room, const QList<Peer *> &extra = {});

    //! The queue changed: every agent hears of it once the current work is done.
    void queueChanged();
    [[nodiscard]] protocol::server::Queue queueFrame() const;
    //! Every waiting and active room, for supervisors (agents with the admin role).
    [[nodiscard]] protocol::server::Overview overviewFrame() const;
    //! A waiting patient's place in the queue, to the room's patients (e.g. one who connected).
    void sendPosition(const RoomState &room);

private:
    void sendQueue();
    void overviewChanged();
    void sendOverview();

    void sendPosition(const RoomState &room, qint64 position, qint64 waiting,
                      std::optional<qint64> expected);

    RoomRegistry &m_rooms;
    const QueueForecast &m_forecast;
    QTimer m_queueTimer;    //!< coalesces queue pushes into one per event-loop turn
    QTimer m_overviewTimer; //!< the same for the supervisors' overview
};

} // namespace medtranslate::relay
