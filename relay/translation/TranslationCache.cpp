#include "translation/TranslationCache.h"

#include "storage/Store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTranslationCache, "medtranslate.translation.cache")

namespace medtranslate::relay {

namespace {
//! Bumped when the prompt or the masking changes what a provider is asked.
constexpr char kKeyVersion[] = "mt-cache-2";
constexpr int kPurgeIntervalMs = 6 * 60 * 60 * 1000;
} // namespace

TranslationCache::TranslationCache(Store *store, int ttlDays, int memoryEntries, QObject *parent)
    : QObject(parent), m_store(store), m_ttlSeconds(qint64(ttlDays) * 24 * 60 * 60),
      m_memory(ttlDays > 0 ? memoryEntries : 0)
{
    if (m_store && enabled()) {
        connect(&m_purgeTimer, &QTimer::timeout, this, &TranslationCache::purgeExpired);
        m_purgeTimer.start(kPurgeIntervalMs);
        purgeExpired();
    }
}

CacheKey TranslationCache::makeKey(const QString &sourceLang, const QString &targetLang,
                                   const QString &glossaryVersion, const QString &maskedText)
{
    CacheKey key;
    key.sourceLang = sourceLang;
    key.targetLang = targetLang;
    key.glossaryVersion = glossaryVersion;
    key.text = maskedText.normalized(QString::NormalizationForm_C).simplified();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &part :
         {QString::fromLatin1(kKeyVersion), sourceLang, targetLang, glossaryVersion, key.text}) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\x1f"));
    }
    key.digest = QString::fromLatin1(hash.result().toHex());
    return key;
}

void TranslationCache::setAccepted(QList<QPair<QString, QString>> providerModels)
{
    m_accepted = std::move(providerModels);
}

int TranslationCache::rank(const CachedTranslation &entry) const
{
    return int(m_accepted.indexOf(qMakePair(entry.provider, entry.model)));
}

bool TranslationCache::fresh(const CachedTranslation &entry) const
{
    return entry.createdAt + m_ttlSeconds >= QDateTime::currentSecsSinceEpoch();
}

std::optional<CachedTranslation> TranslationCache::findInMemory(const CacheKey &key)
{
    if (!enabled())
        return std::nullopt;
    CachedTranslation *entry = m_memory.find(key.digest);
    if (!entry)
        return std::nullopt;
    if (!fresh(*entry) || rank(*entry) < 0) {
        m_memory.remove(key.digest);
        return std::nullopt;
    }
    ++m_memoryHits;
    return *entry;
}

void TranslationCache::find(const CacheKey &key, Found done)
{
    if (auto entry = findInMemory(key)) {
        done(std::move(entry));
        return;
    }
    if (!enabled() || !m_store) {
        ++m_misses;
        done(std::nullopt);
        return;
    }
    const QString digest = key.digest;
    const qint64 cutoff = QDateTime::currentSecsSinceEpoch() - m_ttlSeconds;
    m_store->cachedTranslations(
        key.digest, cutoff, this,
        [this, digest, done = std::move(done)](Result<std::vector<CachedTranslation>> result) {
            if (!result.ok())
                qCWarning(lcTranslationCache) << "cache lookup failed:" << result.error().message;
            std::optional<CachedTranslation> best;
            if (result.ok()) {
                for (const CachedTranslation &row : result.value()) {
                    const int r = rank(row);
                    if (r >= 0 && (!best || r < rank(*best)))
                        best = row;
                }
            }
            if (best) {
                ++m_storeHits;
                m_memory.insert(digest, *best);
            } else {
                ++m_misses;
            }
            done(std::move(best));
        });
}

void TranslationCache::insert(const CacheKey &key, const CachedTranslation &value)
{
    if (!enabled())
        return;
    const CachedTranslation *current = m_memory.find(key.digest);
    if (!current || rank(value) <= rank(*current) || !fresh(*current))
        m_memory.insert(key.digest, value);
    if (!m_store)
        return;
    m_pending.push_back(CacheEntry{key, value});
    writePending();
}

void TranslationCache::writePending()
{
    if (m_writing || m_pending.empty())
        return;
    m_writing = true;
    std::vector<CacheEntry> batch;
    batch.swap(m_pending);
    m_store->storeTranslations(std::move(batch), this, [this](Result<void> result) {
        if (!result.ok())
            qCWarning(lcTranslationCache) << "cache write failed:" << result.error().message;
        m_writing = false;
        writePending();
    });
}

void TranslationCache::purgeExpired()
{
    if (!m_store || !enabled())
        return;
    const qint64 cutoff = QDateTime::currentSecsSinceEpoch() - m_ttlSeconds;
    m_store->purgeTranslations(cutoff, this, [](Result<int> result) {
        if (!result.ok())
            qCWarning(lcTranslationCache) << "cache purge failed:" << result.error().message;
        else if (result.value() > 0)
            qCInfo(lcTranslationCache) << "dropped" << result.value() << "expired translations";
    });
}

} // namespace medtranslate::relay
