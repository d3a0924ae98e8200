#include "medtranslate/TsvTable.h"

#include <fstream>
#include <sstream>

namespace medtranslate {

namespace {

std::vector<std::string> splitTabs(std::string_view line)
{
    std::vector<std::string> cells;
    size_t start = 0;
    for (;;) {
        const size_t tab = line.find('\t', start);
        std::string_view cell =
            line.substr(start, tab == std::string_view::npos ? line.npos : tab - start);
        while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\r'))
            cell.remove_suffix(1);
        while (!cell.empty() && cell.front() == ' ')
            cell.remove_prefix(1);
        cells.emplace_back(cell);
        if (tab == std::string_view::npos)
            break;
        start = tab + 1;
    }
    return cells;
}

} // namespace

std::optional<TsvTable> TsvTable::parse(std::string_view text, std::string *error)
{
    TsvTable table;
    // Editors such as Excel and Notepad may start UTF-8 files with a byte order mark.
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    int lineNumber = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t end = text.find('\n', pos);
        std::string_view line = text.substr(pos, end == text.npos ? text.npos : end - pos);
        pos = end == text.npos ? text.size() + 1 : end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            continue;
        if (line.front() == '#') {
            const auto colon = line.find(':');
            if (colon != line.npos) {
                std::string key(line.substr(1, colon - 1));
                std::string value(line.substr(colon + 1));
                auto trim = [](std::string &s) {
                    s.erase(0, s.find_first_not_of(' '));
                    s.erase(s.find_last_not_of(' ') + 1);
                };
                trim(key);
                trim(value);
                table.m_meta.emplace_back(std::move(key), std::move(value));
            }
            continue;
        }
        auto cells = splitTabs(line);
        if (table.m_header.empty()) {
            table.m_header = std::move(cells);
            continue;
        }
        if (cells.size() != table.m_header.size()) {
            if (error) {
                *error = "line " + std::to_string(lineNumber) + ": expected " +
                         std::to_string(table.m_header.size()) + " cells, found " +
                         std::to_string(cells.size());
            }
            return std::nullopt;
        }
        table.m_rows.push_back(std::move(cells));
        table.m_lines.push_back(lineNumber);
    }
    if (table.m_header.empty()) {
        if (error)
            *error = "no header line";
        return std::nullopt;
    }
    return table;
}

std::optional<TsvTable> TsvTable::load(const std::string &path, std::string *error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error)
            *error = "cannot open " + path;
        return std::nullopt;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string localError;
    auto table = parse(buffer.str(), &localError);
    if (!table && error)
        *error = path + ": " + localError;
    return table;
}

int TsvTable::column(std::string_view name) const
{
    for (size_t i = 0; i < m_header.size(); ++i) {
        if (m_header[i] == name)
            return int(i);
    }
    return -1;
}

std::optional<std::string> TsvTable::meta(std::string_view key) const
{
    for (const auto &[k, v] : m_meta) {
        if (k == key)
            return v;
    }
    return std::nullopt;
}

} // namespace medtranslate
