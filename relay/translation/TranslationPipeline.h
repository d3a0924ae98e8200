#pragma once

#include "config/RelayConfig.h"
#include "translation/DoNotTranslateList.h"
#include "translation/Glossary.h"
#include "translation/GlossaryMatcher.h"
#include "translation/MaskedText.h"
#include "translation/OfflineProvider.h"
#include "translation/PhraseBook.h"
#include "translation/TranslationCache.h"
#include "translation/Translator.h"

#include <QDeadlineTimer>
#include <QHash>
#include <memory>
#include <optional>
#include <vector>

namespace medtranslate::relay {

class ProviderChain;
class Store;

//! The relay's translator. For each message: detect the language really written, mask
//! personal data and do-not-translate names, find the glossary terms it contains; answer at
//! once from vetted phrases, a single glossary term or the cache; otherwise ask the configured
//! providers in order within the deadline. Every answer is restored, checked (numbers, units,
//! glossary terms, names) and labelled; when nothing works the original text comes back
//! "unavailable", never a made-up translation.
class TranslationPipeline final : public Translator
{
    Q_OBJECT

public:
    //! What the pipeline reads from the resources folder.
    struct Resources
    {
        PhraseBook phrases;
        Glossary glossary;
        DoNotTranslateList protectedTerms;
    };

    //! Loads phrases/, glossary/ and glossary/do-not-translate.txt under `resourcesDir`.
    [[nodiscard]] static std::optional<Resources> loadResources(const QString &resourcesDir,
                                                                QString *error);

    //! `store` (may be null: memory cache only) must outlive the pipeline's pending work.
    TranslationPipeline(TranslationConfig config, Resources resources, Store *store,
                        QObject *parent = nullptr);
    ~TranslationPipeline() override;

    Prepared prepare(const TranslationRequest &request) override;
    [[nodiscard]] QString describe() const override;
    [[nodiscard]] QString detectLanguage(const QString &text,
                                         const QString &declared) const override;
    [[nodiscard]] QString metricsText() const override;
    [[nodiscard]] bool usesContext() const override;
    [[nodiscard]] std::vector<protocol::VettedPhrase>
    suggestions(const QString &text, const QString &targetLang) const override;

    [[nodiscard]] const Glossary &glossary() const { return m_resources.glossary; }
    [[nodiscard]] const GlossaryMatcher &matcher() const { return m_matcher; }
    [[nodiscard]] TranslationCache &cache() { return *m_cache; }
    [[nodiscard]] ProviderChain &chain() { return *m_chain; }

protected:
    void run(const TranslationRequest &request, const Prepared &prepared, Callback done) override;

private:
    //! A request made ready for providers: detected language, masked text, glossary hits.
    struct Ready
    {
        QString text; //!< the request's text, before masking
        QString source;
        MaskedText masked;
        std::vector<protocol::GlossaryHit> hits;
        CacheKey key;
    };
    struct Waiter
    {
        TranslationRequest request;
        std::shared_ptr<const Ready> prepared;
        Callback done;
    };

    //! What is at hand at once for a prepared request: unchanged text, a vetted phrase, memory.
    [[nodiscard]] std::optional<TranslationOutcome> immediate(const TranslationRequest &request,
                                                              const Ready &prepared) const;
    //! The text with personal data and protected terms masked, as providers see it.
    [[nodiscard]] MaskedText masked(const QString &text) const;
    [[nodiscard]] QString detectMasked(const QString &text, const MaskedText &masked,
                                       const QString &declared) const;
    [[nodiscard]] std::shared_ptr<Ready> ready(const TranslationRequest &request,
                                               const QString &source, MaskedText masked) const;
    [[nodiscard]] TranslationOutcome checked(const TranslationRequest &request,
                                             const Ready &prepared, const QString &providerText,
                                             protocol::TranslationStatus status,
                                             const QString &provider) const;
    [[nodiscard]] TranslationOutcome unchanged(const TranslationRequest &request,
                                               const QString &source) const;
    using WarningKind = protocol::TranslationWarning::Kind;
    //! `warning` says why, when there is a reason to give.
    [[nodiscard]] TranslationOutcome
    unavailable(const TranslationRequest &request, const QString &source, const QString &provider,
                std::optional<WarningKind> warning,
                std::vector<protocol::GlossaryHit> hits = {}) const;
    void runChain(const TranslationRequest &request, std::shared_ptr<const Ready> prepared,
                  QDeadlineTimer deadline, Callback done);

    TranslationConfig m_config;
    Resources m_resources;
    GlossaryMatcher m_matcher;
    OfflineProvider m_offline;
    QString m_glossaryStamp;
    ProviderChain *m_chain;
    TranslationCache *m_cache;
    QHash<QString, std::vector<Waiter>> m_inflight; //!< cache digest → requests sharing one call
};

} // namespace medtranslate::relay
