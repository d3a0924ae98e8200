#include "ui/ChatPage.h"

#include "client/ChatSession.h"
#include "client/RelayClient.h"
#include "ui/ChatView.h"
#include "ui/Composer.h"
#include "ui/LanguageNames.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace medtranslate::console {

ChatPage::ChatPage(ChatSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_title(new QLabel(this)), m_presence(new QLabel(this)),
      m_closed(new QLabel(this)), m_end(new QPushButton(tr("End chat"), this)),
      m_transfer(new QPushButton(tr("Transfer…"), this)), m_view(new ChatView(this)),
      m_typing(new QLabel(this)), m_composer(new Composer(this))
{
    m_title->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 15px;"));
    m_closed->setWordWrap(true);
    m_closed->setStyleSheet(
        QStringLiteral("background: #fff4e0; color: #8a5200; border: 1px solid #e8a33d;"
                       " border-radius: 4px; padding: 4px 8px; font-weight: bold;"));
    m_closed->hide();
    m_typing->setStyleSheet(QStringLiteral("color: #1f4f99; padding: 0 12px; font-style: italic;"));
    m_typing->setText(tr("The patient is typing…"));
    m_typing->setVisible(false);
    m_end->setToolTip(tr("End the consultation for both sides"));
    m_transfer->setToolTip(tr("Hand this consultation to another counselor"));
    m_view->setModel(session->messages());
    m_composer->setPatientLanguage(session->patientLanguage());

    auto *header = new QHBoxLayout;
    header->setContentsMargins(10, 6, 10, 6);
    header->setSpacing(12);
    header->addWidget(m_title);
    header->addWidget(m_presence);
    header->addStretch(1);
    header->addWidget(m_transfer);
    header->addWidget(m_end);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_closed);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_typing);
    layout->addWidget(m_composer);

    connect(m_composer, &Composer::previewRequested, session, &ChatSession::requestPreview);
    connect(m_composer, &Composer::sendRequested, session, &ChatSession::sendText);
    connect(m_composer, &Composer::typingChanged, session, &ChatSession::setTyping);
    connect(m_view, &ChatView::retryRequested, session, &ChatSession::retrySend);
    connect(session, &ChatSession::previewReady, m_composer, &Composer::showPreview);
    connect(session, &ChatSession::previewFailed, m_composer, &Composer::showPreviewFailed);
    connect(session, &ChatSession::patientTypingChanged, m_typing, &QLabel::setVisible);
    connect(session, &ChatSession::roomChanged, this, &ChatPage::updateHeader);
    connect(session, &ChatSession::stateChanged, this, &ChatPage::updateState);
    connect(session, &ChatSession::unreadChanged, this, [this](int unread) {
        if (m_seen && unread > 0)
            m_session->markAllRead();
    });
    connect(m_end, &QPushButton::clicked, this, &ChatPage::confirmEnd);
    connect(m_transfer, &QPushButton::clicked, this, &ChatPage::askTransfer);
    updateHeader();
    updateState();
}

QString ChatPage::title() const
{
    // The patient has no name here: the end of the room id tells two same-language chats apart.
    QString t =
        QStringLiteral("%1 · #%2")
            .arg(LanguageNames::name(m_session->patientLanguage()), m_session->roomId().right(4));
    if (m_session->state() == ChatSession::State::Ended)
        t += tr(" (ended)");
    else if (m_session->state() == ChatSession::State::Detached)
        t += tr(" (closed)");
    return t;
}

void ChatPage::updateHeader()
{
    m_title->setText(tr("%1 patient").arg(LanguageNames::name(m_session->patientLanguage())) +
                     QStringLiteral("  ·  ") +
                     LanguageNames::nativeName(m_session->patientLanguage()));
    const bool online = m_session->room().patientOnline;
    m_presence->setText(online ? tr("● online") : tr("○ offline"));
    m_presence->setStyleSheet(online ? QStringLiteral("color: #1b6e3a;")
                                     : QStringLiteral("color: #5f6670;"));
    m_presence->setToolTip(tr("Consultation %1").arg(m_session->roomId()));
}

void ChatPage::updateState()
{
    const bool active = m_session->isActive();
    m_end->setEnabled(active);
    m_transfer->setEnabled(active);
    m_closed->setText(m_session->closedReason());
    m_closed->setVisible(!active);
    m_typing->setVisible(active && m_session->isPatientTyping());
    m_composer->setSendingEnabled(active, active ? QString() : tr("This chat is read only."));
    emit titleChanged();
}

void ChatPage::setSeen(bool seen)
{
    m_seen = seen;
    if (seen)
        m_session->markAllRead();
}

void ChatPage::sendTemplate(const QuickReply &reply)
{
    if (!m_session->isActive())
        return;
    m_session->sendTemplate(QUuid::createUuid().toString(QUuid::WithoutBraces), reply);
}

void ChatPage::confirmEnd()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("End chat"),
                                tr("End this consultation? The patient can no longer write in it."),
                                QMessageBox::NoButton, this);
    QPushButton *yes = box->addButton(tr("End chat"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(tr("Keep chatting"), QMessageBox::RejectRole));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, yes]() {
        if (box->clickedButton() == yes && !m_session->end())
            emit notice(tr("Not connected to the relay: the chat was not ended."));
    });
    box->open();
}

void ChatPage::askTransfer()
{
    // The directory arrives asynchronously; its answer (or failure) opens the dialog.
    RelayClient &client = m_session->client();
    auto connections = std::make_shared<std::vector<QMetaObject::Connection>>();
    auto forget = [connections]() {
        for (const auto &c : *connections)
            QObject::disconnect(c);
    };
    connections->push_back(connect(&client, &RelayClient::colleaguesLoaded, this,
                                   [this, forget](const std::vector<Colleague> &colleagues) {
                                       forget();
                                       chooseColleague(colleagues);
                                   }));
    connections->push_back(
        connect(&client, &RelayClient::colleaguesFailed, this, [this, forget](const QString &) {
            forget();
            askColleagueId();
        }));
    client.fetchColleagues();
}

void ChatPage::chooseColleague(const std::vector<Colleague> &colleagues)
{
    QStringList labels;
    QHash<QString, QString> idByLabel;
    const QString self = m_session->client().agent().id;
    for (const Colleague &c : colleagues) {
        if (c.id == self)
            continue;
        const QString label =
            c.online ? tr("%1 (online)").arg(c.name) : tr("%1 (offline)").arg(c.name);
        labels << label;
        idByLabel.insert(label, c.id);
    }
    if (labels.isEmpty()) {
        emit notice(tr("There is no other counselor to transfer this chat to."));
        return;
    }
    QInputDialog *dialog = transferDialog(tr("Counselor who takes over this chat:"));
    dialog->setComboBoxItems(labels);
    dialog->setComboBoxEditable(false);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, idByLabel](const QString &label) { requestTransfer(idByLabel.value(label)); });
    dialog->open();
}

QInputDialog *ChatPage::transferDialog(const QString &label)
{
    auto *dialog = new QInputDialog(this);
    dialog->setWindowTitle(tr("Transfer chat"));
    dialog->setLabelText(label);
    dialog->setOkButtonText(tr("Transfer"));
    dialog->setCancelButtonText(tr("Cancel"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    return dialog;
}

void ChatPage::requestTransfer(const QString &agentId)
{
    if (agentId.trimmed().isEmpty())
        return;
    if (!m_session->transfer(agentId))
        emit notice(tr("Not connected to the relay: the chat was not transferred."));
    else
        emit notice(tr("Transfer requested."));
}

void ChatPage::askColleagueId()
{
    // Without the directory (relay unreachable or too old) the counselor can still type an id.
    QInputDialog *dialog =
        transferDialog(tr("Agent id of the colleague who takes over\n(ask your administrator "
                          "if you do not know it):"));
    dialog->setInputMode(QInputDialog::TextInput);
    connect(dialog, &QInputDialog::textValueSelected, this, &ChatPage::requestTransfer);
    dialog->open();
}

} // namespace medtranslate::console
