#pragma once

#include <QTabWidget>

namespace medtranslate::console {

class ChatPage;
class ChatSession;

//! One tab per chat, with an unread badge; Ctrl+Tab and Ctrl+Shift+Tab move between chats
//! wherever the focus is in the window.
class ChatTabs final : public QTabWidget
{
    Q_OBJECT

public:
    explicit ChatTabs(QWidget *parent = nullptr);

    ChatPage *addChat(ChatSession *session, bool bringToFront);
    void removeChat(const QString &roomId);
    [[nodiscard]] ChatPage *page(const QString &roomId) const;
    [[nodiscard]] ChatPage *currentPage() const;
    //! Whether the agent can see the current tab (the window is active).
    void setWindowActive(bool active);
    [[nodiscard]] bool isShowing(const ChatSession *session) const;
    void nextChat();
    void previousChat();

signals:
    void currentChatChanged(medtranslate::console::ChatSession *session);
    void closeRequested(const QString &roomId);
    void notice(const QString &text);

private:
    void onCurrentChanged(int index);
    void refreshTab(ChatPage *page);
    [[nodiscard]] int indexOfPage(const ChatPage *page) const;

    bool m_windowActive = true;
};

} // namespace medtranslate::console
