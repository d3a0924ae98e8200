// The language actually written decides the source, whatever the patient picked.
#include "translation/LanguageDetector.h"

#include "PipelineHarness.h"

#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;

namespace {
QString detect(const char *text, const char *declared)
{
    return LanguageDetector::detect(QString::fromUtf8(text), QString::fromLatin1(declared));
}
} // namespace

TEST(LanguageDetectorTest, ScriptsMapToLanguages)
{
    EXPECT_EQ(detect("머리가 아파요", "en"), QStringLiteral("ko"));
    EXPECT_EQ(detect("頭が痛いです", "zh"), QStringLiteral("ja"));
    EXPECT_EQ(detect("我头痛", "en"), QStringLiteral("zh"));
    EXPECT_EQ(detect("頭痛", "ja"), QStringLiteral("ja"));
    EXPECT_EQ(detect("ฉันปวดหัว", "vi"), QStringLiteral("th"));
    EXPECT_EQ(detect("12:30", "th"), QStringLiteral("th"));
}

TEST(LanguageDetectorTest, VietnameseLettersMakeLatinTextVietnamese)
{
    EXPECT_EQ(detect("Tôi bị đau đầu", "en"), QStringLiteral("vi"));
    EXPECT_EQ(detect("Cảm ơn bác sĩ", "en"), QStringLiteral("vi"));
    // Decomposed input (NFD) is the same text.
    EXPECT_EQ(LanguageDetector::detect(
                  QStringLiteral("Tôi bị đau đầu").normalized(QString::NormalizationForm_D),
                  QStringLiteral("en")),
              QStringLiteral("vi"));
    EXPECT_TRUE(LanguageDetector::hasVietnameseLetters(QStringLiteral("ư")));
    EXPECT_FALSE(LanguageDetector::hasVietnameseLetters(QStringLiteral("café")));
}

TEST(LanguageDetectorTest, EnglishInAVietnameseRoomIsEnglish)
{
    EXPECT_EQ(detect("I have a headache since yesterday", "vi"), QStringLiteral("en"));
    EXPECT_EQ(detect("café au lait", "en"), QStringLiteral("en"));
    // Vietnamese typed without accents is still Vietnamese.
    EXPECT_EQ(detect("toi bi dau bung", "vi"), QStringLiteral("vi"));
    EXPECT_EQ(detect("toi bi dau bung", "en"), QStringLiteral("vi"));
}

TEST(LanguageDetectorTest, OutputScriptCheck)
{
    EXPECT_TRUE(
        LanguageDetector::fitsScript(QStringLiteral("두통이 있어요"), QStringLiteral("ko")));
    EXPECT_FALSE(
        LanguageDetector::fitsScript(QStringLiteral("두통이 있어요"), QStringLiteral("en")));
    EXPECT_TRUE(LanguageDetector::fitsScript(QStringLiteral("頭痛"), QStringLiteral("ja")));
    EXPECT_FALSE(LanguageDetector::fitsScript(QStringLiteral("ずつう"), QStringLiteral("zh")));
    EXPECT_TRUE(LanguageDetector::fitsScript(QStringLiteral("⟦P1⟧ 500"), QStringLiteral("th")));
}

TEST(PipelineLanguage, TranslatesFromWhatWasWritten)
{
    // A patient in a Vietnamese room writes English: the provider is asked English → Korean.
    PipelineHarness h({QStringLiteral("deepl")});
    const QString text = QStringLiteral("I have had a headache since Monday");
    h.deepl.setTranslation(text, QStringLiteral("월요일부터 두통이 있어요"));
    EXPECT_EQ(h.pipeline().detectLanguage(text, QStringLiteral("vi")), QStringLiteral("en"));
    const auto outcome = h.translate(text, QStringLiteral("vi"), QStringLiteral("ko"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.sourceLang, "en");
    EXPECT_EQ(h.deepl.deeplSourceOf(0), QStringLiteral("EN"));
    EXPECT_EQ(outcome->translation.text, "월요일부터 두통이 있어요");
    // Brand names do not make Korean text English.
    EXPECT_EQ(
        h.pipeline().detectLanguage(QStringLiteral("Tylenol 500mg을 드세요"), QStringLiteral("ko")),
        QStringLiteral("ko"));
}

TEST(PipelineLanguage, TextAlreadyInTheTargetLanguageIsNotTranslated)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    const auto outcome =
        h.pipeline()
            .prepare({QStringLiteral("두통이 있어요"), QStringLiteral("en"), QStringLiteral("ko")})
            .outcome;
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.text, "두통이 있어요");
    EXPECT_EQ(outcome->translation.provider, "none");
    EXPECT_EQ(h.anthropic.calls(), 0);
}

TEST(LanguageDetectorTest, AnAnswerInAnotherLanguageOfTheSameScriptDoesNotFit)
{
    // English where Vietnamese was asked for, and the other way round.
    EXPECT_FALSE(LanguageDetector::fitsLanguage(
        QStringLiteral("Take the elevator to the 3rd floor."), QStringLiteral("vi")));
    EXPECT_TRUE(LanguageDetector::fitsLanguage(QStringLiteral("Vui lòng đi thang máy lên tầng 3."),
                                               QStringLiteral("vi")));
    EXPECT_FALSE(LanguageDetector::fitsLanguage(QStringLiteral("Vui lòng đi thang máy lên tầng 3."),
                                                QStringLiteral("en")));
    // A Vietnamese name in an English sentence, a short answer and a token are no other language.
    EXPECT_TRUE(LanguageDetector::fitsLanguage(
        QStringLiteral("Please call Nguyễn Thị Hương at 3 p.m. about the results."),
        QStringLiteral("en")));
    EXPECT_TRUE(LanguageDetector::fitsLanguage(QStringLiteral("OK, ⟦M1⟧"), QStringLiteral("vi")));
    // Chinese where Japanese was asked for: kanji only; Japanese in Chinese: kana.
    EXPECT_FALSE(LanguageDetector::fitsLanguage(QStringLiteral("这个药不能和酒一起服用。"),
                                                QStringLiteral("ja")));
    EXPECT_TRUE(LanguageDetector::fitsLanguage(
        QStringLiteral("この薬はお酒と一緒に飲まないでください。"), QStringLiteral("ja")));
    EXPECT_TRUE(LanguageDetector::fitsLanguage(QStringLiteral("内科"), QStringLiteral("ja")));
    EXPECT_FALSE(LanguageDetector::fitsLanguage(QStringLiteral("検査結果は12月15日に出ます。"),
                                                QStringLiteral("zh")));
    EXPECT_TRUE(LanguageDetector::fitsLanguage(QStringLiteral("检查结果12月15日出来。"),
                                               QStringLiteral("zh")));
    // The script check still applies.
    EXPECT_FALSE(
        LanguageDetector::fitsLanguage(QStringLiteral("두통이 있어요"), QStringLiteral("th")));
}
