#include "translation/TranslationHealth.h"

#include <gtest/gtest.h>

namespace medtranslate::relay {

TEST(TranslationHealthTest, MoreThanHalfOfAtLeastFiveRecentFailuresIsFailing)
{
    TranslationHealth health;
    EXPECT_FALSE(health.failing(0));
    for (int i = 0; i < 4; ++i)
        health.record(true, 1000);
    EXPECT_FALSE(health.failing(1000)) << "four are too few to judge";
    health.record(true, 1000);
    EXPECT_EQ(health.failing(1000).value_or(QString()),
              QStringLiteral("5 of the last 5 translations failed"));
    for (int i = 0; i < 5; ++i)
        health.record(false, 1000);
    EXPECT_FALSE(health.failing(1000)) << "half is not more than half";
    health.record(true, 1000);
    EXPECT_EQ(health.recent(1000).failed, 6);
    EXPECT_EQ(health.recent(1000).total, 11);
    EXPECT_TRUE(health.failing(1000));
}

TEST(TranslationHealthTest, OnlyTheLastTwentyCount)
{
    TranslationHealth health;
    for (int i = 0; i < 30; ++i)
        health.record(true, 0);
    EXPECT_EQ(health.recent(0).total, TranslationHealth::kWindow);
    for (int i = 0; i < 11; ++i)
        health.record(false, 0);
    EXPECT_EQ(health.recent(0).failed, 9);
    EXPECT_FALSE(health.failing(0));
}

TEST(TranslationHealthTest, OldOutcomesAgeOut)
{
    TranslationHealth health;
    for (int i = 0; i < 10; ++i)
        health.record(true, 0);
    EXPECT_TRUE(health.failing(TranslationHealth::kMaxAgeMs));
    EXPECT_FALSE(health.failing(TranslationHealth::kMaxAgeMs + 1));
    EXPECT_EQ(health.recent(TranslationHealth::kMaxAgeMs + 1).total, 0);
}

} // namespace medtranslate::relay
