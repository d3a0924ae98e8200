#include "TranslationBench.h"

#include "medtranslate/Language.h"
#include "storage/Store.h"
#include "translation/GlossaryMatcher.h"
#include "translation/PiiMasker.h"
#include "translation/TranslationCache.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

namespace medtranslate::bench {

namespace {

const QStringList kLanguages = {QStringLiteral("ko"), QStringLiteral("en"), QStringLiteral("ja"),
                                QStringLiteral("zh"), QStringLiteral("th"), QStringLiteral("vi")};

// Sentence frames per language with two slots for glossary terms, so messages read like chat.
QString frame(const QString &lang, int variant, const QString &a, const QString &b, int number)
{
    const QString n = QString::number(number);
    if (lang == QLatin1String("ko")) {
        const QStringList frames = {
            QStringLiteral("어제부터 %1이 있고 %2도 조금 있어요. %3일째예요"),
            QStringLiteral("%1 때문에 %2 검사를 받아야 하나요? %3일째예요"),
            QStringLiteral("%1과 %2에 대해 상담하고 싶어요. %3시에 010-1234-5678로 연락 주세요"),
            QStringLiteral("Tylenol %3mg을 먹었는데 %1이 계속되고 %2도 있어요")};
        return frames[variant % frames.size()].arg(a, b, n);
    }
    if (lang == QLatin1String("en")) {
        const QStringList frames = {
            QStringLiteral("I have had %1 for %3 days and some %2."),
            QStringLiteral("Do I need %2 because of the %1? It has been %3 days."),
            QStringLiteral(
                "I'd like to ask about %1 and %2 at %3 pm, my email is jane@example.com"),
            QStringLiteral("I took Advil %3 mg but the %1 and %2 are still there.")};
        return frames[variant % frames.size()].arg(a, b, n);
    }
    if (lang == QLatin1String("ja"))
        return QStringLiteral("昨日から%1があり、%2も少しあります。%3日目です。").arg(a, b, n);
    if (lang == QLatin1String("zh"))
        return QStringLiteral("我从昨天开始%1，还有一点%2，已经%3天了。").arg(a, b, n);
    if (lang == QLatin1String("th"))
        return QStringLiteral("ฉันมีอาการ%1ตั้งแต่เมื่อวาน และ%2นิดหน่อย %3 วันแล้ว").arg(a, b, n);
    return QStringLiteral("Tôi bị %1 từ hôm qua và hơi %2, đã %3 ngày rồi.").arg(a, b, n);
}

double perSecond(qint64 nanoseconds, int operations)
{
    return nanoseconds > 0 ? operations * 1e9 / double(nanoseconds) : 0.0;
}

} // namespace

TranslationBench::TranslationBench(relay::TranslationPipeline::Resources resources, int messages,
                                   QTextStream &out)
    : m_resources(std::move(resources)), m_out(out)
{
    // A fixed seed: every run measures the same messages. A quarter are vetted greetings.
    QRandomGenerator random(20261126);
    const auto &entries = m_resources.glossary.entries();
    m_messages.reserve(size_t(messages));
    for (int i = 0; i < messages; ++i) {
        const QString lang = kLanguages[i % kLanguages.size()];
        if (i % 4 == 3) {
            static const QHash<QString, QString> greetings = {
                {QStringLiteral("ko"), QStringLiteral("안녕하세요.")},
                {QStringLiteral("en"), QStringLiteral("Hello.")},
                {QStringLiteral("ja"), QStringLiteral("こんにちは。")},
                {QStringLiteral("zh"), QStringLiteral("您好。")},
                {QStringLiteral("th"), QStringLiteral("สวัสดีค่ะ")},
                {QStringLiteral("vi"), QStringLiteral("Xin chào.")}};
            m_messages.push_back({greetings.value(lang), lang});
            continue;
        }
        const auto &a = entries[size_t(random.bounded(int(entries.size())))].terms;
        const auto &b = entries[size_t(random.bounded(int(entries.size())))].terms;
        m_messages.push_back({frame(lang, i / kLanguages.size(), a.value(lang), b.value(lang),
                                    1 + random.bounded(30)),
                              lang});
    }
    m_out << "messages: " << m_messages.size()
          << " in ko/en/ja/zh/th/vi; glossary: " << m_resources.glossary.size() << " terms ("
          << m_resources.glossary.version() << ")\n";
}

QString TranslationBench::targetFor(const QString &lang)
{
    return lang == QLatin1String("ko") ? QStringLiteral("vi") : QStringLiteral("ko");
}

void TranslationBench::report(const char *what, qint64 nanoseconds, int operations,
                              const QString &note)
{
    m_out << QStringLiteral("%1: %2 per second (%3 µs each, %4 in %5 ms)%6\n")
                 .arg(QLatin1String(what))
                 .arg(perSecond(nanoseconds, operations), 0, 'f', 0)
                 .arg(nanoseconds / 1000.0 / std::max(1, operations), 0, 'f', 2)
                 .arg(operations)
                 .arg(nanoseconds / 1e6, 0, 'f', 1)
                 .arg(note.isEmpty() ? QString() : QStringLiteral("; ") + note);
    m_out.flush();
}

void TranslationBench::glossaryMatching()
{
    const relay::GlossaryMatcher matcher(m_resources.glossary);
    QElapsedTimer timer;
    timer.start();
    qint64 hits = 0;
    for (const Message &m : m_messages)
        hits += qint64(matcher.hits(m.text, m.lang, targetFor(m.lang)).size());
    report("glossary matching", timer.nsecsElapsed(), int(m_messages.size()),
           QStringLiteral("%1 terms found").arg(hits));
}

void TranslationBench::preparation()
{
    // What every message costs before any provider: PII masking, names, glossary, cache key.
    const relay::GlossaryMatcher matcher(m_resources.glossary);
    const QString stamp = m_resources.glossary.cacheStamp();
    QElapsedTimer timer;
    timer.start();
    int masked = 0;
    for (const Message &m : m_messages) {
        relay::MaskedText text = relay::PiiMasker::mask(m.text);
        m_resources.protectedTerms.protect(text);
        masked += text.placeholders.empty() ? 0 : 1;
        const auto hits = matcher.hits(text.text, m.lang, targetFor(m.lang));
        const auto key =
            relay::TranslationCache::makeKey(m.lang, targetFor(m.lang), stamp, text.text);
        Q_UNUSED(hits);
        Q_UNUSED(key);
    }
    report("mask + protect + glossary + cache key", timer.nsecsElapsed(), int(m_messages.size()),
           QStringLiteral("%1 messages had something masked").arg(masked));
}

void TranslationBench::memoryCache()
{
    relay::TranslationCache cache(nullptr, 30, int(m_messages.size()));
    cache.setAccepted({{QStringLiteral("anthropic"), QStringLiteral("model")}});
    std::vector<relay::CacheKey> keys;
    keys.reserve(m_messages.size());
    for (const Message &m : m_messages)
        keys.push_back(relay::TranslationCache::makeKey(m.lang, targetFor(m.lang),
                                                        QStringLiteral("g"), m.text));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const auto &key : keys)
        cache.insert(key, relay::CachedTranslation{QStringLiteral("anthropic"),
                                                   QStringLiteral("model"), key.text, now});
    QElapsedTimer timer;
    timer.start();
    int found = 0;
    for (const auto &key : keys)
        found += cache.findInMemory(key) ? 1 : 0;
    report("cache lookup, memory (LRU)", timer.nsecsElapsed(), int(keys.size()),
           QStringLiteral("%1 hits").arg(found));
}

void TranslationBench::storeCache()
{
    QTemporaryDir dir;
    relay::StoreConfig config;
    config.database = dir.filePath(QStringLiteral("bench.db"));
    relay::Store store(config);
    QString error;
    if (!store.open(&error)) {
        m_out << "store cache: cannot open the database: " << error << "\n";
        return;
    }
    std::vector<relay::CacheKey> keys;
    for (const Message &m : m_messages)
        keys.push_back(relay::TranslationCache::makeKey(m.lang, targetFor(m.lang),
                                                        QStringLiteral("g"), m.text));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    {
        relay::TranslationCache writer(&store, 30, 0);
        writer.setAccepted({{QStringLiteral("anthropic"), QStringLiteral("model")}});
        QElapsedTimer timer;
        timer.start();
        for (const auto &key : keys)
            writer.insert(key, relay::CachedTranslation{QStringLiteral("anthropic"),
                                                        QStringLiteral("model"), key.text, now});
        // Inserts arriving while a batch is written share the next transaction (as in the relay).
        while (writer.writing())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        report("cache write, SQLite (batched while a write is under way)", timer.nsecsElapsed(),
               int(keys.size()));
    }
    // A cache with an empty memory, as after a restart: every lookup goes to SQLite.
    relay::TranslationCache reader(&store, 30, 0);
    reader.setAccepted({{QStringLiteral("anthropic"), QStringLiteral("model")}});
    int answered = 0;
    int found = 0;
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    for (const auto &key : keys)
        reader.find(key, [&](std::optional<relay::CachedTranslation> hit) {
            found += hit ? 1 : 0;
            if (++answered == int(keys.size()))
                loop.quit();
        });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    if (answered < int(keys.size()))
        loop.exec();
    report("cache lookup, SQLite (after a restart)", timer.nsecsElapsed(), answered,
           QStringLiteral("%1 hits").arg(found));
}

void TranslationBench::pipelineRepeats()
{
    // prepare on messages seen before: what a repeated message costs end to end.
    relay::TranslationConfig config;
    config.providers = {QStringLiteral("openai")};
    config.openaiUrl = QStringLiteral("http://127.0.0.1:9"); // never called: every answer is cached
    config.cacheMemoryEntries = int(m_messages.size());
    const relay::DoNotTranslateList names = m_resources.protectedTerms;
    relay::TranslationPipeline pipeline(config, m_resources, nullptr);
    const QString stamp = pipeline.glossary().cacheStamp();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const Message &m : m_messages) {
        const QString source = pipeline.detectLanguage(m.text, m.lang);
        relay::MaskedText masked = relay::PiiMasker::mask(m.text);
        names.protect(masked);
        const auto key =
            relay::TranslationCache::makeKey(source, targetFor(m.lang), stamp, masked.text);
        pipeline.cache().insert(
            key, relay::CachedTranslation{QStringLiteral("openai"), config.openaiModel,
                                          QStringLiteral("cached translation"), now});
    }
    QElapsedTimer timer;
    timer.start();
    int answered = 0;
    for (const Message &m : m_messages)
        answered += pipeline.prepare({m.text, m.lang, targetFor(m.lang)}).outcome ? 1 : 0;
    report("pipeline prepare on repeats", timer.nsecsElapsed(), int(m_messages.size()),
           QStringLiteral("%1 answered at once").arg(answered));
}

} // namespace medtranslate::bench
