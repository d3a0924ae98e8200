#pragma once

#include <QFrame>

class QLabel;
class QMenu;
class QPushButton;

namespace medtranslate::console {

class ChatSession;

//! Correcting the chat's patient language: a flag when the patient seems to write another
//! language than the room's (ChatSession::suspectedLanguage), with a button to switch to it,
//! and a menu for the chat's header that changes it at any time. Requests go to the
//! ChatSession; a refusal shows in the flag until the agent closes it.
class LanguageCorrection final : public QFrame
{
    Q_OBJECT

public:
    //! The menu button is a child of `parent`, for the chat's header to place.
    LanguageCorrection(ChatSession &session, QWidget *parent);

    [[nodiscard]] QPushButton *menuButton() const { return m_menuButton; }
    [[nodiscard]] QLabel *flagText() const { return m_text; }
    [[nodiscard]] QPushButton *switchButton() const { return m_switch; }
    [[nodiscard]] QPushButton *dismissButton() const { return m_dismiss; }

signals:
    //! A short message for the status bar.
    void notice(const QString &text);

private:
    void fillMenu();
    void request(const QString &language);
    void dismiss();
    void onRoomChanged();
    void refresh();

    ChatSession &m_session;
    QPushButton *m_menuButton;
    QMenu *m_menu;
    QLabel *m_text;
    QPushButton *m_switch;
    QPushButton *m_dismiss;
    QString m_language;  //!< the room's, as last shown
    QString m_dismissed; //!< a suspected language the agent chose to keep the room's over
    QString m_error;     //!< the last refusal, until closed or a change succeeds
};

} // namespace medtranslate::console
