#include "ui/LoginDialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <algorithm>

namespace medtranslate::console {

namespace {
const auto kUrlKey = QStringLiteral("login/relayUrl");
const auto kUserKey = QStringLiteral("login/username");
} // namespace

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent), m_url(new QLineEdit(this)), m_username(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_message(new QLabel(this)),
      m_login(new QPushButton(tr("Log in"), this))
{
    setWindowTitle(tr("MedTranslate — counselor login"));
    const QSettings settings;
    m_url->setText(settings.value(kUrlKey, defaultRelayUrl()).toString());
    m_username->setText(settings.value(kUserKey).toString());
    m_password->setEchoMode(QLineEdit::Password);
    m_url->setPlaceholderText(QStringLiteral("https://relay.hospital.example"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_login->setDefault(true);

    auto *heading = new QLabel(tr("Log in to the MedTranslate relay"), this);
    heading->setStyleSheet(QStringLiteral("font-size: 16px; font-weight: bold;"));
    auto *form = new QFormLayout;
    form->addRow(tr("Relay address"), m_url);
    form->addRow(tr("Username"), m_username);
    form->addRow(tr("Password"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_login);
    setMinimumWidth(420);

    connect(m_login, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginDialog::submit);
    if (!m_username->text().isEmpty())
        m_password->setFocus();
}

QUrl LoginDialog::relayUrl() const
{
    return QUrl::fromUserInput(m_url->text().trimmed());
}

QString LoginDialog::username() const
{
    return m_username->text().trimmed();
}

void LoginDialog::submit()
{
    if (m_url->text().trimmed().isEmpty() || username().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Fill in the relay address, your username and your password."));
        return;
    }
    setBusy(true);
    m_message->hide();
    emit loginRequested(relayUrl(), username(), m_password->text());
}

void LoginDialog::setBusy(bool busy)
{
    m_login->setEnabled(!busy);
    m_login->setText(busy ? tr("Logging in…") : tr("Log in"));
    for (QLineEdit *field : {m_url, m_username, m_password})
        field->setEnabled(!busy);
}

void LoginDialog::showError(const QString &text)
{
    m_message->setStyleSheet(
        QStringLiteral("color: #b31b1b; background: #fde7e7; border: 1px solid #e0a0a0;"
                       " border-radius: 4px; padding: 6px;"));
    m_message->setText(text);
    m_message->show();
}

void LoginDialog::showNotice(const QString &text)
{
    m_message->setStyleSheet(
        QStringLiteral("color: #8a5200; background: #fff4e0; border: 1px solid #e8a33d;"
                       " border-radius: 4px; padding: 6px;"));
    m_message->setText(text);
    m_message->show();
}

void LoginDialog::showFailure(LoginFailure failure, const QString &detail)
{
    setBusy(false);
    switch (failure) {
    case LoginFailure::WrongCredentials:
        showError(tr("Wrong username or password."));
        m_password->clear();
        m_password->setFocus();
        return;
    case LoginFailure::Unreachable:
        showError(tr("Cannot reach the relay at %1. Check the address and the network, or ask IT "
                     "whether the relay is running.\n(%2)")
                      .arg(relayUrl().toDisplayString(), detail));
        return;
    case LoginFailure::Tls:
        showError(tr("The secure connection (TLS) to the relay was refused: the certificate is not "
                     "trusted or the address is wrong. Do not continue; call IT.\n(%1)")
                      .arg(detail));
        return;
    case LoginFailure::BadAddress:
        showError(
            tr("The relay address is not valid. It starts with https:// (or http:// on a test "
               "machine)."));
        m_url->setFocus();
        return;
    case LoginFailure::Server:
        showError(tr("The relay could not log you in: %1").arg(detail));
        return;
    case LoginFailure::TooManyAttempts: {
        // The relay locks a username for a while after failed logins, to stop guessing.
        const int minutes = std::max(1, (detail.toInt() + 59) / 60);
        showError(tr("Too many failed logins for this account. Try again in %n minute(s); if you "
                     "did not make them, tell IT.",
                     nullptr, minutes));
        m_password->clear();
        return;
    }
    }
}

void LoginDialog::rememberInputs() const
{
    QSettings settings;
    settings.setValue(kUrlKey, m_url->text().trimmed());
    settings.setValue(kUserKey, username());
}

} // namespace medtranslate::console
