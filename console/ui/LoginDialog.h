#pragma once

#include "client/ConsoleTypes.h"

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace medtranslate::console {

//! Relay address, username and password. Remembers the address and the username (never the
//! password) and explains a failed login in words that say what to fix.
class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(QWidget *parent = nullptr);

    void setBusy(bool busy);
    void showFailure(LoginFailure failure, const QString &detail);
    //! Shown above the form, e.g. when a session expired.
    void showNotice(const QString &text);
    //! Saves the relay address and the username for the next start.
    void rememberInputs() const;

    [[nodiscard]] QUrl relayUrl() const;
    [[nodiscard]] QString username() const;
    [[nodiscard]] QLineEdit *urlField() const { return m_url; }
    [[nodiscard]] QLineEdit *usernameField() const { return m_username; }
    [[nodiscard]] QLineEdit *passwordField() const { return m_password; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    [[nodiscard]] QPushButton *loginButton() const { return m_login; }

    static QString defaultRelayUrl() { return QStringLiteral("http://127.0.0.1:8080"); }

signals:
    void loginRequested(const QUrl &relayUrl, const QString &username, const QString &password);

private:
    void submit();
    void showError(const QString &text);

    QLineEdit *m_url;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLabel *m_message;
    QPushButton *m_login;
};

} // namespace medtranslate::console
