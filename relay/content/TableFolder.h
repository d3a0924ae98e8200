#pragma once

#include "medtranslate/TsvTable.h"

#include <QHash>
#include <QString>
#include <functional>
#include <vector>

namespace medtranslate::relay {

//! A folder of hospital-editable tables (glossary, phrases, templates): every *.tsv in it, in
//! name order, parsed strictly. One place for loading them and for reading a row's languages.
class TableFolder final
{
public:
    using RowHandler =
        std::function<bool(const TsvTable &, const std::vector<std::string> &row, QString *error)>;

    //! Calls `handleRow` for every row of every table; stops at the first table that does not
    //! parse or the first row the handler refuses, with `error` naming the file.
    static bool load(const QString &directory, const RowHandler &handleRow, QString *error);

    //! The row's non-empty cells in the supported languages: code → text.
    [[nodiscard]] static QHash<QString, QString> languageCells(const TsvTable &table,
                                                               const std::vector<std::string> &row);
    //! The row's cell in `column`, or an empty string when the table has no such column.
    [[nodiscard]] static QString cell(const TsvTable &table, const std::vector<std::string> &row,
                                      std::string_view column);
};

} // namespace medtranslate::relay
