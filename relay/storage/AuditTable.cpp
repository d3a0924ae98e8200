#include "storage/AuditTable.h"

#include "storage/StoreWorker.h"

#include <QDateTime>
#include <QUuid>

namespace medtranslate::relay {

void AuditTable::append(AuditEntry entry)
{
    if (entry.id.isEmpty())
        entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (entry.at.isEmpty())
        entry.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    m_db.exec(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, target, detail, "
                             "origin) VALUES (?, ?, ?, ?, ?, ?, ?)"),
              {entry.id, entry.at, entry.actor, entry.action, entry.target, entry.detail,
               entry.origin})
        .finish();
}

std::vector<AuditEntry> AuditTable::since(const QString &since, int limit)
{
    auto &q = m_db.exec(QStringLiteral("SELECT id, at, actor, action, target, detail, origin "
                                       "FROM audit_log WHERE at >= ? ORDER BY at, id LIMIT ?"),
                        {since, limit});
    std::vector<AuditEntry> entries;
    while (q.next())
        entries.push_back(AuditEntry{q.value(0).toString(), q.value(1).toString(),
                                     q.value(2).toString(), q.value(3).toString(),
                                     q.value(4).toString(), q.value(5).toString(),
                                     q.value(6).toString()});
    q.finish();
    return entries;
}

} // namespace medtranslate::relay
