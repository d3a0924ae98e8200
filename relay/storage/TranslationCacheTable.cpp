#include "storage/TranslationCacheTable.h"

#include "storage/StoreWorker.h"

namespace medtranslate::relay {

std::vector<CachedTranslation> TranslationCacheTable::find(const QString &digest, qint64 notBefore)
{
    auto &q = m_db.exec(QStringLiteral("SELECT provider, model, translation, created_at FROM "
                                       "translation_cache WHERE cache_key = ? AND created_at >= ?"),
                        {digest, notBefore});
    std::vector<CachedTranslation> rows;
    while (q.next())
        rows.push_back(CachedTranslation{q.value(0).toString(), q.value(1).toString(),
                                         q.value(2).toString(), q.value(3).toLongLong()});
    q.finish();
    return rows;
}

void TranslationCacheTable::upsert(const CacheEntry &entry)
{
    m_db.exec(
        QStringLiteral("INSERT INTO translation_cache (cache_key, provider, model, "
                       "source_lang, target_lang, glossary_version, source_text, "
                       "translation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (cache_key, provider, model) DO UPDATE SET "
                       "translation = excluded.translation, created_at = excluded.created_at"),
        {entry.key.digest, entry.value.provider, entry.value.model, entry.key.sourceLang,
         entry.key.targetLang, entry.key.glossaryVersion, entry.key.text, entry.value.text,
         entry.value.createdAt});
}

int TranslationCacheTable::purge(qint64 olderThan)
{
    auto &q = m_db.exec(QStringLiteral("DELETE FROM translation_cache WHERE created_at < ?"),
                        {olderThan});
    const int removed = q.numRowsAffected();
    q.finish();
    return removed;
}

} // namespace medtranslate::relay
