#include "ui/ChatPage.h"

#include "client/ChatSession.h"
#include "client/OutgoingFile.h"
#include "client/QueueModel.h"
#include "client/RelayClient.h"
#include "ui/AttachmentActions.h"
#include "ui/ChatView.h"
#include "ui/Composer.h"
#include "ui/LanguageCorrection.h"
#include "ui/LanguageNames.h"
#include "ui/TranscriptExport.h"
#include "ui/TransferDialog.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPixmap>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace medtranslate::console {

ChatPage::ChatPage(ChatSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_title(new QLabel(this)), m_presence(new QLabel(this)),
      m_closed(new QLabel(this)), m_urgent(new QLabel(this)),
      m_language(new LanguageCorrection(*session, this)),
      m_end(new QPushButton(tr("End chat"), this)),
      m_transfer(new QPushButton(tr("Transfer…"), this)),
      m_exportButton(new QPushButton(tr("Export consultation…"), this)), m_view(new ChatView(this)),
      m_typing(new QLabel(this)), m_composer(new Composer(this)),
      m_attachmentActions(new AttachmentActions(session->client().attachments(), this)),
      m_export(new TranscriptExport(*session, this))
{
    setAcceptDrops(true);
    m_title->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 15px;"));
    m_closed->setWordWrap(true);
    m_closed->setStyleSheet(
        QStringLiteral("background: #fff4e0; color: #8a5200; border: 1px solid #e8a33d;"
                       " border-radius: 4px; padding: 4px 8px; font-weight: bold;"));
    m_closed->hide();
    m_urgent->setObjectName(QStringLiteral("urgentBanner"));
    m_urgent->setWordWrap(true);
    m_urgent->setStyleSheet(
        QStringLiteral("background: #d93025; color: white; padding: 6px 10px; font-weight: bold;"));
    m_urgent->hide();
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("patientDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setStyleSheet(QStringLiteral("background: #f3f6fb; color: #1d2127; border-bottom: "
                                            "1px solid #d9dde3; padding: 4px 10px;"));
    m_details->hide();
    // The pre-chat reason is in the patient's language: the relay translates it (masked).
    const QString key = QStringLiteral("prechat-reason:") + session->roomId();
    connect(&session->client(), &RelayClient::textTranslated, this,
            [this, key](const QString &k, const protocol::Translation &t) {
                if (k != key)
                    return;
                m_reasonKorean = QString::fromStdString(t.text);
                if (t.status == protocol::TranslationStatus::Unavailable)
                    m_reasonKorean = tr("(not translated)");
                updateDetails();
            });
    m_typing->setStyleSheet(QStringLiteral("color: #1f4f99; padding: 0 12px; font-style: italic;"));
    m_typing->setText(tr("The patient is typing…"));
    m_typing->setVisible(false);
    m_end->setToolTip(tr("End the consultation for both sides"));
    m_transfer->setToolTip(tr("Hand this consultation to another counselor"));
    m_exportButton->setToolTip(
        tr("Save the record of this consultation, original and translation, as PDF, HTML or JSON"));
    m_view->setModel(session->messages());

    auto *header = new QHBoxLayout;
    header->setContentsMargins(10, 6, 10, 6);
    header->setSpacing(12);
    header->addWidget(m_title);
    header->addWidget(m_presence);
    header->addStretch(1);
    header->addWidget(m_language->menuButton());
    header->addWidget(m_exportButton);
    header->addWidget(m_transfer);
    header->addWidget(m_end);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_urgent);
    layout->addWidget(m_details);
    layout->addWidget(m_language);
    layout->addWidget(m_closed);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_typing);
    layout->addWidget(m_composer);

    connect(m_composer, &Composer::previewRequested, session, &ChatSession::requestPreview);
    connect(m_composer, &Composer::sendRequested, session, &ChatSession::sendText);
    connect(m_composer, &Composer::typingChanged, session, &ChatSession::setTyping);
    connect(m_view, &ChatView::retryRequested, session, &ChatSession::retrySend);
    connect(m_view, &ChatView::retranslateRequested, session, &ChatSession::requestRetranslation);
    connect(m_view, &ChatView::openRequested, m_attachmentActions, &AttachmentActions::open);
    connect(m_view, &ChatView::saveRequested, m_attachmentActions, &AttachmentActions::saveAs);
    connect(m_attachmentActions, &AttachmentActions::notice, this, &ChatPage::notice);
    connect(m_language, &LanguageCorrection::notice, this, &ChatPage::notice);
    connect(m_attachmentActions, &AttachmentActions::failed, this, &ChatPage::notice);
    connect(m_composer, &Composer::attachRequested, this, &ChatPage::chooseFiles);
    connect(m_composer, &Composer::filesOffered, this, &ChatPage::confirmFiles);
    connect(m_composer, &Composer::imageOffered, this, &ChatPage::confirmImage);
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
    connect(m_exportButton, &QPushButton::clicked, m_export, &TranscriptExport::start);
    connect(m_export, &TranscriptExport::busyChanged, this, [this](bool busy) {
        m_exportButton->setEnabled(!busy);
        m_exportButton->setText(busy ? tr("Exporting…") : tr("Export consultation…"));
        if (busy)
            emit notice(tr("Exporting the consultation…"));
    });
    connect(m_export, &TranscriptExport::finished, this, [this](const QString &path) {
        emit notice(tr("Consultation saved to %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_export, &TranscriptExport::failed, this, &ChatPage::exportFailed);
    updateHeader();
    updateState();
}

void ChatPage::updateDetails()
{
    const protocol::Room &room = m_session->room();
    QStringList lines;
    if (room.prechat && !room.prechat->empty()) {
        QStringList parts;
        if (!room.prechat->name.empty())
            parts << tr("Name: %1").arg(QString::fromStdString(room.prechat->name));
        if (!room.prechat->contact.empty())
            parts << tr("Contact: %1").arg(QString::fromStdString(room.prechat->contact));
        const QString reason = QString::fromStdString(room.prechat->reason);
        if (!reason.isEmpty()) {
            if (m_reasonAsked != reason) {
                m_reasonAsked = reason;
                m_reasonKorean.clear();
                m_session->client().translateText(QStringLiteral("prechat-reason:") +
                                                      m_session->roomId(),
                                                  reason, m_session->patientLanguage());
            }
            parts << (m_reasonKorean.isEmpty() ? tr("Reason: %1").arg(reason)
                                               : tr("Reason: %1 (%2)").arg(m_reasonKorean, reason));
        }
        lines << tr("Before the chat — %1").arg(parts.join(QStringLiteral(" · ")));
    }
    if (room.answerLater)
        lines << tr("Answer later: the patient left %1").arg(QueueModel::contactText(room));
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_details->setVisible(!lines.isEmpty());
}

QString ChatPage::title() const
{
    // The patient has no name here: the end of the room id tells two same-language chats apart.
    QString t =
        (m_session->room().urgent ? tr("Urgent") + QStringLiteral(" · ") : QString()) +
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
    // The language may have been corrected (by either side): previews translate into it.
    m_composer->setPatientLanguage(m_session->patientLanguage());
    m_title->setText(tr("%1 patient").arg(LanguageNames::name(m_session->patientLanguage())) +
                     QStringLiteral("  ·  ") +
                     LanguageNames::nativeName(m_session->patientLanguage()));
    const bool online = m_session->room().patientOnline;
    m_presence->setText(online ? tr("● online") : tr("○ offline"));
    m_presence->setStyleSheet(online ? QStringLiteral("color: #1b6e3a;")
                                     : QStringLiteral("color: #5f6670;"));
    m_presence->setToolTip(tr("Consultation %1").arg(m_session->roomId()));
    const bool urgent = m_session->room().urgent;
    m_urgent->setText(
        urgent
            ? tr("Urgent — red flag in the patient's words: %1. The patient was told to call 119.")
                  .arg(QueueModel::redFlagWords(m_session->room()).join(QStringLiteral(" · ")))
            : QString());
    m_urgent->setVisible(urgent);
    updateDetails();
    emit titleChanged();
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

void ChatPage::chooseFiles()
{
    auto *dialog = new QFileDialog(this, tr("Send files to the patient"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters(
        {tr("Photos and PDF documents (*.jpg *.jpeg *.png *.webp *.pdf)"), tr("All files (*)")});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    // Choosing the files in the dialog is the agent's decision: no second question.
    connect(dialog, &QFileDialog::filesSelected, this, &ChatPage::sendFiles);
    dialog->open();
}

void ChatPage::confirmFiles(const QStringList &paths)
{
    if (paths.isEmpty() || !m_session->isActive())
        return;
    QStringList names;
    for (const QString &path : paths)
        names << QFileInfo(path).fileName();
    askToSend(tr("Send files"), tr("Send to the patient?\n\n%1").arg(names.join(QLatin1Char('\n'))),
              {}, [this, paths]() { sendFiles(paths); });
}

void ChatPage::confirmImage(const QImage &image)
{
    if (image.isNull() || !m_session->isActive())
        return;
    askToSend(
        tr("Send picture"),
        tr("Send the pasted picture (%1 × %2) to the patient?")
            .arg(image.width())
            .arg(image.height()),
        QPixmap::fromImage(image.scaled(160, 160, Qt::KeepAspectRatio, Qt::SmoothTransformation)),
        [this, image]() { sendImage(image); });
}

void ChatPage::askToSend(const QString &title, const QString &text, const QPixmap &picture,
                         std::function<void()> onSend)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    if (!picture.isNull())
        box->setIconPixmap(picture);
    QPushButton *yes = box->addButton(tr("Send"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(tr("Cancel"), QMessageBox::RejectRole));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [box, yes, onSend = std::move(onSend)]() {
        if (box->clickedButton() == yes)
            onSend();
    });
    box->open();
}

void ChatPage::sendFiles(const QStringList &paths)
{
    if (paths.isEmpty() || !m_session->isActive())
        return;
    auto *watcher = new QFutureWatcher<std::vector<OutgoingFile>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher]() {
        watcher->deleteLater();
        sendChecked(watcher->result());
    });
    watcher->setFuture(OutgoingFile::read(paths, m_session->client().maxAttachmentBytes()));
}

void ChatPage::sendImage(const QImage &image)
{
    if (image.isNull() || !m_session->isActive())
        return;
    auto *watcher = new QFutureWatcher<OutgoingFile>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher]() {
        watcher->deleteLater();
        sendChecked({watcher->result()});
    });
    watcher->setFuture(OutgoingFile::fromImage(image, m_session->client().maxAttachmentBytes()));
}

void ChatPage::sendChecked(const std::vector<OutgoingFile> &files)
{
    // The chat may have ended while the files were read.
    if (!m_session->isActive()) {
        emit notice(tr("The chat has ended: the files were not sent."));
        return;
    }
    QStringList problems;
    for (const OutgoingFile &file : files) {
        if (file.ok())
            m_session->sendAttachment(QUuid::createUuid().toString(QUuid::WithoutBraces), file);
        else
            problems << file.problem;
    }
    if (problems.isEmpty())
        return;
    emit notice(problems.size() == 1 ? tr("Not sent: %1").arg(problems.first())
                                     : tr("%n file(s) not sent.", nullptr, int(problems.size())));
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Not sent"),
        tr("These files were not sent:\n\n%1").arg(problems.join(QLatin1Char('\n'))),
        QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void ChatPage::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (m_session->isActive() && (data->hasUrls() || data->hasImage()))
        event->acceptProposedAction();
}

void ChatPage::dropEvent(QDropEvent *event)
{
    if (m_composer->offerMimeData(event->mimeData()))
        event->acceptProposedAction();
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
    TransferDialog::ask(
        m_session->client(), this, tr("Transfer chat"),
        [this](const QString &agentId, const QString &note) { requestTransfer(agentId, note); });
}

void ChatPage::requestTransfer(const QString &agentId, const QString &note)
{
    if (!m_session->transfer(agentId, note))
        emit notice(tr("Not connected to the relay: the chat was not transferred."));
    else
        emit notice(tr("Transfer requested."));
}

void ChatPage::exportFailed(const QString &message)
{
    emit notice(tr("Not exported: %1").arg(message));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export consultation"),
                                tr("The consultation was not exported.\n\n%1").arg(message),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace medtranslate::console
