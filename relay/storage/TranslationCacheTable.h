#pragma once

#include "storage/Records.h"

#include <vector>

namespace medtranslate::relay {

class StoreWorker;

//! The translation cache's rows. Runs on the store thread, inside the caller's transaction.
class TranslationCacheTable final
{
public:
    explicit TranslationCacheTable(StoreWorker &db) : m_db(db) {}

    //! Every provider's entry for a key, written at `notBefore` (seconds) or later.
    [[nodiscard]] std::vector<CachedTranslation> find(const QString &digest, qint64 notBefore);
    //! Inserts an entry, or replaces the same provider and model's entry for its key.
    void upsert(const CacheEntry &entry);
    //! Drops the entries written before `olderThan` (seconds); returns how many.
    int purge(qint64 olderThan);

private:
    StoreWorker &m_db;
};

} // namespace medtranslate::relay
