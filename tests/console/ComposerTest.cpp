#include "ui/Composer.h"

#include "WaitFor.h"
#include "ui/PreviewPane.h"

#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <gtest/gtest.h>

using namespace medtranslate::console;
using medtranslate::test::waitFor;
namespace server = medtranslate::protocol::server;

namespace {

server::PreviewResult answer(const QString &requestId, const std::string &text,
                             std::vector<std::string> warnings = {})
{
    server::PreviewResult r;
    r.requestId = requestId.toStdString();
    r.translation.text = text;
    r.translation.lang = "vi";
    r.translation.status = medtranslate::protocol::TranslationStatus::Ok;
    r.translation.warnings = std::move(warnings);
    r.backTranslation = {"내일 오전 9시에 오세요", "ko"};
    r.glossary = {{"오전", "buổi sáng"}};
    return r;
}

struct ComposerFixture : ::testing::Test
{
    Composer composer;
    QSignalSpy previews{&composer, &Composer::previewRequested};
    QSignalSpy sends{&composer, &Composer::sendRequested};

    void SetUp() override
    {
        composer.setPatientLanguage(QStringLiteral("vi"));
        composer.show();
        composer.editor()->setFocus();
    }

    void type(const QString &text) { composer.editor()->insertPlainText(text); }
    void pressEnter(Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(composer.editor(), Qt::Key_Return, modifiers);
    }
    QMessageBox *warningBox() const
    {
        return composer.findChild<QMessageBox *>(QStringLiteral("translationWarningBox"));
    }
};

} // namespace

TEST_F(ComposerFixture, AsksForAPreviewOnceTheAgentPauses)
{
    type(QStringLiteral("내일 오전"));
    type(QStringLiteral(" 9시에 오세요"));
    EXPECT_EQ(previews.count(), 0) << "no request while typing";
    ASSERT_TRUE(previews.wait(3000));
    ASSERT_EQ(previews.count(), 1) << "one request for the pause, not one per keystroke";
    EXPECT_EQ(previews.first().at(1).toString(), QStringLiteral("내일 오전 9시에 오세요"));
    EXPECT_FALSE(QUuid::fromString(previews.first().at(0).toString()).isNull());

    composer.showPreview(answer(previews.first().at(0).toString(), "Ngày mai 9 giờ sáng hãy đến"));
    EXPECT_EQ(composer.previewPane()->translationText(),
              QStringLiteral("Ngày mai 9 giờ sáng hãy đến"));
    EXPECT_TRUE(composer.previewPane()->backTranslationText().contains(
        QStringLiteral("내일 오전 9시에 오세요")));
    EXPECT_TRUE(composer.previewPane()->glossaryText().contains(QStringLiteral("buổi sáng")));
    EXPECT_TRUE(composer.previewPane()->warningText().isEmpty());
}

TEST_F(ComposerFixture, AnswerForAnOlderTextIsIgnored)
{
    type(QStringLiteral("네"));
    ASSERT_TRUE(previews.wait(3000));
    const QString first = previews.first().at(0).toString();
    type(QStringLiteral(" 알겠습니다"));
    ASSERT_TRUE(previews.wait(3000));
    composer.showPreview(answer(first, "Vâng"));
    EXPECT_TRUE(composer.previewPane()->translationText().isEmpty());
    composer.showPreview(answer(previews.last().at(0).toString(), "Vâng, tôi hiểu"));
    EXPECT_EQ(composer.previewPane()->translationText(), QStringLiteral("Vâng, tôi hiểu"));
}

TEST_F(ComposerFixture, EnterSendsWithAFreshClientMsgIdOnceThePreviewIsIn)
{
    type(QStringLiteral("안녕하세요"));
    ASSERT_TRUE(previews.wait(3000));
    composer.showPreview(answer(previews.last().at(0).toString(), "Xin chào"));
    pressEnter();
    ASSERT_EQ(sends.count(), 1);
    const QString firstId = sends.first().at(0).toString();
    EXPECT_FALSE(QUuid::fromString(firstId).isNull());
    EXPECT_EQ(sends.first().at(1).toString(), QStringLiteral("안녕하세요"));
    EXPECT_TRUE(composer.editor()->toPlainText().isEmpty());

    // Enter before the pause: the composer asks for the preview at once and sends on its answer.
    type(QStringLiteral("안녕하세요"));
    pressEnter();
    ASSERT_EQ(previews.count(), 2);
    EXPECT_EQ(sends.count(), 1) << "waits for the check";
    EXPECT_TRUE(composer.isWaitingToSend());
    EXPECT_TRUE(composer.editor()->isReadOnly()) << "the checked text is the sent text";
    composer.showPreview(answer(previews.last().at(0).toString(), "Xin chào"));
    ASSERT_EQ(sends.count(), 2);
    EXPECT_EQ(sends.last().at(1).toString(), QStringLiteral("안녕하세요"));
    EXPECT_NE(sends.last().at(0).toString(), firstId) << "every message has its own id";
    EXPECT_FALSE(QUuid::fromString(sends.last().at(0).toString()).isNull());
}

TEST_F(ComposerFixture, ShiftEnterAddsALineAndDoesNotSend)
{
    type(QStringLiteral("첫 줄"));
    pressEnter(Qt::ShiftModifier);
    type(QStringLiteral("둘째 줄"));
    EXPECT_EQ(composer.editor()->toPlainText(), QStringLiteral("첫 줄\n둘째 줄"));
    EXPECT_EQ(sends.count(), 0);
    EXPECT_FALSE(composer.isWaitingToSend());
}

TEST_F(ComposerFixture, EmptyTextIsNotSent)
{
    type(QStringLiteral("   "));
    pressEnter();
    EXPECT_EQ(sends.count(), 0);
    EXPECT_EQ(previews.count(), 0);
}

TEST_F(ComposerFixture, APreviewWarningNeedsTheAgentsConfirmation)
{
    type(QStringLiteral("하루 2번 5mg 드세요"));
    ASSERT_TRUE(previews.wait(3000));
    composer.showPreview(answer(previews.last().at(0).toString(), "Uống 50mg mỗi ngày 2 lần",
                                {"number_mismatch", "glossary_missing:mg"}));
    EXPECT_FALSE(composer.previewPane()->warningText().isEmpty());

    pressEnter();
    ASSERT_TRUE(waitFor([this]() { return warningBox() && warningBox()->isVisible(); }, 3000));
    EXPECT_EQ(sends.count(), 0);
    EXPECT_TRUE(
        warningBox()->informativeText().contains(QStringLiteral("Uống 50mg mỗi ngày 2 lần")));
    // The agent chooses to fix the text.
    warningBox()->findChild<QPushButton *>(QStringLiteral("editMessage"))->click();
    ASSERT_TRUE(waitFor([this]() { return warningBox() == nullptr; }, 3000));
    EXPECT_EQ(sends.count(), 0);
    EXPECT_EQ(composer.editor()->toPlainText(), QStringLiteral("하루 2번 5mg 드세요"));
    EXPECT_FALSE(composer.editor()->isReadOnly());

    // Or sends it all the same, knowingly.
    pressEnter();
    ASSERT_TRUE(waitFor([this]() { return warningBox() && warningBox()->isVisible(); }, 3000));
    warningBox()->findChild<QPushButton *>(QStringLiteral("sendAnyway"))->click();
    ASSERT_EQ(sends.count(), 1);
    EXPECT_EQ(sends.first().at(1).toString(), QStringLiteral("하루 2번 5mg 드세요"));
}

TEST_F(ComposerFixture, WarningsThatDoNotChangeTheMeaningDoNotAsk)
{
    type(QStringLiteral("네"));
    ASSERT_TRUE(previews.wait(3000));
    composer.showPreview(answer(previews.last().at(0).toString(), "Vâng", {"deadline_exceeded"}));
    pressEnter();
    EXPECT_EQ(sends.count(), 1);
    EXPECT_EQ(warningBox(), nullptr);
}

TEST_F(ComposerFixture, SendsWithoutPreviewWhenNoneArrivesInTime)
{
    composer.setPreviewWait(200);
    type(QStringLiteral("잠시만 기다려 주세요"));
    pressEnter();
    ASSERT_EQ(previews.count(), 1);
    ASSERT_TRUE(sends.wait(3000));
    EXPECT_EQ(sends.first().at(1).toString(), QStringLiteral("잠시만 기다려 주세요"));
}

TEST_F(ComposerFixture, AFailedPreviewDoesNotHoldTheMessageBack)
{
    type(QStringLiteral("감사합니다"));
    pressEnter();
    ASSERT_EQ(previews.count(), 1);
    composer.showPreviewFailed(previews.first().at(0).toString(), QStringLiteral("offline"));
    EXPECT_EQ(sends.count(), 1);
}

TEST_F(ComposerFixture, AReadOnlyChatDoesNotSend)
{
    composer.setSendingEnabled(false, QStringLiteral("ended"));
    type(QStringLiteral("안녕하세요"));
    pressEnter();
    EXPECT_EQ(sends.count(), 0);
}

TEST_F(ComposerFixture, AnUntranslatedTextGoesToThePatientOnlyOnceTheAgentConfirms)
{
    type(QStringLiteral("오늘 오후 세 시에 내과 진료 예약이 가능합니다"));
    ASSERT_TRUE(previews.wait(3000));
    server::PreviewResult offline =
        answer(previews.last().at(0).toString(), "오늘 오후 세 시에 내과 진료 예약이 가능합니다",
               {"no_vetted_translation"});
    offline.translation.status = medtranslate::protocol::TranslationStatus::Unavailable;
    offline.translation.lang = "ko";
    composer.showPreview(offline);

    pressEnter();
    ASSERT_TRUE(waitFor([this]() { return warningBox() && warningBox()->isVisible(); }, 3000));
    EXPECT_EQ(sends.count(), 0) << "not without the agent's say";
    EXPECT_TRUE(warningBox()->text().contains(QStringLiteral("Korean")));
    warningBox()->findChild<QPushButton *>(QStringLiteral("editMessage"))->click();
    ASSERT_TRUE(waitFor([this]() { return warningBox() == nullptr; }, 3000));
    EXPECT_EQ(sends.count(), 0);

    pressEnter();
    ASSERT_TRUE(waitFor([this]() { return warningBox() && warningBox()->isVisible(); }, 3000));
    warningBox()->findChild<QPushButton *>(QStringLiteral("sendAnyway"))->click();
    EXPECT_EQ(sends.count(), 1);
}

TEST_F(ComposerFixture, AVettedSentenceOfferedForAnUntranslatableTextReplacesItWhenChosen)
{
    type(QStringLiteral("잠시만기다려 주세요 환자분"));
    ASSERT_TRUE(previews.wait(3000));
    server::PreviewResult offline = answer(previews.last().at(0).toString(),
                                           "잠시만기다려 주세요 환자분", {"no_vetted_translation"});
    offline.translation.status = medtranslate::protocol::TranslationStatus::Unavailable;
    offline.suggestions = {{"잠시만 기다려 주세요.", "Vui lòng đợi một chút."},
                           {"잠시 후에 다시 연락드리겠습니다.", "Chúng tôi sẽ liên lạc lại sau."}};
    composer.showPreview(offline);
    const auto buttons = composer.previewPane()->suggestionButtons();
    ASSERT_EQ(buttons.size(), 2);
    EXPECT_TRUE(buttons.front()->text().contains(QStringLiteral("Vui lòng đợi một chút.")));

    buttons.front()->click();
    EXPECT_EQ(composer.editor()->toPlainText(), QStringLiteral("잠시만 기다려 주세요."));
    EXPECT_EQ(sends.count(), 0) << "chosen, not sent: the agent still sends it";
    ASSERT_TRUE(previews.wait(3000)) << "the chosen sentence is previewed in its turn";
    EXPECT_EQ(previews.last().at(1).toString(), QStringLiteral("잠시만 기다려 주세요."));
    EXPECT_TRUE(
        waitFor([this]() { return composer.previewPane()->suggestionButtons().isEmpty(); }, 3000));
}
