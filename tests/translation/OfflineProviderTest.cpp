// With no API key the relay still translates what is vetted, and nothing else.
#include "PipelineHarness.h"
#include "translation/PhraseBook.h"

#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;

namespace {
std::string status(const TranslationOutcome &o)
{
    return std::string(protocol::toString(o.translation.status));
}
} // namespace

TEST(OfflineProviderTest, SaysSoAtStart)
{
    PipelineHarness h(QStringList{});
    const QString line = h.pipeline().describe();
    EXPECT_TRUE(line.startsWith(QStringLiteral("offline:"))) << line.toStdString();
    EXPECT_TRUE(line.contains(QStringLiteral("no translation API key"))) << line.toStdString();
    PipelineHarness withKeys;
    EXPECT_TRUE(withKeys.pipeline().describe().contains(
        QStringLiteral("anthropic (claude-test) → openai (gpt-test) → deepl")))
        << withKeys.pipeline().describe().toStdString();
}

TEST(OfflineProviderTest, VettedPhraseIsAnsweredAtOnce)
{
    PipelineHarness h(QStringList{});
    const auto outcome = h.pipeline()
                             .prepare({QStringLiteral("언제부터 아프셨어요?"), QStringLiteral("ko"),
                                       QStringLiteral("en")})
                             .outcome;
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "ok");
    EXPECT_EQ(outcome->translation.provider, "offline");
    EXPECT_EQ(outcome->translation.text, "When did the pain start?");
    EXPECT_EQ(outcome->translation.lang, "en");
    const auto later = h.translate(QStringLiteral("when did the pain start"), QStringLiteral("en"),
                                   QStringLiteral("ko"));
    ASSERT_TRUE(later);
    EXPECT_EQ(later->translation.text, "언제부터 아프셨어요?");
}

TEST(OfflineProviderTest, PhraseFromTheDataFileMatchesAfterNormalization)
{
    // Take a real vetted row, change its case, spacing and end punctuation.
    PipelineHarness h(QStringList{});
    const auto hello =
        h.pipeline()
            .prepare({QStringLiteral("  hello  "), QStringLiteral("en"), QStringLiteral("vi")})
            .outcome;
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->translation.text, "Xin chào.");
    EXPECT_EQ(hello->translation.provider, "offline");
}

TEST(OfflineProviderTest, SingleGlossaryTerm)
{
    PipelineHarness h(QStringList{});
    const auto term =
        h.translate(QStringLiteral("두통"), QStringLiteral("ko"), QStringLiteral("vi"));
    ASSERT_TRUE(term);
    EXPECT_EQ(status(*term), "ok");
    EXPECT_EQ(term->translation.text, "đau đầu");
    EXPECT_EQ(term->translation.provider, "offline");
    const auto english =
        h.translate(QStringLiteral("Headache?"), QStringLiteral("en"), QStringLiteral("ko"));
    ASSERT_TRUE(english);
    EXPECT_EQ(english->translation.text, "두통");
}

TEST(OfflineProviderTest, AnythingElseIsUnavailableWithTheOriginal)
{
    PipelineHarness h(QStringList{});
    const QString text = QStringLiteral("어제 저녁부터 오른쪽 아랫배가 콕콕 쑤셔요");
    // Known at once: with no provider to ask, the message carries "unavailable" itself
    // instead of being stored and sent twice (pending, then unavailable).
    const auto now =
        h.pipeline().prepare({text, QStringLiteral("ko"), QStringLiteral("vi")}).outcome;
    ASSERT_TRUE(now);
    EXPECT_EQ(status(*now), "unavailable");
    EXPECT_EQ(now->translation.warnings, std::vector<std::string>{"no_vetted_translation"});
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("vi"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "unavailable");
    EXPECT_EQ(outcome->translation.text, text.toStdString());
    EXPECT_EQ(outcome->translation.lang, "ko");
    EXPECT_EQ(outcome->translation.sourceLang, "ko");
    EXPECT_EQ(outcome->translation.provider, "offline");
    // Not even a glossary term inside a sentence is passed off as a translation.
    const auto partial =
        h.translate(QStringLiteral("두통이 심해요"), QStringLiteral("ko"), QStringLiteral("vi"));
    ASSERT_TRUE(partial);
    EXPECT_EQ(status(*partial), "unavailable");
    EXPECT_EQ(partial->translation.text, "두통이 심해요");
    ASSERT_EQ(partial->glossary.size(), 1u);
    EXPECT_EQ(partial->glossary[0].target, "đau đầu");
}

TEST(OfflineProviderTest, VettedPhraseWinsOverProviders)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    const auto outcome =
        h.translate(QStringLiteral("Hello."), QStringLiteral("en"), QStringLiteral("ko"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.provider, "offline");
    EXPECT_EQ(outcome->translation.text, "안녕하세요.");
    EXPECT_EQ(h.anthropic.calls(), 0);
}

TEST(OfflineProviderTest, SuggestsVettedSentencesCloseToAnUntranslatableOne)
{
    PipelineHarness h(QStringList{});
    // Spacing and an extra word differ from the vetted "잠시만 기다려 주세요."
    const auto near = h.pipeline().suggestions(QStringLiteral("잠시만기다려 주세요 환자분"),
                                               QStringLiteral("vi"));
    ASSERT_FALSE(near.empty());
    EXPECT_EQ(near.front().text, "잠시만 기다려 주세요.");
    EXPECT_EQ(near.front().translation, "Vui lòng đợi một chút.");
    EXPECT_LE(near.size(), 3u);
    for (const auto &n : near)
        EXPECT_FALSE(n.translation.empty());
    // Nothing alike: nothing offered, rather than something unrelated.
    EXPECT_TRUE(
        h.pipeline()
            .suggestions(QStringLiteral("주차권은 일층 안내데스크에서 도장"), QStringLiteral("vi"))
            .empty());
}

TEST(PhraseBookTest, NearestRanksBySimilarityAndSkipsRowsWithoutTheTarget)
{
    PhraseBook book;
    book.add({{QStringLiteral("ko"), QStringLiteral("배가 아파요.")},
              {QStringLiteral("en"), QStringLiteral("My stomach hurts.")}});
    book.add({{QStringLiteral("ko"), QStringLiteral("배가 너무 아파요.")},
              {QStringLiteral("en"), QStringLiteral("My stomach hurts a lot.")}});
    book.add({{QStringLiteral("ko"), QStringLiteral("배가 아파요.")}}); // no English
    book.add({{QStringLiteral("ko"), QStringLiteral("열이 나요.")},
              {QStringLiteral("en"), QStringLiteral("I have a fever.")}});
    const auto near = book.nearest(QStringLiteral("배가 너무너무 아파요"), QStringLiteral("ko"),
                                   QStringLiteral("en"), 5);
    ASSERT_EQ(near.size(), 2u) << "the fever row is not alike; the row without English is out";
    EXPECT_EQ(near[0].source, QStringLiteral("배가 너무 아파요."));
    EXPECT_EQ(near[1].source, QStringLiteral("배가 아파요."));
    EXPECT_GT(near[0].similarity, near[1].similarity);
    EXPECT_LE(near[0].similarity, 1.0);
    EXPECT_EQ(
        book.nearest(QStringLiteral("배가 아파요"), QStringLiteral("ko"), QStringLiteral("en"), 1)
            .size(),
        1u);
}
