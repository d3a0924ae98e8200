#include "ui/ChatTabs.h"

#include "client/ChatSession.h"
#include "ui/ChatPage.h"

#include <QColor>
#include <QLabel>
#include <QShortcut>
#include <QTabBar>
#include <QToolButton>

namespace medtranslate::console {

ChatTabs::ChatTabs(QWidget *parent) : QTabWidget(parent)
{
    setDocumentMode(true);
    setMovable(true);
    tabBar()->setExpanding(false);
    tabBar()->setElideMode(Qt::ElideRight);
    connect(this, &QTabWidget::currentChanged, this, &ChatTabs::onCurrentChanged);
    for (const auto &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)}) {
        auto *next = new QShortcut(key, this);
        next->setContext(Qt::WindowShortcut);
        connect(next, &QShortcut::activated, this, &ChatTabs::nextChat);
    }
    for (const auto &key :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
          QKeySequence(Qt::CTRL | Qt::Key_Backtab), QKeySequence(Qt::CTRL | Qt::Key_PageUp)}) {
        auto *previous = new QShortcut(key, this);
        previous->setContext(Qt::WindowShortcut);
        connect(previous, &QShortcut::activated, this, &ChatTabs::previousChat);
    }
}

ChatPage *ChatTabs::addChat(ChatSession *session, bool bringToFront)
{
    auto *page = new ChatPage(session, this);
    const int index = addTab(page, page->title());
    connect(page, &ChatPage::titleChanged, this, [this, page]() { refreshTab(page); });
    connect(page, &ChatPage::notice, this, &ChatTabs::notice);
    connect(session, &ChatSession::unreadChanged, this, [this, page]() { refreshTab(page); });
    refreshTab(page);
    if (bringToFront || count() == 1)
        setCurrentIndex(index);
    return page;
}

int ChatTabs::indexOfPage(const ChatPage *page) const
{
    for (int i = 0; i < count(); ++i) {
        if (widget(i) == page)
            return i;
    }
    return -1;
}

void ChatTabs::refreshTab(ChatPage *page)
{
    const int index = indexOfPage(page);
    if (index < 0)
        return;
    ChatSession *session = page->session();
    setTabText(index, page->title());
    tabBar()->setTabTextColor(index, session->room().urgent ? QColor(0xd9, 0x30, 0x25) : QColor());
    setTabToolTip(index, session->roomId());
    // The badge exists only while there is something unread: a hidden one still takes room.
    const int unread = session->unreadCount();
    auto *badge = qobject_cast<QLabel *>(tabBar()->tabButton(index, QTabBar::LeftSide));
    if (unread > 0 && !badge) {
        badge = new QLabel(tabBar());
        badge->setObjectName(QStringLiteral("unreadBadge"));
        badge->setStyleSheet(
            QStringLiteral("background: #d93025; color: white; border-radius: 8px;"
                           " padding: 0px 5px; font-weight: bold; font-size: 11px;"));
        badge->setText(QString::number(unread));
        badge->adjustSize();
        tabBar()->setTabButton(index, QTabBar::LeftSide, badge);
    } else if (unread > 0) {
        badge->setText(QString::number(unread));
        badge->adjustSize();
    } else if (badge) {
        tabBar()->setTabButton(index, QTabBar::LeftSide, nullptr);
        badge->deleteLater();
    }
    // Only a chat that is over can be closed: an active one is ended with End chat.
    QWidget *close = tabBar()->tabButton(index, QTabBar::RightSide);
    if (!session->isActive() && !close) {
        auto *button = new QToolButton(tabBar());
        button->setText(QStringLiteral("×"));
        button->setAutoRaise(true);
        button->setToolTip(tr("Close this chat"));
        const QString roomId = session->roomId();
        connect(button, &QToolButton::clicked, this,
                [this, roomId]() { emit closeRequested(roomId); });
        tabBar()->setTabButton(index, QTabBar::RightSide, button);
    }
}

void ChatTabs::removeChat(const QString &roomId)
{
    if (ChatPage *p = page(roomId)) {
        removeTab(indexOfPage(p));
        p->deleteLater();
    }
}

ChatPage *ChatTabs::page(const QString &roomId) const
{
    for (int i = 0; i < count(); ++i) {
        auto *p = qobject_cast<ChatPage *>(widget(i));
        if (p && p->session()->roomId() == roomId)
            return p;
    }
    return nullptr;
}

ChatPage *ChatTabs::currentPage() const
{
    return qobject_cast<ChatPage *>(currentWidget());
}

bool ChatTabs::isShowing(const ChatSession *session) const
{
    const ChatPage *p = currentPage();
    return m_windowActive && p && p->session() == session;
}

void ChatTabs::setWindowActive(bool active)
{
    m_windowActive = active;
    onCurrentChanged(currentIndex());
}

void ChatTabs::onCurrentChanged(int index)
{
    for (int i = 0; i < count(); ++i) {
        if (auto *p = qobject_cast<ChatPage *>(widget(i)))
            p->setSeen(m_windowActive && i == index);
    }
    ChatPage *p = currentPage();
    emit currentChatChanged(p ? p->session() : nullptr);
}

void ChatTabs::nextChat()
{
    if (count() > 1)
        setCurrentIndex((currentIndex() + 1) % count());
}

void ChatTabs::previousChat()
{
    if (count() > 1)
        setCurrentIndex((currentIndex() + count() - 1) % count());
}

} // namespace medtranslate::console
