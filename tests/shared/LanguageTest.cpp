#include "medtranslate/Language.h"

#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <string_view>

using namespace medtranslate;

namespace {


} // namespace

namespace medtranslate {
// Readable names in assertion messages.
void PrintTo(Script script, std::ostream *os)
{
    *os << toString(script);
}
} // namespace medtranslate

// ---- supported languages ----

TEST(Language, SupportedLanguagesKoreanFirst)
{
    const auto &languages = supportedLanguages();
    ASSERT_EQ(languages.size(), 6u);
    EXPECT_EQ(languages.front().code, "ko");
    std::string codes;
    for (const auto &language : languages) {
        codes += std::string(language.code) + " ";
        EXPECT_FALSE(language.englishName.empty()) << language.code;
        EXPECT_FALSE(language.nativeName.empty()) << language.code;
    }
    EXPECT_EQ(codes, "ko en ja zh th vi ");
    EXPECT_EQ(kAgentLanguage, "ko");
}

TEST(Language, FindLanguage)
{
    const auto vi = findLanguage("vi");
    ASSERT_TRUE(vi.has_value());
    EXPECT_EQ(vi->code, "vi");
    EXPECT_EQ(vi->englishName, "Vietnamese");
    EXPECT_EQ(vi->nativeName, "Tiếng Việt");

    const auto th = findLanguage("th");
    ASSERT_TRUE(th.has_value());
    EXPECT_EQ(th->englishName, "Thai");

    EXPECT_EQ(findLanguage("ko")->nativeName, "한국어");
    EXPECT_EQ(findLanguage("ja")->englishName, "Japanese");
    EXPECT_EQ(findLanguage("zh")->code, "zh");

    for (const std::string_view unknown : {"xx", "", "KO", "vi ", "zh-CN", "kor", "fr"})
        EXPECT_FALSE(findLanguage(unknown).has_value()) << "'" << unknown << "'";
}

TEST(Language, IsPatientLanguage)
{
    for (const std::string_view code : {"en", "ja", "zh", "th", "vi"})
        EXPECT_TRUE(isPatientLanguage(code)) << code;
    EXPECT_FALSE(isPatientLanguage("ko")); // agents write Korean; patients pick another language
    for (const std::string_view code : {"xx", "", "EN", "fr", "en-US"})
        EXPECT_FALSE(isPatientLanguage(code)) << "'" << code << "'";
}

// ---- detectScript ----

TEST(DetectScript, Hangul)
{
    EXPECT_EQ(detectScript("두통이 심해요"), Script::Hangul);
    EXPECT_EQ(detectScript("ㅋㅋㅋ"), Script::Hangul); // compatibility jamo
    EXPECT_EQ(detectScript("안녕하세요!!! 1234"), Script::Hangul);
}

TEST(DetectScript, JapaneseMixesKanaAndKanji)
{
    EXPECT_EQ(detectScript("頭が痛いです"), Script::Kana);
    EXPECT_EQ(detectScript("薬を飲んでください。"), Script::Kana);
    EXPECT_EQ(detectScript("インフルエンザ"), Script::Kana);           // katakana only
    EXPECT_EQ(detectScript("ありがとう"), Script::Kana);               // hiragana only
    EXPECT_EQ(detectScript("ｲﾝﾌﾙｴﾝｻﾞ"), Script::Kana);                 // half-width katakana
    EXPECT_EQ(detectScript("国際診療センター予約確認"), Script::Kana); // 4 kana, 8 kanji
}

TEST(DetectScript, KanaMustBeAFifthOfKanaAndKanji)
{
    EXPECT_EQ(detectScript("頭痛の薬局"), Script::Kana);  // 1 kana of 5
    EXPECT_EQ(detectScript("頭痛の薬局長"), Script::Han); // 1 kana of 6
}

TEST(DetectScript, ChineseIsHan)
{
    EXPECT_EQ(detectScript("我头疼"), Script::Han);
    EXPECT_EQ(detectScript("请问医院几点开门？"), Script::Han);
    EXPECT_EQ(detectScript("頭痛"), Script::Han); // kanji alone cannot be told from Chinese
    // One stray kana in long Chinese text is not Japanese.
    EXPECT_EQ(detectScript("我今天头很疼也发烧了ー"), Script::Han);
}

TEST(DetectScript, Thai)
{
    EXPECT_EQ(detectScript("ปวดหัวมากค่ะ"), Script::Thai);
    EXPECT_EQ(detectScript("ที่"), Script::Thai); // a consonant with combining marks
}

TEST(DetectScript, Latin)
{
    EXPECT_EQ(detectScript("I have a headache"), Script::Latin);
    EXPECT_EQ(detectScript("Tôi bị đau đầu"), Script::Latin);
    EXPECT_EQ(detectScript("ĐAU BỤNG Ở ĐÂU?"), Script::Latin);
    EXPECT_EQ(detectScript("ư ơ ă đ"), Script::Latin); // letters only Vietnamese uses
}

TEST(DetectScript, MixedTextGoesByTheMajority)
{
    EXPECT_EQ(detectScript("MRI 검사를 받으세요"), Script::Hangul);
    EXPECT_EQ(detectScript("Please take 타이레놀"), Script::Latin);
    EXPECT_EQ(detectScript("ยา paracetamol"), Script::Latin);
    EXPECT_EQ(detectScript("ยาพาราเซตามอล 500mg"), Script::Thai);
}

TEST(DetectScript, NothingToTell)
{
    EXPECT_EQ(detectScript(""), Script::Unknown);
    EXPECT_EQ(detectScript("   "), Script::Unknown);
    EXPECT_EQ(detectScript("12345 !?"), Script::Unknown);
    EXPECT_EQ(detectScript("😀👍"), Script::Unknown);
}

TEST(DetectScript, InvalidUtf8NeitherCrashesNorCounts)
{
    EXPECT_EQ(detectScript("\xFF\xFE\xFD"), Script::Unknown);
    EXPECT_EQ(detectScript("\x80\x80\x80\x80"), Script::Unknown); // lone continuation bytes
    EXPECT_EQ(detectScript("\xC3"), Script::Unknown);             // truncated at the end
    EXPECT_EQ(detectScript("\xEA\xB0"), Script::Unknown);         // truncated Hangul
    EXPECT_EQ(detectScript("\xF0\x9F\x98"), Script::Unknown);     // truncated emoji
    EXPECT_EQ(detectScript("\xEA\x41가가"), Script::Hangul);      // bad continuation, then resync
    EXPECT_EQ(detectScript("\xE0"
                           "ab"),
              Script::Latin); // the letters after it still count
    EXPECT_EQ(detectScript("abc\xE0\xB8"), Script::Latin);
}

TEST(DetectScript, NeverReadsPastTheEndOfTheView)
{
    // The view ends inside a valid sequence: the bytes after it must not complete it.
    const std::string buffer = "가나"; // EA B0 80 EB 82 98
    for (size_t size = 1; size < 3; ++size)
        EXPECT_EQ(detectScript(std::string_view(buffer.data(), size)), Script::Unknown) << size;
    EXPECT_EQ(detectScript(std::string_view(buffer.data(), 3)), Script::Hangul);
    EXPECT_EQ(detectScript(std::string_view(buffer.data() + 3, 2)), Script::Unknown);

    // A heap buffer of exactly the text's size, lead byte last (for sanitizer builds).
    for (const std::string bytes : {"\xC3", "\xE0", "\xF0", "ab\xF4\x8F"}) {
        auto exact = std::make_unique<char[]>(bytes.size());
        std::copy(bytes.begin(), bytes.end(), exact.get());
        EXPECT_EQ(detectScript(std::string_view(exact.get(), bytes.size())),
                  bytes.size() > 2 ? Script::Latin : Script::Unknown);
    }
}

// ---- languageForScript ----

TEST(LanguageForScript, MapsScriptsToLanguages)
{
    EXPECT_EQ(languageForScript(Script::Hangul, "vi"), "ko");
    EXPECT_EQ(languageForScript(Script::Kana, "en"), "ja");
    EXPECT_EQ(languageForScript(Script::Kana, "zh"), "ja");
    EXPECT_EQ(languageForScript(Script::Thai, "en"), "th");
}

TEST(LanguageForScript, HanTrustsADeclaredJapanese)
{
    EXPECT_EQ(languageForScript(Script::Han, "ja"), "ja");
    EXPECT_EQ(languageForScript(Script::Han, "zh"), "zh");
    EXPECT_EQ(languageForScript(Script::Han, "en"), "zh");
    EXPECT_EQ(languageForScript(Script::Han, "vi"), "zh");
}

TEST(LanguageForScript, LatinIsVietnameseOnlyWhenDeclared)
{
    EXPECT_EQ(languageForScript(Script::Latin, "vi"), "vi");
    EXPECT_EQ(languageForScript(Script::Latin, "en"), "en");
    EXPECT_EQ(languageForScript(Script::Latin, "th"), "en");
    EXPECT_EQ(languageForScript(Script::Latin, "ja"), "en");
}

TEST(LanguageForScript, UnknownKeepsTheDeclaredLanguage)
{
    EXPECT_EQ(languageForScript(Script::Unknown, "th"), "th");
    EXPECT_EQ(languageForScript(Script::Unknown, "ja"), "ja");
    EXPECT_EQ(languageForScript(Script::Unknown, ""), "");
}

TEST(LanguageForScript, DetectedTextEndToEnd)
{
    EXPECT_EQ(languageForScript(detectScript("頭が痛いです"), "zh"), "ja");
    EXPECT_EQ(languageForScript(detectScript("我头疼"), "zh"), "zh");
    EXPECT_EQ(languageForScript(detectScript("Tôi bị đau đầu"), "vi"), "vi");
    EXPECT_EQ(languageForScript(detectScript("My head hurts"), "vi"), "vi");
    EXPECT_EQ(languageForScript(detectScript("두통"), "en"), "ko");
}
