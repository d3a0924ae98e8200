#include "medtranslate/TsvTable.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using medtranslate::TsvTable;
using Cells = std::vector<std::string>;

namespace {

TsvTable parsed(std::string_view text)
{
    std::string error;
    auto table = TsvTable::parse(text, &error);
    if (!table) {
        ADD_FAILURE() << "not parsed: " << error;
        return TsvTable{};
    }
    EXPECT_EQ(error, "");
    return *table;
}

std::string refused(std::string_view text)
{
    std::string error;
    const auto table = TsvTable::parse(text, &error);
    EXPECT_FALSE(table.has_value()) << "parsed a malformed table";
    EXPECT_FALSE(error.empty());
    return error;
}

} // namespace

TEST(TsvTable, HeaderRowsCommentsAndMeta)
{
    const auto table = parsed("# MedTranslate glossary: clinical terms\n" // 1
                              "# version: 2026.11.26-1\n"                 // 2
                              "#owner :  국제진료센터  \n"                // 3
                              "category\tko\ten\n"                        // 4
                              "\n"                                        // 5
                              "symptom\t두통\theadache\n"                 // 6
                              "# reviewed by Dr. Lee: ok\n"               // 7
                              "symptom\t발열\tfever\n");                  // 8
    EXPECT_EQ(table.header(), (Cells{"category", "ko", "en"}));
    ASSERT_EQ(table.rows().size(), 2u);
    EXPECT_EQ(table.rows()[0], (Cells{"symptom", "두통", "headache"}));
    EXPECT_EQ(table.rows()[1], (Cells{"symptom", "발열", "fever"}));
    EXPECT_EQ(table.lineNumbers(), (std::vector<int>{6, 8}));

    EXPECT_EQ(table.meta("version"), "2026.11.26-1");
    EXPECT_EQ(table.meta("owner"), "국제진료센터");
    EXPECT_EQ(table.meta("reviewed by Dr. Lee"), "ok"); // any "# key: value" line is meta
    EXPECT_EQ(table.meta("MedTranslate glossary"), "clinical terms");
    EXPECT_FALSE(table.meta("Version").has_value());
    EXPECT_FALSE(table.meta("language").has_value());

    EXPECT_EQ(table.column("category"), 0);
    EXPECT_EQ(table.column("ko"), 1);
    EXPECT_EQ(table.column("en"), 2);
    EXPECT_EQ(table.column("vi"), -1);
    EXPECT_EQ(table.column("KO"), -1);
}

TEST(TsvTable, CommentWithoutColonIsNotMeta)
{
    const auto table = parsed("# just a note\nid\tko\nx\t가\n");
    EXPECT_FALSE(table.meta("just a note").has_value());
    EXPECT_FALSE(table.meta("").has_value());
    EXPECT_EQ(table.rows().size(), 1u);
}

TEST(TsvTable, CrlfLines)
{
    const auto table = parsed("# version: 7\r\nid\tko\ten\r\nhello\t안녕하세요\tHello\r\n\r\n"
                              "bye\t안녕히 가세요\tGoodbye\r\n");
    EXPECT_EQ(table.meta("version"), "7");
    EXPECT_EQ(table.header(), (Cells{"id", "ko", "en"}));
    ASSERT_EQ(table.rows().size(), 2u);
    EXPECT_EQ(table.rows()[0], (Cells{"hello", "안녕하세요", "Hello"}));
    EXPECT_EQ(table.rows()[1], (Cells{"bye", "안녕히 가세요", "Goodbye"}));
    EXPECT_EQ(table.lineNumbers(), (std::vector<int>{3, 5}));
}

TEST(TsvTable, LastLineWithoutNewline)
{
    const auto table = parsed("id\tko\na\t가\nb\t나");
    ASSERT_EQ(table.rows().size(), 2u);
    EXPECT_EQ(table.rows()[1], (Cells{"b", "나"}));
    EXPECT_EQ(table.lineNumbers().back(), 3);
}

TEST(TsvTable, CellsAreTrimmedOfSpacesAndEmptyCellsKept)
{
    const auto table = parsed(" id \t ko\ten \n a-1 \t\t Hello world  \n");
    EXPECT_EQ(table.header(), (Cells{"id", "ko", "en"}));
    ASSERT_EQ(table.rows().size(), 1u);
    EXPECT_EQ(table.rows()[0], (Cells{"a-1", "", "Hello world"}));
}

TEST(TsvTable, ByteOrderMarkIsIgnored)
{
    const auto withMeta = parsed("\xEF\xBB\xBF# version: 2026.11.26-1\nid\tko\na\t가\n");
    EXPECT_EQ(withMeta.meta("version"), "2026.11.26-1");
    EXPECT_EQ(withMeta.header(), (Cells{"id", "ko"}));
    EXPECT_EQ(withMeta.rows().size(), 1u);

    const auto headerFirst = parsed("\xEF\xBB\xBFid\tko\na\t가\n");
    EXPECT_EQ(headerFirst.column("id"), 0);
}

TEST(TsvTable, WrongCellCountNamesTheLine)
{
    // Too few cells on line 5 (comments and blank lines count).
    EXPECT_EQ(refused("# glossary\ncategory\tko\ten\n\nsymptom\t두통\theadache\nsymptom\t발열\n"),
              "line 5: expected 3 cells, found 2");
    // Too many: a stray TAB at the end of line 3.
    EXPECT_EQ(refused("id\tko\na\t가\nb\t나\t\n"), "line 3: expected 2 cells, found 3");
    // With CRLF line ends the count is the same.
    EXPECT_EQ(refused("id\tko\r\na\t가\r\nb\r\n"), "line 3: expected 2 cells, found 1");
}

TEST(TsvTable, EmptyFileIsAnError)
{
    EXPECT_EQ(refused(""), "no header line");
    EXPECT_EQ(refused("\n\r\n\n"), "no header line");
    EXPECT_EQ(refused("# version: 1\n# only comments\n"), "no header line");
}

TEST(TsvTable, ErrorOutputIsOptional)
{
    EXPECT_FALSE(TsvTable::parse("").has_value());
    EXPECT_FALSE(TsvTable::parse("a\tb\nc\n").has_value());
    EXPECT_TRUE(TsvTable::parse("a\tb\nc\td\n").has_value());
}

TEST(TsvTable, HeaderOnlyHasNoRows)
{
    const auto table = parsed("id\tko\ten\n");
    EXPECT_EQ(table.header().size(), 3u);
    EXPECT_TRUE(table.rows().empty());
    EXPECT_TRUE(table.lineNumbers().empty());
}

TEST(TsvTable, LoadReadsAFileAndNamesItInErrors)
{
    const auto dir = std::filesystem::path(testing::TempDir());
    const auto good = dir / "medtranslate_tsv_good.tsv";
    const auto bad = dir / "medtranslate_tsv_bad.tsv";
    {
        std::ofstream(good, std::ios::binary) << "# version: 3\nid\tko\nx\t가\r\n";
        std::ofstream(bad, std::ios::binary) << "id\tko\nx\n";
    }
    std::string error;
    const auto table = TsvTable::load(good.string(), &error);
    ASSERT_TRUE(table.has_value()) << error;
    EXPECT_EQ(table->meta("version"), "3");
    EXPECT_EQ(table->rows(), (std::vector<Cells>{{"x", "가"}}));

    EXPECT_FALSE(TsvTable::load(bad.string(), &error).has_value());
    EXPECT_EQ(error, bad.string() + ": line 2: expected 2 cells, found 1");

    const auto missing = (dir / "medtranslate_no_such_file.tsv").string();
    EXPECT_FALSE(TsvTable::load(missing, &error).has_value());
    EXPECT_EQ(error, "cannot open " + missing);

    std::filesystem::remove(good);
    std::filesystem::remove(bad);
}
