#include "content/RedFlagDetector.h"

#include "content/TableFolder.h"

#include <algorithm>

namespace medtranslate::relay {

namespace {

//! A text prepared for matching: every kept character folded, and where it came from.
struct FoldedText
{
    QString marked;   //!< case-folded, hiragana for katakana, diacritics kept
    QString stripped; //!< the same, letter for letter, without diacritics
    std::vector<qsizetype> origin;
};

enum class CharKind { Keep, Drop, Separator };

CharKind kindOf(QChar c)
{
    if (c.isLetterOrNumber() || c.isMark())
        return CharKind::Keep;
    // "can't" and "cant" are the same word to a patient in a hurry.
    if (c == u'\'' || c == u'\u2019' || c == u'\u2018' || c == u'\u02BC')
        return CharKind::Drop;
    return CharKind::Separator;
}

QChar foldChar(QChar c)
{
    c = c.toCaseFolded();
    if (c.unicode() >= 0x30A1 && c.unicode() <= 0x30F6)
        return QChar(char16_t(c.unicode() - 0x60));
    return c;
}

QChar stripChar(QChar c)
{
    if (c == u'\u0111')
        return u'd';
    if (c.unicode() >= 0xC0 && c.script() == QChar::Script_Latin) {
        const QString decomposed = QString(c).normalized(QString::NormalizationForm_D);
        if (!decomposed.isEmpty())
            return decomposed.front();
    }
    return c;
}

//! `spaced`: separators become one space, with one at each end, so " word " finds whole words;
//! otherwise separators and spaces are dropped (patients write ja, zh, th and often ko
//! without them).
FoldedText fold(const QString &source, bool spaced)
{
    FoldedText f;
    const auto append = [&f](QChar marked, QChar stripped, qsizetype at) {
        f.marked.append(marked);
        f.stripped.append(stripped);
        f.origin.push_back(at);
    };
    if (spaced)
        append(u' ', u' ', 0);
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        switch (kindOf(c)) {
        case CharKind::Drop:
            break;
        case CharKind::Separator:
            if (spaced && !f.marked.endsWith(u' '))
                append(u' ', u' ', i);
            break;
        case CharKind::Keep: {
            const QChar folded = foldChar(c);
            append(folded, stripChar(folded), i);
            break;
        }
        }
    }
    if (spaced && !f.marked.endsWith(u' '))
        append(u' ', u' ', source.size());
    return f;
}

bool hasLatinLetter(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.isLetter() && c.script() == QChar::Script_Latin; });
}

//! Where the text at `at` spells the form: each letter as written in the table, or without
//! its diacritic; a bare letter in the table accepts any diacritic.
bool spells(const FoldedText &text, qsizetype at, const QString &marked, const QString &stripped)
{
    for (qsizetype k = 0; k < marked.size(); ++k) {
        const QChar written = text.marked.at(at + k);
        if (written != marked.at(k) && written != text.stripped.at(at + k) &&
            marked.at(k) != stripped.at(k))
            return false;
    }
    return true;
}

//! The start of every place `marked`/`stripped` occurs in the text.
template <typename Visit>
void occurrences(const FoldedText &text, const QString &marked, const QString &stripped,
                 Visit visit)
{
    if (stripped.isEmpty())
        return;
    for (qsizetype at = text.stripped.indexOf(stripped); at >= 0;
         at = text.stripped.indexOf(stripped, at + 1)) {
        if (spells(text, at, marked, stripped) && !visit(at))
            return;
    }
}

} // namespace

bool RedFlagDetector::loadDirectory(const QString &directory, QString *error)
{
    return TableFolder::load(
        directory,
        [this](const TsvTable &table, const std::vector<std::string> &row, QString *rowError) {
            const QString category = TableFolder::cell(table, row, "category").trimmed();
            const QString notWhen = TableFolder::cell(table, row, "not_when");
            const auto cells = TableFolder::languageCells(table, row);
            if (cells.isEmpty()) {
                *rowError = QStringLiteral("a row without an expression in any language");
                return false;
            }
            for (auto it = cells.begin(); it != cells.end(); ++it) {
                if (!add(category, it.key(), it.value(), notWhen, rowError))
                    return false;
            }
            return true;
        },
        error);
}

bool RedFlagDetector::add(const QString &category, const QString &lang, const QString &wordings,
                          const QString &notWhen, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (category.trimmed().isEmpty())
        return fail(QStringLiteral("an expression without a category"));
    Pattern pattern;
    pattern.category = category.trimmed();
    const QStringList words = wordings.split(u'|', Qt::SkipEmptyParts);
    const QString normalised = wordings.normalized(QString::NormalizationForm_KC);
    pattern.spaced = hasLatinLetter(normalised);
    const auto formOf = [&pattern](const QString &wording) {
        const FoldedText f =
            fold(wording.normalized(QString::NormalizationForm_KC), pattern.spaced);
        return Form{f.marked, f.stripped};
    };
    for (const QString &w : words) {
        Form form = formOf(w);
        if (form.stripped.trimmed().isEmpty())
            continue;
        pattern.wordings.push_back(std::move(form));
    }
    if (pattern.wordings.empty())
        return fail(QStringLiteral("category '%1' has an empty expression").arg(category));
    for (const QString &w : notWhen.split(u'|', Qt::SkipEmptyParts)) {
        Form form = formOf(w);
        if (!form.stripped.trimmed().isEmpty())
            pattern.lookAlikes.push_back(std::move(form));
    }
    m_patterns.push_back(std::move(pattern));
    ++m_counts[lang];
    return true;
}

std::vector<RedFlagHit> RedFlagDetector::scan(const QString &text) const
{
    std::vector<RedFlagHit> hits;
    if (m_patterns.empty() || text.trimmed().isEmpty())
        return hits;
    const QString source = text.normalized(QString::NormalizationForm_KC);
    const FoldedText spaced = fold(source, true);
    const FoldedText compact = fold(source, false);
    for (const Pattern &pattern : m_patterns) {
        const FoldedText &folded = pattern.spaced ? spaced : compact;
        // A spaced form carries a space at each end; the words are what lies between.
        const qsizetype pad = pattern.spaced ? 1 : 0;
        const auto lookAlikeCovers = [&](qsizetype from, qsizetype to) {
            bool covered = false;
            for (const Form &lookAlike : pattern.lookAlikes) {
                occurrences(folded, lookAlike.marked, lookAlike.stripped, [&](qsizetype at) {
                    const qsizetype start = at + pad;
                    const qsizetype end = at + lookAlike.marked.size() - pad;
                    covered = start < to && from < end;
                    return !covered;
                });
                if (covered)
                    return true;
            }
            return false;
        };
        QStringList words;
        for (const Form &wording : pattern.wordings) {
            occurrences(folded, wording.marked, wording.stripped, [&](qsizetype at) {
                const qsizetype from = at + pad;
                const qsizetype to = at + wording.marked.size() - pad;
                if (to <= from || lookAlikeCovers(from, to))
                    return true;
                const qsizetype first = folded.origin[size_t(from)];
                const qsizetype last = folded.origin[size_t(to - 1)];
                const QString found = source.mid(first, last - first + 1);
                if (!words.contains(found))
                    words.append(found);
                return true;
            });
        }
        if (words.isEmpty())
            continue;
        const auto same = std::find_if(hits.begin(), hits.end(), [&](const RedFlagHit &hit) {
            return hit.category == pattern.category;
        });
        if (same == hits.end()) {
            hits.push_back(RedFlagHit{pattern.category, words});
            continue;
        }
        for (const QString &w : words) {
            if (!same->words.contains(w))
                same->words.append(w);
        }
    }
    return hits;
}

} // namespace medtranslate::relay
