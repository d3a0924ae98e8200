#include "records/RetentionPurge.h"

#include "attachments/BlobStore.h"
#include "storage/Store.h"

#include <QLoggingCategory>
#include <memory>

Q_LOGGING_CATEGORY(lcRetention, "medtranslate.retention")

namespace medtranslate::relay {

RetentionPurge::RetentionPurge(Store &store, BlobStore *blobs, QObject *parent)
    : QObject(parent), m_store(store), m_blobs(blobs)
{
    qRegisterMetaType<Report>();
}

void RetentionPurge::run(const QDateTime &endedBefore, bool dryRun, const QString &actor,
                         const QString &origin)
{
    if (m_running)
        return;
    m_running = true;
    m_report = Report{};
    m_report.dryRun = dryRun;
    m_todo.clear();
    m_next = 0;
    m_actor = actor;
    m_origin = origin;
    const QString before = endedBefore.toUTC().toString(Qt::ISODate);
    m_store.purgeCandidates(before, this, [this](Result<std::vector<PurgeCandidate>> rooms) {
        if (!rooms.ok()) {
            m_report.problems << tr("the consultations to remove could not be listed: %1")
                                     .arg(rooms.error().message);
            finish();
            return;
        }
        m_todo = std::move(rooms.value());
        if (m_report.dryRun) {
            m_report.rooms = m_todo;
            for (const PurgeCandidate &room : m_todo) {
                m_report.messages += room.messages;
                m_report.attachments += room.attachments;
                m_report.attachmentBytes += room.attachmentBytes;
            }
            finish();
            return;
        }
        purgeNext();
    });
}

void RetentionPurge::purgeNext()
{
    if (m_next >= m_todo.size()) {
        finish();
        return;
    }
    const PurgeCandidate room = m_todo[m_next++];
    m_store.purgeRoom(room.roomId, this, [this, room](Result<std::optional<PurgedRoom>> purged) {
        if (!purged.ok()) {
            m_report.problems << tr("consultation %1 was not removed: %2")
                                     .arg(room.roomId, purged.error().message);
            purgeNext();
            return;
        }
        if (!purged.value()) {
            // Reopened or removed meanwhile (by another relay's retention, say): not ours.
            purgeNext();
            return;
        }
        m_report.rooms.push_back(room);
        m_report.messages += purged.value()->messages;
        m_report.attachments += purged.value()->attachments;
        m_report.attachmentBytes += room.attachmentBytes;
        removeObjects(room, *purged.value());
    });
}

void RetentionPurge::removeObjects(const PurgeCandidate &room, const PurgedRoom &purged)
{
    // The rows are gone first: a file whose removal fails is an orphan that is named in the
    // report, never a message that points at nothing.
    if (purged.orphanedKeys.isEmpty()) {
        audit(room, purged, 0);
        return;
    }
    if (!m_blobs) {
        m_report.problems << tr("%n stored file(s) of consultation %1 were left in place: there "
                                "is no attachment store",
                                nullptr, int(purged.orphanedKeys.size()))
                                 .arg(room.roomId);
        audit(room, purged, int(purged.orphanedKeys.size()));
        return;
    }
    auto left = std::make_shared<int>(int(purged.orphanedKeys.size()));
    auto failed = std::make_shared<int>(0);
    for (const QString &key : purged.orphanedKeys) {
        m_blobs->remove(key, this, [this, room, purged, key, left, failed](const QString &error) {
            if (error.isEmpty()) {
                ++m_report.objectsRemoved;
            } else {
                ++*failed;
                m_report.problems << tr("stored file %1 of consultation %2 was not removed: %3")
                                         .arg(key, room.roomId, error);
            }
            if (--*left == 0)
                audit(room, purged, *failed);
        });
    }
}

void RetentionPurge::audit(const PurgeCandidate &room, const PurgedRoom &purged, int objectsLeft)
{
    AuditEntry entry;
    entry.actor = m_actor;
    entry.action = QStringLiteral("purge");
    entry.target = room.roomId;
    entry.detail =
        QStringLiteral("ended %1, %2 messages, %3 attachments, %4 files removed%5")
            .arg(room.endedAt)
            .arg(purged.messages)
            .arg(purged.attachments)
            .arg(purged.orphanedKeys.size() - objectsLeft)
            .arg(objectsLeft > 0 ? QStringLiteral(", %1 left").arg(objectsLeft) : QString());
    entry.origin = m_origin;
    m_store.appendAudit(entry, this, [this, room](Result<void> written) {
        if (!written.ok())
            m_report.problems << tr("the removal of consultation %1 was not written to the "
                                    "audit log: %2")
                                     .arg(room.roomId, written.error().message);
        purgeNext();
    });
}

void RetentionPurge::finish()
{
    m_running = false;
    if (!m_report.dryRun && !m_report.rooms.empty())
        qCInfo(lcRetention).noquote()
            << "removed" << m_report.rooms.size() << "ended consultations," << m_report.messages
            << "messages," << m_report.attachments << "attachments";
    for (const QString &problem : std::as_const(m_report.problems))
        qCWarning(lcRetention).noquote() << problem;
    emit finished(m_report);
}

} // namespace medtranslate::relay
