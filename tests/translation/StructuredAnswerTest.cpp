// A language model's {"translation", "unclear"} answer: read as the prompt asks for it, with
// the forms models really send (a code fence, plain text), and refused when it breaks off.
#include "translation/StructuredAnswer.h"

#include "PipelineHarness.h"

#include <algorithm>
#include <gtest/gtest.h>

using medtranslate::relay::StructuredAnswer;

TEST(StructuredAnswer, ReadsTheTranslationAndTheUnclearWords)
{
    QString error;
    const auto a = StructuredAnswer::parse(
        QStringLiteral(R"({"translation":"가슴이 조이듯 아파요.","unclear":["đau thắt"]})"),
        &error);
    ASSERT_TRUE(a) << error.toStdString();
    EXPECT_EQ(a->translation, QStringLiteral("가슴이 조이듯 아파요."));
    EXPECT_EQ(a->unclear, QStringList{QStringLiteral("đau thắt")});
}

TEST(StructuredAnswer, AFencedObjectAndPlainTextAreBothTranslations)
{
    QString error;
    const auto fenced = StructuredAnswer::parse(
        QStringLiteral("```json\n{\"translation\": \"I have a fever.\", \"unclear\": []}\n```"),
        &error);
    ASSERT_TRUE(fenced) << error.toStdString();
    EXPECT_EQ(fenced->translation, QStringLiteral("I have a fever."));
    EXPECT_TRUE(fenced->unclear.isEmpty());
    const auto plain = StructuredAnswer::parse(QStringLiteral("  I have a fever.\n"), &error);
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->translation, QStringLiteral("I have a fever."));
}

TEST(StructuredAnswer, BrokenOrEmptyObjectsAreFailuresNotTranslations)
{
    for (const QString &bad :
         {QStringLiteral(R"({"translation":"I have a fe)"), QStringLiteral(R"({"text":"Hello"})"),
          QStringLiteral(R"({"translation":""})"), QStringLiteral(R"({"translation":42})"),
          QStringLiteral("```json\n{\"translation\":\"x\"}")}) {
        QString error;
        EXPECT_FALSE(StructuredAnswer::parse(bad, &error)) << bad.toStdString();
        EXPECT_FALSE(error.isEmpty()) << bad.toStdString();
    }
}

TEST(StructuredAnswer, UnclearKeepsShortDistinctWordsOnly)
{
    QString error;
    const auto a = StructuredAnswer::parse(
        QStringLiteral(R"({"translation":"배가 아파요.","unclear":["bụng", 3, "bụng", "",)"
                       R"("I was not sure whether the patient means the stomach or the lower )"
                       R"(abdomen, so I chose the more general word"]})"),
        &error);
    ASSERT_TRUE(a) << error.toStdString();
    EXPECT_EQ(a->unclear, QStringList{QStringLiteral("bụng")});
}

TEST(StructuredAnswer, AModelsUnclearWordsBecomeAWarningAndAreNotCached)
{
    medtranslate::test::PipelineHarness h({QStringLiteral("anthropic")});
    h.anthropic.setTranslation(
        QStringLiteral("Tôi bị đau thắt ở ngực"),
        QStringLiteral(R"({"translation":"가슴이 조이듯 아파요.","unclear":["đau thắt"]})"));
    const auto first = h.translate(QStringLiteral("Tôi bị đau thắt ở ngực"), QStringLiteral("vi"),
                                   QStringLiteral("ko"));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->translation.text, "가슴이 조이듯 아파요.");
    const auto typed = first->translation.typedWarnings();
    const auto unclear = std::find_if(typed.begin(), typed.end(), [](const auto &w) {
        return w.kind == medtranslate::protocol::TranslationWarning::Kind::UnclearTerm;
    });
    ASSERT_NE(unclear, typed.end());
    EXPECT_EQ(unclear->source, "đau thắt");
    // A doubtful translation is asked again next time rather than served from the cache.
    const auto second = h.translate(QStringLiteral("Tôi bị đau thắt ở ngực"), QStringLiteral("vi"),
                                    QStringLiteral("ko"));
    ASSERT_TRUE(second);
    EXPECT_EQ(h.anthropic.calls(), 2);
    EXPECT_TRUE(h.anthropic.violations().isEmpty())
        << h.anthropic.violations().join(QStringLiteral("; ")).toStdString();
}

TEST(StructuredAnswer, ABrokenObjectFallsToTheNextProvider)
{
    medtranslate::test::PipelineHarness h({QStringLiteral("openai"), QStringLiteral("deepl")});
    h.openai.setTranslation(QStringLiteral("Tôi bị sốt cao từ tối qua"),
                            QStringLiteral(R"({"translation":"어젯밤부터 열이)"));
    h.deepl.setTranslation(QStringLiteral("Tôi bị sốt cao từ tối qua"),
                           QStringLiteral("어젯밤부터 고열이 있어요."));
    const auto outcome = h.translate(QStringLiteral("Tôi bị sốt cao từ tối qua"),
                                     QStringLiteral("vi"), QStringLiteral("ko"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.text, "어젯밤부터 고열이 있어요.");
    EXPECT_EQ(outcome->translation.provider, "deepl");
    EXPECT_EQ(std::string(medtranslate::protocol::toString(outcome->translation.status)),
              "fallback");
}
