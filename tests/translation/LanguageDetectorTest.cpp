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
