// Repeats are answered from the cache: at once from memory, from the Store after a restart,
// never past the TTL, and counted for /metrics.
#include "translation/TranslationCache.h"

#include "HttpClient.h"
#include "PipelineHarness.h"
#include "TestRelay.h"
#include "storage/Store.h"
#include "translation/LruCache.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::FakeProviderApi;
using medtranslate::test::HttpClient;
using medtranslate::test::PipelineHarness;
using medtranslate::test::TestRelay;

namespace {

std::string status(const TranslationOutcome &o)
{
    return std::string(protocol::toString(o.translation.status));
}

std::optional<std::optional<CachedTranslation>> findAndWait(TranslationCache &cache,
                                                            const CacheKey &key)
{
    std::optional<std::optional<CachedTranslation>> result;
    QEventLoop loop;
    QPointer<QEventLoop> guard(&loop);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    cache.find(key, [&result, guard](std::optional<CachedTranslation> found) {
        result = std::move(found);
        if (guard)
            guard->quit();
    });
    if (!result)
        loop.exec();
    return result;
}

//! Waits until the store thread has run everything submitted before (a round trip).
void drainStore(Store &store)
{
    const auto done = store.runSync<bool>([](StoreWorker &) { return true; });
    EXPECT_TRUE(done.ok());
}

} // namespace

TEST(LruCacheTest, ForgetsTheLeastRecentlyUsed)
{
    LruCache<QString, int> lru(2);
    lru.insert(QStringLiteral("a"), 1);
    lru.insert(QStringLiteral("b"), 2);
    ASSERT_NE(lru.find(QStringLiteral("a")), nullptr); // a is now the most recent
    lru.insert(QStringLiteral("c"), 3);
    EXPECT_EQ(lru.size(), 2);
    EXPECT_EQ(lru.find(QStringLiteral("b")), nullptr);
    ASSERT_NE(lru.find(QStringLiteral("a")), nullptr);
    EXPECT_EQ(*lru.find(QStringLiteral("c")), 3);
    lru.insert(QStringLiteral("c"), 4);
    EXPECT_EQ(*lru.find(QStringLiteral("c")), 4);
    EXPECT_EQ(lru.size(), 2);
}

TEST(TranslationCacheTest, KeyDependsOnLanguagesGlossaryAndNormalizedText)
{
    const auto a =
        TranslationCache::makeKey(QStringLiteral("ko"), QStringLiteral("en"), QStringLiteral("g1"),
                                  QStringLiteral("두통이  있어요 "));
    const auto b = TranslationCache::makeKey(QStringLiteral("ko"), QStringLiteral("en"),
                                             QStringLiteral("g1"), QStringLiteral("두통이 있어요"));
    EXPECT_EQ(a.digest, b.digest);
    EXPECT_EQ(a.text, QStringLiteral("두통이 있어요"));
    EXPECT_NE(a.digest, TranslationCache::makeKey(QStringLiteral("ko"), QStringLiteral("vi"),
                                                  QStringLiteral("g1"), a.text)
                            .digest);
    EXPECT_NE(a.digest, TranslationCache::makeKey(QStringLiteral("ko"), QStringLiteral("en"),
                                                  QStringLiteral("g2"), a.text)
                            .digest);
    EXPECT_NE(a.digest,
              TranslationCache::makeKey(QStringLiteral("ko"), QStringLiteral("en"),
                                        QStringLiteral("g1"), QStringLiteral("두통이 있어요?"))
                  .digest);
}

TEST(TranslationCacheTest, StoreKeepsEntriesForTheTtlAndPerModel)
{
    QTemporaryDir dir;
    StoreConfig config;
    config.database = dir.filePath(QStringLiteral("cache.db"));
    Store store(config);
    QString error;
    ASSERT_TRUE(store.open(&error)) << error.toStdString();
    const auto key = TranslationCache::makeKey(QStringLiteral("ko"), QStringLiteral("en"),
                                               QStringLiteral("g"), QStringLiteral("두통"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    {
        TranslationCache writer(&store, 30, 100);
        writer.setAccepted({{QStringLiteral("anthropic"), QStringLiteral("m1")}});
        writer.insert(key, CachedTranslation{QStringLiteral("anthropic"), QStringLiteral("m1"),
                                             QStringLiteral("headache"), now});
        drainStore(store);
    }
    // A new cache (a restarted relay) finds it in the Store.
    TranslationCache reader(&store, 30, 100);
    reader.setAccepted({{QStringLiteral("anthropic"), QStringLiteral("m1")}});
    EXPECT_FALSE(reader.findInMemory(key));
    const auto found = findAndWait(reader, key);
    ASSERT_TRUE(found);
    ASSERT_TRUE(*found);
    EXPECT_EQ((*found)->text, QStringLiteral("headache"));
    EXPECT_EQ(reader.storeHits(), 1u);
    EXPECT_TRUE(reader.findInMemory(key)) << "a Store hit is kept in memory";

    // Another model's entry is not used.
    TranslationCache otherModel(&store, 30, 100);
    otherModel.setAccepted({{QStringLiteral("anthropic"), QStringLiteral("m2")}});
    const auto notFound = findAndWait(otherModel, key);
    ASSERT_TRUE(notFound);
    EXPECT_FALSE(*notFound);
    EXPECT_EQ(otherModel.misses(), 1u);

    // Past the TTL the entry is neither served nor kept.
    const auto oldKey = TranslationCache::makeKey(QStringLiteral("ko"), QStringLiteral("en"),
                                                  QStringLiteral("g"), QStringLiteral("기침"));
    TranslationCache aged(&store, 30, 100);
    aged.setAccepted({{QStringLiteral("anthropic"), QStringLiteral("m1")}});
    aged.insert(oldKey, CachedTranslation{QStringLiteral("anthropic"), QStringLiteral("m1"),
                                          QStringLiteral("cough"), now - 31LL * 24 * 3600});
    drainStore(store);
    EXPECT_FALSE(aged.findInMemory(oldKey));
    const auto expired = findAndWait(aged, oldKey);
    ASSERT_TRUE(expired);
    EXPECT_FALSE(*expired);
    aged.purgeExpired();
    drainStore(store);
    const auto rows = store.runSync<int>([](StoreWorker &w) {
        auto &q = w.exec(QStringLiteral("SELECT COUNT(*) FROM translation_cache"));
        const int n = q.next() ? q.value(0).toInt() : -1;
        q.finish();
        return n;
    });
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows.value(), 1) << "the expired row was purged";
}

TEST(TranslationCacheTest, InsertsArrivingTogetherAreAllWritten)
{
    QTemporaryDir dir;
    StoreConfig config;
    config.database = dir.filePath(QStringLiteral("cache.db"));
    Store store(config);
    QString error;
    ASSERT_TRUE(store.open(&error)) << error.toStdString();
    TranslationCache cache(&store, 30, 10);
    cache.setAccepted({{QStringLiteral("deepl"), QStringLiteral("m")}});
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (int i = 0; i < 50; ++i)
        cache.insert(TranslationCache::makeKey(QStringLiteral("ko"), QStringLiteral("th"),
                                               QStringLiteral("g"),
                                               QStringLiteral("문장 %1").arg(i)),
                     CachedTranslation{QStringLiteral("deepl"), QStringLiteral("m"),
                                       QStringLiteral("ประโยค %1").arg(i), now});
    QDeadlineTimer deadline(10000);
    while (cache.writing() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    EXPECT_FALSE(cache.writing());
    const auto rows = store.runSync<int>([](StoreWorker &w) {
        auto &q =
            w.exec(QStringLiteral("SELECT COUNT(*) FROM translation_cache WHERE target_lang = ?"),
                   {QStringLiteral("th")});
        const int n = q.next() ? q.value(0).toInt() : -1;
        q.finish();
        return n;
    });
    ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
    EXPECT_EQ(rows.value(), 50);
    // Only 10 fit in memory; the other 40 are still found, in the Store.
    TranslationCache reader(&store, 30, 10);
    reader.setAccepted({{QStringLiteral("deepl"), QStringLiteral("m")}});
    const auto first = findAndWait(
        reader, TranslationCache::makeKey(QStringLiteral("ko"), QStringLiteral("th"),
                                          QStringLiteral("g"), QStringLiteral("문장 0")));
    ASSERT_TRUE(first);
    ASSERT_TRUE(*first);
    EXPECT_EQ((*first)->text, QStringLiteral("ประโยค 0"));
}

TEST(PipelineCache, SecondIdenticalRequestIsCachedWithoutACall)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    const QString text = QStringLiteral("검사 결과는 내일 나옵니다");
    h.anthropic.setTranslation(text, QStringLiteral("Kết quả xét nghiệm sẽ có vào ngày mai."));
    const auto first = h.translate(text, QStringLiteral("ko"), QStringLiteral("vi"));
    ASSERT_TRUE(first);
    EXPECT_EQ(status(*first), "ok");
    EXPECT_EQ(h.anthropic.calls(), 1);

    // At once: the relay sends the message already translated.
    const auto now =
        h.pipeline().prepare({text, QStringLiteral("ko"), QStringLiteral("vi")}).outcome;
    ASSERT_TRUE(now);
    EXPECT_EQ(status(*now), "cached");
    EXPECT_EQ(now->translation.provider, "anthropic");
    EXPECT_EQ(now->translation.text, first->translation.text);

    const auto second = h.translate(text, QStringLiteral("ko"), QStringLiteral("vi"));
    ASSERT_TRUE(second);
    EXPECT_EQ(status(*second), "cached");
    EXPECT_EQ(h.anthropic.calls(), 1);
    EXPECT_EQ(h.pipeline().cache().memoryHits(), 2u);
    EXPECT_EQ(h.pipeline().cache().misses(), 1u);
    EXPECT_TRUE(h.pipeline().metricsText().contains(
        QStringLiteral("medtranslate_translation_cache_hits_total{tier=\"memory\"} 2")));
    EXPECT_TRUE(h.pipeline().metricsText().contains(
        QStringLiteral("medtranslate_translation_cache_misses_total 1")));
}

TEST(PipelineCache, SimultaneousIdenticalRequestsShareOneCall)
{
    PipelineHarness h({QStringLiteral("openai")});
    const QString text = QStringLiteral("수납은 1층에서 하세요");
    h.openai.setTranslation(text, QStringLiteral("Please pay on the 1st floor."));
    int answered = 0;
    QEventLoop loop;
    QPointer<QEventLoop> guard(&loop);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    for (int i = 0; i < 3; ++i)
        h.pipeline().translate({text, QStringLiteral("ko"), QStringLiteral("en")},
                               [&answered, guard](TranslationOutcome o) {
                                   EXPECT_EQ(o.translation.text, "Please pay on the 1st floor.");
                                   if (++answered == 3 && guard)
                                       guard->quit();
                               });
    if (answered < 3)
        loop.exec();
    EXPECT_EQ(answered, 3);
    EXPECT_EQ(h.openai.calls(), 1);
}

TEST(PipelineCache, SurvivesARelayRestart)
{
    FakeProviderApi anthropic(FakeProviderApi::Kind::Anthropic, QStringLiteral("sk-ant-relay"),
                              QStringLiteral("claude-relay"));
    const QString text = QStringLiteral("내일 오전 9시에 내원하세요");
    anthropic.setTranslation(text,
                             QStringLiteral("Please come to the hospital tomorrow at 9 a.m."));
    TestRelay relay([&anthropic](RelayConfig &c) {
        c.translation.providers = {QStringLiteral("anthropic")};
        c.translation.anthropicKey = QStringLiteral("sk-ant-relay");
        c.translation.anthropicModel = QStringLiteral("claude-relay");
        c.translation.anthropicUrl = anthropic.baseUrl();
    });
    ASSERT_TRUE(relay.start());
    relay.addAgent(QStringLiteral("lee"), QStringLiteral("이수진"));
    auto ask = [&relay, &text](const QString &token) {
        return HttpClient::post(relay.http(QStringLiteral("/api/translate")),
                                QByteArray::fromStdString(nlohmann::json{
                                    {"text", text.toStdString()},
                                    {"source", "ko"},
                                    {"target", "en"}}.dump()),
                                token, 10000);
    };
    const QString token = relay.login(QStringLiteral("lee"));
    const auto first = ask(token);
    ASSERT_EQ(first.status, 200) << first.body.toStdString();
    EXPECT_EQ(first.json()["status"], "ok");
    EXPECT_EQ(first.json()["provider"], "anthropic");
    EXPECT_EQ(first.json()["text"], "Please come to the hospital tomorrow at 9 a.m.");
    EXPECT_EQ(anthropic.calls(), 1);
    EXPECT_TRUE(anthropic.violations().isEmpty())
        << anthropic.violations().join(QStringLiteral("; ")).toStdString();

    relay.stop();
    ASSERT_TRUE(relay.start());
    const QString again = relay.login(QStringLiteral("lee"));
    const auto second = ask(again);
    ASSERT_EQ(second.status, 200) << second.body.toStdString();
    EXPECT_EQ(second.json()["status"], "cached");
    EXPECT_EQ(second.json()["provider"], "anthropic");
    EXPECT_EQ(second.json()["text"], "Please come to the hospital tomorrow at 9 a.m.");
    EXPECT_EQ(anthropic.calls(), 1) << "the restarted relay answered from the Store";

    const auto metrics = HttpClient::get(relay.admin(QStringLiteral("/metrics")));
    ASSERT_EQ(metrics.status, 200);
    EXPECT_TRUE(
        metrics.body.contains("medtranslate_translation_cache_hits_total{tier=\"store\"} 1"))
        << metrics.body.toStdString();
    EXPECT_TRUE(metrics.body.contains(
        "medtranslate_provider_calls_total{provider=\"anthropic\",outcome=\"ok\"} 0"));
}
