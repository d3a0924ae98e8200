#include "ui/MainWindow.h"

#include "FrameBuilders.h"
#include "WaitFor.h"
#include "client/ChatRegistry.h"
#include "client/ChatSession.h"
#include "client/RelayClient.h"
#include "client/TemplateModel.h"
#include "ui/ChatPage.h"
#include "ui/ChatTabs.h"
#include "ui/ChatView.h"
#include "ui/Composer.h"
#include "ui/MessageDelegate.h"
#include "ui/TemplatePanel.h"
#include "ui/Notifier.h"

#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTest>
#include <gtest/gtest.h>

using namespace medtranslate::console;
using medtranslate::test::waitFor;
namespace protocol = medtranslate::protocol;
namespace server = protocol::server;
using medtranslate::test::activeRoom;
using medtranslate::test::patientMessage;

namespace {

//! The unread count a tab shows, or an empty string when it shows none (and keeps no room).
QString badge(ChatTabs *tabs, int index)
{
    const auto *label = qobject_cast<QLabel *>(tabs->tabBar()->tabButton(index, QTabBar::LeftSide));
    return label && label->isVisibleTo(tabs->tabBar()) ? label->text() : QString();
}

} // namespace

TEST(MainWindow, TabsPerChatWithUnreadBadgesAndCtrlTab)
{
    RelayClient client;
    ChatRegistry registry(client);
    TemplateModel templates;
    MainWindow window(registry, &templates);
    window.resize(1200, 700);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window, 3000));

    server::Welcome welcome;
    welcome.rooms = {activeRoom("room-vi", "vi"), activeRoom("room-ja", "ja")};
    registry.handleWelcome(welcome);
    ChatTabs *tabs = window.tabs();
    ASSERT_EQ(tabs->count(), 2);
    EXPECT_EQ(tabs->currentIndex(), 0);

    // A message in the chat in front is read at once; one in the background counts as unread.
    registry.handleMessage(patientMessage("room-vi", 1, "Xin chào", "안녕하세요"));
    registry.handleMessage(patientMessage("room-ja", 1, "こんにちは", "안녕하세요"));
    registry.handleMessage(patientMessage("room-ja", 2, "頭が痛いです", "머리가 아파요"));
    EXPECT_EQ(badge(tabs, 0), QString());
    EXPECT_EQ(badge(tabs, 1), QStringLiteral("2"));
    EXPECT_EQ(window.notifier()->notificationCount(), 2) << "background messages notify";

    QTest::keyClick(tabs->currentPage()->composer()->editor(), Qt::Key_Tab, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentIndex(), 1);
    EXPECT_EQ(badge(tabs, 1), QString()) << "seen now";
    EXPECT_EQ(registry.session(QStringLiteral("room-ja"))->unreadCount(), 0);
    QTest::keyClick(&window, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(tabs->currentIndex(), 0);
}

TEST(MainWindow, ATransferNoteIsShownInTheStatusBar)
{
    RelayClient client;
    ChatRegistry registry(client);
    TemplateModel templates;
    MainWindow window(registry, &templates);
    EXPECT_TRUE(window.statusBar()->currentMessage().isEmpty());
    emit client.transferNoteReceived(
        server::TransferNote{"room-vi", {"a1", "김민지"}, "처방전 사진 확인 필요"});
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral("Note from 김민지 with the transferred chat: 처방전 사진 확인 필요"));
}

TEST(MainWindow, TemplatePanelSendsToTheChatInFrontAsVetted)
{
    RelayClient client;
    ChatRegistry registry(client);
    TemplateModel templates;
    templates.setTemplates({QuickReply{
        "tpl-greet-first", "greeting", "첫 인사", {{"ko", "안녕하세요"}, {"vi", "Xin chào"}}}});
    MainWindow window(registry, &templates);
    window.show();
    server::Welcome welcome;
    welcome.rooms = {activeRoom("room-vi", "vi")};
    registry.handleWelcome(welcome);

    TemplatePanel *panel = window.templatePanel();
    ASSERT_EQ(panel->list()->model()->rowCount(), 1);
    panel->list()->setCurrentIndex(panel->list()->model()->index(0, 0));
    auto buttons = panel->findChildren<QPushButton *>();
    ASSERT_EQ(buttons.size(), 1);
    ASSERT_TRUE(buttons.first()->isEnabled());
    buttons.first()->click();

    const auto *model = registry.session(QStringLiteral("room-vi"))->messages();
    ASSERT_EQ(model->rowCount(), 1);
    const QModelIndex i = model->index(0);
    EXPECT_EQ(i.data(MessageListModel::TemplateIdRole).toString(),
              QStringLiteral("tpl-greet-first"));
    EXPECT_EQ(i.data(MessageListModel::TextRole).toString(), QStringLiteral("안녕하세요"));
    EXPECT_EQ(i.data(MessageListModel::TranslationTextRole).toString(), QStringLiteral("Xin chào"));
    EXPECT_EQ(i.data(MessageListModel::TranslationStatusRole).toInt(),
              int(protocol::TranslationStatus::Vetted));
    EXPECT_EQ(client.unacknowledgedCount(), 1) << "kept for the relay until acknowledged";

    // An ended chat takes no template.
    registry.handleEnded(server::Ended{"room-vi", "patient"});
    EXPECT_FALSE(buttons.first()->isEnabled());
}

TEST(MessageDelegate, RowsGrowWithWhatTheyMustShow)
{
    MessageListModel model;
    ChatView view;
    view.setModel(&model);
    view.resize(600, 400);
    view.show();
    model.addMessage(patientMessage("r", 1, "Có", "네"));
    model.addMessage(patientMessage(
        "r", 2,
        std::string(20, 'x') +
            " Tôi bị đau đầu từ hôm qua và uống thuốc hai lần mỗi ngày nhưng vẫn không đỡ",
        "어제부터 머리가 아파서 하루에 두 번 약을 먹었는데도 나아지지 않아요"));
    auto warned = patientMessage("r", 3, "Có", "네");
    warned.translation.warnings = {"number_mismatch"};
    model.addMessage(warned);
    MessageDelegate *delegate = qobject_cast<MessageDelegate *>(view.itemDelegate());
    ASSERT_NE(delegate, nullptr);
    QStyleOptionViewItem option;
    option.initFrom(view.viewport());
    option.widget = &view;
    const int shortRow = delegate->sizeHint(option, model.index(0)).height();
    const int longRow = delegate->sizeHint(option, model.index(1)).height();
    const int warnedRow = delegate->sizeHint(option, model.index(2)).height();
    EXPECT_GT(longRow, shortRow) << "long texts wrap onto more lines";
    EXPECT_GT(warnedRow, shortRow) << "a warning badge takes a line";
    view.resize(300, 400);
    EXPECT_GT(delegate->sizeHint(option, model.index(1)).height(), longRow) << "narrower, taller";
}
