#include "storage/Store.h"

namespace medtranslate::relay {

namespace {
//! Bounds one transaction so a burst cannot hold the write lock for long.
constexpr std::size_t kMaxBatch = 512;
} // namespace

Store::Store(StoreConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_worker(std::make_unique<StoreWorker>(m_config))
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
    bool schedule = false;
    {
        QMutexLocker lock(&m_appendMutex);
        schedule = m_appends.empty();
        m_appends.push_back({std::move(message), QPointer<QObject>(context), std::move(done)});
    }
    if (schedule)
        post([this]() { flushAppends(); });
}

void Store::flushAppends()
{
    for (;;) {
        std::vector<PendingAppend> batch;
        {
            QMutexLocker lock(&m_appendMutex);
            if (m_appends.empty())
                return;
            const std::size_t n = std::min(kMaxBatch, m_appends.size());
            batch.assign(std::make_move_iterator(m_appends.begin()),
                         std::make_move_iterator(m_appends.begin() + n));
            m_appends.erase(m_appends.begin(), m_appends.begin() + n);
        }
        std::vector<NewMessage> messages;
        messages.reserve(batch.size());
        for (const auto &pending : batch)
            messages.push_back(pending.message);
        auto results = std::make_shared<std::vector<StoreResult<AppendResult>>>(batch.size());
        try {
            auto stored = m_worker->appendMessages(messages);
            for (std::size_t i = 0; i < stored.size(); ++i)
                (*results)[i].value = std::move(stored[i]);
            m_batches.fetchAndAddRelaxed(1);
            m_messages.fetchAndAddRelaxed(batch.size());
        } catch (const std::exception &e) {
            const QString reason = QString::fromUtf8(e.what());
            for (auto &r : *results)
                r.error = reason;
            m_failures.fetchAndAddRelaxed(1);
        }
        auto callbacks = std::make_shared<std::vector<PendingAppend>>(std::move(batch));
        QMetaObject::invokeMethod(
            this,
            [results, callbacks]() {
                for (std::size_t i = 0; i < callbacks->size(); ++i) {
                    auto &pending = (*callbacks)[i];
                    if (pending.context)
                        pending.done(std::move((*results)[i]));
                }
            },
            Qt::QueuedConnection);
    }
}

} // namespace medtranslate::relay
