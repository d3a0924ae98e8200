#pragma once

#include "medtranslate/protocol/Types.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QMessageBox;
class QStackedWidget;

namespace medtranslate::console {

class ChatRegistry;
class ChatSession;
class ChatTabs;
class PastConsultationsWindow;
class QueuePanel;
class TemplateModel;
class TemplatePanel;
class TrayNotifier;

//! Puts the panels side by side: the queue, the chats, the quick replies, and the status bar.
//! Each panel does its own work; this class only connects them to the chats.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ChatRegistry &registry, TemplateModel *templates, QWidget *parent = nullptr);

    [[nodiscard]] ChatTabs *tabs() const { return m_tabs; }
    [[nodiscard]] QueuePanel *queuePanel() const { return m_queue; }
    [[nodiscard]] TemplatePanel *templatePanel() const { return m_templates; }
    [[nodiscard]] TrayNotifier *notifier() const { return m_notifier; }
    //! The past consultations window, once opened.
    [[nodiscard]] PastConsultationsWindow *pastConsultations() const;
    void setAgentName(const QString &name);

    //! The question asked when the window is closed with messages not yet delivered.
    [[nodiscard]] QMessageBox *unsentQuestion() const;

protected:
    void changeEvent(QEvent *event) override;
    //! Closing with messages the relay has not acknowledged would lose them: asks first, and
    //! closes by itself once they are delivered.
    void closeEvent(QCloseEvent *event) override;

private:
    void openChat(ChatSession *session, bool accepted);
    void onCurrentChat(ChatSession *session);
    void onTemplate(const QString &templateId);
    void onAccept(const QString &roomId);
    void onPatientsArrived(const QStringList &roomIds);
    void onPatientMessage(ChatSession *session, const protocol::Message &message);
    void updateCentral();
    void openPastConsultations();

    ChatRegistry &m_registry;
    TemplateModel *m_templateModel;
    QueuePanel *m_queue;
    QStackedWidget *m_center;
    ChatTabs *m_tabs;
    TemplatePanel *m_templates;
    TrayNotifier *m_notifier;
    QLabel *m_agent;
    QPointer<QMessageBox> m_unsentQuestion;
    QPointer<PastConsultationsWindow> m_pastConsultations;
    bool m_closeConfirmed = false;
};

} // namespace medtranslate::console
