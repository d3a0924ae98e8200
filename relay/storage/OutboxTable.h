#pragma once

#include "storage/Records.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <nlohmann/json_fwd.hpp>

namespace medtranslate::relay {

class StoreWorker;

//! The webhook outbox: events queued inside the caller's transaction, so an event exists
//! exactly when what it describes was stored, and the log of their delivery attempts. Runs on
//! the store thread.
class OutboxTable final
{
public:
    OutboxTable(StoreWorker &db, bool enabled) : m_db(db), m_enabled(enabled) {}

    //! Whether events are queued at all (webhooks configured); callers skip building payloads.
    [[nodiscard]] bool enabled() const { return m_enabled; }

    //! Queues `event` for `roomId` with its version 1 payload around `data`; does nothing
    //! when webhooks are not configured. `occurredAt` is ISO 8601 UTC.
    void enqueue(const QString &roomId, const QString &event, const QString &occurredAt,
                 const nlohmann::json &data);

    //! Each room's oldest event, if it is due at `now` (ISO 8601 UTC with milliseconds) and
    //! its room is not in `busyRooms`, soonest due first, at most `limit`.
    [[nodiscard]] WebhookDue due(const QString &now, int limit, const QSet<QString> &busyRooms);
    //! Logs an attempt; a delivered event leaves the outbox, a failed one waits until
    //! `nextAttemptAt`. One transaction.
    void record(const WebhookAttempt &attempt);
    //! The attempts since `since` (empty: all), oldest first, at most `limit`.
    [[nodiscard]] WebhookLog log(const QString &since, int limit);
    //! Drops a purged room's undelivered events (their text goes with the room); the log,
    //! which holds no text, stays.
    void forget(const QString &roomId);

    //! The outbox's time format: text order is time order.
    [[nodiscard]] static QString timestamp(const QDateTime &utc);

private:
    void countPending(qint64 *pending, QString *oldestAt);

    StoreWorker &m_db;
    bool m_enabled;
};

} // namespace medtranslate::relay
