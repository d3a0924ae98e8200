#pragma once

#include "medtranslate/protocol/Types.h"
#include "translation/Glossary.h"

#include <QHash>
#include <QString>
#include <optional>
#include <vector>

namespace medtranslate::relay {

//! A glossary term found in a (normalized) text.
struct GlossaryMatch
{
    int entry = -1; //!< index into Glossary::entries()
    int start = 0;  //!< in the normalized text
    int length = 0;
};

//! Finds the glossary terms that really occur in one message, so that only those go into the
//! prompt and get checked in the translation. Longest terms win and matches never overlap.
//! Korean terms may carry particles (두통이, 눈에서) but a short term never matches inside an
//! unrelated longer word (다리 in 기다리다, 중이 in 중이에요); Latin terms match whole words
//! (English plurals too); Chinese, Japanese and Thai terms match as substrings, short ones
//! only where the neighbours show a word edge.
class GlossaryMatcher final
{
public:
    //! Indexes `glossary`, which must outlive the matcher.
    explicit GlossaryMatcher(const Glossary &glossary);

    [[nodiscard]] std::vector<GlossaryMatch> find(const QString &text, const QString &lang) const;
    //! The terms of `sourceLang` in `text` with their `targetLang` terms, in text order.
    [[nodiscard]] std::vector<protocol::GlossaryHit>
    hits(const QString &text, const QString &sourceLang, const QString &targetLang) const;
    //! The entry whose term is the whole message (ignoring case, spacing and end punctuation).
    [[nodiscard]] std::optional<int> wholeTerm(const QString &text, const QString &lang) const;
    //! Whether `translation` says `hit`'s target term or one of the glossary's other wordings
    //! for it in `targetLang`.
    [[nodiscard]] bool translated(const QString &translation, const protocol::GlossaryHit &hit,
                                  const QString &targetLang) const;
    //! Whether a translation contains `term` (after the same normalization).
    [[nodiscard]] static bool contains(const QString &translation, const QString &term);

    //! NFC, lower case, hyphens as spaces, white space folded: how texts and terms are compared.
    [[nodiscard]] static QString normalize(const QString &text);

private:
    struct Term
    {
        QString text; //!< normalized
        int entry = -1;
        int syllables = 0; //!< Hangul syllables, for the Korean rules
    };
    struct Candidate
    {
        int start = 0;
        int length = 0;
        int entry = -1;
        bool needsPredecessor = false; //!< a short Korean term glued to the previous word part
    };
    struct LanguageIndex
    {
        //! Terms of two or more characters by their first two, longest first: a text position
        //! is compared only with the few terms that can start there.
        QHash<quint32, std::vector<Term>> byFirstTwo;
        QHash<QChar, std::vector<Term>> singles; //!< one-character terms
        QHash<QString, int> whole;
    };
    [[nodiscard]] static const std::vector<Term> *termsAt(const LanguageIndex &index,
                                                          const QString &text, int pos);

    void collect(const QString &text, int pos, const QString &lang, const LanguageIndex &index,
                 std::vector<Candidate> &out) const;
    [[nodiscard]] bool koreanRightEdgeOk(const QString &text, int end, const Term &term,
                                         const LanguageIndex &index) const;
    [[nodiscard]] bool startsWithKoreanTerm(const QString &text, int pos,
                                            const LanguageIndex &index) const;

    const Glossary &m_glossary;
    QHash<QString, LanguageIndex> m_index;      //!< language → its terms
    QHash<QString, QStringList> m_alternatives; //!< "lang\tterm" → the term's other wordings
};

} // namespace medtranslate::relay
