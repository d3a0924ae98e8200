#include "ScriptedTranslator.h"

#include "medtranslate/Language.h"

#include <QTimer>

namespace medtranslate::test {

relay::TranslationOutcome ScriptedTranslator::answer(const relay::TranslationRequest &request,
                                                     const Rule &rule) const
{
    relay::TranslationOutcome outcome;
    outcome.translation.lang = request.targetLang.toStdString();
    outcome.translation.provider = "scripted";
    outcome.translation.sourceLang = request.sourceLang.toStdString();
    if (rule.fail) {
        outcome.translation.status = protocol::TranslationStatus::Unavailable;
        outcome.translation.text = request.text.toStdString();
        outcome.translation.lang = request.sourceLang.toStdString();
        // As the pipeline says it: asked and failed, or (known at once) nothing vetted offline.
        outcome.translation.addWarning(protocol::TranslationWarning::make(
            rule.immediate ? protocol::TranslationWarning::Kind::NoVettedTranslation
                           : protocol::TranslationWarning::Kind::ProvidersFailed));
        return outcome;
    }
    outcome.translation.status =
        rule.immediate ? protocol::TranslationStatus::Cached : protocol::TranslationStatus::Ok;
    outcome.translation.text =
        (rule.output.isEmpty() ? QStringLiteral("[%1>%2] %3")
                                     .arg(request.sourceLang, request.targetLang, request.text)
                               : rule.output)
            .toStdString();
    return outcome;
}

relay::Translator::Prepared ScriptedTranslator::prepare(const relay::TranslationRequest &request)
{
    Prepared prepared;
    prepared.sourceLang = detectLanguage(request.text, request.sourceLang);
    const auto it = m_rules.constFind(request.text);
    if (it != m_rules.constEnd() && it->immediate) {
        ++m_calls;
        prepared.outcome = answer(request, *it);
    }
    return prepared;
}

void ScriptedTranslator::run(const relay::TranslationRequest &request, const Prepared &,
                             Callback done)
{
    ++m_calls;
    Rule rule;
    rule.delayMs = m_defaultDelayMs;
    if (const auto it = m_rules.constFind(request.text); it != m_rules.constEnd())
        rule = *it;
    if (rule.hang)
        return; // the Translator's deadline must settle it
    QTimer::singleShot(rule.delayMs, this, [this, request, rule, done = std::move(done)]() {
        done(answer(request, rule));
    });
}

QString ScriptedTranslator::detectLanguage(const QString &text, const QString &declared) const
{
    const auto code = languageForScript(detectScript(text.toStdString()), declared.toStdString());
    return QString::fromUtf8(code.data(), qsizetype(code.size()));
}

} // namespace medtranslate::test
