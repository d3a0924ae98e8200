#pragma once

#include "config/RelayConfig.h"
#include "translation/PhraseBook.h"
#include "translation/Translator.h"

namespace medtranslate::relay {

//! The relay's translator: vetted offline phrases at once, then the configured providers,
//! all within a deadline after which the answer is "unavailable" with the original text.
class TranslationPipeline final : public Translator
{
    Q_OBJECT

public:
    TranslationPipeline(TranslationConfig config, PhraseBook phrases, QObject *parent = nullptr);

    std::optional<TranslationOutcome> translateNow(const TranslationRequest &request) override;
    void translate(const TranslationRequest &request, Callback done) override;
    [[nodiscard]] QString describe() const override;

    [[nodiscard]] QString detectLanguage(const QString &text, const QString &declared) const override;

private:
    TranslationOutcome unavailable(const TranslationRequest &request, const QString &sourceLang,
                                   const QString &reason) const;

    TranslationConfig m_config;
    PhraseBook m_phrases;
};

} // namespace medtranslate::relay
