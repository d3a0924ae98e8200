#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medtranslate {

//! A hospital-editable table: UTF-8, TAB-separated, '#' comments, one header line.
//! Used for the glossary, vetted phrases and templates.
class TsvTable
{
public:
    //! Parses text; on a malformed line sets `error` (with the line number) and returns nothing.
    static std::optional<TsvTable> parse(std::string_view text, std::string *error = nullptr);
    static std::optional<TsvTable> load(const std::string &path, std::string *error = nullptr);

    [[nodiscard]] const std::vector<std::string> &header() const { return m_header; }
    [[nodiscard]] const std::vector<std::vector<std::string>> &rows() const { return m_rows; }
    //! Line number in the source of each row, for error messages.
    [[nodiscard]] const std::vector<int> &lineNumbers() const { return m_lines; }
    //! Column index for a header name, or -1.
    [[nodiscard]] int column(std::string_view name) const;
    //! Values of '# key: value' comment lines, e.g. "version".
    [[nodiscard]] std::optional<std::string> meta(std::string_view key) const;

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
    std::vector<int> m_lines;
    std::vector<std::pair<std::string, std::string>> m_meta;
};

} // namespace medtranslate
