#pragma once

#include "medtranslate/protocol/Types.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QMessageBox;
class QStackedWidget;
class QTabWidget;

namespace medtranslate::console {

class ChatRegistry;
class ChatSession;
class ChatTabs;
class NotificationBanner;
class OverviewPanel;
class PastConsultationsWindow;
class QueuePanel;
class TemplateModel;
class TemplatePanel;
class Notifier;

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
    [[nodiscard]] Notifier *notifier() const { return m_notifier; }
    [[nodiscard]] NotificationBanner *banner() const { return m_banner; }
    //! The supervisors' view; nullptr until the relay sent an overview (admins only).
    [[nodiscard]] OverviewPanel *overviewPanel() const { return m_overview; }
    [[nodiscard]] QTabWidget *sidePanels() const { return m_side; }
    //! The past consultations window, once opened.
    [[nodiscard]] PastConsultationsWindow *pastConsultations() const;
    void setAgentName(const QString &name);

    //! The question asked when the window is closed with messages not yet delivered.
    [[nodiscard]] QMessageBox *unsentQuestion() const;

signals:
    //! The counselor logged out (after any undelivered messages were dealt with); the window
    //! has closed.
    void logoutRequested();

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
    void onUrgent(const QStringList &roomIds);
    void buildMenus();
    void showOverview();
    void onPatientMessage(ChatSession *session, const protocol::Message &message);
    void updateCentral();
    void openPastConsultations();

    ChatRegistry &m_registry;
    TemplateModel *m_templateModel;
    QueuePanel *m_queue;
    QStackedWidget *m_center;
    ChatTabs *m_tabs;
    TemplatePanel *m_templates;
    Notifier *m_notifier;
    NotificationBanner *m_banner;
    QTabWidget *m_side;
    OverviewPanel *m_overview = nullptr;
    QLabel *m_agent;
    QPointer<QMessageBox> m_unsentQuestion;
    QPointer<PastConsultationsWindow> m_pastConsultations;
    bool m_closeConfirmed = false;
    bool m_logoutPending = false;
};

} // namespace medtranslate::console
