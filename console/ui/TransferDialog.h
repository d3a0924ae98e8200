#pragma once

#include "client/ConsoleTypes.h"

#include <QDialog>
#include <functional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace medtranslate::console {

class RelayClient;

//! Whom a chat goes to and a short note for them (the relay's `transfer` with `note`). With the
//! colleagues' directory it offers their names; without it (relay too old or unreachable) the
//! counselor types the colleague's id. Non-blocking: the choice arrives through `chosen`.
class TransferDialog final : public QDialog
{
    Q_OBJECT

public:
    //! The relay refuses longer notes (`too_large`), so the dialog does not let one be typed.
    static constexpr int maxNoteLength = 500;

    //! `colleagues` empty: the counselor types an id. `selfId` is left out of the choices.
    TransferDialog(const std::vector<Colleague> &colleagues, const QString &selfId,
                   const QString &title, QWidget *parent = nullptr);

    //! Asks the relay for the colleagues' directory, then shows the dialog (window-modal on
    //! `parent`); `onChosen` runs with the counselor's choice. The directory failing still
    //! opens it, for an id typed by hand.
    static void ask(RelayClient &client, QWidget *parent, const QString &title,
                    std::function<void(const QString &agentId, const QString &note)> onChosen);

    [[nodiscard]] QString agentId() const;
    [[nodiscard]] QString note() const;
    [[nodiscard]] int choiceCount() const;
    //! Picks the colleague with this id in the list (tests, a preselected colleague).
    bool selectAgent(const QString &agentId);
    void setNote(const QString &note);

signals:
    void chosen(const QString &agentId, const QString &note);

private:
    void updateState();

    QComboBox *m_colleague = nullptr;
    QLineEdit *m_agentId = nullptr;
    QPlainTextEdit *m_note;
    QLabel *m_count;
    QPushButton *m_ok;
};

} // namespace medtranslate::console
