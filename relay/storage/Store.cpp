#include "storage/Store.h"

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
    const auto result = runSync<bool>([](StoreWorker &worker) {
        worker.open();
        return true;
    });
    if (!result.ok() && error)
        *error = result.error;
    return result.ok();
}

void Store::append(NewMessage message, QObject *context,
                   std::function<void(StoreResult<AppendResult>)> done)
{
    PendingWrite write;
    write.message = std::move(message);
    write.context = context;
    write.appended = std::move(done);
    enqueue(std::move(write));
}

void Store::write(QObject *context, std::function<void(StoreWorker &)> job,
                  std::function<void(StoreResult<bool>)> done)
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
            QString error;
        };
        auto outcomes = std::make_shared<std::vector<Outcome>>(batch->size());
        std::size_t messages = 0;
        try {
            m_worker->begin();
            for (std::size_t i = 0; i < batch->size(); ++i) {
                auto &write = (*batch)[i];
                m_worker->savepoint();
                try {
                    if (write.message)
                        (*outcomes)[i].appended = m_worker->appendMessage(*write.message);
                    else
                        write.job(*m_worker);
                    m_worker->releaseSavepoint();
                } catch (const std::exception &e) {
                    m_worker->rollbackToSavepoint();
                    (*outcomes)[i].error = QString::fromUtf8(e.what());
                    m_failures.fetchAndAddRelaxed(1);
                }
            }
            m_worker->finishAppends();
            m_worker->commit();
            for (const auto &outcome : *outcomes)
                messages += outcome.appended && !outcome.appended->duplicate ? 1 : 0;
            m_batches.fetchAndAddRelaxed(1);
            m_messages.fetchAndAddRelaxed(messages);
        } catch (const std::exception &e) {
            // The transaction is lost as a whole: nothing of it was stored.
            m_worker->rollback();
            m_worker->abandonAppends();
            const QString reason = QString::fromUtf8(e.what());
            for (auto &outcome : *outcomes) {
                outcome.appended.reset();
                outcome.error = reason;
            }
            m_failures.fetchAndAddRelaxed(1);
        }
        QMetaObject::invokeMethod(
            this,
            [batch, outcomes]() {
                for (std::size_t i = 0; i < batch->size(); ++i) {
                    auto &write = (*batch)[i];
                    auto &outcome = (*outcomes)[i];
                    if (!write.context)
                        continue;
                    if (write.appended) {
                        StoreResult<AppendResult> result;
                        result.value = std::move(outcome.appended);
                        result.error = outcome.error;
                        write.appended(std::move(result));
                    } else if (write.written) {
                        StoreResult<bool> result;
                        if (outcome.error.isEmpty())
                            result.value = true;
                        result.error = outcome.error;
                        write.written(std::move(result));
                    }
                }
            },
            Qt::QueuedConnection);
    }
}

} // namespace medtranslate::relay
