#include "translation/TranslationPipeline.h"

#include "medtranslate/Language.h"
#include "translation/AnswerScreen.h"
#include "translation/AnthropicProvider.h"
#include "translation/DeepLProvider.h"
#include "translation/LanguageDetector.h"
#include "translation/OpenAiProvider.h"
#include "translation/PiiMasker.h"
#include "translation/ProviderChain.h"
#include "translation/SafetyChecker.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcTranslation, "medtranslate.translation")

namespace medtranslate::relay {

namespace {

const QString kOffline = QStringLiteral("offline");
//! The chain gives up this long before the Translator's deadline, so its own answer is heard.
constexpr int kDeadlineMarginMs = 300;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

//! Warnings after which a provider's answer is not kept: a fresh call may do better.
bool cacheable(const protocol::Translation &t)
{
    using Kind = protocol::TranslationWarning::Kind;
    for (const auto &w : t.typedWarnings()) {
        if (w.kind == Kind::NumberMismatch || w.kind == Kind::UnitMismatch ||
            w.kind == Kind::TimeMismatch || w.kind == Kind::NegationMismatch ||
            w.kind == Kind::PlaceholderMissing || w.kind == Kind::DntMissing ||
            w.kind == Kind::UnclearTerm)
            return false;
    }
    return true;
}

//! Letters of any script left once tokens, digits and punctuation are set aside.
bool hasLetters(const QString &masked)
{
    static const QRegularExpression token(QStringLiteral("⟦[^⟧]{0,12}⟧"));
    QString rest = masked;
    rest.remove(token);
    for (const QChar c : rest) {
        if (c.isLetter())
            return true;
    }
    return false;
}

ProviderChain *buildChain(const TranslationConfig &config, QObject *parent)
{
    ChainPolicy policy;
    policy.callTimeoutMs = config.providerTimeoutMs;
    policy.retries = config.providerRetries;
    policy.retryBaseMs = config.retryBaseDelayMs;
    policy.breakerThreshold = config.breakerThreshold;
    policy.breakerCooldownMs = config.breakerCooldownMs;
    auto *chain = new ProviderChain(policy, parent);
    for (const QString &name : config.providers) {
        HttpProvider *provider = nullptr;
        if (name == QLatin1String("anthropic"))
            provider = new AnthropicProvider(config.anthropicKey, config.anthropicModel,
                                             config.anthropicUrl);
        else if (name == QLatin1String("openai"))
            provider = new OpenAiProvider(config.openaiKey, config.openaiModel, config.openaiUrl);
        else if (name == QLatin1String("deepl"))
            provider = new DeepLProvider(config.deeplKey, config.deeplUrl);
        if (!provider) {
            qCWarning(lcTranslation) << "ignoring unknown translation provider" << name;
            continue;
        }
        provider->setConcurrency(config.providerConcurrency);
        chain->add(provider);
    }
    // An "answer" in the wrong script or language is an echo of the source, a reply or a
    // translation for someone else, and a refusal, a preamble or an explanation is not the
    // writer's words: the next provider is asked.
    chain->setValidator([](const ProviderRequest &request, const QString &answer) {
        if (!LanguageDetector::fitsLanguage(answer, request.targetLang))
            return QStringLiteral("answer is not written in %1").arg(request.targetLang);
        return AnswerScreen::problem(request.text, answer, request.sourceLang, request.targetLang);
    });
    return chain;
}

} // namespace

std::optional<TranslationPipeline::Resources>
TranslationPipeline::loadResources(const QString &resourcesDir, QString *error)
{
    Resources resources;
    const QDir dir(resourcesDir);
    if (!resources.phrases.loadDirectory(dir.filePath(QStringLiteral("phrases")), error))
        return std::nullopt;
    if (!resources.glossary.loadDirectory(dir.filePath(QStringLiteral("glossary")), error))
        return std::nullopt;
    if (!resources.protectedTerms.loadFile(
            dir.filePath(QStringLiteral("glossary/do-not-translate.txt")), error))
        return std::nullopt;
    return resources;
}

TranslationPipeline::TranslationPipeline(TranslationConfig config, Resources resources,
                                         Store *store, QObject *parent)
    : Translator(parent), m_config(std::move(config)), m_resources(std::move(resources)),
      m_matcher(m_resources.glossary),
      m_offline(m_resources.phrases, m_resources.glossary, m_matcher),
      m_glossaryStamp(m_resources.glossary.cacheStamp()), m_chain(buildChain(m_config, this)),
      m_cache(new TranslationCache(store, m_config.cacheTtlDays, m_config.cacheMemoryEntries, this))
{
    setLimits(m_config.deadlineMs, m_config.maxPending);
    QList<QPair<QString, QString>> accepted;
    for (const TranslationProvider *provider : m_chain->providers())
        accepted << qMakePair(provider->name(), provider->model());
    m_cache->setAccepted(accepted);
}

TranslationPipeline::~TranslationPipeline() = default;

std::vector<protocol::VettedPhrase>
TranslationPipeline::suggestions(const QString &text, const QString &targetLang) const
{
    constexpr int kSuggestions = 3;
    std::vector<protocol::VettedPhrase> near;
    for (const auto &n :
         m_resources.phrases.nearest(text, QStringLiteral("ko"), targetLang, kSuggestions))
        near.push_back({utf8(n.source), utf8(n.target)});
    return near;
}

QString TranslationPipeline::describe() const
{
    const QString glossary = QStringLiteral("glossary %1 (%2 terms)")
                                 .arg(m_resources.glossary.version())
                                 .arg(m_resources.glossary.size());
    if (m_chain->isEmpty())
        return QStringLiteral(
                   "offline: %1 vetted phrases, and single terms from %2; no translation API "
                   "key is configured, so other text is marked unavailable")
            .arg(m_resources.phrases.size())
            .arg(glossary);
    QStringList names;
    for (const TranslationProvider *provider : m_chain->providers())
        names << QStringLiteral("%1 (%2)").arg(provider->name(), provider->model());
    return QStringLiteral(
               "providers in fallback order: %1; %2 vetted phrases answered offline first; %3; "
               "cache %4 days; personal data masked before any provider sees a text")
        .arg(names.join(QStringLiteral(" → ")))
        .arg(m_resources.phrases.size())
        .arg(glossary)
        .arg(m_config.cacheTtlDays);
}

MaskedText TranslationPipeline::masked(const QString &text) const
{
    MaskedText masked = PiiMasker::mask(text);
    m_resources.protectedTerms.protect(masked);
    return masked;
}

QString TranslationPipeline::detectLanguage(const QString &text, const QString &declared) const
{
    return detectMasked(text, masked(text), declared);
}

QString TranslationPipeline::detectMasked(const QString &text, const MaskedText &masked,
                                          const QString &declared) const
{
    // Brand names and e-mail addresses say nothing about the language around them:
    // "Tylenol 500mg을 드세요" is Korean.
    static const QRegularExpression token(QStringLiteral("⟦[^⟧]{0,12}⟧"));
    const QString rest = QString(masked.text).remove(token);
    const QString detected = LanguageDetector::detect(hasLetters(rest) ? rest : text, declared);
    const Script script = detectScript(text.toStdString());
    // Short Latin or Han text can be ambiguous; a vetted phrase knows its language.
    if (script == Script::Latin || script == Script::Han) {
        if (const auto vetted = m_resources.phrases.languageOf(text, declared);
            vetted && *vetted != detected)
            return *vetted;
    }
    return detected;
}

bool TranslationPipeline::usesContext() const
{
    return !m_chain->providers().empty();
}

QString TranslationPipeline::metricsText() const
{
    QString out =
        QStringLiteral(
            "# HELP medtranslate_translation_cache_hits_total Translations answered from the "
            "cache.\n"
            "# TYPE medtranslate_translation_cache_hits_total counter\n"
            "medtranslate_translation_cache_hits_total{tier=\"memory\"} %1\n"
            "medtranslate_translation_cache_hits_total{tier=\"store\"} %2\n"
            "# HELP medtranslate_translation_cache_misses_total Translations the cache did not "
            "have.\n"
            "# TYPE medtranslate_translation_cache_misses_total counter\n"
            "medtranslate_translation_cache_misses_total %3\n"
            "# HELP medtranslate_translation_cache_memory_entries Translations held in memory.\n"
            "# TYPE medtranslate_translation_cache_memory_entries gauge\n"
            "medtranslate_translation_cache_memory_entries %4\n")
            .arg(m_cache->memoryHits())
            .arg(m_cache->storeHits())
            .arg(m_cache->misses())
            .arg(m_cache->memoryEntries());
    return out + m_chain->metricsText();
}

std::shared_ptr<TranslationPipeline::Ready>
TranslationPipeline::ready(const TranslationRequest &request, const QString &source,
                           MaskedText masked) const
{
    auto prepared = std::make_shared<Ready>();
    prepared->text = request.text;
    prepared->source = source;
    prepared->masked = std::move(masked);
    prepared->hits = m_matcher.hits(prepared->masked.text, source, request.targetLang);
    prepared->key = TranslationCache::makeKey(source, request.targetLang, m_glossaryStamp,
                                              prepared->masked.text);
    return prepared;
}

TranslationOutcome TranslationPipeline::unchanged(const TranslationRequest &request,
                                                  const QString &source) const
{
    // Already in the reader's language, or nothing but numbers and names: nothing to invent.
    TranslationOutcome same;
    same.translation.text = utf8(request.text);
    same.translation.lang = utf8(request.targetLang);
    same.translation.status = protocol::TranslationStatus::Ok;
    same.translation.provider = "none";
    same.translation.sourceLang = utf8(source);
    return same;
}

TranslationOutcome TranslationPipeline::unavailable(const TranslationRequest &request,
                                                    const QString &source, const QString &provider,
                                                    std::optional<WarningKind> warning,
                                                    std::vector<protocol::GlossaryHit> hits) const
{
    // The original travels on, labelled as such: a reader never mistakes it for a translation.
    TranslationOutcome outcome;
    outcome.translation.text = utf8(request.text);
    outcome.translation.lang = utf8(source);
    outcome.translation.status = protocol::TranslationStatus::Unavailable;
    outcome.translation.provider = utf8(provider);
    outcome.translation.sourceLang = utf8(source);
    if (warning)
        outcome.translation.addWarning(protocol::TranslationWarning::make(*warning));
    outcome.glossary = std::move(hits);
    return outcome;
}

TranslationOutcome TranslationPipeline::checked(const TranslationRequest &request,
                                                const Ready &prepared, const QString &providerText,
                                                protocol::TranslationStatus status,
                                                const QString &provider) const
{
    using Warning = protocol::TranslationWarning;
    std::vector<MaskedText::Placeholder> lost;
    const QString restored = prepared.masked.restore(providerText, &lost);
    std::vector<Warning> warnings;
    bool personalLost = false;
    for (const auto &placeholder : lost) {
        if (placeholder.personal)
            personalLost = true;
        else
            warnings.push_back(
                Warning::make(Warning::Kind::DntMissing, utf8(placeholder.original)));
    }
    // Which personal data went missing is not repeated in a warning anyone may read.
    if (personalLost)
        warnings.insert(warnings.begin(), Warning::make(Warning::Kind::PlaceholderMissing));
    for (auto &w : SafetyChecker::checkDetailed(prepared.masked.text, providerText))
        warnings.push_back(std::move(w));
    for (const auto &hit : prepared.hits) {
        if (!m_matcher.translated(restored, hit, request.targetLang))
            warnings.push_back(
                Warning::make(Warning::Kind::GlossaryMissing, hit.source, {}, hit.target));
    }
    TranslationOutcome outcome;
    outcome.translation.text = utf8(restored);
    outcome.translation.lang = utf8(request.targetLang);
    outcome.translation.status = status;
    outcome.translation.provider = utf8(provider);
    outcome.translation.sourceLang = utf8(prepared.source);
    for (auto &w : warnings)
        outcome.translation.addWarning(std::move(w));
    outcome.glossary = prepared.hits;
    return outcome;
}

std::optional<TranslationOutcome> TranslationPipeline::immediate(const TranslationRequest &request,
                                                                 const Ready &prepared) const
{
    const QString &source = prepared.source;
    if (source == request.targetLang || request.text.trimmed().isEmpty() ||
        !hasLetters(prepared.masked.text))
        return unchanged(request, source);
    if (const auto vetted =
            m_offline.translate(request.text, prepared.masked.text, source, request.targetLang)) {
        TranslationOutcome outcome;
        outcome.translation.text = utf8(prepared.masked.restore(*vetted, nullptr));
        outcome.translation.lang = utf8(request.targetLang);
        outcome.translation.status = protocol::TranslationStatus::Ok;
        outcome.translation.provider = utf8(kOffline);
        outcome.translation.sourceLang = utf8(source);
        outcome.glossary = prepared.hits;
        return outcome;
    }
    if (const auto cached = m_cache->findInMemory(prepared.key))
        return checked(request, prepared, cached->text, protocol::TranslationStatus::Cached,
                       cached->provider);
    return std::nullopt;
}

Translator::Prepared TranslationPipeline::prepare(const TranslationRequest &request)
{
    // Detection and preparation (masking, glossary matching) happen once per message.
    Prepared result;
    // Masking serves both detection and the providers: done once, it is the same text for both.
    MaskedText text = masked(request.text);
    result.sourceLang = request.sourceDetected
                            ? request.sourceLang
                            : detectMasked(request.text, text, request.sourceLang);
    auto prepared = ready(request, result.sourceLang, std::move(text));
    if (auto now = immediate(request, *prepared))
        result.outcome = std::move(now);
    else if (m_chain->isEmpty())
        // Offline and nothing vetted: the answer is known now, so the message carries it.
        result.outcome = unavailable(request, result.sourceLang, kOffline,
                                     WarningKind::NoVettedTranslation, prepared->hits);
    else
        result.state = std::move(prepared);
    return result;
}

void TranslationPipeline::run(const TranslationRequest &request, const Prepared &prepared,
                              Callback done)
{
    auto ready = std::static_pointer_cast<const Ready>(prepared.state);
    if (!ready) // a Prepared with its outcome already known
        ready = this->ready(request, prepared.sourceLang, masked(request.text));
    // The chain stops a little before the Translator's deadline so its own answer wins.
    const QDeadlineTimer deadline(std::max(kDeadlineMarginMs, deadlineMs() - kDeadlineMarginMs));
    m_cache->find(ready->key, [this, done = std::move(done), request, ready,
                               deadline](std::optional<CachedTranslation> hit) mutable {
        if (hit) {
            done(checked(request, *ready, hit->text, protocol::TranslationStatus::Cached,
                         hit->provider));
            return;
        }
        runChain(request, ready, deadline, std::move(done));
    });
}

void TranslationPipeline::runChain(const TranslationRequest &request,
                                   std::shared_ptr<const Ready> prepared, QDeadlineTimer deadline,
                                   Callback done)
{
    // The same masked text asked twice at once (two previews, a repeat) costs one call.
    const QString digest = prepared->key.digest;
    auto &waiters = m_inflight[digest];
    waiters.push_back(Waiter{request, prepared, std::move(done)});
    if (waiters.size() > 1)
        return;
    ProviderRequest call;
    call.text = prepared->masked.text;
    call.sourceLang = prepared->source;
    call.targetLang = request.targetLang;
    call.glossary = prepared->hits;
    call.context.reserve(request.context.size());
    for (const ContextTurn &turn : request.context) {
        // Context is only read, never restored, so its personal data is simply gone.
        static const QRegularExpression personal(QStringLiteral("⟦P\\d+⟧"));
        QString text = PiiMasker::mask(turn.text).text;
        text.replace(personal, QStringLiteral("[personal data]"));
        call.context.push_back(ContextTurn{turn.fromPatient, text});
    }
    m_chain->translate(call, deadline, [this, digest](ChainAnswer answer) {
        const std::vector<Waiter> waiters = m_inflight.take(digest);
        if (!answer.ok)
            qCInfo(lcTranslation) << "no provider could translate:"
                                  << answer.failures.join(QStringLiteral("; "));
        else if (!answer.failures.isEmpty())
            qCInfo(lcTranslation) << "answered by" << answer.provider
                                  << "after:" << answer.failures.join(QStringLiteral("; "));
        bool stored = false;
        for (const Waiter &waiter : waiters) {
            if (!answer.ok) {
                waiter.done(unavailable(waiter.request, waiter.prepared->source, QString(),
                                        WarningKind::ProvidersFailed, waiter.prepared->hits));
                continue;
            }
            const auto status = answer.index == 0 ? protocol::TranslationStatus::Ok
                                                  : protocol::TranslationStatus::Fallback;
            TranslationOutcome outcome =
                checked(waiter.request, *waiter.prepared, answer.text, status, answer.provider);
            for (const QString &word : answer.unclear)
                outcome.translation.addWarning(protocol::TranslationWarning::make(
                    protocol::TranslationWarning::Kind::UnclearTerm,
                    utf8(waiter.prepared->masked.restore(word, nullptr))));
            if (!stored && cacheable(outcome.translation)) {
                m_cache->insert(waiter.prepared->key,
                                CachedTranslation{answer.provider, answer.model, answer.text,
                                                  QDateTime::currentSecsSinceEpoch()});
                stored = true;
            }
            waiter.done(std::move(outcome));
        }
    });
}

} // namespace medtranslate::relay
