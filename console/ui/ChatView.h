#pragma once

#include <QListView>

namespace medtranslate::console {

class MessageDelegate;

//! The message list of one chat: a QListView with the MessageDelegate that re-lays rows out
//! when a translation arrives or the width changes, and follows new messages while the agent
//! is at the bottom.
class ChatView final : public QListView
{
    Q_OBJECT

public:
    explicit ChatView(QWidget *parent = nullptr);

    [[nodiscard]] bool isAtBottom() const;

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void copySelection();

    MessageDelegate *m_delegate;
};

} // namespace medtranslate::console
