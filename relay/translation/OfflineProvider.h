#pragma once

#include "translation/GlossaryMatcher.h"
#include "translation/PhraseBook.h"

#include <QString>
#include <optional>

namespace medtranslate::relay {

//! What the relay can translate without any service: vetted phrases (the whole sentence,
//! after normalization) and a message that is exactly one glossary term. Anything else is
//! honestly "unavailable", never a guess.
class OfflineProvider final
{
public:
    OfflineProvider(const PhraseBook &phrases, const Glossary &glossary,
                    const GlossaryMatcher &matcher);

    //! `text` as written for the phrase book, `masked` (personal data hidden) for the glossary.
    [[nodiscard]] std::optional<QString> translate(const QString &text, const QString &masked,
                                                   const QString &sourceLang,
                                                   const QString &targetLang) const;

private:
    const PhraseBook &m_phrases;
    const Glossary &m_glossary;
    const GlossaryMatcher &m_matcher;
};

} // namespace medtranslate::relay
