#pragma once

#include "medtranslate/protocol/ClientFrames.h"
#include "storage/Records.h"
#include "storage/Result.h"

#include <QObject>
#include <functional>
#include <optional>

namespace medtranslate::relay {

struct RelayConfig;

class FanOut;
class MessageFlow;
class Peer;
class QueueForecast;
class RoomAccess;
class RoomRegistry;
class Store;
struct RoomState;

//! A room from opening to end: created waiting, accepted by an agent, transferred, ended;
//! and loaded into memory when someone needs a room that is not there.
class RoomLifecycle final : public QObject
{
    Q_OBJECT

public:
    RoomLifecycle(const RelayConfig &config, Store &store, RoomRegistry &rooms,
                  const RoomAccess &access, FanOut &fanOut, MessageFlow &messages,
                  QueueForecast &forecast, QObject *parent = nullptr);

    //! Loads waiting and active rooms into memory; at start-up, before serving.
    bool loadOpenRooms(QString *error);

    struct CreatedRoom
    {
        QString roomId;
        QString patientToken;
    };
    //! `prechat`: the answers of the pre-chat step, already checked.
    void create(const QString &language, const QString &origin,
                std::optional<protocol::Prechat> prechat, QObject *context,
                std::function<void(std::optional<CreatedRoom>, QString error)> done);
    //! The room, loaded from the store if it is not in memory; nullptr when there is none.
    void withRoom(const QString &roomId, QObject *context,
                  std::function<void(RoomState *, QString error)> done);
    //! The room behind a patient token, loaded into memory if it was not there; nullptr when
    //! the token is unknown, has expired, or its consultation ended longer ago than the
    //! read-only time.
    void withPatientToken(const QString &token, QObject *context,
                          std::function<void(RoomState *, QString error)> done);

    using Found = std::function<void(RoomState *, QString error)>;

    void accept(Peer &peer, const protocol::client::Accept &accept);
    //! Gives a waiting room to `agent`: stored, then both sides hear of it and the patient gets
    //! the joined notice. `by` is who chose (the audit log's actor: "relay" for the router, an
    //! admin), empty when the agent accepted it. `done(false)` when the room was no longer
    //! waiting or the store failed (`error` says which: empty for the former).
    void assign(RoomState &room, const AgentRecord &agent, const QString &by, const QString &origin,
                std::function<void(bool assigned, QString error)> done);
    void transfer(Peer &peer, const protocol::client::Transfer &transfer);
    void end(Peer &peer, const protocol::client::End &end);

    //! An administrator ended the agent's sessions. `disabled`: every active room of the agent
    //! goes back to the waiting queue (the store's too). Otherwise only those the store already
    //! has back in the queue (disabled and enabled again since the relay last looked). Patients
    //! and the agent's colleagues hear of it through `room` and `queue` frames and a notice.
    void requeueRoomsOf(const QString &agentId, bool disabled);

    //! A patient on an ended consultation is disconnected when its read-only time is over.
    void closeWhenReadOnlyEnds(Peer &patient, const RoomState &room);

signals:
    //! A new room was stored and is in memory.
    void roomOpened(const QString &roomId);
    //! A room started waiting (new, or back in the queue): someone may take it.
    void roomWaiting();
    //! The agent was given a room (accepted, assigned or transferred to it).
    void roomAssigned(const QString &agentId);
    //! Some agent has fewer active rooms now (an end, a transfer, a return to the queue).
    void roomReleased();

private:
    using Loaded = std::function<void(Result<std::optional<RoomRecord>>)>;
    //! Puts a room the store found into memory and answers `done`; unless `keepEnded`, an
    //! ended room leaves memory again right after the answer.
    Loaded loader(QObject *context, bool keepEnded, Found done);

    [[nodiscard]] bool patientTokenUsable(const RoomState &room) const;
    //! The room is waiting again in memory, and everyone concerned hears of it.
    void backInQueue(RoomState &room);
    //! An admin's transfer of a waiting room: the colleague gets it as if it had accepted it.
    void assignWaiting(Peer &peer, const QString &roomId, const QString &target);
    //! An accept, transfer or takeover for the audit log, written on the store thread.
    void audit(const QString &action, const QString &actor, const QString &roomId,
               const QString &detail, const QString &origin);

    const RelayConfig &m_config;
    Store &m_store;
    RoomRegistry &m_rooms;
    const RoomAccess &m_access;
    FanOut &m_fanOut;
    MessageFlow &m_messages;
    QueueForecast &m_forecast;
};

} // namespace medtranslate::relay
