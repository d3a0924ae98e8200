#pragma once

#include "storage/Records.h"
#include "translation/LruCache.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTimer>
#include <functional>
#include <optional>
#include <vector>

namespace medtranslate::relay {

class Store;

//! Provider translations kept for `ttlDays`: a bounded in-memory LRU that answers at once (so
//! a repeated message goes out already translated) in front of a table in the Store that
//! survives restarts. Counts hits and misses for /metrics.
class TranslationCache final : public QObject
{
    Q_OBJECT

public:
    using Found = std::function<void(std::optional<CachedTranslation>)>;

    //! `store` may be null (memory only); `ttlDays` 0 turns the cache off.
    TranslationCache(Store *store, int ttlDays, int memoryEntries, QObject *parent = nullptr);

    [[nodiscard]] static CacheKey makeKey(const QString &sourceLang, const QString &targetLang,
                                          const QString &glossaryVersion,
                                          const QString &maskedText);
    //! The (provider, model) pairs whose entries may be used, preferred first.
    void setAccepted(QList<QPair<QString, QString>> providerModels);

    //! A translation in memory, counted as a hit when found; misses are counted by find().
    [[nodiscard]] std::optional<CachedTranslation> findInMemory(const CacheKey &key);
    //! Memory, then the Store; `done` runs on this object's thread.
    void find(const CacheKey &key, Found done);
    void insert(const CacheKey &key, const CachedTranslation &value);
    //! Drops rows older than the TTL from the Store.
    void purgeExpired();

    [[nodiscard]] bool enabled() const { return m_ttlSeconds > 0; }
    //! True while inserts are still on their way to the Store.
    [[nodiscard]] bool writing() const { return m_writing || !m_pending.empty(); }
    [[nodiscard]] quint64 memoryHits() const { return m_memoryHits; }
    [[nodiscard]] quint64 storeHits() const { return m_storeHits; }
    [[nodiscard]] quint64 misses() const { return m_misses; }
    [[nodiscard]] int memoryEntries() const { return m_memory.size(); }

private:
    void writePending();
    [[nodiscard]] int rank(const CachedTranslation &entry) const;
    [[nodiscard]] bool fresh(const CachedTranslation &entry) const;

    Store *m_store;
    qint64 m_ttlSeconds;
    LruCache<QString, CachedTranslation> m_memory;
    QList<QPair<QString, QString>> m_accepted;
    QTimer m_purgeTimer;
    //! Writes wait here while one batch is being written: under load they share a transaction.
    std::vector<CacheEntry> m_pending;
    bool m_writing = false;
    quint64 m_memoryHits = 0;
    quint64 m_storeHits = 0;
    quint64 m_misses = 0;
};

} // namespace medtranslate::relay
