#pragma once

#include <QString>
#include <nlohmann/json_fwd.hpp>

namespace medtranslate::relay {

class StoreWorker;

//! The webhook outbox: events queued inside the caller's transaction, so an event exists
//! exactly when what it describes was stored. Runs on the store thread.
class OutboxTable final
{
public:
    OutboxTable(StoreWorker &db, bool enabled) : m_db(db), m_enabled(enabled) {}

    //! Queues `event` for `roomId` with its version 1 payload around `data`; does nothing
    //! when webhooks are not configured. `occurredAt` is ISO 8601 UTC.
    void enqueue(const QString &roomId, const QString &event, const QString &occurredAt,
                 const nlohmann::json &data);

private:
    StoreWorker &m_db;
    bool m_enabled;
};

} // namespace medtranslate::relay
