#include "ui/TransferDialog.h"

#include "client/RelayClient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <memory>

namespace medtranslate::console {

TransferDialog::TransferDialog(const std::vector<Colleague> &colleagues, const QString &selfId,
                               const QString &title, QWidget *parent)
    : QDialog(parent), m_note(new QPlainTextEdit(this)), m_count(new QLabel(this))
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("transferDialog"));
    auto *form = new QFormLayout;
    if (!colleagues.empty()) {
        m_colleague = new QComboBox(this);
        m_colleague->setObjectName(QStringLiteral("colleague"));
        // Online colleagues first: a chat given to someone who is not there waits again.
        for (bool online : {true, false}) {
            for (const Colleague &c : colleagues) {
                if (c.id == selfId || c.online != online)
                    continue;
                m_colleague->addItem(
                    online ? tr("%1 (online)").arg(c.name) : tr("%1 (offline)").arg(c.name), c.id);
            }
        }
        form->addRow(tr("Counselor who takes over:"), m_colleague);
    } else {
        m_agentId = new QLineEdit(this);
        m_agentId->setObjectName(QStringLiteral("agentId"));
        m_agentId->setPlaceholderText(tr("ask your administrator if you do not know it"));
        form->addRow(tr("Colleague's agent id:"), m_agentId);
        connect(m_agentId, &QLineEdit::textChanged, this, &TransferDialog::updateState);
    }
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(
        tr("Optional: a line for your colleague, e.g. \"asked about blood-pressure pills\". "
           "The patient never sees it."));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(90);
    form->addRow(tr("Note:"), m_note);
    m_count->setAlignment(Qt::AlignRight);
    m_count->setStyleSheet(QStringLiteral("color: #5f6670;"));
    form->addRow(QString(), m_count);

    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("Transfer"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_note, &QPlainTextEdit::textChanged, this, [this]() {
        const QString text = m_note->toPlainText();
        if (text.size() > maxNoteLength) {
            // Cut what was pasted beyond the limit, keeping the cursor at the end.
            m_note->setPlainText(text.left(maxNoteLength));
            m_note->moveCursor(QTextCursor::End);
        }
        updateState();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        if (agentId().isEmpty())
            return;
        emit chosen(agentId(), note());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

void TransferDialog::ask(RelayClient &client, QWidget *parent, const QString &title,
                         std::function<void(const QString &, const QString &)> onChosen)
{
    // The directory arrives asynchronously; its answer (or failure) opens the dialog.
    auto connections = std::make_shared<std::vector<QMetaObject::Connection>>();
    auto show = [&client, parent, title, onChosen,
                 connections](const std::vector<Colleague> &colleagues) {
        for (const auto &c : *connections)
            QObject::disconnect(c);
        auto *dialog = new TransferDialog(colleagues, client.agent().id, title, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        QObject::connect(dialog, &TransferDialog::chosen, parent, onChosen);
        dialog->open();
    };
    connections->push_back(QObject::connect(&client, &RelayClient::colleaguesLoaded, parent, show));
    connections->push_back(QObject::connect(&client, &RelayClient::colleaguesFailed, parent,
                                            [show](const QString &) { show({}); }));
    client.fetchColleagues();
}

QString TransferDialog::agentId() const
{
    if (m_colleague)
        return m_colleague->currentData().toString();
    return m_agentId->text().trimmed();
}

QString TransferDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

int TransferDialog::choiceCount() const
{
    return m_colleague ? m_colleague->count() : 0;
}

bool TransferDialog::selectAgent(const QString &id)
{
    if (m_agentId) {
        m_agentId->setText(id);
        return true;
    }
    const int index = m_colleague->findData(id);
    if (index < 0)
        return false;
    m_colleague->setCurrentIndex(index);
    return true;
}

void TransferDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

void TransferDialog::updateState()
{
    m_count->setText(tr("%1 / %2").arg(m_note->toPlainText().size()).arg(maxNoteLength));
    m_ok->setEnabled(!agentId().isEmpty());
}

} // namespace medtranslate::console
