// Validation of the hospital-editable data files under resources/: the glossary, the vetted
// phrases and the counselors' templates. Every failure names the file and line of each offending
// row so that whoever edits the data can fix it directly.

#include "medtranslate/Language.h"
#include "medtranslate/TsvTable.h"
#include "medtranslate/protocol/Validation.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace medtranslate;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kGlossaryColumns{"category", "ko", "en", "ja", "zh", "th", "vi"};
const std::vector<std::string> kPhraseColumns{"id", "category", "ko", "en", "ja", "zh", "th", "vi"};
const std::vector<std::string> kTemplateColumns{"id", "category", "title", "ko", "en",
                                                "ja", "zh",       "th",    "vi"};
const std::vector<std::string> kLanguages{"ko", "en", "ja", "zh", "th", "vi"};

fs::path sourceRoot()
{
    if (const char *env = std::getenv("MEDTRANSLATE_SOURCE_ROOT"); env && *env)
        return env;
    return MEDTRANSLATE_SOURCE_ROOT;
}

struct DataFile
{
    std::string name; //!< relative to the source root, for messages
    TsvTable table;
};

//! One row of a data file, with what is needed to name it in a failure.
struct RowRef
{
    const DataFile *file;
    size_t index;

    [[nodiscard]] const std::vector<std::string> &cells() const
    {
        return file->table.rows()[index];
    }
    [[nodiscard]] std::string cell(std::string_view column) const
    {
        const int col = file->table.column(column);
        return col < 0 ? std::string() : cells()[size_t(col)];
    }
    [[nodiscard]] std::string where() const
    {
        return file->name + ":" + std::to_string(file->table.lineNumbers()[index]);
    }
};

struct Folder
{
    std::vector<DataFile> files;
    std::vector<std::string> errors; //!< files that do not parse
};

Folder loadFolder(const std::string &folder)
{
    Folder result;
    const fs::path dir = sourceRoot() / "resources" / folder;
    std::vector<fs::path> paths;
    if (fs::is_directory(dir)) {
        for (const auto &entry : fs::directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".tsv")
                paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    for (const auto &path : paths) {
        const std::string name = fs::relative(path, sourceRoot()).generic_string();
        std::string error;
        auto table = TsvTable::load(path.string(), &error);
        if (table)
            result.files.push_back({name, std::move(*table)});
        else
            result.errors.push_back(error);
    }
    return result;
}

// Loaded once for all tests of this file.
const Folder &folder(const std::string &name)
{
    static std::map<std::string, Folder> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.emplace(name, loadFolder(name)).first;
    return it->second;
}

std::vector<RowRef> rowsOf(const std::string &name)
{
    std::vector<RowRef> rows;
    for (const auto &file : folder(name).files) {
        for (size_t i = 0; i < file.table.rows().size(); ++i)
            rows.push_back({&file, i});
    }
    return rows;
}

std::string report(const std::vector<std::string> &problems)
{
    std::ostringstream out;
    out << problems.size() << " problem(s):\n";
    for (const auto &problem : problems)
        out << "  " << problem << "\n";
    return out.str();
}

//! The code points of valid UTF-8, or nothing.
std::optional<std::u32string> decodeUtf8(std::string_view text)
{
    std::u32string out;
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        size_t length = 0;
        char32_t cp = 0;
        if (lead < 0x80) {
            length = 1;
            cp = lead;
        } else if ((lead & 0xE0) == 0xC0 && lead >= 0xC2) {
            length = 2;
            cp = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            cp = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0 && lead <= 0xF4) {
            length = 4;
            cp = lead & 0x07;
        } else {
            return std::nullopt;
        }
        if (i + length > text.size())
            return std::nullopt;
        for (size_t k = 1; k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            if ((byte & 0xC0) != 0x80)
                return std::nullopt;
            cp = (cp << 6) | (byte & 0x3F);
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || (length == 3 && cp < 0x800) ||
            (length == 4 && cp < 0x10000))
            return std::nullopt;
        out.push_back(cp);
        i += length;
    }
    return out;
}

std::string encodeUtf8(char32_t cp)
{
    std::string out;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
    return out;
}

//! True when any single character of the text is kana (Japanese), by the library's own ranges.
bool containsKana(const std::u32string &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](char32_t cp) { return detectScript(encodeUtf8(cp)) == Script::Kana; });
}

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

//! Letters with the marks that set Vietnamese apart from plain ASCII (precomposed or combining).
bool isVietnameseDiacritic(char32_t cp)
{
    static const std::u32string latin1 = U"ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư";
    if (latin1.find(cp) != std::u32string::npos)
        return true;
    if (cp >= 0x1EA0 && cp <= 0x1EF9) // Latin Extended Additional: ạ ả ấ ... ỹ
        return true;
    return cp == 0x0300 || cp == 0x0301 || cp == 0x0303 || cp == 0x0309 || cp == 0x0323;
}

size_t wordCount(std::string_view text)
{
    size_t words = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t';
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

//! The digits of a text, sorted: ASCII, full-width and Thai digits by their value.
std::string digitsOf(const std::u32string &text)
{
    std::string digits;
    for (const char32_t cp : text) {
        if (cp >= U'0' && cp <= U'9')
            digits += char('0' + (cp - U'0'));
        else if (cp >= 0xFF10 && cp <= 0xFF19) // full-width ０-９
            digits += char('0' + (cp - 0xFF10));
        else if (cp >= 0x0E50 && cp <= 0x0E59) // Thai ๐-๙
            digits += char('0' + (cp - 0x0E50));
    }
    std::sort(digits.begin(), digits.end());
    return digits;
}

std::string lowerAscii(std::string text)
{
    for (char &c : text) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return text;
}


bool isAsciiLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

//! The text without the Latin words that the row's English cell has too: acronyms and names
//! (MRI, HPV, WeChat Pay) that every language keeps as they are. An untranslated cell (the
//! English copied over) is left with no letters at all and still fails.
std::string withoutBorrowedNames(const std::string &text, const std::string &english)
{
    std::vector<std::string> names;
    for (size_t i = 0; i < english.size();) {
        size_t end = i;
        while (end < english.size() && isAsciiLetter(english[end]))
            ++end;
        if (end > i)
            names.push_back(english.substr(i, end - i));
        i = std::max(end, i + 1);
    }
    std::string out;
    for (size_t i = 0; i < text.size();) {
        size_t end = i;
        while (end < text.size() && isAsciiLetter(text[end]))
            ++end;
        if (end == i) {
            out += text[i++];
            continue;
        }
        const std::string word = text.substr(i, end - i);
        out += std::find(names.begin(), names.end(), word) != names.end() ? " " : word;
        i = end;
    }
    return out;
}

//! What is wrong with a cell of `language`, or nothing when it is in that language's script.
//! `english` is the row's English cell, whose acronyms and names other languages may keep.
std::optional<std::string> scriptProblem(const std::string &language, const std::string &text,
                                         const std::string &english = {})
{
    const auto codePoints = decodeUtf8(text);
    if (!codePoints)
        return "is not valid UTF-8";
    const bool latinLanguage = language == "en" || language == "vi";
    const Script script = detectScript(latinLanguage ? text : withoutBorrowedNames(text, english));
    const std::string found = "script " + std::string(toString(script));
    if (language == "ko" && script != Script::Hangul)
        return found + ", expected Hangul";
    if (language == "ja" && script != Script::Kana && script != Script::Han)
        return found + ", expected Kana or Han";
    if (language == "zh") {
        if (script != Script::Han)
            return found + ", expected Han";
        if (containsKana(*codePoints))
            return std::string("contains Japanese kana");
    }
    if (language == "th" && script != Script::Thai)
        return found + ", expected Thai";
    if (language == "en") {
        if (script != Script::Latin)
            return found + ", expected Latin";
        if (!isAscii(text))
            return std::string("has characters outside ASCII");
    }
    if (language == "vi" && script != Script::Latin)
        return found + ", expected Latin";
    return std::nullopt;
}

void expectFolderParses(const std::string &name, const std::vector<std::string> &columns)
{
    const auto &data = folder(name);
    EXPECT_TRUE(data.errors.empty()) << report(data.errors);
    EXPECT_FALSE(data.files.empty()) << "no .tsv file in " << (sourceRoot() / "resources" / name);
    for (const auto &file : data.files) {
        EXPECT_EQ(file.table.header(), columns) << file.name << ": unexpected columns";
        EXPECT_FALSE(file.table.rows().empty()) << file.name << " has no rows";
    }
}

void expectNoEmptyCells(const std::string &name)
{
    std::vector<std::string> problems;
    for (const auto &row : rowsOf(name)) {
        const auto &header = row.file->table.header();
        for (size_t col = 0; col < header.size(); ++col) {
            if (!protocol::hasVisibleText(row.cells()[col]))
                problems.push_back(row.where() + ": empty cell '" + header[col] + "'");
        }
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

void expectLanguagesInTheirScripts(const std::string &name)
{
    std::vector<std::string> problems;
    for (const auto &row : rowsOf(name)) {
        for (const auto &language : kLanguages) {
            const std::string text = row.cell(language);
            if (const auto problem = scriptProblem(language, text, row.cell("en")))
                problems.push_back(row.where() + ": " + language + " '" + text + "' " + *problem);
        }
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

void expectUniqueIds(const std::string &name)
{
    std::vector<std::string> problems;
    std::map<std::string, std::string> seen;
    for (const auto &row : rowsOf(name)) {
        const std::string id = row.cell("id");
        if (!protocol::isValidId(id))
            problems.push_back(row.where() + ": id '" + id + "' is not a valid protocol id");
        const auto [it, inserted] = seen.emplace(id, row.where());
        if (!inserted)
            problems.push_back(row.where() + ": id '" + id + "' already used at " + it->second);
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

void expectVietnameseDiacritics(const std::string &name)
{
    std::vector<std::string> problems;
    for (const auto &row : rowsOf(name)) {
        const std::string vi = row.cell("vi");
        const auto codePoints = decodeUtf8(vi);
        if (!codePoints || wordCount(vi) <= 3)
            continue;
        if (std::none_of(codePoints->begin(), codePoints->end(), isVietnameseDiacritic))
            problems.push_back(row.where() + ": vi '" + vi + "' has no Vietnamese diacritic");
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

void expectSameDigits(const std::string &name)
{
    std::vector<std::string> problems;
    for (const auto &row : rowsOf(name)) {
        const auto ko = decodeUtf8(row.cell("ko"));
        if (!ko)
            continue; // reported by the script check
        const std::string koDigits = digitsOf(*ko);
        for (const auto &language : kLanguages) {
            if (language == "ko")
                continue;
            const std::string text = row.cell(language);
            const auto other = decodeUtf8(text);
            if (other && digitsOf(*other) != koDigits) {
                problems.push_back(row.where() + ": " + row.cell("id") + ": ko has digits [" +
                                   koDigits + "] but " + language + " has [" + digitsOf(*other) +
                                   "]: '" + text + "'");
            }
        }
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

} // namespace

// ---- helpers of this file ----

TEST(ResourceDataHelpers, ScriptProblemsAreFound)
{
    EXPECT_FALSE(scriptProblem("ko", "두통").has_value());
    EXPECT_TRUE(scriptProblem("ko", "headache").has_value());
    EXPECT_FALSE(scriptProblem("ja", "頭痛").has_value());
    EXPECT_FALSE(scriptProblem("ja", "インスリン").has_value());
    EXPECT_TRUE(scriptProblem("ja", "두통").has_value());
    EXPECT_FALSE(scriptProblem("zh", "头痛").has_value());
    EXPECT_TRUE(scriptProblem("zh", "头痛的な症状发作了很久很久很久").has_value()); // one kana
    EXPECT_FALSE(scriptProblem("th", "ปวดศีรษะ").has_value());
    EXPECT_TRUE(scriptProblem("th", "đau đầu").has_value());
    EXPECT_FALSE(scriptProblem("en", "Crohn's disease").has_value());
    EXPECT_TRUE(scriptProblem("en", "café").has_value());
    EXPECT_TRUE(scriptProblem("en", "Crohn’s disease").has_value()); // typographic apostrophe
    EXPECT_FALSE(scriptProblem("vi", "đau đầu").has_value());
    EXPECT_TRUE(scriptProblem("vi", "头痛").has_value());
    EXPECT_TRUE(scriptProblem("ko", "\xED\xA0\x80").has_value()); // a UTF-16 surrogate
}

TEST(ResourceDataHelpers, NamesFromTheEnglishCellDoNotDecideTheScript)
{
    EXPECT_EQ(withoutBorrowedNames("PET-CT検査", "PET-CT scan"), " - 検査");
    EXPECT_FALSE(scriptProblem("ko", "HPV 검사", "HPV test").has_value());
    EXPECT_FALSE(scriptProblem("ja", "MRI検査", "MRI").has_value());
    EXPECT_FALSE(scriptProblem("th", "ใช้ WeChat Pay ได้ไหม", "Can I use WeChat Pay?").has_value());
    // Without the English cell the Latin letters are the majority.
    EXPECT_TRUE(scriptProblem("ko", "HPV 검사").has_value());
    // Latin words that are not in the English cell still count.
    EXPECT_TRUE(scriptProblem("ko", "HPV test 검사", "HPV").has_value());
    // An untranslated cell is left with no letters and fails.
    EXPECT_TRUE(scriptProblem("ko", "headache", "headache").has_value());
    EXPECT_TRUE(scriptProblem("th", "Can I use WeChat Pay", "Can I use WeChat Pay").has_value());
    // Kana in Chinese is found even next to a name.
    EXPECT_TRUE(scriptProblem("zh", "MRI検査の", "MRI").has_value());
}

TEST(ResourceDataHelpers, DigitsAndDiacritics)
{
    EXPECT_EQ(digitsOf(*decodeUtf8("하루 3번, 10일")), "013");
    EXPECT_EQ(digitsOf(*decodeUtf8("๓ ครั้ง ๑๐ วัน")), "013");
    EXPECT_EQ(digitsOf(*decodeUtf8("１日３回")), "13");
    EXPECT_EQ(digitsOf(*decodeUtf8("no digits")), "");
    EXPECT_EQ(wordCount("  Uống   thuốc sau ăn "), 4u);
    const auto vi = *decodeUtf8("Uống thuốc");
    EXPECT_TRUE(std::any_of(vi.begin(), vi.end(), isVietnameseDiacritic));
    const auto plain = *decodeUtf8("Uong thuoc sau an");
    EXPECT_TRUE(std::none_of(plain.begin(), plain.end(), isVietnameseDiacritic));
}

// ---- every file parses, with the expected columns and no empty cell ----

TEST(ResourceData, SourceRootIsFound)
{
    EXPECT_TRUE(fs::is_directory(sourceRoot() / "resources")) << sourceRoot();
}

TEST(ResourceData, GlossaryFilesParse)
{
    expectFolderParses("glossary", kGlossaryColumns);
}
TEST(ResourceData, PhraseFilesParse)
{
    expectFolderParses("phrases", kPhraseColumns);
}
TEST(ResourceData, TemplateFilesParse)
{
    expectFolderParses("templates", kTemplateColumns);
}

TEST(ResourceData, GlossaryHasNoEmptyCell)
{
    expectNoEmptyCells("glossary");
}
TEST(ResourceData, PhrasesHaveNoEmptyCell)
{
    expectNoEmptyCells("phrases");
}
TEST(ResourceData, TemplatesHaveNoEmptyCell)
{
    expectNoEmptyCells("templates");
}

// ---- sizes, duplicates, ids ----

TEST(ResourceData, GlossaryHasAtLeastAThousandTerms)
{
    EXPECT_GE(rowsOf("glossary").size(), 1000u);
}

TEST(ResourceData, PhrasesHaveAtLeastThreeHundredRows)
{
    EXPECT_GE(rowsOf("phrases").size(), 300u);
}

TEST(ResourceData, GlossaryHasNoDuplicateKoreanTerm)
{
    std::vector<std::string> problems;
    std::map<std::string, std::string> seen;
    for (const auto &row : rowsOf("glossary")) {
        const std::string ko = row.cell("ko");
        const auto [it, inserted] = seen.emplace(ko, row.where());
        if (!inserted)
            problems.push_back(row.where() + ": ko '" + ko + "' already at " + it->second);
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

TEST(ResourceData, GlossaryHasNoDuplicateEnglishTerm)
{
    std::vector<std::string> problems;
    std::map<std::string, std::string> seen;
    for (const auto &row : rowsOf("glossary")) {
        const std::string en = row.cell("en");
        const auto [it, inserted] = seen.emplace(lowerAscii(en), row.where());
        if (!inserted)
            problems.push_back(row.where() + ": en '" + en + "' already at " + it->second);
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

TEST(ResourceData, PhraseIdsAreUnique)
{
    expectUniqueIds("phrases");
}
TEST(ResourceData, TemplateIdsAreUnique)
{
    expectUniqueIds("templates");
}

// ---- languages ----

TEST(ResourceData, GlossaryLanguagesAreInTheirScripts)
{
    expectLanguagesInTheirScripts("glossary");
}
TEST(ResourceData, PhraseLanguagesAreInTheirScripts)
{
    expectLanguagesInTheirScripts("phrases");
}
TEST(ResourceData, TemplateLanguagesAreInTheirScripts)
{
    expectLanguagesInTheirScripts("templates");
}

TEST(ResourceData, TemplateTitlesAreKorean)
{
    std::vector<std::string> problems;
    for (const auto &row : rowsOf("templates")) {
        const std::string title = row.cell("title");
        if (const auto problem = scriptProblem("ko", title))
            problems.push_back(row.where() + ": title '" + title + "' " + *problem);
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

TEST(ResourceData, PhrasesInVietnameseHaveDiacritics)
{
    expectVietnameseDiacritics("phrases");
}
TEST(ResourceData, TemplatesInVietnameseHaveDiacritics)
{
    expectVietnameseDiacritics("templates");
}

// A number that changes in translation (a dose, a time, a day) is dangerous.
TEST(ResourceData, PhrasesKeepEveryNumber)
{
    expectSameDigits("phrases");
}
TEST(ResourceData, TemplatesKeepEveryNumber)
{
    expectSameDigits("templates");
}

// ---- glossary version ----

TEST(ResourceData, GlossaryHasAVersionStamp)
{
    const fs::path path = sourceRoot() / "resources" / "glossary" / "VERSION";
    std::ifstream in(path);
    ASSERT_TRUE(in.good()) << "missing " << path;
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty())
            lines.push_back(line);
    }
    ASSERT_EQ(lines.size(), 1u) << path << " must hold exactly one non-empty line";
    EXPECT_TRUE(std::regex_match(lines[0], std::regex(R"(\d{4}\.\d{2}\.\d{2}-\d+)")))
        << "version '" << lines[0] << "' is not YYYY.MM.DD-N";
}
