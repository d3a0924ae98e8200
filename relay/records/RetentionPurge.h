#pragma once

#include "storage/Records.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <vector>

namespace medtranslate::relay {

class BlobStore;
class Store;

//! Removes ended consultations older than a date: their messages, their attachment rows and
//! the stored files no other consultation uses, one consultation at a time, each recorded in
//! the audit log (which is never purged). Runs on the event loop without blocking it; used by
//! `--purge-ended-before` and by the relay's own retention (`--retention-days`).
class RetentionPurge final : public QObject
{
    Q_OBJECT

public:
    struct Report
    {
        bool dryRun = false;
        std::vector<PurgeCandidate> rooms; //!< what went (or would go)
        int messages = 0;
        int attachments = 0;
        qint64 attachmentBytes = 0;
        int objectsRemoved = 0;
        //! What could not be done; a purge with problems exits non-zero.
        QStringList problems;
    };

    //! `blobs` may be null when there is no attachment store: files are then left in place
    //! and named as a problem.
    RetentionPurge(Store &store, BlobStore *blobs, QObject *parent = nullptr);

    //! `actor` and `origin` go into the audit entries ("admin:<user>", "command line").
    void run(const QDateTime &endedBefore, bool dryRun, const QString &actor,
             const QString &origin);
    [[nodiscard]] bool isRunning() const { return m_running; }

signals:
    void finished(const medtranslate::relay::RetentionPurge::Report &report);

private:
    void purgeNext();
    void removeObjects(const PurgeCandidate &room, const PurgedRoom &purged);
    void audit(const PurgeCandidate &room, const PurgedRoom &purged, int objectsLeft);
    void finish();

    Store &m_store;
    QPointer<BlobStore> m_blobs;
    bool m_running = false;
    Report m_report;
    std::vector<PurgeCandidate> m_todo;
    size_t m_next = 0;
    QString m_actor;
    QString m_origin;
};

} // namespace medtranslate::relay

Q_DECLARE_METATYPE(medtranslate::relay::RetentionPurge::Report)
