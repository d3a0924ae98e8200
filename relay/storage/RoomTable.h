#pragma once

#include "storage/Records.h"

#include <optional>
#include <vector>

class QSqlQuery;

namespace medtranslate::relay {

class StoreWorker;

//! Rooms: who they belong to, their status and read marks. Runs on the store thread.
class RoomTable final
{
public:
    explicit RoomTable(StoreWorker &db) : m_db(db) {}

    void create(const RoomRecord &room);
    [[nodiscard]] std::optional<RoomRecord> byTokenHash(const QString &tokenHash);
    [[nodiscard]] std::optional<RoomRecord> byId(const QString &roomId);
    //! Rooms opened in [from, until) (ISO 8601 UTC; an empty bound is open), oldest first.
    [[nodiscard]] std::vector<RoomRecord> createdBetween(const QString &from, const QString &until);
    //! Past (and open) consultations, newest first: at most `query.limit` rooms, each with
    //! the first message holding the words when there are words (SearchText).
    [[nodiscard]] std::vector<ConsultationMatch> search(const ConsultationQuery &query);
    //! Rooms that are waiting or active: the relay's working set.
    [[nodiscard]] std::vector<RoomRecord> open();
    //! Moves a room to an agent; `fromStatus` guards against a concurrent change.
    bool assign(const QString &roomId, const QString &agentId, const QString &fromStatus);
    //! Puts the agent's active room back in the waiting queue; false when it was not the
    //! agent's active room (any more).
    bool requeue(const QString &roomId, const QString &agentId);
    //! Puts every active room of the agent back in the waiting queue; how many.
    int requeueAllOf(const QString &agentId);
    //! False when there is no such room.
    bool end(const QString &roomId);
    //! The room is urgent, for what `redFlags` says; false when there is no such room.
    bool markUrgent(const QString &roomId, const std::vector<protocol::RedFlag> &redFlags);
    //! The patient's contact details (replacing earlier ones); the room is answer-later from
    //! now on. False when there is no such room.
    bool setContact(const QString &roomId, const protocol::Contact &contact);
    //! The patient writes another language than the room had; false when there is no such
    //! room or it has ended (an ended consultation keeps the language it was held in).
    bool setLanguage(const QString &roomId, const QString &language);
    //! Read marks only move forward, whatever order updates arrive in.
    void setReadSeq(const QString &roomId, protocol::Role role, qint64 seq);

private:
    static RoomRecord read(const QSqlQuery &q);

    StoreWorker &m_db;
};

} // namespace medtranslate::relay
