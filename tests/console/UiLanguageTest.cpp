#include "ui/UiLanguage.h"

#include "client/ChatSession.h"
#include "client/OutgoingFile.h"
#include "client/RelayClient.h"
#include "ui/ChatPage.h"
#include "ui/Composer.h"
#include "ui/TranscriptExport.h"

#include <QFileInfo>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
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

TEST_F(KoreanInterface, TheExportSpeaksKoreanEvenFromItsWorkerThread)
{
    RelayClient client;
    medtranslate::protocol::Room room;
    room.roomId = "room-ko";
    room.patientLanguage = "vi";
    ChatSession session(client, room);
    ChatPage page(&session);
    EXPECT_EQ(page.exportButton()->text(), QStringLiteral("상담 내보내기…"));
    QSignalSpy failed(page.transcriptExport(), &TranscriptExport::failed);
    page.transcriptExport()->exportTo(QStringLiteral("/tmp/record.docx"));
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(
        failed.first().at(0).toString(),
        QStringLiteral(".pdf, .html 또는 .json으로 끝나는 이름을 고르세요: /tmp/record.docx"));
    // Not logged in: the relay's refusal comes back in the agent's language too.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("record.pdf"));
    page.transcriptExport()->exportTo(path);
    ASSERT_TRUE(failed.wait(2000));
    EXPECT_EQ(failed.last().at(0).toString(),
              QStringLiteral("릴레이에서 상담 기록을 받지 못했습니다: 로그인되어 있지 않습니다."));
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST_F(KoreanInterface, EnglishComesBackOnRequest)
{
    UiLanguage::install(QStringLiteral("en"));
    Composer composer;
    EXPECT_EQ(composer.attachButton()->text(), QStringLiteral("Attach…"));
}
