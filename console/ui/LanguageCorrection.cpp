#include "ui/LanguageCorrection.h"

#include "client/ChatSession.h"
#include "medtranslate/Language.h"
#include "ui/LanguageNames.h"

#include <QActionGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>

namespace medtranslate::console {

LanguageCorrection::LanguageCorrection(ChatSession &session, QWidget *parent)
    : QFrame(parent), m_session(session), m_menuButton(new QPushButton(parent)),
      m_menu(new QMenu(m_menuButton)), m_text(new QLabel(this)), m_switch(new QPushButton(this)),
      m_dismiss(new QPushButton(this)), m_language(session.patientLanguage())
{
    setObjectName(QStringLiteral("languageFlag"));
    setStyleSheet(QStringLiteral("#languageFlag { background: #fff8d6; border-bottom: 1px solid "
                                 "#e0c341; } #languageFlag QLabel { color: #5c4a00; "
                                 "font-weight: bold; }"));
    m_text->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 5, 10, 5);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_switch);
    layout->addWidget(m_dismiss);

    m_menuButton->setText(tr("Language"));
    m_menuButton->setToolTip(tr("Change the language of this consultation"));
    m_menuButton->setMenu(m_menu);
    fillMenu();

    connect(m_switch, &QPushButton::clicked, this,
            [this]() { request(m_session.suspectedLanguage()); });
    connect(m_dismiss, &QPushButton::clicked, this, &LanguageCorrection::dismiss);
    connect(&session, &ChatSession::roomChanged, this, &LanguageCorrection::onRoomChanged);
    connect(&session, &ChatSession::stateChanged, this, &LanguageCorrection::refresh);
    connect(&session, &ChatSession::suspectedLanguageChanged, this, &LanguageCorrection::refresh);
    connect(&session, &ChatSession::languageRequestChanged, this, &LanguageCorrection::refresh);
    connect(&session, &ChatSession::languageChangeFailed, this, [this](const QString &reason) {
        m_error = reason;
        emit notice(reason);
        refresh();
    });
    refresh();
}

void LanguageCorrection::fillMenu()
{
    auto *group = new QActionGroup(m_menu);
    for (const Language &language : supportedLanguages()) {
        const QString code =
            QString::fromUtf8(language.code.data(), qsizetype(language.code.size()));
        if (!isPatientLanguage(language.code))
            continue;
        QAction *action = m_menu->addAction(QStringLiteral("%1 · %2").arg(
            LanguageNames::name(code), LanguageNames::nativeName(code)));
        action->setData(code);
        action->setCheckable(true);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code]() { request(code); });
    }
}

void LanguageCorrection::request(const QString &language)
{
    if (language.isEmpty() || language == m_session.patientLanguage())
        return;
    m_error.clear();
    if (!m_session.setLanguage(language)) {
        m_error = m_session.isActive()
                      ? tr("Not connected to the relay: the language was not changed.")
                      : tr("This chat is read only.");
        emit notice(m_error);
    }
    refresh();
}

void LanguageCorrection::dismiss()
{
    if (m_error.isEmpty())
        m_dismissed = m_session.suspectedLanguage();
    m_error.clear();
    refresh();
}

void LanguageCorrection::onRoomChanged()
{
    const QString now = m_session.patientLanguage();
    if (now == m_language)
        return refresh();
    m_language = now;
    m_error.clear();
    m_dismissed.clear();
    emit notice(tr("The consultation continues in %1.").arg(LanguageNames::name(now)));
    refresh();
}

void LanguageCorrection::refresh()
{
    const QString room = m_session.patientLanguage();
    const QString requested = m_session.requestedLanguage();
    const bool active = m_session.isActive();
    for (QAction *action : m_menu->actions()) {
        action->setChecked(action->data().toString() == room);
        action->setEnabled(active && requested.isEmpty());
    }
    m_menuButton->setEnabled(active);

    const QString suspected = active ? m_session.suspectedLanguage() : QString();
    const bool flag = !suspected.isEmpty() && suspected != m_dismissed;
    if (!m_error.isEmpty()) {
        m_text->setText(m_error);
        m_dismiss->setText(tr("Close"));
    } else if (flag) {
        m_text->setText(tr("The patient seems to be writing in %1, not %2.")
                            .arg(LanguageNames::name(suspected), LanguageNames::name(room)));
        m_dismiss->setText(tr("Keep %1").arg(LanguageNames::name(room)));
    }
    m_switch->setVisible(flag);
    m_switch->setEnabled(requested.isEmpty());
    m_switch->setText(requested.isEmpty()
                          ? tr("Switch to %1").arg(LanguageNames::name(suspected))
                          : tr("Switching to %1…").arg(LanguageNames::name(requested)));
    setVisible(!m_error.isEmpty() || flag);
}

} // namespace medtranslate::console
