#include "content/TableFolder.h"

#include "medtranslate/Language.h"

#include <QDir>

namespace medtranslate::relay {

bool TableFolder::load(const QString &directory, const RowHandler &handleRow, QString *error)
{
    const QDir dir(directory);
    if (!dir.exists()) {
        if (error)
            *error = QStringLiteral("folder '%1' does not exist").arg(directory);
        return false;
    }
    for (const QString &name : dir.entryList({QStringLiteral("*.tsv")}, QDir::Files, QDir::Name)) {
        std::string parseError;
        const auto table = TsvTable::load(dir.filePath(name).toStdString(), &parseError);
        if (!table) {
            if (error)
                *error = QString::fromStdString(parseError);
            return false;
        }
        for (const auto &row : table->rows()) {
            QString rowError;
            if (!handleRow(*table, row, &rowError)) {
                if (error)
                    *error = dir.filePath(name) + QStringLiteral(": ") + rowError;
                return false;
            }
        }
    }
    return true;
}

QHash<QString, QString> TableFolder::languageCells(const TsvTable &table,
                                                   const std::vector<std::string> &row)
{
    QHash<QString, QString> cells;
    for (const auto &language : supportedLanguages()) {
        const int column = table.column(language.code);
        if (column >= 0 && !row[size_t(column)].empty())
            cells.insert(QString::fromUtf8(language.code.data(), qsizetype(language.code.size())),
                         QString::fromStdString(row[size_t(column)]).trimmed());
    }
    return cells;
}

QString TableFolder::cell(const TsvTable &table, const std::vector<std::string> &row,
                          std::string_view column)
{
    const int index = table.column(column);
    return index < 0 ? QString() : QString::fromStdString(row[size_t(index)]);
}

} // namespace medtranslate::relay
