#include "ui/ChatView.h"

#include "client/MessageListModel.h"
#include "ui/MessageDelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>

namespace medtranslate::console {

ChatView::ChatView(QWidget *parent)
    : QListView(parent), m_delegate(new MessageDelegate(this)),
      m_retry(new QAction(tr("Send again"), this))
{
    // Only while the messages have the focus: the key acts on the message the agent selected.
    m_retry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_retry->setShortcutContext(Qt::WidgetShortcut);
    m_retry->setToolTip(tr("Send the selected message again, unchanged"));
    addAction(m_retry);
    connect(m_retry, &QAction::triggered, this, &ChatView::retryCurrent);
    m_delegate->setRetryShortcut(m_retry->shortcut());
    setItemDelegate(m_delegate);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setFrameShape(QFrame::NoFrame);
    setWordWrap(true);
    QPalette p = palette();
    p.setColor(QPalette::Base, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::Highlight, QColor(0xf3, 0xf4, 0xf6));
    setPalette(p);
    setAccessibleName(tr("Messages"));
}

bool ChatView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 8;
}

void ChatView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles)
{
    const bool follow = isAtBottom();
    QListView::dataChanged(topLeft, bottomRight, roles);
    // A translation or a status changes the row's height.
    scheduleDelayedItemsLayout();
    if (follow)
        QTimer::singleShot(0, this, &QListView::scrollToBottom);
}

void ChatView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    const bool follow = isAtBottom();
    QListView::rowsInserted(parent, start, end);
    bool own = false;
    for (int row = start; row <= end; ++row) {
        const auto sender =
            protocol::Sender(model()->index(row, 0).data(MessageListModel::SenderRole).toInt());
        own = own || sender == protocol::Sender::Agent;
    }
    if (follow || own)
        QTimer::singleShot(0, this, &QListView::scrollToBottom);
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    const bool follow = isAtBottom();
    QListView::resizeEvent(event);
    if (follow)
        QTimer::singleShot(0, this, &QListView::scrollToBottom);
}

void ChatView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        requestAttachment(currentIndex(), false))
        return;
    QListView::keyPressEvent(event);
}

void ChatView::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (menu key) the menu is for the selected message, shown at its place.
    const bool byKeyboard = event->reason() == QContextMenuEvent::Keyboard;
    const QModelIndex index = byKeyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid())
        return;
    QMenu *menu = createContextMenu(index);
    // popup(), not exec(): no nested event loop on the GUI thread.
    menu->popup(byKeyboard ? viewport()->mapToGlobal(visualRect(index).center())
                           : event->globalPos());
}

QMenu *ChatView::createContextMenu(const QModelIndex &index)
{
    // The menu's actions act on the current message: make it this one, visibly.
    setCurrentIndex(index);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const auto retry = MessageListModel::Retry(index.data(MessageListModel::RetryRole).toInt());
    if (retry == MessageListModel::Retry::Offered) {
        menu->addAction(m_retry);
        menu->addSeparator();
    }
    // A stored text the providers could not translate: the relay retries on its own, and the
    // agent may ask now (a provider known to be back, a patient waiting).
    const auto status =
        protocol::TranslationStatus(index.data(MessageListModel::TranslationStatusRole).toInt());
    const auto sender = protocol::Sender(index.data(MessageListModel::SenderRole).toInt());
    const qint64 seq = index.data(MessageListModel::SeqRole).toLongLong();
    if (status == protocol::TranslationStatus::Unavailable && seq > 0 &&
        sender != protocol::Sender::System &&
        !index.data(MessageListModel::IsAttachmentRole).toBool()) {
        connect(menu->addAction(tr("Translate again")), &QAction::triggered, this,
                [this, seq]() { emit retranslateRequested(seq); });
        menu->addSeparator();
    }
    if (!index.data(MessageListModel::AttachmentUrlRole).toString().isEmpty()) {
        const QPersistentModelIndex at(index);
        connect(menu->addAction(tr("Open")), &QAction::triggered, this,
                [this, at]() { requestAttachment(at, false); });
        connect(menu->addAction(tr("Save as…")), &QAction::triggered, this,
                [this, at]() { requestAttachment(at, true); });
        menu->addSeparator();
    }
    // Also for a message that must be shortened before it can go: copy, edit, send anew.
    QAction *copy = menu->addAction(tr("Copy"));
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QAction::triggered, this, &ChatView::copySelection);
    return menu;
}

void ChatView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!requestAttachment(indexAt(event->position().toPoint()), false))
        QListView::mouseDoubleClickEvent(event);
}

bool ChatView::requestAttachment(const QModelIndex &index, bool save)
{
    // A file still uploading has no URL yet: there is nothing on the relay to open.
    const QString url = index.data(MessageListModel::AttachmentUrlRole).toString();
    if (!index.isValid() || url.isEmpty())
        return false;
    const QString name = index.data(MessageListModel::AttachmentNameRole).toString();
    if (save)
        emit saveRequested(url, name);
    else
        emit openRequested(url, name);
    return true;
}

void ChatView::retryCurrent()
{
    const QModelIndex i = currentIndex();
    if (!i.isValid() || MessageListModel::Retry(i.data(MessageListModel::RetryRole).toInt()) !=
                            MessageListModel::Retry::Offered)
        return;
    emit retryRequested(i.data(MessageListModel::ClientMsgIdRole).toString());
}

void ChatView::copySelection()
{
    const QModelIndex i = currentIndex();
    if (!i.isValid())
        return;
    // Both sides of the message, so a colleague reading the paste sees what each party read.
    const QString text = i.data(MessageListModel::TextRole).toString();
    const QString translation = i.data(MessageListModel::TranslationTextRole).toString();
    QApplication::clipboard()->setText(translation.isEmpty() || translation == text
                                           ? text
                                           : text + QStringLiteral("\n") + translation);
}

} // namespace medtranslate::console
