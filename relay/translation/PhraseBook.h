#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace medtranslate::relay {

//! Vetted sentence translations (resources/phrases/*.tsv), matched after normalization.
//! The offline translator trusts only these: what is not here is not translated.
class PhraseBook final
{
public:
    //! Loads every *.tsv in `directory`; returns false and sets `error` on a malformed file.
    bool loadDirectory(const QString &directory, QString *error);
    //! Adds one vetted row: language code → text.
    void add(const QHash<QString, QString> &row);

    [[nodiscard]] std::optional<QString> lookup(const QString &text, const QString &sourceLang,
                                                const QString &targetLang) const;
    //! The language a text is written in, when some row has it verbatim (after normalization);
    //! `preferred` wins when several languages share the text.
    [[nodiscard]] std::optional<QString> languageOf(const QString &text,
                                                    const QString &preferred) const;
    [[nodiscard]] int size() const { return int(m_rows.size()); }

    struct Near
    {
        QString source;
        QString target;
        double similarity = 0; //!< 0…1, Dice over character pairs
    };
    //! The vetted rows whose `sourceLang` text is most like `text` and that have a
    //! `targetLang` text, best first, at most `limit`, none below `minSimilarity`.
    [[nodiscard]] std::vector<Near> nearest(const QString &text, const QString &sourceLang,
                                            const QString &targetLang, int limit,
                                            double minSimilarity = 0.35) const;

    //! Lower-cases, folds white space and drops end punctuation, so "Hello!" finds "hello".
    [[nodiscard]] static QString normalize(const QString &text);

private:
    std::vector<QHash<QString, QString>> m_rows;
    std::vector<QHash<QString, QStringList>> m_pairs; //!< per row: lang → character pairs
    QHash<QString, QHash<QString, int>> m_index;      // lang → normalized text → row
};

} // namespace medtranslate::relay
