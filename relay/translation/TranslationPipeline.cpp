#include "translation/TranslationPipeline.h"

#include "medtranslate/Language.h"

#include <QTimer>

namespace medtranslate::relay {

namespace {
const QString kOfflineProvider = QStringLiteral("offline");
}

TranslationPipeline::TranslationPipeline(TranslationConfig config, PhraseBook phrases, QObject *parent)
    : Translator(parent), m_config(std::move(config)), m_phrases(std::move(phrases))
{
}

QString TranslationPipeline::describe() const
{
    return QStringLiteral("offline: %1 vetted phrases; no translation API key is configured, so "
                          "other text is marked unavailable")
        .arg(m_phrases.size());
}

QString TranslationPipeline::detectLanguage(const QString &text, const QString &declared) const
{
    const std::string utf8 = text.toStdString();
    const std::string declaredUtf8 = declared.toStdString();
    const Script script = detectScript(utf8);
    const auto code = languageForScript(script, declaredUtf8);
    const QString fromScript = QString::fromUtf8(code.data(), qsizetype(code.size()));
    // Latin script alone cannot tell English from Vietnamese; a vetted phrase can.
    if (script == Script::Latin || script == Script::Han) {
        if (const auto vetted = m_phrases.languageOf(text, declared); vetted && fromScript != *vetted)
            return *vetted;
    }
    return fromScript;
}

std::optional<TranslationOutcome> TranslationPipeline::translateNow(const TranslationRequest &request)
{
    const QString source = detectLanguage(request.text, request.sourceLang);
    if (source == request.targetLang) {
        // Written in the reader's language already: nothing to translate, nothing to invent.
        TranslationOutcome same;
        same.translation.text = request.text.toStdString();
        same.translation.lang = request.targetLang.toStdString();
        same.translation.status = protocol::TranslationStatus::Ok;
        same.translation.provider = "none";
        same.translation.sourceLang = source.toStdString();
        return same;
    }
    if (const auto phrase = m_phrases.lookup(request.text, source, request.targetLang)) {
        TranslationOutcome vetted;
        vetted.translation.text = phrase->toStdString();
        vetted.translation.lang = request.targetLang.toStdString();
        vetted.translation.status = protocol::TranslationStatus::Ok;
        vetted.translation.provider = kOfflineProvider.toStdString();
        vetted.translation.sourceLang = source.toStdString();
        return vetted;
    }
    return std::nullopt;
}

void TranslationPipeline::translate(const TranslationRequest &request, Callback done)
{
    if (auto now = translateNow(request)) {
        QTimer::singleShot(0, this, [done = std::move(done), outcome = std::move(*now)]() { done(outcome); });
        return;
    }
    const QString source = detectLanguage(request.text, request.sourceLang);
    auto outcome = unavailable(request, source,
                               QStringLiteral("no vetted offline translation for this text"));
    QTimer::singleShot(0, this, [done = std::move(done), outcome = std::move(outcome)]() { done(outcome); });
}

TranslationOutcome TranslationPipeline::unavailable(const TranslationRequest &request,
                                                    const QString &sourceLang,
                                                    const QString &reason) const
{
    // The original text travels on, labelled as such: a reader never mistakes it for a translation.
    TranslationOutcome outcome;
    outcome.translation.text = request.text.toStdString();
    outcome.translation.lang = sourceLang.toStdString();
    outcome.translation.status = protocol::TranslationStatus::Unavailable;
    outcome.translation.provider = kOfflineProvider.toStdString();
    outcome.translation.sourceLang = sourceLang.toStdString();
    Q_UNUSED(reason);
    return outcome;
}

} // namespace medtranslate::relay
