#include "storage/OutboxTable.h"

#include "storage/StoreWorker.h"

#include <QDateTime>
#include <QUuid>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

QString OutboxTable::timestamp(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

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
    const QDateTime occurred = QDateTime::fromString(occurredAt, Qt::ISODateWithMs);
    m_db.exec(QStringLiteral("INSERT INTO webhook_outbox (id, room_id, position, event, payload, "
                             "created_at, attempts, next_attempt_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, 0, ?)"),
              {id, roomId, position, event,
               QString::fromStdString(
                   payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
               occurredAt,
               timestamp(occurred.isValid() ? occurred : QDateTime::currentDateTimeUtc())});
}

WebhookDue OutboxTable::due(const QString &now, int limit, const QSet<QString> &busyRooms)
{
    WebhookDue due;
    // Rooms in flight still have their oldest event here; ask for enough to skip them.
    auto &q = m_db.exec(
        QStringLiteral("SELECT o.id, o.room_id, o.event, o.payload, o.attempts "
                       "FROM webhook_outbox o WHERE o.next_attempt_at <= ? AND NOT EXISTS "
                       "(SELECT 1 FROM webhook_outbox e WHERE e.room_id = o.room_id AND "
                       "e.position < o.position) "
                       "ORDER BY o.next_attempt_at, o.room_id LIMIT ?"),
        {now, qint64(limit) + busyRooms.size()});
    while (q.next() && int(due.events.size()) < limit) {
        WebhookEvent event{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toString().toUtf8(), q.value(4).toInt()};
        if (!busyRooms.contains(event.roomId))
            due.events.push_back(std::move(event));
    }
    q.finish();
    countPending(&due.pending, &due.oldestPendingAt);
    return due;
}

void OutboxTable::countPending(qint64 *pending, QString *oldestAt)
{
    auto &q = m_db.exec(QStringLiteral("SELECT COUNT(*), MIN(created_at) FROM webhook_outbox"));
    if (q.next()) {
        *pending = q.value(0).toLongLong();
        *oldestAt = q.value(1).toString();
    }
    q.finish();
}

void OutboxTable::record(const WebhookAttempt &attempt)
{
    m_db.inTransaction([&] {
        m_db.exec(QStringLiteral("INSERT INTO webhook_deliveries (outbox_id, room_id, event, "
                                 "attempt, attempted_at, delivered, status, error, duration_ms) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {attempt.event.id, attempt.event.roomId, attempt.event.event,
                   attempt.event.attempts + 1, attempt.attemptedAt, attempt.delivered ? 1 : 0,
                   attempt.status, attempt.error, attempt.durationMs})
            .finish();
        if (attempt.delivered)
            m_db.exec(QStringLiteral("DELETE FROM webhook_outbox WHERE id = ?"), {attempt.event.id})
                .finish();
        else
            m_db.exec(QStringLiteral("UPDATE webhook_outbox SET attempts = attempts + 1, "
                                     "next_attempt_at = ?, last_error = ? WHERE id = ?"),
                      {attempt.nextAttemptAt, attempt.error, attempt.event.id})
                .finish();
    });
}

WebhookLog OutboxTable::log(const QString &since, int limit)
{
    WebhookLog log;
    auto &q = m_db.exec(
        QStringLiteral("SELECT attempted_at, outbox_id, room_id, event, attempt, delivered, "
                       "status, error, duration_ms FROM webhook_deliveries "
                       "WHERE attempted_at >= ? ORDER BY attempted_at, outbox_id, attempt "
                       "LIMIT ?"),
        {since, qint64(limit)});
    while (q.next())
        log.attempts.push_back(
            WebhookLogEntry{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toInt(), q.value(5).toInt() != 0,
                            q.value(6).toInt(), q.value(7).toString(), q.value(8).toLongLong()});
    q.finish();
    countPending(&log.pending, &log.oldestPendingAt);
    return log;
}

void OutboxTable::forget(const QString &roomId)
{
    m_db.exec(QStringLiteral("DELETE FROM webhook_outbox WHERE room_id = ?"), {roomId}).finish();
}

} // namespace medtranslate::relay
