#include "ui/ConsoleController.h"

#include "client/ChatRegistry.h"
#include "client/RelayClient.h"
#include "client/TemplateModel.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

#include <QCoreApplication>
#include <QStatusBar>

namespace medtranslate::console {

ConsoleController::ConsoleController(QObject *parent)
    : QObject(parent), m_client(new RelayClient(this)),
      m_registry(new ChatRegistry(*m_client, this)), m_templates(new TemplateModel(this)),
      m_login(std::make_unique<LoginDialog>())
{
    connect(m_login.get(), &LoginDialog::loginRequested, m_client, &RelayClient::login);
    connect(m_client, &RelayClient::loginFailed, m_login.get(), &LoginDialog::showFailure);
    connect(m_client, &RelayClient::loginSucceeded, this, &ConsoleController::onLoggedIn);
    connect(m_client, &RelayClient::templatesLoaded, m_templates, &TemplateModel::setTemplates);
    connect(m_client, &RelayClient::templatesFailed, this, [this](const QString &detail) {
        if (m_window)
            m_window->statusBar()->showMessage(
                tr("Quick replies could not be loaded: %1").arg(detail), 15000);
    });
    connect(m_client, &RelayClient::sessionExpired, this, [this]() {
        m_login->setBusy(false);
        m_login->showNotice(tr("Your session has expired. Log in again; your chats stay open."));
        m_login->show();
        m_login->raise();
    });
    // Closing the login window before logging in quits; afterwards the main window decides.
    connect(m_login.get(), &QDialog::rejected, this, [this]() {
        if (!m_window)
            QCoreApplication::quit();
    });
}

ConsoleController::~ConsoleController()
{
    m_window.reset();
    m_login.reset();
}

void ConsoleController::start()
{
    m_login->show();
}

void ConsoleController::logOut()
{
    m_client->logout();
    m_registry->clear();
    // Called from the window's close event: it goes once that has returned.
    m_window.release()->deleteLater();
    m_login->setBusy(false);
    m_login->showNotice(tr("You have logged out."));
    m_login->show();
}

void ConsoleController::onLoggedIn()
{
    m_login->rememberInputs();
    m_login->setBusy(false);
    m_login->hide();
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(*m_registry, m_templates);
        m_window->resize(1280, 800);
        connect(m_window.get(), &MainWindow::logoutRequested, this, &ConsoleController::logOut);
    }
    m_window->setAgentName(m_client->agent().name);
    m_window->show();
    m_client->connectToRelay();
    m_client->fetchTemplates();
}

} // namespace medtranslate::console
