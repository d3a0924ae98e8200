#pragma once

#include <QListView>

class QAction;
class QMenu;

namespace medtranslate::console {

class MessageDelegate;

//! The message list of one chat: a QListView with the MessageDelegate that re-lays rows out
//! when a translation arrives or the width changes, and follows new messages while the agent
//! is at the bottom. A message the relay refused is sent again from its context menu or by
//! selecting it and pressing the retry shortcut; the view only asks, the chat sends. An
//! attachment opens on double-click or Enter, and its context menu opens or saves it.
class ChatView final : public QListView
{
    Q_OBJECT

public:
    explicit ChatView(QWidget *parent = nullptr);

    [[nodiscard]] bool isAtBottom() const;
    //! "Send again" for the current message; its shortcut works while the view has the focus.
    [[nodiscard]] QAction *retryAction() const { return m_retry; }
    //! The actions for the message at `index`; the context menu shows them.
    [[nodiscard]] QMenu *createContextMenu(const QModelIndex &index);

signals:
    //! The agent asks to send the failed message with this client_msg_id again.
    void retryRequested(const QString &clientMsgId);
    //! The agent asks for the message `seq`, left untranslated, to be translated again.
    void retranslateRequested(qint64 seq);
    //! The agent asks to open, or to save, the attachment of a message (its download URL and
    //! display name).
    void openRequested(const QString &url, const QString &name);
    void saveRequested(const QString &url, const QString &name);

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void copySelection();
    void retryCurrent();
    //! Asks to open or save the attachment at `index`; false when it has none stored yet.
    bool requestAttachment(const QModelIndex &index, bool save);

    MessageDelegate *m_delegate;
    QAction *m_retry;
};

} // namespace medtranslate::console
