#include "translation/PhraseBook.h"

#include "content/TableFolder.h"
#include "medtranslate/Language.h"
#include "medtranslate/TsvTable.h"

#include <QDir>
#include <algorithm>

namespace medtranslate::relay {

QString PhraseBook::normalize(const QString &text)
{
    QString folded = text.normalized(QString::NormalizationForm_C).toLower().simplified();
    static const QString endPunctuation = QStringLiteral(".?!。？！…~·,，、 ");
    while (!folded.isEmpty() && endPunctuation.contains(folded.back()))
        folded.chop(1);
    return folded;
}

bool PhraseBook::loadDirectory(const QString &directory, QString *error)
{
    return TableFolder::load(
        directory,
        [this](const TsvTable &table, const std::vector<std::string> &row, QString *) {
            add(TableFolder::languageCells(table, row));
            return true;
        },
        error);
}

namespace {

//! The character pairs of a text without spaces or punctuation: "배가 아파요" and "배가아파요"
//! are the same sentence to a patient, and Korean spacing varies.
QStringList pairsOf(const QString &text)
{
    QString letters;
    for (const QChar c : PhraseBook::normalize(text))
        if (c.isLetterOrNumber())
            letters += c;
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < letters.size(); ++i)
        pairs << letters.mid(i, 2);
    return pairs;
}

double dice(QStringList a, const QStringList &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    int shared = 0;
    for (const QString &pair : b) {
        const qsizetype at = a.indexOf(pair);
        if (at >= 0) {
            ++shared;
            a.removeAt(at); // each pair counts once
        }
    }
    return 2.0 * shared / double(a.size() + shared + b.size());
}

} // namespace

void PhraseBook::add(const QHash<QString, QString> &row)
{
    const int index = int(m_rows.size());
    m_rows.push_back(row);
    // Once here, not for every row on every nearest() call.
    QHash<QString, QStringList> pairs;
    for (auto it = row.constBegin(); it != row.constEnd(); ++it)
        pairs.insert(it.key(), pairsOf(it.value()));
    m_pairs.push_back(std::move(pairs));
    for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
        auto &byText = m_index[it.key()];
        const QString key = normalize(it.value());
        if (!byText.contains(key)) // the first vetted row wins
            byText.insert(key, index);
    }
}

std::optional<QString> PhraseBook::lookup(const QString &text, const QString &sourceLang,
                                          const QString &targetLang) const
{
    const auto byText = m_index.constFind(sourceLang);
    if (byText == m_index.constEnd())
        return std::nullopt;
    const auto row = byText->constFind(normalize(text));
    if (row == byText->constEnd())
        return std::nullopt;
    const auto &translations = m_rows[size_t(*row)];
    const auto target = translations.constFind(targetLang);
    if (target == translations.constEnd())
        return std::nullopt;
    return *target;
}

std::optional<QString> PhraseBook::languageOf(const QString &text, const QString &preferred) const
{
    const QString key = normalize(text);
    if (m_index.value(preferred).contains(key))
        return preferred;
    for (auto it = m_index.constBegin(); it != m_index.constEnd(); ++it) {
        if (it->contains(key))
            return it.key();
    }
    return std::nullopt;
}

std::vector<PhraseBook::Near> PhraseBook::nearest(const QString &text, const QString &sourceLang,
                                                  const QString &targetLang, int limit,
                                                  double minSimilarity) const
{
    const QStringList wanted = pairsOf(text);
    std::vector<Near> found;
    // A linear scan: a few thousand rows, asked once per preview pause, offline only.
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const auto &row = m_rows[i];
        const auto source = row.constFind(sourceLang);
        const auto target = row.constFind(targetLang);
        if (source == row.constEnd() || target == row.constEnd() || target->isEmpty())
            continue;
        const double similarity = dice(wanted, m_pairs[i].value(sourceLang));
        if (similarity >= minSimilarity)
            found.push_back({*source, *target, similarity});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Near &a, const Near &b) { return a.similarity > b.similarity; });
    // One entry per Korean sentence: several rows may share it.
    std::vector<Near> distinct;
    for (Near &n : found) {
        if (int(distinct.size()) >= limit)
            break;
        if (std::none_of(distinct.begin(), distinct.end(),
                         [&](const Near &d) { return d.source == n.source; }))
            distinct.push_back(std::move(n));
    }
    return distinct;
}

} // namespace medtranslate::relay
