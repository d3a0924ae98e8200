#include "translation/OfflineProvider.h"

namespace medtranslate::relay {

OfflineProvider::OfflineProvider(const PhraseBook &phrases, const Glossary &glossary,
                                 const GlossaryMatcher &matcher)
    : m_phrases(phrases), m_glossary(glossary), m_matcher(matcher)
{
}

std::optional<QString> OfflineProvider::translate(const QString &text, const QString &masked,
                                                  const QString &sourceLang,
                                                  const QString &targetLang) const
{
    if (auto phrase = m_phrases.lookup(text, sourceLang, targetLang))
        return phrase;
    if (const auto entry = m_matcher.wholeTerm(masked, sourceLang)) {
        const QString term = m_glossary.entries()[size_t(*entry)].terms.value(targetLang);
        if (!term.isEmpty())
            return term;
    }
    return std::nullopt;
}

} // namespace medtranslate::relay
