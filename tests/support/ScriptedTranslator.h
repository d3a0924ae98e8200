#pragma once

#include "translation/Translator.h"

#include <QHash>

namespace medtranslate::test {

//! A translator whose answers a test controls: per source text, a delay, a failure, or a
//! hang (never answers, to prove the relay's deadline). Otherwise it answers
//! "[src>tgt] text" after `defaultDelayMs`.
class ScriptedTranslator final : public relay::Translator
{
    Q_OBJECT

public:
    struct Rule
    {
        int delayMs = 0;
        bool fail = false;
        bool hang = false;
        QString output;         //!< empty: the default "[src>tgt] text"
        bool immediate = false; //!< answer in prepare, as a cache hit would
    };

    void setRule(const QString &text, Rule rule) { m_rules.insert(text, rule); }
    void setDefaultDelay(int ms) { m_defaultDelayMs = ms; }
    [[nodiscard]] int calls() const { return m_calls; }

    Prepared prepare(const relay::TranslationRequest &request) override;
    [[nodiscard]] QString detectLanguage(const QString &text,
                                         const QString &declared) const override;
    [[nodiscard]] QString describe() const override { return QStringLiteral("scripted (tests)"); }

protected:
    void run(const relay::TranslationRequest &request, const Prepared &prepared,
             Callback done) override;

private:
    relay::TranslationOutcome answer(const relay::TranslationRequest &request,
                                     const Rule &rule) const;

    QHash<QString, Rule> m_rules;
    int m_defaultDelayMs = 0;
    int m_calls = 0;
};

} // namespace medtranslate::test
