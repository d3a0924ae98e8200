#pragma once

#include "storage/Records.h"
#include "storage/StoreConfig.h"
#include "storage/StoreWorker.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSemaphore>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace medtranslate::relay {

//! The outcome of a store job: a value, or the database's reason for refusing.
template <typename T> struct StoreResult
{
    std::optional<T> value;
    QString error;
    [[nodiscard]] bool ok() const { return value.has_value(); }
};

//! Durable storage for the relay. Lives on the relay's thread; the SQL runs on a thread of its
//! own, so the event loop never waits for the disk. Callbacks come back on the relay's thread,
//! in the order the jobs were submitted, and are dropped when their context object is gone.
class Store final : public QObject
{
    Q_OBJECT

public:
    explicit Store(StoreConfig config, QObject *parent = nullptr);
    ~Store() override;

    //! Opens the database and applies migrations; blocks, so only for start-up and admin commands.
    bool open(QString *error);

    //! Runs `job` on the store thread; `done` gets its result on this object's thread.
    template <typename R>
    void submit(QObject *context, std::function<R(StoreWorker &)> job,
                std::function<void(StoreResult<R>)> done);

    //! Runs `job` and waits for it, at most `timeoutMs`; for start-up and admin commands only.
    template <typename R>
    StoreResult<R> runSync(std::function<R(StoreWorker &)> job, int timeoutMs = 30000);

    //! Stores a message. Writes queued while a commit is under way are written together in
    //! the next transaction (group commit); `done` runs after that transaction commits.
    void append(NewMessage message, QObject *context,
                std::function<void(StoreResult<AppendResult>)> done);

    //! A small write (translation update, read mark) that joins the same group commit; if it
    //! fails, only it is undone (a savepoint), not the messages committed with it.
    void write(QObject *context, std::function<void(StoreWorker &)> job,
               std::function<void(StoreResult<bool>)> done = {});

    [[nodiscard]] const StoreConfig &config() const { return m_config; }

    //! Figures for /metrics.
    [[nodiscard]] quint64 committedBatches() const { return m_batches.loadRelaxed(); }
    [[nodiscard]] quint64 committedMessages() const { return m_messages.loadRelaxed(); }
    [[nodiscard]] quint64 failedWrites() const { return m_failures.loadRelaxed(); }

private:
    //! One queued write: a message to append, or a job.
    struct PendingWrite
    {
        std::optional<NewMessage> message;
        std::function<void(StoreWorker &)> job;
        QPointer<QObject> context;
        std::function<void(StoreResult<AppendResult>)> appended;
        std::function<void(StoreResult<bool>)> written;
    };

    void enqueue(PendingWrite write);
    void flushWrites();
    void post(std::function<void()> fn);

    StoreConfig m_config;
    QThread m_thread;
    QObject *m_threadContext = nullptr; //!< lives on m_thread; target for posted jobs
    std::unique_ptr<StoreWorker> m_worker;
    QMutex m_writeMutex;
    std::vector<PendingWrite> m_writes;
    QAtomicInteger<quint64> m_batches{0};
    QAtomicInteger<quint64> m_messages{0};
    QAtomicInteger<quint64> m_failures{0};
};

template <typename R>
void Store::submit(QObject *context, std::function<R(StoreWorker &)> job,
                   std::function<void(StoreResult<R>)> done)
{
    QPointer<QObject> guard(context);
    post([this, job = std::move(job), done = std::move(done), guard]() mutable {
        auto result = std::make_shared<StoreResult<R>>();
        try {
            result->value.emplace(job(*m_worker));
        } catch (const std::exception &e) {
            result->error = QString::fromUtf8(e.what());
            m_failures.fetchAndAddRelaxed(1);
        }
        QMetaObject::invokeMethod(
            this,
            [result, done = std::move(done), guard]() {
                if (guard)
                    done(std::move(*result));
            },
            Qt::QueuedConnection);
    });
}

template <typename R>
StoreResult<R> Store::runSync(std::function<R(StoreWorker &)> job, int timeoutMs)
{
    auto result = std::make_shared<StoreResult<R>>();
    auto finished = std::make_shared<QSemaphore>();
    post([this, job = std::move(job), result, finished]() {
        try {
            result->value.emplace(job(*m_worker));
        } catch (const std::exception &e) {
            result->error = QString::fromUtf8(e.what());
        }
        finished->release();
    });
    if (!finished->tryAcquire(1, timeoutMs)) {
        StoreResult<R> timedOut;
        timedOut.error = QStringLiteral("the database did not answer within %1 ms").arg(timeoutMs);
        return timedOut;
    }
    return std::move(*result);
}

} // namespace medtranslate::relay
