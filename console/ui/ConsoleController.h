#pragma once

#include <QObject>
#include <memory>

namespace medtranslate::console {

class ChatRegistry;
class LoginDialog;
class MainWindow;
class RelayClient;
class TemplateModel;

//! The application's course: log in, open the main window, connect, load the templates, and
//! ask for a new login when the relay no longer accepts the session.
class ConsoleController final : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleController(QObject *parent = nullptr);
    ~ConsoleController() override;

    void start();

    [[nodiscard]] RelayClient *client() const { return m_client; }
    [[nodiscard]] MainWindow *mainWindow() const { return m_window.get(); }
    [[nodiscard]] LoginDialog *loginDialog() const { return m_login.get(); }

private:
    void onLoggedIn();
    //! Back to the login window: the connection, the chats and the window are let go.
    void logOut();

    RelayClient *m_client;
    ChatRegistry *m_registry;
    TemplateModel *m_templates;
    std::unique_ptr<LoginDialog> m_login;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace medtranslate::console
