#pragma once

#include "storage/Records.h"
#include "storage/Result.h"
#include "storage/StoreConfig.h"
#include "storage/StoreError.h"
#include "storage/StoreWorker.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSemaphore>
#include <QSet>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace medtranslate::relay {

//! Durable storage for the relay. Lives on the relay's thread; the SQL runs on a thread of its
//! own, so the event loop never waits for the disk.
//!
//! Every asynchronous method takes a context object and a `done` callback: `done` runs on this
//! object's thread, in the order the jobs ran, and not at all once the context is gone. Jobs run
//! in submission order, except that group-committed writes (`appendMessage`,
//! `updateTranslation`, `setReadSeq`, `storeTranslations`) queued together are written in one
//! transaction, which may run ahead of a read submitted between them.
class Store final : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Done = std::function<void(Result<T>)>;

    //! How long the blocking calls (start-up, admin commands) wait for the database.
    static constexpr int kBlockingTimeoutMs = 30000;

    explicit Store(StoreConfig config, QObject *parent = nullptr);
    ~Store() override;

    //! Opens the database and applies migrations; blocks, so only for start-up and admin commands.
    bool open(QString *error);
    [[nodiscard]] Result<void> openBlocking(int timeoutMs = kBlockingTimeoutMs);
    //! The newest migration applied.
    [[nodiscard]] Result<int> schemaVersionBlocking(int timeoutMs = kBlockingTimeoutMs);

    //! Answers when the database answers a query (health checks).
    void ping(QObject *context, Done<void> done);

    //! @name Rooms and messages
    //! @{
    //! A room whose token hash is taken already is `Refused`.
    void createRoom(RoomRecord room, QObject *context, Done<void> done);
    void roomById(QString roomId, QObject *context, Done<std::optional<RoomRecord>> done);
    void roomByTokenHash(QString tokenHash, QObject *context, Done<std::optional<RoomRecord>> done);
    //! True when the room moved to the agent; false when its status was no longer `fromStatus`.
    void assignRoom(QString roomId, QString agentId, QString fromStatus, QObject *context,
                    Done<bool> done);
    //! An unknown room is `NotFound`.
    void endRoom(QString roomId, QObject *context, Done<void> done);
    //! Marks the room urgent with what showed it (the whole list: it replaces the stored one);
    //! an unknown room is `NotFound`.
    void markRoomUrgent(QString roomId, std::vector<protocol::RedFlag> redFlags, QObject *context,
                        Done<void> done);
    //! Keeps the patient's contact details with the room and marks it answer-later; an unknown
    //! room is `NotFound`.
    void setRoomContact(QString roomId, protocol::Contact contact, QObject *context,
                        Done<void> done);
    //! The room's patient language; false when there is no such room or it has ended.
    void setRoomLanguage(QString roomId, QString language, QObject *context, Done<bool> done);
    //! Group-committed; read marks only move forward.
    void setReadSeq(QString roomId, protocol::Role role, qint64 seq, QObject *context,
                    Done<void> done = {});
    void messagesAfter(QString roomId, qint64 afterSeq, int limit, QObject *context,
                       Done<std::vector<protocol::Message>> done);
    //! A room's attachment by id, for a download; nothing when it is not that room's.
    void attachment(QString roomId, QString attachmentId, QObject *context,
                    Done<std::optional<AttachmentRecord>> done);
    //! Group-committed; a message that does not exist is `NotFound`.
    void updateTranslation(QString roomId, qint64 seq, protocol::Translation translation,
                           QObject *context, Done<void> done = {});
    //! Stores a message with the room's next seq, group-committed; a client_msg_id stored
    //! already returns the stored message marked duplicate; an unknown room is `NotFound`.
    void appendMessage(NewMessage message, QObject *context, Done<AppendResult> done);
    //! The rooms waiting or active, for start-up.
    [[nodiscard]] Result<std::vector<RoomRecord>>
    openRoomsBlocking(int timeoutMs = kBlockingTimeoutMs);
    //! A page of a room's messages, for start-up (the queue's first messages).
    [[nodiscard]] Result<std::vector<protocol::Message>>
    messagesAfterBlocking(QString roomId, qint64 afterSeq, int limit,
                          int timeoutMs = kBlockingTimeoutMs);
    //! @}

    //! @name Agents and their sessions
    //! @{
    void agentByUsername(QString username, QObject *context,
                         Done<std::optional<AgentCredentials>> done);
    void agentById(QString agentId, QObject *context, Done<std::optional<AgentRecord>> done);
    void agents(QObject *context, Done<std::vector<AgentRecord>> done);
    //! A username that is taken is `Refused`.
    void createAgent(AgentRecord agent, QString passwordHash, QObject *context, Done<void> done);
    //! An unknown agent is `NotFound`.
    void setAgentPassword(QString agentId, QString passwordHash, QObject *context, Done<void> done);
    void createSession(QString tokenHash, QString agentId, qint64 expiresAtSecs, QObject *context,
                       Done<void> done);
    //! A login's session; false (nothing stored) when the account was disabled or given a new
    //! password since `sessionsEpoch` was read with its password hash.
    void createLoginSession(QString tokenHash, QString agentId, qint64 sessionsEpoch,
                            qint64 expiresAtSecs, QObject *context, Done<bool> done);
    //! The agent of a session that has not expired at `nowSecs`, if the account is enabled.
    void agentBySession(QString tokenHash, qint64 nowSecs, QObject *context,
                        Done<std::optional<AgentRecord>> done);
    //! For admin commands.
    [[nodiscard]] Result<std::optional<AgentCredentials>>
    agentByUsernameBlocking(QString username, int timeoutMs = kBlockingTimeoutMs);
    [[nodiscard]] Result<std::vector<AgentRecord>>
    agentsBlocking(int timeoutMs = kBlockingTimeoutMs);
    [[nodiscard]] Result<void> createAgentBlocking(AgentRecord agent, QString passwordHash,
                                                   int timeoutMs = kBlockingTimeoutMs);
    //! @}

    //! @name Account administration beside a running relay
    //! Each command is one transaction that raises the account revision; an unknown username
    //! is `NotFound`.
    //! @{
    //! Disabling also ends the agent's sessions and puts its active rooms back in the queue.
    [[nodiscard]] Result<AccountUpdate> setAgentEnabledBlocking(QString username, bool enabled,
                                                                int timeoutMs = kBlockingTimeoutMs);
    //! A new password, and every session of the agent ended.
    [[nodiscard]] Result<AccountUpdate>
    resetAgentPasswordBlocking(QString username, QString passwordHash,
                               int timeoutMs = kBlockingTimeoutMs);
    [[nodiscard]] Result<void> updateAgentBlocking(QString username, AgentChanges changes,
                                                   int timeoutMs = kBlockingTimeoutMs);
    //! For a running relay's poll: the revision, with the accounts only when it is not
    //! `knownRevision` (one single-row read otherwise).
    void accountSnapshot(qint64 knownRevision, QObject *context, Done<AccountSnapshot> done);
    [[nodiscard]] Result<AccountSnapshot>
    accountSnapshotBlocking(qint64 knownRevision, int timeoutMs = kBlockingTimeoutMs);
    //! Puts the agent's active room back in the queue; false when it no longer was.
    void requeueRoom(QString roomId, QString agentId, QObject *context, Done<bool> done);
    //! @}

    //! @name Translation cache
    //! @{
    //! Every provider's entry for a key digest written at `notBefore` (seconds) or later.
    void cachedTranslations(QString digest, qint64 notBefore, QObject *context,
                            Done<std::vector<CachedTranslation>> done);
    //! Inserts or replaces entries, group-committed: all of them or none.
    void storeTranslations(std::vector<CacheEntry> entries, QObject *context, Done<void> done);
    //! Drops entries written before `olderThan` (seconds); gives how many.
    void purgeTranslations(qint64 olderThan, QObject *context, Done<int> done);
    //! @}

    //! @name Records: retention and the audit log
    //! @{
    //! Rooms opened in [from, until) (ISO 8601 UTC; an empty bound is open), for exports.
    void roomsCreatedBetween(QString from, QString until, QObject *context,
                             Done<std::vector<RoomRecord>> done);
    //! Consultations newest first, filtered by language, creation time and words in a message
    //! or its translation (RoomTable::search), for the console's search.
    void searchConsultations(ConsultationQuery query, QObject *context,
                             Done<std::vector<ConsultationMatch>> done);
    //! Ended consultations whose end is before `endedBefore` (ISO 8601 UTC), oldest first.
    void purgeCandidates(QString endedBefore, QObject *context,
                         Done<std::vector<PurgeCandidate>> done);
    //! Removes an ended room, its messages, attachment rows and record chain in one
    //! transaction; nothing
    //! (no value) when the room is not ended.
    void purgeRoom(QString roomId, QObject *context, Done<std::optional<PurgedRoom>> done);
    //! Every room's id, oldest first (--verify).
    void chainRooms(QObject *context, Done<std::vector<QString>> done);
    //! Checks a room's record chain against its stored messages and translations, in one
    //! snapshot, so beside a running relay too; an unknown room is `NotFound`.
    void verifyChain(QString roomId, QObject *context, Done<ChainCheck> done);
    void appendAudit(AuditEntry entry, QObject *context, Done<void> done = {});
    //! For admin commands: the account commands' entries.
    [[nodiscard]] Result<void> appendAuditBlocking(AuditEntry entry,
                                                   int timeoutMs = kBlockingTimeoutMs);
    void audit(QString since, int limit, QObject *context, Done<std::vector<AuditEntry>> done);
    //! For --stats: the rooms created since `since` (ISO 8601 UTC; empty for all) and their
    //! messages' metadata.
    void statsRows(QString since, QObject *context, Done<StatsRows> done);
    //! @}

    //! @name Webhooks (docs/webhooks.md)
    //! @{
    //! Each room's oldest undelivered event if it is due at `now` (OutboxTable::timestamp)
    //! and its room is not in `busyRooms`; at most `limit`, with the outbox's size.
    void webhooksDue(QString now, int limit, QSet<QString> busyRooms, QObject *context,
                     Done<WebhookDue> done);
    //! Logs a delivery attempt and settles or reschedules its event, in one transaction.
    void recordWebhookAttempt(WebhookAttempt attempt, QObject *context, Done<void> done);
    //! The delivery log since `since` (ISO 8601 UTC; empty for all), for --webhook-log.
    void webhookLog(QString since, int limit, QObject *context, Done<WebhookLog> done);
    //! @}

    //! Runs `job` on the store thread and waits for it, at most `timeoutMs`; for tests that
    //! look at rows directly. Relay code uses the typed methods above.
    template <typename R>
    Result<R> runSync(std::function<R(StoreWorker &)> job, int timeoutMs = kBlockingTimeoutMs)
    {
        return callBlocking<R>(std::move(job), timeoutMs);
    }

    [[nodiscard]] const StoreConfig &config() const { return m_config; }

    //! Figures for /metrics.
    [[nodiscard]] quint64 committedBatches() const { return m_batches.loadRelaxed(); }
    [[nodiscard]] quint64 committedMessages() const { return m_messages.loadRelaxed(); }
    [[nodiscard]] quint64 failedWrites() const { return m_failures.loadRelaxed(); }
    //! Why the database refuses writes now (a full disk, an I/O error): the last such failure,
    //! until a later write succeeds. Reads may still work meanwhile, so a ping cannot tell.
    [[nodiscard]] std::optional<StoreFailure> writeFailure() const;
    //! How long the last group commit took (waiting for the database's write lock included),
    //! and when it ended (ms since the epoch; 0: none yet), for /health.
    [[nodiscard]] qint64 lastCommitMs() const { return m_lastCommitMs.loadRelaxed(); }
    [[nodiscard]] qint64 lastCommitAt() const { return m_lastCommitAt.loadRelaxed(); }

private:
    //! One queued write: a message to append, or a job.
    struct PendingWrite
    {
        std::optional<NewMessage> message;
        std::function<void(StoreWorker &)> job;
        QPointer<QObject> context;
        Done<AppendResult> appended;
        Done<void> written;
    };

    //! Whether a job outside the group commit writes, so its outcome counts for writeFailure().
    enum class Access { Read, Write };

    //! Runs `job` on the store thread and hands its result to `done` on this thread.
    template <typename T>
    void call(QObject *context, std::function<T(StoreWorker &)> job, Done<T> done,
              Access access = Access::Read);
    //! Runs `job` on the store thread and waits for it, at most `timeoutMs`.
    template <typename T>
    Result<T> callBlocking(std::function<T(StoreWorker &)> job, int timeoutMs);
    //! Runs `job` here (on the store thread), turning what it throws into a failure.
    template <typename T> Result<T> attempt(const std::function<T(StoreWorker &)> &job);

    void enqueueWrite(QObject *context, std::function<void(StoreWorker &)> job, Done<void> done);
    void enqueue(PendingWrite write);
    void flushWrites();
    void post(std::function<void()> fn);
    //! Remembers a write that failed, or forgets the last failure after a write that
    //! succeeded (`failure` null).
    void noteWrite(const StoreFailure *failure);
    //! A failure of the database itself (a full disk, an I/O error), not of one request.
    [[nodiscard]] static bool concernsTheDatabase(const StoreFailure &failure)
    {
        return failure.kind == StoreFailureKind::Unavailable ||
               failure.kind == StoreFailureKind::Failed;
    }

    StoreConfig m_config;
    QThread m_thread;
    QObject *m_threadContext = nullptr; //!< lives on m_thread; target for posted jobs
    std::unique_ptr<StoreWorker> m_worker;
    QMutex m_writeMutex;
    std::vector<PendingWrite> m_writes;
    QAtomicInteger<quint64> m_batches{0};
    QAtomicInteger<quint64> m_messages{0};
    QAtomicInteger<quint64> m_failures{0};
    QAtomicInteger<qint64> m_lastCommitMs{0};
    QAtomicInteger<qint64> m_lastCommitAt{0};
    mutable QMutex m_healthMutex;
    std::optional<StoreFailure> m_writeFailure;
};

template <typename T> Result<T> Store::attempt(const std::function<T(StoreWorker &)> &job)
{
    try {
        if constexpr (std::is_void_v<T>) {
            job(*m_worker);
            return {};
        } else {
            return Result<T>(job(*m_worker));
        }
    } catch (const StoreError &e) {
        m_failures.fetchAndAddRelaxed(1);
        return e.failure();
    } catch (const std::exception &e) {
        m_failures.fetchAndAddRelaxed(1);
        return StoreFailure{StoreFailureKind::Failed, QString::fromUtf8(e.what())};
    }
}

template <typename T>
void Store::call(QObject *context, std::function<T(StoreWorker &)> job, Done<T> done, Access access)
{
    QPointer<QObject> guard(context);
    post([this, job = std::move(job), done = std::move(done), guard, access]() mutable {
        auto result = std::make_shared<Result<T>>(attempt<T>(job));
        if (access == Access::Write && (result->ok() || concernsTheDatabase(result->error())))
            noteWrite(result->ok() ? nullptr : &result->error());
        QMetaObject::invokeMethod(
            this,
            [result, done = std::move(done), guard]() {
                if (guard && done)
                    done(std::move(*result));
            },
            Qt::QueuedConnection);
    });
}

template <typename T>
Result<T> Store::callBlocking(std::function<T(StoreWorker &)> job, int timeoutMs)
{
    // Shared: a job that outlives the wait still has somewhere to put its result.
    auto result = std::make_shared<std::optional<Result<T>>>();
    auto finished = std::make_shared<QSemaphore>();
    post([this, job = std::move(job), result, finished]() {
        result->emplace(attempt<T>(job));
        finished->release();
    });
    if (!finished->tryAcquire(1, timeoutMs))
        return StoreFailure{
            StoreFailureKind::TimedOut,
            QStringLiteral("the database did not answer within %1 ms").arg(timeoutMs)};
    return std::move(**result);
}

} // namespace medtranslate::relay
