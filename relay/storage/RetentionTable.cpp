#include "storage/RetentionTable.h"

#include "storage/StoreWorker.h"

namespace medtranslate::relay {

std::vector<PurgeCandidate> RetentionTable::endedBefore(const QString &endedBefore)
{
    auto &q =
        m_db.exec(QStringLiteral(
                      "SELECT r.id, r.patient_language, r.created_at, r.ended_at, "
                      "(SELECT COUNT(*) FROM messages m WHERE m.room_id = r.id), "
                      "(SELECT COUNT(*) FROM attachments a WHERE a.room_id = r.id), "
                      "(SELECT COALESCE(SUM(a.size), 0) FROM attachments a WHERE a.room_id = r.id) "
                      "FROM rooms r WHERE r.status = 'ended' AND r.ended_at IS NOT NULL "
                      "AND r.ended_at < ? ORDER BY r.ended_at, r.id"),
                  {endedBefore});
    std::vector<PurgeCandidate> rooms;
    while (q.next())
        rooms.push_back(PurgeCandidate{q.value(0).toString(), q.value(1).toString(),
                                       q.value(2).toString(), q.value(3).toString(),
                                       q.value(4).toInt(), q.value(5).toInt(),
                                       q.value(6).toLongLong()});
    q.finish();
    return rooms;
}

std::optional<PurgedRoom> RetentionTable::purge(const QString &roomId)
{
    m_db.begin();
    try {
        auto &status = m_db.exec(QStringLiteral("SELECT status FROM rooms WHERE id = ?"), {roomId});
        const bool ended = status.next() && status.value(0).toString() == QLatin1String("ended");
        status.finish();
        if (!ended) {
            m_db.rollback();
            return std::nullopt;
        }
        PurgedRoom purged;
        QStringList keys;
        auto &objects = m_db.exec(
            QStringLiteral("SELECT blob_key, thumbnail_key FROM attachments WHERE room_id = ?"),
            {roomId});
        while (objects.next()) {
            ++purged.attachments;
            for (int column : {0, 1}) {
                const QString key = objects.value(column).toString();
                if (!key.isEmpty() && !keys.contains(key))
                    keys << key;
            }
        }
        objects.finish();
        m_db.exec(QStringLiteral("DELETE FROM attachments WHERE room_id = ?"), {roomId}).finish();
        auto &messages =
            m_db.exec(QStringLiteral("DELETE FROM messages WHERE room_id = ?"), {roomId});
        purged.messages = messages.numRowsAffected();
        messages.finish();
        m_db.exec(QStringLiteral("DELETE FROM record_chain WHERE room_id = ?"), {roomId}).finish();
        m_db.outboxTable().forget(roomId);
        m_db.exec(QStringLiteral("DELETE FROM rooms WHERE id = ?"), {roomId}).finish();
        // Objects are content-addressed: the same photo sent in another room is still in use.
        for (const QString &key : std::as_const(keys)) {
            auto &used = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM attachments WHERE "
                                                  "blob_key = ? OR thumbnail_key = ?"),
                                   {key, key});
            const bool stillUsed = used.next() && used.value(0).toInt() > 0;
            used.finish();
            if (!stillUsed)
                purged.orphanedKeys << key;
        }
        m_db.commit();
        return purged;
    } catch (...) {
        m_db.rollback();
        throw;
    }
}

} // namespace medtranslate::relay
