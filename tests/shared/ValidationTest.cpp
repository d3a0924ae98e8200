#include "medtranslate/protocol/Validation.h"

#include <gtest/gtest.h>
#include <string>

using namespace medtranslate::protocol;

TEST(IsValidId, AcceptsShortPrintableIds)
{
    for (const std::string id : {"a", "Z", "0", "room-1", "room_1", "tpl.greet", "req:17",
                                 "5f0c7b1e-9a43-4c1e-8f00", "ABCxyz019-_.:"}) {
        EXPECT_TRUE(isValidId(id)) << id;
    }
}

TEST(IsValidId, RefusesEmptyAndTooLong)
{
    EXPECT_FALSE(isValidId(""));
    EXPECT_TRUE(isValidId(std::string(128, 'a')));
    EXPECT_FALSE(isValidId(std::string(129, 'a')));
    EXPECT_TRUE(isValidId("abcd", 4));
    EXPECT_FALSE(isValidId("abcde", 4));
    EXPECT_FALSE(isValidId("a", 0));
}

TEST(IsValidId, RefusesSpacesSlashesAndOtherCharacters)
{
    for (const std::string id :
         {"room 1", " room", "room ", "a/b",   "/",   "..\\x", "a\tb", "a\nb",  "r1;",   "r'1",
          "r\"1",   "r<1>",  "r%20",  "r?x=1", "r#1", "r*",    "방1",  "phòng", "r\x7F", "r\x80"}) {
        EXPECT_FALSE(isValidId(id)) << id;
    }
    EXPECT_FALSE(isValidId(std::string("r\0x", 3)));
}

TEST(Utf8Length, CountsCodePointsNotBytes)
{
    EXPECT_EQ(utf8Length(""), 0u);
    EXPECT_EQ(utf8Length("hello"), 5u);
    EXPECT_EQ(utf8Length("두통"), 2u);     // 6 bytes
    EXPECT_EQ(utf8Length("ปวดหัว"), 6u);    // 18 bytes
    EXPECT_EQ(utf8Length("ที่"), 3u);        // consonant + two combining marks
    EXPECT_EQ(utf8Length("頭が痛い"), 4u); // 12 bytes
    EXPECT_EQ(utf8Length("đau đầu"), 7u);  // 2-byte and 3-byte letters
    EXPECT_EQ(utf8Length("😀👍"), 2u);       // 4 bytes each
    EXPECT_EQ(utf8Length("a가ก😀é"), 5u);
    EXPECT_EQ(utf8Length(std::string(4000, 'x')), 4000u);
    EXPECT_EQ(utf8Length(std::string("a\0b", 3)), 3u);
}

TEST(HasVisibleText, FalseForNothingButWhiteSpace)
{
    for (const std::string text : {"", " ", "    ", "\t", "\n", "\r\n", " \t\r\n ", "\v\f"})
        EXPECT_FALSE(hasVisibleText(text)) << "'" << text << "'";
}

TEST(HasVisibleText, FalseForUnicodeWhiteSpace)
{
    // Input methods and copy-paste produce these; none of them is something to read.
    for (const std::string text : {
             "\u3000",             // ideographic (full-width) space
             "\u00A0",             // no-break space
             "\u2002\u2003\u2009", // en, em and thin space
             "\u202F\u205F",       // narrow no-break and medium mathematical space
             "\u200B",             // zero-width space
             "\uFEFF",             // byte order mark / zero-width no-break space
             "\u2028\u2029",       // line and paragraph separators
             "\u0085\u1680",       // next line, ogham space mark
             " \u3000\t\u00A0\n",
         }) {
        EXPECT_FALSE(hasVisibleText(text)) << text.size() << " bytes";
    }
}

TEST(HasVisibleText, TrueWhenAnythingElseIsThere)
{
    for (const std::string text :
         {"a", " a ", "\n.\n", "0", "가", "\u3000네\u3000", "ก", "😀", "\u00A0é", "\u200Bx"})
        EXPECT_TRUE(hasVisibleText(text)) << "'" << text << "'";
}
