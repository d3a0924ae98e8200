#include "translation/PhraseBook.h"

#include "content/TableFolder.h"
#include "medtranslate/Language.h"
#include "medtranslate/TsvTable.h"

#include <QDir>

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

void PhraseBook::add(const QHash<QString, QString> &row)
{
    const int index = int(m_rows.size());
    m_rows.push_back(row);
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

} // namespace medtranslate::relay
