#include "storage/StatsTable.h"

#include "storage/StoreWorker.h"

namespace medtranslate::relay {

StatsRows StatsTable::since(const QString &since)
{
    StatsRows rows;
    auto &rooms = m_db.exec(QStringLiteral("SELECT id, patient_language, status, created_at "
                                           "FROM rooms WHERE created_at >= ? "
                                           "ORDER BY created_at, id"),
                            {since});
    while (rooms.next())
        rows.rooms.push_back(StatsRoom{rooms.value(0).toString(), rooms.value(1).toString(),
                                       rooms.value(2).toString(), rooms.value(3).toString()});
    rooms.finish();
    auto &messages = m_db.exec(
        QStringLiteral("SELECT m.room_id, m.seq, m.sender, m.event, m.translation, m.created_at "
                       "FROM messages m JOIN rooms r ON r.id = m.room_id "
                       "WHERE r.created_at >= ? ORDER BY m.room_id, m.seq"),
        {since});
    while (messages.next())
        rows.messages.push_back(
            StatsMessage{messages.value(0).toString(), messages.value(1).toLongLong(),
                         messages.value(2).toString(), messages.value(3).toString(),
                         messages.value(4).toString(), messages.value(5).toString()});
    messages.finish();
    return rows;
}

} // namespace medtranslate::relay
