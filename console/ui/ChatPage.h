#pragma once

#include "client/ConsoleTypes.h"

#include <QWidget>

class QInputDialog;
class QLabel;
class QPushButton;

namespace medtranslate::console {

class ChatSession;
class ChatView;
class Composer;

//! One chat tab: who the patient is, the messages, the typing indicator, the composer, and the
//! End and Transfer actions. Requests go to the ChatSession.
class ChatPage final : public QWidget
{
    Q_OBJECT

public:
    explicit ChatPage(ChatSession *session, QWidget *parent = nullptr);

    [[nodiscard]] ChatSession *session() const { return m_session; }
    [[nodiscard]] ChatView *view() const { return m_view; }
    [[nodiscard]] Composer *composer() const { return m_composer; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] QLabel *typingIndicator() const { return m_typing; }

    //! The agent is looking at this chat: what arrives counts as read.
    void setSeen(bool seen);
    void sendTemplate(const QuickReply &reply);

signals:
    //! A short message for the status bar.
    void notice(const QString &text);
    void titleChanged();

private:
    void updateHeader();
    void updateState();
    void confirmEnd();
    void askTransfer();
    void chooseColleague(const std::vector<Colleague> &colleagues);
    void askColleagueId();
    //! The transfer question, set up but not shown; the caller adds the choices.
    QInputDialog *transferDialog(const QString &label);
    void requestTransfer(const QString &agentId);

    ChatSession *m_session;
    QLabel *m_title;
    QLabel *m_presence;
    QLabel *m_closed;
    QPushButton *m_end;
    QPushButton *m_transfer;
    ChatView *m_view;
    QLabel *m_typing;
    Composer *m_composer;
    bool m_seen = false;
};

} // namespace medtranslate::console
