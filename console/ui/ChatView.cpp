#include "ui/ChatView.h"

#include "client/MessageListModel.h"
#include "ui/MessageDelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTimer>

namespace medtranslate::console {

ChatView::ChatView(QWidget *parent) : QListView(parent), m_delegate(new MessageDelegate(this))
{
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
    QListView::keyPressEvent(event);
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
