#include "ui/UiLanguage.h"

#include "client/OutgoingFile.h"
#include "ui/Composer.h"

#include <QPushButton>
#include <gtest/gtest.h>

using namespace medtranslate::console;

namespace {

struct KoreanInterface : ::testing::Test
{
    void SetUp() override { ASSERT_TRUE(UiLanguage::install(QStringLiteral("ko"))); }
    void TearDown() override { UiLanguage::install(QStringLiteral("en")); }
};

} // namespace

// The .qm embedded in the console is what counselors read: a text filed under the wrong
// context would silently show in English.
TEST_F(KoreanInterface, TheComposerAndTheFileChecksSpeakKorean)
{
    Composer composer;
    EXPECT_EQ(composer.attachButton()->text(), QStringLiteral("첨부…"));
    const OutgoingFile empty = OutgoingFile::check({}, QStringLiteral("a.pdf"), 1024);
    EXPECT_EQ(empty.problem, QStringLiteral("a.pdf 파일이 비어 있습니다."));
}

TEST_F(KoreanInterface, EnglishComesBackOnRequest)
{
    UiLanguage::install(QStringLiteral("en"));
    Composer composer;
    EXPECT_EQ(composer.attachButton()->text(), QStringLiteral("Attach…"));
}
