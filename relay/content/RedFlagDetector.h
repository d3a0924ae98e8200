#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace medtranslate::relay {

//! One kind of emergency found in a message, with the patient's own words that showed it.
struct RedFlagHit
{
    QString category;  //!< the table's category, e.g. "chest_pain"
    QStringList words; //!< as the patient wrote them (width-folded), first occurrence first
    bool operator==(const RedFlagHit &) const = default;
};

//! Finds emergency expressions (resources/red-flags/*.tsv) in a patient's original text, in
//! any of the supported languages at once: a patient may write in a language other than the
//! one they picked. Case, full/half width, katakana/hiragana and spacing are ignored; Latin
//! words match whole words only, so look-alikes such as "heartburn" or "chest painting" stay
//! quiet; a Vietnamese letter written without its diacritic matches the letter with it, but a
//! letter written with a different diacritic does not ("từ từ" is not "tự tử"). Negation is
//! not guessed at: "no chest pain now" still fires, because a missed emergency costs more than
//! a nurse's look. Only the look-alikes the table lists (`not_when`) silence a match.
class RedFlagDetector final
{
public:
    //! Every *.tsv in `directory`: columns `category`, one column per language code holding
    //! the expression ("|" between wordings), and an optional `not_when` ("|" between
    //! look-alike phrases that, where they cover a match, mean it is not one).
    bool loadDirectory(const QString &directory, QString *error);
    //! One expression; false (with `error`) for an empty category or wording.
    bool add(const QString &category, const QString &lang, const QString &wordings,
             const QString &notWhen, QString *error = nullptr);

    //! The categories found in `text`, in table order; empty when nothing matched.
    [[nodiscard]] std::vector<RedFlagHit> scan(const QString &text) const;
    //! How many expression rows the table has in `lang`.
    [[nodiscard]] int expressionCount(const QString &lang) const { return m_counts.value(lang); }

private:
    //! One wording, folded like the text it is looked for in.
    struct Form
    {
        QString marked;   //!< case-folded, diacritics kept
        QString stripped; //!< the same without diacritics, letter for letter
    };
    struct Pattern
    {
        QString category;
        bool spaced = false; //!< Latin script: whole words; otherwise spaces are ignored
        std::vector<Form> wordings;
        std::vector<Form> lookAlikes;
    };

    std::vector<Pattern> m_patterns;
    QHash<QString, int> m_counts;
};

} // namespace medtranslate::relay
