#include "client/ChatSession.h"

#include "client/LanguageMismatch.h"
#include "client/RelayClient.h"
#include "medtranslate/Language.h"

#include <QDateTime>

namespace medtranslate::console {

namespace {
constexpr int kTypingExpiryMs = 8000;
}

ChatSession::ChatSession(RelayClient &client, const protocol::Room &room, QObject *parent)
    : QObject(parent), m_client(client), m_room(room), m_agentReadSeq(room.agentReadSeq)
{
    m_messages.setPatientReadSeq(room.patientReadSeq);
    m_typingExpiry.setSingleShot(true);
    m_typingExpiry.setInterval(kTypingExpiryMs);
    connect(&m_typingExpiry, &QTimer::timeout, this, [this]() { setPatientTyping(false); });
    AttachmentTransfer &files = client.attachments();
    connect(&files, &AttachmentTransfer::uploadProgress, this,
            [this](const QString &clientMsgId, qint64 sent, qint64 total) {
                if (m_uploads.contains(clientMsgId))
                    m_messages.setUploadProgress(clientMsgId, sent, total);
            });
    connect(&files, &AttachmentTransfer::uploaded, this, &ChatSession::onUploaded);
    connect(&files, &AttachmentTransfer::uploadFailed, this, &ChatSession::onUploadFailed);
    connect(
        &files, &AttachmentTransfer::thumbnailReady, this,
        [this](const QString &url, const QImage &image) { m_messages.setThumbnail(url, image); });
    connect(&client, &RelayClient::languageChangeFailed, this,
            &ChatSession::onLanguageChangeFailed);
    if (room.status == protocol::RoomStatus::Ended)
        setState(State::Ended, tr("The consultation has ended."));
}

void ChatSession::setState(State state, const QString &reason)
{
    m_closedReason = reason;
    if (m_state == state)
        return;
    m_state = state;
    m_messages.setChatOpen(state == State::Active);
    if (state != State::Active)
        setPatientTyping(false);
    emit stateChanged(state);
}

protocol::Message ChatSession::draftFor(const QString &clientMsgId) const
{
    protocol::Message draft;
    draft.roomId = m_room.roomId;
    draft.clientMsgId = clientMsgId.toStdString();
    draft.sender = protocol::Sender::Agent;
    draft.senderName = m_client.agent().name.toStdString();
    draft.lang = std::string(kAgentLanguage);
    draft.translation.lang = m_room.patientLanguage;
    draft.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    return draft;
}

void ChatSession::sendText(const QString &clientMsgId, const QString &text)
{
    if (!isActive() || text.trimmed().isEmpty())
        return;
    setTyping(false);
    protocol::Message draft = draftFor(clientMsgId);
    draft.text = text.toStdString();
    draft.translation.status = protocol::TranslationStatus::Pending;
    m_messages.addPending(draft);
    dispatch(draft);
}

void ChatSession::sendTemplate(const QString &clientMsgId, const QuickReply &reply)
{
    const auto vetted = reply.texts.find(m_room.patientLanguage);
    if (!isActive() || vetted == reply.texts.end())
        return;
    const auto korean = reply.texts.find("ko");
    protocol::Message draft = draftFor(clientMsgId);
    draft.text = korean == reply.texts.end() ? std::string() : korean->second;
    draft.templateId = reply.id;
    draft.translation.status = protocol::TranslationStatus::Vetted;
    draft.translation.text = vetted->second;
    m_messages.addPending(draft);
    dispatch(draft);
}

void ChatSession::sendAttachment(const QString &clientMsgId, const OutgoingFile &file)
{
    if (!isActive() || !file.ok() || m_uploads.contains(clientMsgId))
        return;
    // As the relay will store it: the name is the text, and not translated.
    protocol::Message draft = draftFor(clientMsgId);
    draft.text = file.name.toStdString();
    draft.translation.status = protocol::TranslationStatus::Vetted;
    draft.translation.text = draft.text;
    protocol::Attachment attachment;
    attachment.name = draft.text;
    attachment.type = file.mimeType.toStdString();
    attachment.size = file.bytes.size();
    draft.attachment = attachment;
    m_uploads.insert(clientMsgId, file.bytes);
    m_messages.addPending(draft, file.preview);
    dispatch(draft);
}

void ChatSession::onUploaded(const QString &clientMsgId, const protocol::Message &message)
{
    if (!m_uploads.remove(clientMsgId))
        return;
    // The room's `message` frame brings the same; whichever comes first fills the row.
    m_messages.addMessage(message);
    wantThumbnail(message);
}

void ChatSession::onUploadFailed(const QString &clientMsgId,
                                 const AttachmentTransfer::Failure &failure)
{
    if (!m_uploads.contains(clientMsgId))
        return;
    using E = protocol::ErrorCode;
    if (failure.httpStatus == 0) {
        // No answer: whether the relay stored it is unknown, and the same client_msg_id makes
        // sending it again safe.
        m_messages.markFailed(
            clientMsgId, E::Internal,
            tr("Not sent: the upload did not reach the relay (%1).").arg(failure.detail));
        return;
    }
    switch (failure.code) {
    case E::TooLarge:
        m_messages.markFailed(clientMsgId, failure.code,
                              tr("Not sent: the file is larger than the relay accepts."));
        return;
    case E::BadRequest:
        m_messages.markFailed(clientMsgId, failure.code,
                              tr("Not sent: the relay refused the file: %1").arg(failure.detail));
        return;
    default:
        failSend(clientMsgId, failure.code, failure.detail);
    }
}

void ChatSession::wantThumbnail(const protocol::Message &message)
{
    if (!message.attachment || message.attachment->thumbnailUrl.empty())
        return;
    const QString url = toQString(message.attachment->thumbnailUrl);
    if (m_messages.lacksThumbnail(url))
        m_client.attachments().fetchThumbnail(url);
}

bool ChatSession::retrySend(const QString &clientMsgId)
{
    // The row holds the draft as first sent; the model refuses what cannot be retried.
    if (!m_messages.resend(clientMsgId))
        return false;
    dispatch(m_messages.messageAt(m_messages.rowOfClientMsgId(clientMsgId)));
    return true;
}

void ChatSession::dispatch(const protocol::Message &draft)
{
    const QString clientMsgId = toQString(draft.clientMsgId);
    if (draft.attachment)
        m_client.attachments().upload(roomId(), clientMsgId, m_uploads.value(clientMsgId),
                                      toQString(draft.attachment->name));
    else if (!draft.templateId.empty())
        m_client.sendTemplate(roomId(), clientMsgId, toQString(draft.templateId));
    else
        m_client.sendText(roomId(), clientMsgId, toQString(draft.text));
}

void ChatSession::requestRetranslation(qint64 seq)
{
    m_client.requestRetranslation(roomId(), seq);
}

void ChatSession::requestPreview(const QString &requestId, const QString &text)
{
    m_previews.insert(requestId);
    m_client.requestPreview(roomId(), requestId, text);
}

void ChatSession::setTyping(bool active)
{
    if (active == m_agentTyping || (active && !isActive()))
        return;
    m_agentTyping = active;
    m_client.setTyping(roomId(), active);
}

void ChatSession::markAllRead()
{
    const qint64 last = m_messages.lastSeq();
    if (last > m_agentReadSeq) {
        m_agentReadSeq = last;
        m_client.markRead(roomId(), last);
    }
    recountUnread();
}

bool ChatSession::end()
{
    return isActive() && m_client.end(roomId());
}

bool ChatSession::transfer(const QString &agentId, const QString &note)
{
    return isActive() && !agentId.trimmed().isEmpty() &&
           m_client.transfer(roomId(), agentId.trimmed(), note.trimmed());
}

bool ChatSession::setLanguage(const QString &language)
{
    if (!isActive() || language == patientLanguage() || !m_client.setLanguage(roomId(), language))
        return false;
    m_requestedLanguage = language;
    emit languageRequestChanged();
    return true;
}

void ChatSession::onLanguageChangeFailed(const QString &room, protocol::ErrorCode code,
                                         const QString &detail)
{
    if (room != roomId() || m_requestedLanguage.isEmpty())
        return;
    m_requestedLanguage.clear();
    emit languageRequestChanged();
    using E = protocol::ErrorCode;
    switch (code) {
    case E::RoomEnded:
        emit languageChangeFailed(tr("The language was not changed: the consultation has ended."));
        return;
    case E::Forbidden:
    case E::NotFound:
        emit languageChangeFailed(tr("The language was not changed: this chat is not yours."));
        return;
    case E::UnsupportedLanguage:
        emit languageChangeFailed(
            tr("The language was not changed: the relay does not offer that language."));
        return;
    default:
        emit languageChangeFailed(tr("The language was not changed: %1").arg(detail));
    }
}

void ChatSession::recheckLanguage()
{
    const QString suspected = LanguageMismatch::suspected(m_messages, patientLanguage());
    if (suspected == m_suspectedLanguage)
        return;
    m_suspectedLanguage = suspected;
    emit suspectedLanguageChanged(suspected);
}

void ChatSession::updateRoom(const protocol::Room &room, bool mine)
{
    const qint64 localRead = m_agentReadSeq;
    m_room = room;
    m_messages.setPatientReadSeq(room.patientReadSeq);
    m_agentReadSeq = std::max<qint64>(localRead, room.agentReadSeq);
    if (localRead > room.agentReadSeq && mine && room.status == protocol::RoomStatus::Active)
        m_client.markRead(roomId(), localRead); // read while offline: tell the relay now
    if (room.status == protocol::RoomStatus::Ended)
        setState(State::Ended, tr("The consultation has ended."));
    else if (!mine && room.agent)
        detach(tr("Transferred to %1.").arg(toQString(room.agent->name)));
    else if (mine && room.status == protocol::RoomStatus::Active)
        setState(State::Active, {});
    // Whoever changed the language (the patient too), the request for it is answered.
    if (!m_requestedLanguage.isEmpty() && m_requestedLanguage == patientLanguage()) {
        m_requestedLanguage.clear();
        emit languageRequestChanged();
    }
    recheckLanguage();
    emit roomChanged();
    recountUnread();
}

bool ChatSession::addMessage(const protocol::Message &message)
{
    const bool added = m_messages.addMessage(message);
    if (added && message.sender == protocol::Sender::Patient)
        setPatientTyping(false);
    if (message.attachment && message.seq > 0) // stored, if the frame beat the upload's answer
        m_uploads.remove(toQString(message.clientMsgId));
    wantThumbnail(message);
    recheckLanguage();
    recountUnread();
    return added;
}

void ChatSession::applyTranslation(qint64 seq, const protocol::Translation &translation)
{
    m_messages.applyTranslation(seq, translation);
    recheckLanguage(); // the detected language may come with the translation
}

void ChatSession::acknowledge(const protocol::server::Ack &ack)
{
    m_messages.acknowledge(QString::fromStdString(ack.clientMsgId), ack.seq,
                           QString::fromStdString(ack.msgId));
}

void ChatSession::failSend(const QString &clientMsgId, protocol::ErrorCode code,
                           const QString &detail)
{
    using E = protocol::ErrorCode;
    QString why;
    switch (code) {
    case E::RoomEnded:
        why = tr("Not sent: the consultation has ended.");
        break;
    case E::RateLimited:
        why = tr("Not sent: too many messages at once.");
        break;
    case E::Internal:
        why = tr("Not sent: the relay could not store it.");
        break;
    case E::TooLarge:
        why = tr("Not sent: the message is too long. Shorten it and send it as a new message.");
        break;
    default:
        why = detail.isEmpty() ? tr("Not sent.") : tr("Not sent: %1").arg(detail);
        break;
    }
    m_messages.markFailed(clientMsgId, code, why);
}

void ChatSession::setPatientTyping(bool active)
{
    if (active)
        m_typingExpiry.start();
    else
        m_typingExpiry.stop();
    if (active == m_patientTyping)
        return;
    m_patientTyping = active;
    emit patientTypingChanged(active);
}

void ChatSession::setPatientRead(qint64 seq)
{
    m_room.patientReadSeq = std::max<std::int64_t>(m_room.patientReadSeq, seq);
    m_messages.setPatientReadSeq(seq);
}

void ChatSession::markEnded(const QString &by)
{
    m_room.status = protocol::RoomStatus::Ended;
    setState(State::Ended, by == QLatin1String("patient")
                               ? tr("The patient ended the consultation.")
                               : tr("The consultation has ended."));
    emit roomChanged();
}

void ChatSession::detach(const QString &reason)
{
    setState(State::Detached, reason);
}

bool ChatSession::ownsPreview(const QString &requestId) const
{
    return m_previews.contains(requestId);
}

void ChatSession::deliverPreview(const protocol::server::PreviewResult &result)
{
    m_previews.remove(QString::fromStdString(result.requestId));
    emit previewReady(result);
}

void ChatSession::failPreview(const QString &requestId, const QString &detail)
{
    m_previews.remove(requestId);
    emit previewFailed(requestId, detail);
}

void ChatSession::recountUnread()
{
    const int unread = m_messages.countAfter(m_agentReadSeq, protocol::Sender::Patient);
    if (unread == m_unread)
        return;
    m_unread = unread;
    emit unreadChanged(unread);
}

} // namespace medtranslate::console
