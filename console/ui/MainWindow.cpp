#include "ui/MainWindow.h"

#include "client/ChatRegistry.h"
#include "client/ChatSession.h"
#include "client/OverviewModel.h"
#include "client/QueueModel.h"
#include "client/RelayClient.h"
#include "client/TemplateModel.h"
#include "ui/ChatPage.h"
#include "ui/ChatTabs.h"
#include "ui/ConnectionIndicator.h"
#include "ui/LanguageNames.h"
#include "ui/NotificationBanner.h"
#include "ui/Notifier.h"
#include "ui/OverviewPanel.h"
#include "ui/PastConsultationsWindow.h"
#include "ui/PresenceBar.h"
#include "ui/QueuePanel.h"
#include "ui/TemplatePanel.h"
#include "ui/TransferDialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <memory>

namespace medtranslate::console {

MainWindow::MainWindow(ChatRegistry &registry, TemplateModel *templates, QWidget *parent)
    : QMainWindow(parent), m_registry(registry), m_templateModel(templates),
      m_queue(new QueuePanel(registry.queue(), this)), m_center(new QStackedWidget(this)),
      m_tabs(new ChatTabs(this)), m_templates(new TemplatePanel(templates, this)),
      m_notifier(new Notifier(this)), m_banner(new NotificationBanner(this)),
      m_side(new QTabWidget(this)), m_agent(new QLabel(this))
{
    setWindowTitle(tr("MedTranslate — counselor console"));
    auto *empty = new QLabel(tr("Accept a waiting patient to start a chat."), this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setStyleSheet(QStringLiteral("color: #5f6670; font-size: 15px;"));
    m_center->addWidget(empty);
    m_center->addWidget(m_tabs);

    m_side->setObjectName(QStringLiteral("sidePanels"));
    m_side->setDocumentMode(true);
    m_side->addTab(m_queue, tr("Queue"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_side);
    splitter->addWidget(m_center);
    splitter->addWidget(m_templates);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({290, 670, 300});
    splitter->setChildrenCollapsible(false);
    m_side->setMinimumWidth(240);
    m_templates->setMinimumWidth(240);
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_banner);
    column->addWidget(splitter, 1);
    setCentralWidget(central);
    buildMenus();

    QToolBar *tools = addToolBar(tr("Consultations"));
    tools->setObjectName(QStringLiteral("consultationsToolBar"));
    tools->setMovable(false);
    QAction *past = tools->addAction(tr("Past consultations…"));
    past->setObjectName(QStringLiteral("pastConsultationsAction"));
    past->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    past->setToolTip(tr("Search the desk's past consultations (Ctrl+Shift+F)"));
    connect(past, &QAction::triggered, this, &MainWindow::openPastConsultations);

    statusBar()->addWidget(new ConnectionIndicator(registry.client(), this));
    auto *presence = new PresenceBar(this);
    statusBar()->addPermanentWidget(presence);
    statusBar()->addPermanentWidget(m_agent);
    connect(&registry.client(), &RelayClient::agentsChanged, presence,
            [this, presence](const std::vector<protocol::AgentPresence> &agents) {
                presence->showAgents(agents, m_registry.client().agent().id);
            });
    connect(presence, &PresenceBar::statusChosen, &registry.client(), &RelayClient::setStatus);
    // A colleague's note with a transfer stays until the next status message replaces it.
    connect(&registry.client(), &RelayClient::transferNoteReceived, this,
            [this](const protocol::server::TransferNote &note) {
                statusBar()->showMessage(tr("Note from %1 with the transferred chat: %2")
                                             .arg(QString::fromStdString(note.from.name),
                                                  QString::fromStdString(note.note)));
            });

    connect(&registry, &ChatRegistry::chatOpened, this, &MainWindow::openChat);
    connect(&registry, &ChatRegistry::chatClosed, m_tabs, &ChatTabs::removeChat);
    connect(&registry, &ChatRegistry::chatClosed, this, &MainWindow::updateCentral);
    connect(&registry, &ChatRegistry::patientMessage, this, &MainWindow::onPatientMessage);
    connect(registry.queue(), &QueueModel::patientsArrived, this, &MainWindow::onPatientsArrived);
    connect(&registry, &ChatRegistry::urgentRaised, this, &MainWindow::onUrgent);
    connect(m_notifier, &Notifier::fallbackShown, m_banner, &NotificationBanner::showNotice);
    // Only supervisors receive the overview: its first frame opens their "all" view.
    connect(&registry.client(), &RelayClient::overviewReceived, this, [this]() {
        if (!m_overview)
            showOverview();
    });
    connect(&registry.client(), &RelayClient::relayError, this,
            [this](protocol::ErrorCode code, const QString &detail) {
                statusBar()->showMessage(code == protocol::ErrorCode::AlreadyAssigned
                                             ? tr("Another counselor already took this patient.")
                                             : tr("The relay refused: %1").arg(detail),
                                         10000);
            });
    connect(m_queue, &QueuePanel::acceptRequested, this, &MainWindow::onAccept);
    connect(m_tabs, &ChatTabs::currentChatChanged, this, &MainWindow::onCurrentChat);
    connect(m_tabs, &ChatTabs::closeRequested, &registry, &ChatRegistry::close);
    connect(m_tabs, &ChatTabs::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_templates, &TemplatePanel::templateRequested, this, &MainWindow::onTemplate);
    connect(m_notifier, &Notifier::activated, this, [this]() {
        showNormal();
        raise();
        activateWindow();
    });
    for (ChatSession *session : registry.sessions())
        openChat(session, false);
    updateCentral();
}

void MainWindow::buildMenus()
{
    QMenu *desk = menuBar()->addMenu(tr("&Console"));
    QAction *sound = desk->addAction(tr("Notification &sound"));
    sound->setObjectName(QStringLiteral("soundAction"));
    sound->setCheckable(true);
    sound->setChecked(m_notifier->soundEnabled());
    connect(sound, &QAction::toggled, m_notifier, &Notifier::setSoundEnabled);
    desk->addSeparator();
    QAction *logout = desk->addAction(tr("&Log out"));
    logout->setObjectName(QStringLiteral("logoutAction"));
    connect(logout, &QAction::triggered, this, [this]() {
        // The same path as closing: messages not yet delivered are asked about first.
        m_logoutPending = true;
        close();
    });
    QAction *quit = desk->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, [this]() {
        m_logoutPending = false;
        close();
    });
}

void MainWindow::showOverview()
{
    m_overview = new OverviewPanel(m_registry.overview(), this);
    m_side->addTab(m_overview, tr("All consultations"));
    connect(m_overview, &OverviewPanel::takeOverRequested, this, [this](const QString &roomId) {
        RelayClient &client = m_registry.client();
        // An admin's transfer to itself: a waiting room is assigned, a colleague's taken over.
        if (!client.transfer(roomId, client.agent().id))
            statusBar()->showMessage(tr("Not connected to the relay: nothing was changed."), 10000);
    });
    connect(m_overview, &OverviewPanel::reassignRequested, this, [this](const QString &roomId) {
        TransferDialog::ask(m_registry.client(), this, tr("Reassign consultation"),
                            [this, roomId](const QString &agentId, const QString &note) {
                                if (!m_registry.client().transfer(roomId, agentId, note))
                                    statusBar()->showMessage(
                                        tr("Not connected to the relay: nothing was changed."),
                                        10000);
                            });
    });
}

PastConsultationsWindow *MainWindow::pastConsultations() const
{
    return m_pastConsultations.data();
}

void MainWindow::openPastConsultations()
{
    if (!m_pastConsultations)
        m_pastConsultations = new PastConsultationsWindow(m_registry.client(), this);
    m_pastConsultations->show();
    m_pastConsultations->raise();
    m_pastConsultations->activateWindow();
}

void MainWindow::setAgentName(const QString &name)
{
    m_agent->setText(tr("Counselor: %1").arg(name));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange)
        m_tabs->setWindowActive(isActiveWindow());
}

QMessageBox *MainWindow::unsentQuestion() const
{
    return m_unsentQuestion.data();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    RelayClient &client = m_registry.client();
    const int waiting = client.unacknowledgedCount();
    if (m_closeConfirmed || waiting == 0) {
        QMainWindow::closeEvent(event);
        if (m_logoutPending)
            emit logoutRequested();
        return;
    }
    event->ignore();
    if (m_unsentQuestion)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Messages not delivered"),
        tr("%n message(s) have not reached the relay yet. If you quit now, the patient will not "
           "get them. Wait, and the console closes by itself once they are delivered.",
           nullptr, waiting),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("unsentQuestion"));
    QPushButton *quit = box->addButton(tr("Quit anyway"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("Wait for delivery"), QMessageBox::RejectRole));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_unsentQuestion = box;
    connect(box, &QMessageBox::finished, this, [this, box, quit]() {
        if (box->clickedButton() == quit) {
            m_closeConfirmed = true;
            close();
        } else {
            m_logoutPending = false; // the counselor chose to stay
        }
    });
    // A refusal is no delivery: then the counselor decides, with the chat still open.
    auto refused = std::make_shared<bool>(false);
    connect(&client, &RelayClient::sendFailed, box, [box, refused]() {
        *refused = true;
        box->setText(tr("The relay refused a message; it was not delivered. It stays in its chat, "
                        "marked in red, where it can be sent again."));
    });
    connect(&client, &RelayClient::unacknowledgedCountChanged, box,
            [this, box, refused](int count) {
                if (count > 0 || *refused)
                    return;
                box->close(); // delivered: do what the counselor asked for
                close();
            });
    box->open();
}

void MainWindow::openChat(ChatSession *session, bool accepted)
{
    m_tabs->addChat(session, accepted);
    // A chat that ended, or whose language was corrected, changes what the templates offer.
    auto refresh = [this]() {
        onCurrentChat(m_tabs->currentPage() ? m_tabs->currentPage()->session() : nullptr);
    };
    connect(session, &ChatSession::stateChanged, this, refresh);
    connect(session, &ChatSession::roomChanged, this, refresh);
    updateCentral();
}

void MainWindow::updateCentral()
{
    m_center->setCurrentIndex(m_tabs->count() > 0 ? 1 : 0);
}

void MainWindow::onCurrentChat(ChatSession *session)
{
    m_templates->setChatLanguage(session && session->isActive() ? session->patientLanguage()
                                                                : QString());
}

void MainWindow::onTemplate(const QString &templateId)
{
    ChatPage *page = m_tabs->currentPage();
    const QuickReply *reply = m_templateModel->find(templateId);
    if (page && reply)
        page->sendTemplate(*reply);
}

void MainWindow::onAccept(const QString &roomId)
{
    if (!m_registry.accept(roomId))
        statusBar()->showMessage(tr("Not connected to the relay: cannot accept now."), 10000);
}

void MainWindow::onPatientsArrived(const QStringList &roomIds)
{
    QueueModel *queue = m_registry.queue();
    for (const QString &id : roomIds) {
        const QModelIndex row = queue->index(queue->rowOf(id));
        if (row.data(QueueModel::UrgentRole).toBool())
            continue; // onUrgent tells of it, louder
        const QString language = LanguageNames::name(row.data(QueueModel::LanguageRole).toString());
        m_notifier->notify(tr("A patient is waiting"),
                           tr("A %1-speaking patient is waiting for a counselor.").arg(language),
                           Notifier::Kind::NewPatient);
    }
}

void MainWindow::onUrgent(const QStringList &roomIds)
{
    QueueModel *queue = m_registry.queue();
    for (const QString &id : roomIds) {
        QString language;
        QStringList words;
        if (const ChatSession *session = m_registry.session(id)) {
            language = session->patientLanguage();
            words = QueueModel::redFlagWords(session->room());
        } else {
            const QModelIndex row = queue->index(queue->rowOf(id));
            language = row.data(QueueModel::LanguageRole).toString();
            words = row.data(QueueModel::RedFlagsRole).toStringList();
        }
        m_notifier->notify(
            tr("Urgent: a patient may have an emergency"),
            tr("%1-speaking patient: \"%2\"")
                .arg(LanguageNames::name(language), words.join(QStringLiteral(" · "))),
            Notifier::Kind::Urgent);
    }
}

void MainWindow::onPatientMessage(ChatSession *session, const protocol::Message &message)
{
    if (m_tabs->isShowing(session))
        return;
    const bool translated = message.translation.status != protocol::TranslationStatus::Pending &&
                            message.translation.status != protocol::TranslationStatus::Unavailable;
    const QString body =
        translated ? QString::fromStdString(message.translation.text)
                   : tr("(not translated yet) %1").arg(QString::fromStdString(message.text));
    m_notifier->notify(tr("Message from a %1-speaking patient")
                           .arg(LanguageNames::name(session->patientLanguage())),
                       body.left(160));
}

} // namespace medtranslate::console
