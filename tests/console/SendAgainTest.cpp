// A message the relay refused is never lost silently: the chat shows it failed and why, and
// offers to send it again (same client_msg_id, same text or template) only when that can work.

#include "FrameBuilders.h"
#include "client/ChatRegistry.h"
#include "client/ChatSession.h"
#include "client/RelayClient.h"
#include "ui/ChatPage.h"
#include "ui/ChatView.h"
#include "ui/MessageDelegate.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace medtranslate::console;
namespace protocol = medtranslate::protocol;
namespace server = protocol::server;
using medtranslate::test::activeRoom;

namespace {

//! A chat held by this (offline) console: frames from the relay are fed to the registry.
class SendAgain : public ::testing::Test
{
protected:
    RelayClient client;
    ChatRegistry registry{client};
    ChatSession *session = nullptr;

    void SetUp() override
    {
        server::Welcome welcome;
        welcome.rooms = {activeRoom("r1")};
        registry.handleWelcome(welcome);
        session = registry.session(QStringLiteral("r1"));
        ASSERT_NE(session, nullptr);
    }

    [[nodiscard]] int rowOf(const QString &clientMsgId) const
    {
        return session->messages()->rowOfClientMsgId(clientMsgId);
    }
    [[nodiscard]] QModelIndex indexOf(const QString &clientMsgId) const
    {
        return session->messages()->index(rowOf(clientMsgId));
    }
    [[nodiscard]] MessageListModel::Delivery deliveryOf(const QString &clientMsgId) const
    {
        return session->messages()->deliveryAt(rowOf(clientMsgId));
    }
    [[nodiscard]] MessageListModel::Retry retryOf(const QString &clientMsgId) const
    {
        return session->messages()->retryAt(rowOf(clientMsgId));
    }
    void refuse(const QString &clientMsgId, protocol::ErrorCode code)
    {
        registry.handleSendFailed(QStringLiteral("r1"), clientMsgId, code,
                                  QStringLiteral("refused by the test"));
    }
    static bool offersRetry(QMenu *menu, const ChatView &view)
    {
        return menu->actions().contains(view.retryAction());
    }
};

} // namespace

TEST_F(SendAgain, FailedTextGoesBackToSendingWithTheSameIdAndIsStoredOnAck)
{
    session->sendText(QStringLiteral("c-1"), QStringLiteral("내일 오전 9시에 오세요"));
    refuse(QStringLiteral("c-1"), protocol::ErrorCode::Internal);
    ASSERT_EQ(deliveryOf(QStringLiteral("c-1")), MessageListModel::Delivery::Failed);
    EXPECT_FALSE(
        indexOf(QStringLiteral("c-1")).data(MessageListModel::ErrorRole).toString().isEmpty());
    ASSERT_EQ(retryOf(QStringLiteral("c-1")), MessageListModel::Retry::Offered);

    QSignalSpy queued(&client, &RelayClient::unacknowledgedCountChanged);
    ASSERT_TRUE(session->retrySend(QStringLiteral("c-1")));
    EXPECT_EQ(queued.count(), 1) << "handed to the client's outbox again";
    EXPECT_EQ(session->messages()->rowCount(), 1);
    EXPECT_EQ(deliveryOf(QStringLiteral("c-1")), MessageListModel::Delivery::Sending);
    EXPECT_EQ(indexOf(QStringLiteral("c-1")).data(MessageListModel::TextRole).toString(),
              QStringLiteral("내일 오전 9시에 오세요"));
    EXPECT_FALSE(session->retrySend(QStringLiteral("c-1"))) << "already on its way";

    registry.handleAck(server::Ack{"c-1", "r1", 1, "m-1"});
    EXPECT_EQ(deliveryOf(QStringLiteral("c-1")), MessageListModel::Delivery::Stored);
    EXPECT_EQ(indexOf(QStringLiteral("c-1")).data(MessageListModel::SeqRole).toLongLong(), 1);
}

TEST_F(SendAgain, FailedTemplateKeepsItsTemplateAndVettedText)
{
    QuickReply reply;
    reply.id = "tpl-wait";
    reply.texts = {{"ko", "잠시만 기다려 주세요"}, {"vi", "Vui lòng chờ một chút"}};
    session->sendTemplate(QStringLiteral("c-tpl"), reply);
    refuse(QStringLiteral("c-tpl"), protocol::ErrorCode::RateLimited);
    ASSERT_EQ(retryOf(QStringLiteral("c-tpl")), MessageListModel::Retry::Offered);
    ASSERT_TRUE(session->retrySend(QStringLiteral("c-tpl")));
    const QModelIndex i = indexOf(QStringLiteral("c-tpl"));
    EXPECT_EQ(i.data(MessageListModel::DeliveryRole).toInt(),
              int(MessageListModel::Delivery::Sending));
    EXPECT_EQ(i.data(MessageListModel::TemplateIdRole).toString(), QStringLiteral("tpl-wait"));
    EXPECT_EQ(i.data(MessageListModel::TranslationTextRole).toString(),
              QStringLiteral("Vui lòng chờ một chút"));
}

TEST_F(SendAgain, NotOfferedOnceTheRoomHasEnded)
{
    session->sendText(QStringLiteral("c-1"), QStringLiteral("하나"));
    refuse(QStringLiteral("c-1"), protocol::ErrorCode::Internal);
    ChatView view;
    view.setModel(session->messages());
    ASSERT_EQ(retryOf(QStringLiteral("c-1")), MessageListModel::Retry::Offered);
    QMenu *menu = view.createContextMenu(indexOf(QStringLiteral("c-1")));
    EXPECT_TRUE(offersRetry(menu, view));
    delete menu;

    registry.handleEnded(server::Ended{"r1", "patient"});
    ASSERT_EQ(session->state(), ChatSession::State::Ended);
    EXPECT_EQ(retryOf(QStringLiteral("c-1")), MessageListModel::Retry::ChatClosed);
    QSignalSpy queued(&client, &RelayClient::unacknowledgedCountChanged);
    EXPECT_FALSE(session->retrySend(QStringLiteral("c-1")));
    EXPECT_EQ(queued.count(), 0) << "nothing handed to the relay";
    EXPECT_EQ(deliveryOf(QStringLiteral("c-1")), MessageListModel::Delivery::Failed);
    menu = view.createContextMenu(indexOf(QStringLiteral("c-1")));
    EXPECT_FALSE(offersRetry(menu, view));
    EXPECT_FALSE(menu->actions().isEmpty()) << "copying is still offered";
    delete menu;
    auto *delegate = qobject_cast<MessageDelegate *>(view.itemDelegate());
    ASSERT_NE(delegate, nullptr);
    EXPECT_EQ(delegate->retryHint(indexOf(QStringLiteral("c-1"))),
              QStringLiteral("This chat is read only, so it cannot be sent again."));
    // Even if asked by the keyboard, the view does not ask the chat to send it.
    QSignalSpy asked(&view, &ChatView::retryRequested);
    view.setCurrentIndex(indexOf(QStringLiteral("c-1")));
    view.retryAction()->trigger();
    EXPECT_EQ(asked.count(), 0);
}

TEST_F(SendAgain, NotOfferedWhenTheChatMovedToAColleague)
{
    session->sendText(QStringLiteral("c-1"), QStringLiteral("하나"));
    refuse(QStringLiteral("c-1"), protocol::ErrorCode::Internal);
    auto moved = activeRoom("r1");
    moved.agent = protocol::AgentRef{"lee", "이상담"};
    registry.handleRoom(moved);
    ASSERT_EQ(session->state(), ChatSession::State::Detached);
    EXPECT_EQ(retryOf(QStringLiteral("c-1")), MessageListModel::Retry::ChatClosed);
    EXPECT_FALSE(session->retrySend(QStringLiteral("c-1")));
}

TEST_F(SendAgain, ErrorsThatWouldRepeatSayWhyInsteadOfOfferingRetry)
{
    session->sendText(QStringLiteral("c-long"), QStringLiteral("아주 긴 글"));
    refuse(QStringLiteral("c-long"), protocol::ErrorCode::TooLarge);
    EXPECT_EQ(retryOf(QStringLiteral("c-long")), MessageListModel::Retry::NeedsChange);
    EXPECT_TRUE(indexOf(QStringLiteral("c-long"))
                    .data(MessageListModel::ErrorRole)
                    .toString()
                    .contains(QStringLiteral("too long")));
    EXPECT_FALSE(session->retrySend(QStringLiteral("c-long")));
    ChatView view;
    view.setModel(session->messages());
    QMenu *menu = view.createContextMenu(indexOf(QStringLiteral("c-long")));
    EXPECT_FALSE(offersRetry(menu, view));
    delete menu;
    auto *delegate = qobject_cast<MessageDelegate *>(view.itemDelegate());
    EXPECT_EQ(delegate->retryHint(indexOf(QStringLiteral("c-long"))),
              QStringLiteral("It cannot be sent again as it is."));
}

TEST_F(SendAgain, ContextMenuAndShortcutOfTheChatViewSendItAgain)
{
    session->sendText(QStringLiteral("c-1"), QStringLiteral("하나"));
    session->sendText(QStringLiteral("c-2"), QStringLiteral("둘"));
    refuse(QStringLiteral("c-1"), protocol::ErrorCode::Internal);
    refuse(QStringLiteral("c-2"), protocol::ErrorCode::Internal);
    ChatPage page(session);
    page.resize(700, 500);
    page.show();
    page.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&page, 3000));
    ChatView *view = page.view();

    // The painted hint names both ways.
    auto *delegate = qobject_cast<MessageDelegate *>(view->itemDelegate());
    ASSERT_NE(delegate, nullptr);
    const QString hint = delegate->retryHint(indexOf(QStringLiteral("c-1")));
    EXPECT_TRUE(hint.contains(QStringLiteral("Right-click"))) << hint.toStdString();
    EXPECT_TRUE(hint.contains(view->retryAction()->shortcut().toString(QKeySequence::NativeText)))
        << hint.toStdString();

    // A right click on the message opens a menu with "Send again"; choosing it sends that one.
    QCoreApplication::processEvents();
    const QRect rect = view->visualRect(indexOf(QStringLiteral("c-1")));
    ASSERT_TRUE(rect.isValid());
    QContextMenuEvent click(QContextMenuEvent::Mouse, rect.center(),
                            view->viewport()->mapToGlobal(rect.center()));
    QCoreApplication::sendEvent(view->viewport(), &click);
    QMenu *menu = view->findChild<QMenu *>();
    ASSERT_NE(menu, nullptr);
    ASSERT_TRUE(offersRetry(menu, *view));
    view->retryAction()->trigger();
    menu->close();
    EXPECT_EQ(deliveryOf(QStringLiteral("c-1")), MessageListModel::Delivery::Sending);
    EXPECT_EQ(deliveryOf(QStringLiteral("c-2")), MessageListModel::Delivery::Failed);

    // Select the other one and press the shortcut.
    view->setFocus();
    view->setCurrentIndex(indexOf(QStringLiteral("c-2")));
    QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
    EXPECT_EQ(deliveryOf(QStringLiteral("c-2")), MessageListModel::Delivery::Sending);
}

TEST_F(SendAgain, AnUntranslatedMessageOffersToBeTranslatedAgain)
{
    protocol::Message failed = medtranslate::test::patientMessage("r1", 4, "Tôi bị sốt cao");
    failed.translation.status = protocol::TranslationStatus::Unavailable;
    failed.translation.text = failed.text;
    failed.translation.lang = "vi";
    failed.translation.addWarning(
        protocol::TranslationWarning::make(protocol::TranslationWarning::Kind::ProvidersFailed));
    registry.handleMessage(failed);
    protocol::Message translated = medtranslate::test::patientMessage("r1", 5, "Cảm ơn");
    registry.handleMessage(translated);

    ChatView view;
    view.setModel(session->messages());
    QSignalSpy asked(&view, &ChatView::retranslateRequested);
    auto actionNamed = [](QMenu *menu, const QString &text) -> QAction * {
        for (QAction *a : menu->actions())
            if (a->text() == text)
                return a;
        return nullptr;
    };
    QMenu *menu = view.createContextMenu(session->messages()->index(0));
    QAction *again = actionNamed(menu, QStringLiteral("Translate again"));
    ASSERT_NE(again, nullptr);
    again->trigger();
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(asked.front().front().toLongLong(), 4);
    delete menu;

    menu = view.createContextMenu(session->messages()->index(1));
    EXPECT_EQ(actionNamed(menu, QStringLiteral("Translate again")), nullptr)
        << "a translated message has nothing to translate again";
    delete menu;
}
