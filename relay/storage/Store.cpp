#include "storage/Store.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace medtranslate::relay {

namespace {
//! Bounds one transaction so a burst cannot hold the write lock for long.
constexpr std::size_t kMaxBatch = 512;
} // namespace

Store::Store(StoreConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)),
      m_worker(std::make_unique<StoreWorker>(m_config))
{
    m_thread.setObjectName(QStringLiteral("medtranslate-store"));
    m_threadContext = new QObject;
    m_threadContext->moveToThread(&m_thread);
    m_thread.start();
}

Store::~Store()
{
    // Finish what was queued, close the connection on its own thread, then stop.
    // Quitting from inside the last job lets every job queued before it run first.
    post([this]() {
        m_worker.reset();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
    delete m_threadContext;
}

void Store::post(std::function<void()> fn)
{
    QMetaObject::invokeMethod(m_threadContext, std::move(fn), Qt::QueuedConnection);
}

bool Store::open(QString *error)
{
    const auto result = openBlocking();
    if (!result.ok() && error)
        *error = result.error().message;
    return result.ok();
}

Result<void> Store::openBlocking(int timeoutMs)
{
    return callBlocking<void>([](StoreWorker &worker) { worker.open(); }, timeoutMs);
}

Result<int> Store::schemaVersionBlocking(int timeoutMs)
{
    return callBlocking<int>([](StoreWorker &worker) { return worker.schemaVersion(); }, timeoutMs);
}

void Store::ping(QObject *context, Done<void> done)
{
    call<void>(
        context, [](StoreWorker &w) { (void)w.schemaVersion(); }, std::move(done));
}

void Store::createRoom(RoomRecord room, QObject *context, Done<void> done)
{
    call<void>(
        context, [room = std::move(room)](StoreWorker &w) { w.roomTable().create(room); },
        std::move(done), Access::Write);
}

void Store::roomById(QString roomId, QObject *context, Done<std::optional<RoomRecord>> done)
{
    call<std::optional<RoomRecord>>(
        context,
        [roomId = std::move(roomId)](StoreWorker &w) { return w.roomTable().byId(roomId); },
        std::move(done));
}

void Store::roomByTokenHash(QString tokenHash, QObject *context,
                            Done<std::optional<RoomRecord>> done)
{
    call<std::optional<RoomRecord>>(
        context,
        [tokenHash = std::move(tokenHash)](StoreWorker &w) {
            return w.roomTable().byTokenHash(tokenHash);
        },
        std::move(done));
}

void Store::assignRoom(QString roomId, QString agentId, QString fromStatus, QObject *context,
                       Done<bool> done)
{
    call<bool>(
        context,
        [roomId = std::move(roomId), agentId = std::move(agentId),
         fromStatus = std::move(fromStatus)](StoreWorker &w) {
            return w.roomTable().assign(roomId, agentId, fromStatus);
        },
        std::move(done), Access::Write);
}

void Store::endRoom(QString roomId, QObject *context, Done<void> done)
{
    call<void>(
        context,
        [roomId = std::move(roomId)](StoreWorker &w) {
            if (!w.roomTable().end(roomId))
                throw StoreError(QStringLiteral("no room '%1'").arg(roomId),
                                 StoreFailureKind::NotFound);
        },
        std::move(done), Access::Write);
}

void Store::setRoomContact(QString roomId, protocol::Contact contact, QObject *context,
                           Done<void> done)
{
    call<void>(
        context,
        [roomId = std::move(roomId), contact = std::move(contact)](StoreWorker &w) {
            if (!w.roomTable().setContact(roomId, contact))
                throw StoreError(QStringLiteral("no room '%1'").arg(roomId),
                                 StoreFailureKind::NotFound);
        },
        std::move(done), Access::Write);
}

void Store::markRoomUrgent(QString roomId, std::vector<protocol::RedFlag> redFlags,
                           QObject *context, Done<void> done)
{
    call<void>(
        context,
        [roomId = std::move(roomId), redFlags = std::move(redFlags)](StoreWorker &w) {
            if (!w.roomTable().markUrgent(roomId, redFlags))
                throw StoreError(QStringLiteral("no room '%1'").arg(roomId),
                                 StoreFailureKind::NotFound);
        },
        std::move(done), Access::Write);
}

void Store::setRoomLanguage(QString roomId, QString language, QObject *context, Done<bool> done)
{
    call<bool>(
        context,
        [roomId = std::move(roomId), language = std::move(language)](StoreWorker &w) {
            return w.roomTable().setLanguage(roomId, language);
        },
        std::move(done), Access::Write);
}

void Store::setReadSeq(QString roomId, protocol::Role role, qint64 seq, QObject *context,
                       Done<void> done)
{
    enqueueWrite(
        context,
        [roomId = std::move(roomId), role, seq](StoreWorker &w) {
            w.roomTable().setReadSeq(roomId, role, seq);
        },
        std::move(done));
}

void Store::attachment(QString roomId, QString attachmentId, QObject *context,
                       Done<std::optional<AttachmentRecord>> done)
{
    call<std::optional<AttachmentRecord>>(
        context,
        [roomId = std::move(roomId), attachmentId = std::move(attachmentId)](StoreWorker &w) {
            return w.messageTable().attachment(roomId, attachmentId);
        },
        std::move(done));
}

void Store::messagesAfter(QString roomId, qint64 afterSeq, int limit, QObject *context,
                          Done<std::vector<protocol::Message>> done)
{
    call<std::vector<protocol::Message>>(
        context,
        [roomId = std::move(roomId), afterSeq, limit](StoreWorker &w) {
            return w.messageTable().after(roomId, afterSeq, limit);
        },
        std::move(done));
}

void Store::updateTranslation(QString roomId, qint64 seq, protocol::Translation translation,
                              QObject *context, Done<void> done)
{
    enqueueWrite(
        context,
        [roomId = std::move(roomId), seq, translation = std::move(translation)](StoreWorker &w) {
            if (!w.messageTable().updateTranslation(roomId, seq, translation))
                throw StoreError(QStringLiteral("no message %1 in room '%2'").arg(seq).arg(roomId),
                                 StoreFailureKind::NotFound);
        },
        std::move(done));
}

void Store::appendMessage(NewMessage message, QObject *context, Done<AppendResult> done)
{
    PendingWrite write;
    write.message = std::move(message);
    write.context = context;
    write.appended = std::move(done);
    enqueue(std::move(write));
}

Result<std::vector<RoomRecord>> Store::openRoomsBlocking(int timeoutMs)
{
    return callBlocking<std::vector<RoomRecord>>(
        [](StoreWorker &w) { return w.roomTable().open(); }, timeoutMs);
}

Result<std::vector<protocol::Message>> Store::messagesAfterBlocking(QString roomId, qint64 afterSeq,
                                                                    int limit, int timeoutMs)
{
    return callBlocking<std::vector<protocol::Message>>(
        [roomId = std::move(roomId), afterSeq, limit](StoreWorker &w) {
            return w.messageTable().after(roomId, afterSeq, limit);
        },
        timeoutMs);
}

void Store::agentByUsername(QString username, QObject *context,
                            Done<std::optional<AgentCredentials>> done)
{
    call<std::optional<AgentCredentials>>(
        context,
        [username = std::move(username)](StoreWorker &w) {
            return w.agentTable().byUsername(username);
        },
        std::move(done));
}

void Store::agentById(QString agentId, QObject *context, Done<std::optional<AgentRecord>> done)
{
    call<std::optional<AgentRecord>>(
        context,
        [agentId = std::move(agentId)](StoreWorker &w) { return w.agentTable().byId(agentId); },
        std::move(done));
}

void Store::agents(QObject *context, Done<std::vector<AgentRecord>> done)
{
    call<std::vector<AgentRecord>>(
        context, [](StoreWorker &w) { return w.agentTable().all(); }, std::move(done));
}

void Store::createAgent(AgentRecord agent, QString passwordHash, QObject *context, Done<void> done)
{
    call<void>(
        context,
        [agent = std::move(agent), passwordHash = std::move(passwordHash)](StoreWorker &w) {
            w.agentTable().create(agent, passwordHash);
        },
        std::move(done), Access::Write);
}

void Store::setAgentPassword(QString agentId, QString passwordHash, QObject *context,
                             Done<void> done)
{
    call<void>(
        context,
        [agentId = std::move(agentId), passwordHash = std::move(passwordHash)](StoreWorker &w) {
            if (!w.agentTable().setPassword(agentId, passwordHash))
                throw StoreError(QStringLiteral("no agent '%1'").arg(agentId),
                                 StoreFailureKind::NotFound);
        },
        std::move(done), Access::Write);
}

void Store::createSession(QString tokenHash, QString agentId, qint64 expiresAtSecs,
                          QObject *context, Done<void> done)
{
    call<void>(
        context,
        [tokenHash = std::move(tokenHash), agentId = std::move(agentId), expiresAtSecs](
            StoreWorker &w) { w.agentTable().createSession(tokenHash, agentId, expiresAtSecs); },
        std::move(done), Access::Write);
}

void Store::createLoginSession(QString tokenHash, QString agentId, qint64 sessionsEpoch,
                               qint64 expiresAtSecs, QObject *context, Done<bool> done)
{
    call<bool>(
        context,
        [tokenHash = std::move(tokenHash), agentId = std::move(agentId), sessionsEpoch,
         expiresAtSecs](StoreWorker &w) {
            return w.agentTable().createSessionIfCurrent(tokenHash, agentId, sessionsEpoch,
                                                         expiresAtSecs);
        },
        std::move(done), Access::Write);
}

void Store::agentBySession(QString tokenHash, qint64 nowSecs, QObject *context,
                           Done<std::optional<AgentRecord>> done)
{
    call<std::optional<AgentRecord>>(
        context,
        [tokenHash = std::move(tokenHash), nowSecs](StoreWorker &w) {
            return w.agentTable().bySession(tokenHash, nowSecs);
        },
        std::move(done));
}

Result<std::optional<AgentCredentials>> Store::agentByUsernameBlocking(QString username,
                                                                       int timeoutMs)
{
    return callBlocking<std::optional<AgentCredentials>>(
        [username = std::move(username)](StoreWorker &w) {
            return w.agentTable().byUsername(username);
        },
        timeoutMs);
}

Result<std::vector<AgentRecord>> Store::agentsBlocking(int timeoutMs)
{
    return callBlocking<std::vector<AgentRecord>>(
        [](StoreWorker &w) { return w.agentTable().all(); }, timeoutMs);
}

Result<void> Store::createAgentBlocking(AgentRecord agent, QString passwordHash, int timeoutMs)
{
    return callBlocking<void>([agent = std::move(agent), passwordHash = std::move(passwordHash)](
                                  StoreWorker &w) { w.agentTable().create(agent, passwordHash); },
                              timeoutMs);
}

namespace {
StoreError noAgent(const QString &username)
{
    return StoreError(QStringLiteral("no agent named '%1'").arg(username),
                      StoreFailureKind::NotFound);
}

AccountSnapshot snapshotOf(StoreWorker &w, qint64 knownRevision)
{
    AccountSnapshot snapshot;
    snapshot.revision = w.agentTable().revision();
    if (snapshot.revision != knownRevision)
        snapshot.accounts = w.agentTable().accounts();
    return snapshot;
}
} // namespace

Result<AccountUpdate> Store::setAgentEnabledBlocking(QString username, bool enabled, int timeoutMs)
{
    return callBlocking<AccountUpdate>(
        [username = std::move(username), enabled](StoreWorker &w) {
            AccountUpdate update;
            w.inTransaction([&] {
                AgentTable &agents = w.agentTable();
                update.changed = agents.setEnabled(username, enabled);
                const auto id = agents.idOf(username);
                if (!id)
                    throw noAgent(username);
                if (!update.changed)
                    return;
                if (!enabled) {
                    update.sessionsEnded = agents.endSessions(*id);
                    update.roomsRequeued = w.roomTable().requeueAllOf(*id);
                }
                agents.raiseRevision();
            });
            return update;
        },
        timeoutMs);
}

Result<AccountUpdate> Store::resetAgentPasswordBlocking(QString username, QString passwordHash,
                                                        int timeoutMs)
{
    return callBlocking<AccountUpdate>(
        [username = std::move(username), passwordHash = std::move(passwordHash)](StoreWorker &w) {
            AccountUpdate update;
            w.inTransaction([&] {
                AgentTable &agents = w.agentTable();
                if (!agents.resetPassword(username, passwordHash))
                    throw noAgent(username);
                update.changed = true;
                update.sessionsEnded =
                    agents.endSessions(agents.idOf(username).value_or(QString()));
                agents.raiseRevision();
            });
            return update;
        },
        timeoutMs);
}

Result<void> Store::updateAgentBlocking(QString username, AgentChanges changes, int timeoutMs)
{
    return callBlocking<void>(
        [username = std::move(username), changes = std::move(changes)](StoreWorker &w) {
            w.inTransaction([&] {
                if (!w.agentTable().update(username, changes))
                    throw noAgent(username);
                w.agentTable().raiseRevision();
            });
        },
        timeoutMs);
}

void Store::accountSnapshot(qint64 knownRevision, QObject *context, Done<AccountSnapshot> done)
{
    call<AccountSnapshot>(
        context, [knownRevision](StoreWorker &w) { return snapshotOf(w, knownRevision); },
        std::move(done));
}

Result<AccountSnapshot> Store::accountSnapshotBlocking(qint64 knownRevision, int timeoutMs)
{
    return callBlocking<AccountSnapshot>(
        [knownRevision](StoreWorker &w) { return snapshotOf(w, knownRevision); }, timeoutMs);
}

void Store::requeueRoom(QString roomId, QString agentId, QObject *context, Done<bool> done)
{
    call<bool>(
        context,
        [roomId = std::move(roomId), agentId = std::move(agentId)](StoreWorker &w) {
            return w.roomTable().requeue(roomId, agentId);
        },
        std::move(done), Access::Write);
}

void Store::cachedTranslations(QString digest, qint64 notBefore, QObject *context,
                               Done<std::vector<CachedTranslation>> done)
{
    call<std::vector<CachedTranslation>>(
        context,
        [digest = std::move(digest), notBefore](StoreWorker &w) {
            return w.translationCacheTable().find(digest, notBefore);
        },
        std::move(done));
}

void Store::storeTranslations(std::vector<CacheEntry> entries, QObject *context, Done<void> done)
{
    enqueueWrite(
        context,
        [entries = std::move(entries)](StoreWorker &w) {
            for (const CacheEntry &entry : entries)
                w.translationCacheTable().upsert(entry);
        },
        std::move(done));
}

void Store::purgeTranslations(qint64 olderThan, QObject *context, Done<int> done)
{
    call<int>(
        context, [olderThan](StoreWorker &w) { return w.translationCacheTable().purge(olderThan); },
        std::move(done), Access::Write);
}

void Store::roomsCreatedBetween(QString from, QString until, QObject *context,
                                Done<std::vector<RoomRecord>> done)
{
    call<std::vector<RoomRecord>>(
        context,
        [from = std::move(from), until = std::move(until)](StoreWorker &w) {
            return w.roomTable().createdBetween(from, until);
        },
        std::move(done));
}

void Store::searchConsultations(ConsultationQuery query, QObject *context,
                                Done<std::vector<ConsultationMatch>> done)
{
    call<std::vector<ConsultationMatch>>(
        context, [query = std::move(query)](StoreWorker &w) { return w.roomTable().search(query); },
        std::move(done));
}

void Store::purgeCandidates(QString endedBefore, QObject *context,
                            Done<std::vector<PurgeCandidate>> done)
{
    call<std::vector<PurgeCandidate>>(
        context,
        [endedBefore = std::move(endedBefore)](StoreWorker &w) {
            return w.retentionTable().endedBefore(endedBefore);
        },
        std::move(done));
}

void Store::purgeRoom(QString roomId, QObject *context, Done<std::optional<PurgedRoom>> done)
{
    call<std::optional<PurgedRoom>>(
        context,
        [roomId = std::move(roomId)](StoreWorker &w) {
            auto purged = w.retentionTable().purge(roomId);
            w.recordChainTable().forget(roomId);
            return purged;
        },
        std::move(done), Access::Write);
}

void Store::chainRooms(QObject *context, Done<std::vector<QString>> done)
{
    call<std::vector<QString>>(
        context, [](StoreWorker &w) { return w.recordChainTable().rooms(); }, std::move(done));
}

void Store::verifyChain(QString roomId, QObject *context, Done<ChainCheck> done)
{
    call<ChainCheck>(
        context,
        [roomId = std::move(roomId)](StoreWorker &w) {
            auto check = w.recordChainTable().verify(roomId);
            if (!check)
                throw StoreError(QStringLiteral("no consultation %1").arg(roomId),
                                 StoreFailureKind::NotFound);
            return std::move(*check);
        },
        std::move(done));
}

void Store::appendAudit(AuditEntry entry, QObject *context, Done<void> done)
{
    call<void>(
        context, [entry = std::move(entry)](StoreWorker &w) { w.auditTable().append(entry); },
        std::move(done), Access::Write);
}

Result<void> Store::appendAuditBlocking(AuditEntry entry, int timeoutMs)
{
    return callBlocking<void>(
        [entry = std::move(entry)](StoreWorker &w) { w.auditTable().append(entry); }, timeoutMs);
}

void Store::audit(QString since, int limit, QObject *context, Done<std::vector<AuditEntry>> done)
{
    call<std::vector<AuditEntry>>(
        context,
        [since = std::move(since), limit](StoreWorker &w) {
            return w.auditTable().since(since, limit);
        },
        std::move(done));
}

void Store::statsRows(QString since, QObject *context, Done<StatsRows> done)
{
    call<StatsRows>(
        context, [since = std::move(since)](StoreWorker &w) { return w.statsTable().since(since); },
        std::move(done));
}

void Store::webhooksDue(QString now, int limit, QSet<QString> busyRooms, QObject *context,
                        Done<WebhookDue> done)
{
    call<WebhookDue>(
        context,
        [now = std::move(now), limit, busyRooms = std::move(busyRooms)](StoreWorker &w) {
            return w.outboxTable().due(now, limit, busyRooms);
        },
        std::move(done));
}

void Store::recordWebhookAttempt(WebhookAttempt attempt, QObject *context, Done<void> done)
{
    call<void>(
        context,
        [attempt = std::move(attempt)](StoreWorker &w) { w.outboxTable().record(attempt); },
        std::move(done), Access::Write);
}

void Store::webhookLog(QString since, int limit, QObject *context, Done<WebhookLog> done)
{
    call<WebhookLog>(
        context,
        [since = std::move(since), limit](StoreWorker &w) {
            return w.outboxTable().log(since, limit);
        },
        std::move(done));
}

std::optional<StoreFailure> Store::writeFailure() const
{
    QMutexLocker lock(&m_healthMutex);
    return m_writeFailure;
}

void Store::noteWrite(const StoreFailure *failure)
{
    QMutexLocker lock(&m_healthMutex);
    if (failure)
        m_writeFailure = *failure;
    else
        m_writeFailure.reset();
}

void Store::enqueueWrite(QObject *context, std::function<void(StoreWorker &)> job, Done<void> done)
{
    PendingWrite write;
    write.job = std::move(job);
    write.context = context;
    write.written = std::move(done);
    enqueue(std::move(write));
}

void Store::enqueue(PendingWrite write)
{
    bool schedule = false;
    {
        QMutexLocker lock(&m_writeMutex);
        schedule = m_writes.empty();
        m_writes.push_back(std::move(write));
    }
    if (schedule)
        post([this]() { flushWrites(); });
}

void Store::flushWrites()
{
    for (;;) {
        auto batch = std::make_shared<std::vector<PendingWrite>>();
        {
            QMutexLocker lock(&m_writeMutex);
            if (m_writes.empty())
                return;
            const std::size_t n = std::min(kMaxBatch, m_writes.size());
            batch->assign(std::make_move_iterator(m_writes.begin()),
                          std::make_move_iterator(m_writes.begin() + qsizetype(n)));
            m_writes.erase(m_writes.begin(), m_writes.begin() + qsizetype(n));
        }
        struct Outcome
        {
            std::optional<AppendResult> appended;
            std::optional<StoreFailure> failure;
        };
        auto outcomes = std::make_shared<std::vector<Outcome>>(batch->size());
        std::size_t messages = 0;
        QElapsedTimer took;
        took.start();
        try {
            m_worker->begin();
            for (std::size_t i = 0; i < batch->size(); ++i) {
                auto &write = (*batch)[i];
                m_worker->savepoint();
                try {
                    if (write.message)
                        (*outcomes)[i].appended = m_worker->messageTable().append(*write.message);
                    else
                        write.job(*m_worker);
                    m_worker->releaseSavepoint();
                } catch (const std::exception &e) {
                    m_worker->rollbackToSavepoint();
                    const auto *storeError = dynamic_cast<const StoreError *>(&e);
                    (*outcomes)[i].failure = storeError ? storeError->failure()
                                                        : StoreFailure{StoreFailureKind::Failed,
                                                                       QString::fromUtf8(e.what())};
                    m_failures.fetchAndAddRelaxed(1);
                }
            }
            m_worker->messageTable().finish();
            m_worker->commit();
            m_worker->messageTable().committed();
            const StoreFailure *databaseFailure = nullptr;
            bool wrote = false;
            for (const auto &outcome : *outcomes) {
                messages += outcome.appended && !outcome.appended->duplicate ? 1 : 0;
                if (outcome.failure && concernsTheDatabase(*outcome.failure))
                    databaseFailure = &*outcome.failure;
                else if (!outcome.failure && !(outcome.appended && outcome.appended->duplicate))
                    wrote = true;
            }
            // A duplicate or a refused request proves nothing about the disk either way.
            if (databaseFailure || wrote)
                noteWrite(databaseFailure);
            m_batches.fetchAndAddRelaxed(1);
            m_messages.fetchAndAddRelaxed(messages);
        } catch (const std::exception &e) {
            // The transaction is lost as a whole: nothing of it was stored.
            m_worker->rollback();
            m_worker->messageTable().abandon();
            const auto *storeError = dynamic_cast<const StoreError *>(&e);
            const StoreFailure failure =
                storeError ? storeError->failure()
                           : StoreFailure{StoreFailureKind::Failed, QString::fromUtf8(e.what())};
            for (auto &outcome : *outcomes) {
                outcome.appended.reset();
                outcome.failure = failure;
            }
            m_failures.fetchAndAddRelaxed(1);
            noteWrite(&failure);
        }
        m_lastCommitMs.storeRelaxed(took.elapsed());
        m_lastCommitAt.storeRelaxed(QDateTime::currentMSecsSinceEpoch());
        QMetaObject::invokeMethod(
            this,
            [batch, outcomes]() {
                for (std::size_t i = 0; i < batch->size(); ++i) {
                    auto &write = (*batch)[i];
                    auto &outcome = (*outcomes)[i];
                    if (!write.context)
                        continue;
                    if (write.appended) {
                        if (outcome.failure)
                            write.appended(*outcome.failure);
                        else
                            write.appended(std::move(*outcome.appended));
                    } else if (write.written) {
                        write.written(outcome.failure ? Result<void>(*outcome.failure)
                                                      : Result<void>());
                    }
                }
            },
            Qt::QueuedConnection);
    }
}

} // namespace medtranslate::relay
