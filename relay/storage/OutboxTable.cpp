#include "storage/OutboxTable.h"

#include "storage/StoreWorker.h"

#include <QUuid>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

void OutboxTable::enqueue(const QString &roomId, const QString &event, const QString &occurredAt,
                          const nlohmann::json &data)
{
    if (!m_enabled)
        return;
    const QString id = QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128);
    const nlohmann::json payload = {{"version", 1},
                                    {"id", id.toStdString()},
                                    {"event", event.toStdString()},
                                    {"occurred_at", occurredAt.toStdString()},
                                    {"room", roomId.toStdString()},
                                    {"data", data}};
    // One relay writes a database (StoreConfig::exclusive), so MAX + 1 cannot race.
    auto &q = m_db.exec(
        QStringLiteral("SELECT COALESCE(MAX(position), 0) FROM webhook_outbox WHERE room_id = ?"),
        {roomId});
    const qint64 position = (q.next() ? q.value(0).toLongLong() : 0) + 1;
    q.finish();
    m_db.exec(QStringLiteral("INSERT INTO webhook_outbox (id, room_id, position, event, payload, "
                             "created_at, state, attempts, next_attempt_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)"),
              {id, roomId, position, event,
               QString::fromStdString(
                   payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
               occurredAt, occurredAt});
}

} // namespace medtranslate::relay
