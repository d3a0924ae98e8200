// Numbers, doses, dates, times and durations must survive translation with the same value.
#include "translation/SafetyChecker.h"

#include "PipelineHarness.h"

#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;

namespace {
QStringList check(const char *source, const char *translation)
{
    return SafetyChecker::check(QString::fromUtf8(source), QString::fromUtf8(translation));
}
const QStringList kNone;
const QStringList kNumber{QStringLiteral("number_mismatch")};
const QStringList kUnit{QStringLiteral("unit_mismatch")};
} // namespace

TEST(SafetyCheckerTest, SameNumbersPass)
{
    EXPECT_EQ(check("타이레놀 500mg을 하루 3번, 5일간 드세요",
                    "Take 500 mg of Tylenol 3 times a day for 5 days."),
              kNone);
    EXPECT_EQ(check("오후 2시 30분에 오세요", "Please come at 2:30 p.m."), kNone);
    EXPECT_EQ(check("2024-03-05에 예약", "appointment on 05.03.2024"), kNone);
    EXPECT_EQ(check("3월 5일", "March 5"), kNone);
    EXPECT_EQ(check("3월 5일", "5 มีนาคม"), kNone);
}

TEST(SafetyCheckerTest, ChangedNumberIsFlagged)
{
    EXPECT_EQ(check("500mg 드세요", "Take 50 mg."), kNumber);
    EXPECT_EQ(check("3일 후에 오세요", "Come back in a few days."), kNumber);
    EXPECT_EQ(check("1정 드세요", "Take 2 tablets."), kNumber);
    EXPECT_EQ(check("14:30", "4:30 p.m."), kNumber);
    // Every occurrence counts: two 5s need two 5s.
    EXPECT_EQ(check("5mg, 5일", "5 mg for some days"), kNumber);
}

TEST(SafetyCheckerTest, SeparatorsAndDigitFormsAreTheSameValue)
{
    EXPECT_EQ(check("1,000 mg", "1000 mg"), kNone);
    EXPECT_EQ(check("1.000 mg", "1000 mg"), kNone); // Vietnamese thousands
    EXPECT_EQ(check("2,5 mg", "2.5 mg"), kNone);    // decimal comma
    EXPECT_EQ(check("1,234.5 ml", "1.234,5 ml"), kNone);
    EXPECT_EQ(check("５００ｍｇ", "500 mg"), kNone); // full-width
    EXPECT_EQ(check("๕๐๐ มก.", "500 mg"), kNone);    // Thai digits
    EXPECT_EQ(check("0.50 ml", "0.5 ml"), kNone);
    EXPECT_EQ(check(".5 ml", "0.5 ml"), kNone);
    EXPECT_EQ(check("2.5 mg", "25 mg"), kNumber);
    EXPECT_EQ(check("1.5 mg", "1,5 mg"), kNone);
    EXPECT_EQ(check("1,5 mg", "15 mg"), kNumber);
}

TEST(SafetyCheckerTest, DifferentUnitOfTheSameKindIsFlagged)
{
    EXPECT_EQ(check("5mg 드세요", "Take 5 g."), kUnit);
    EXPECT_EQ(check("3일 동안", "for 3 weeks"), kUnit);
    EXPECT_EQ(check("10ml", "10 L"), kUnit);
    EXPECT_EQ(check("5mg 드세요", "Take 5 milligrams."), kNone);
    EXPECT_EQ(check("2정", "2 viên"), kNone);
    EXPECT_EQ(check("3일 동안", "trong 3 ngày"), kNone);
}

TEST(SafetyCheckerTest, LoneOneMayBecomeAWord)
{
    EXPECT_EQ(check("1일 3회 복용", "Take 3 times a day."), kNone);
    EXPECT_EQ(check("1일 3회 복용", "Take 4 times a day."), kNumber);
}

TEST(SafetyCheckerTest, TokensAreNotNumbers)
{
    EXPECT_EQ(check("⟦P1⟧로 연락 주세요", "Please contact ⟦P1⟧."), kNone);
    EXPECT_EQ(SafetyChecker::numbers(QStringLiteral("⟦P12⟧ ⟦T3⟧")).size(), 0u);
}

TEST(PipelineSafety, NumberMismatchIsAWarningAndIsNotCached)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    const QString text = QStringLiteral("진통제 500mg을 8시간마다 드세요");
    h.anthropic.setTranslation(text, QStringLiteral("Take 50 mg of painkiller every 8 hours."));
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    const auto &w = outcome->translation.warnings;
    EXPECT_NE(std::find(w.begin(), w.end(), "number_mismatch"), w.end());
    EXPECT_EQ(outcome->translation.text, "Take 50 mg of painkiller every 8 hours.");
    // A translation with a wrong number is not kept: the next request asks again.
    h.anthropic.setTranslation(text, QStringLiteral("Take 500 mg of painkiller every 8 hours."));
    const auto again = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(again);
    EXPECT_EQ(h.anthropic.calls(), 2);
    EXPECT_TRUE(again->translation.warnings.empty());
}
