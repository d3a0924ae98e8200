#pragma once

#include "client/AttachmentTransfer.h"
#include "client/ConsoleTypes.h"
#include "client/MessageListModel.h"
#include "client/OutgoingFile.h"
#include "medtranslate/protocol/ServerFrames.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace medtranslate::console {

class RelayClient;

//! One consultation this agent holds: the room as the relay last described it, its messages,
//! what the patient is doing (typing, read up to) and what the agent has read. Its request
//! methods are what the chat's widgets call; they go out through the RelayClient.
class ChatSession final : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Active,
        Ended,    //!< ended by either side; read only
        Detached, //!< transferred to another agent or no longer assigned; read only
    };
    Q_ENUM(State)

    ChatSession(RelayClient &client, const protocol::Room &room, QObject *parent = nullptr);

    [[nodiscard]] QString roomId() const { return toQString(m_room.roomId); }
    [[nodiscard]] QString patientLanguage() const { return toQString(m_room.patientLanguage); }
    [[nodiscard]] const protocol::Room &room() const { return m_room; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isActive() const { return m_state == State::Active; }
    //! Why the chat is read only, in the agent's words.
    [[nodiscard]] QString closedReason() const { return m_closedReason; }
    [[nodiscard]] MessageListModel *messages() { return &m_messages; }
    [[nodiscard]] const MessageListModel *messages() const { return &m_messages; }
    [[nodiscard]] int unreadCount() const { return m_unread; }
    [[nodiscard]] bool isPatientTyping() const { return m_patientTyping; }

    // What the agent does.
    void sendText(const QString &clientMsgId, const QString &text);
    void sendTemplate(const QString &clientMsgId, const QuickReply &reply);
    //! Uploads a file already read and checked: shown at once with its progress, stored when
    //! the relay answers. The bytes are kept until then, so a failed upload can go again.
    void sendAttachment(const QString &clientMsgId, const OutgoingFile &file);
    //! Uploads not yet stored.
    [[nodiscard]] int pendingUploads() const { return int(m_uploads.size()); }
    //! Sends a message the relay refused once more, with the same client_msg_id and the same
    //! text or template, so the relay stores it at most once. Returns false (nothing sent)
    //! unless the message offers a retry: see MessageListModel::Retry.
    bool retrySend(const QString &clientMsgId);
    void requestPreview(const QString &requestId, const QString &text);
    //! "Translate again" for a message left untranslated.
    void requestRetranslation(qint64 seq);
    void setTyping(bool active);
    //! The agent has seen the chat: clears the unread badge and tells the relay.
    void markAllRead();
    bool end();
    bool transfer(const QString &agentId, const QString &note = {});
    //! Corrects the room's patient language; the room frame in it is the answer, a refusal
    //! languageChangeFailed. False (nothing sent) when the chat is read only, the language is
    //! already the room's, or there is no connection.
    bool setLanguage(const QString &language);
    //! The language asked for and not yet answered; empty when none.
    [[nodiscard]] QString requestedLanguage() const { return m_requestedLanguage; }
    //! What the patient seems to write instead of the room's language (LanguageMismatch);
    //! empty when nothing says so.
    [[nodiscard]] QString suspectedLanguage() const { return m_suspectedLanguage; }
    //! The connection this chat talks through (for directory lookups such as colleagues).
    [[nodiscard]] RelayClient &client() const { return m_client; }

    // What the relay says (through the ChatRegistry).
    void updateRoom(const protocol::Room &room, bool mine);
    //! True when the message is new to the chat.
    bool addMessage(const protocol::Message &message);
    void applyTranslation(qint64 seq, const protocol::Translation &translation);
    void acknowledge(const protocol::server::Ack &ack);
    //! The relay refused a message; `detail` is its own words, used when there are no better.
    void failSend(const QString &clientMsgId, protocol::ErrorCode code, const QString &detail);
    void setPatientTyping(bool active);
    void setPatientRead(qint64 seq);
    void markEnded(const QString &by);
    void detach(const QString &reason);
    [[nodiscard]] bool ownsPreview(const QString &requestId) const;
    void deliverPreview(const protocol::server::PreviewResult &result);
    void failPreview(const QString &requestId, const QString &detail);

signals:
    void roomChanged();
    void stateChanged(medtranslate::console::ChatSession::State state);
    void unreadChanged(int count);
    void patientTypingChanged(bool typing);
    void previewReady(const medtranslate::protocol::server::PreviewResult &result);
    void previewFailed(const QString &requestId, const QString &detail);
    void suspectedLanguageChanged(const QString &language);
    //! A correction was sent, answered or refused: requestedLanguage() changed.
    void languageRequestChanged();
    //! Why the correction did not happen, in the agent's words.
    void languageChangeFailed(const QString &reason);

private:
    void setState(State state, const QString &reason);
    void recountUnread();
    void recheckLanguage();
    void onLanguageChangeFailed(const QString &roomId, protocol::ErrorCode code,
                                const QString &detail);
    //! Hands a draft (new or failed) to the RelayClient: by template id, or as text; a file
    //! goes to the AttachmentTransfer.
    void dispatch(const protocol::Message &draft);
    [[nodiscard]] protocol::Message draftFor(const QString &clientMsgId) const;
    void onUploaded(const QString &clientMsgId, const protocol::Message &message);
    void onUploadFailed(const QString &clientMsgId, const AttachmentTransfer::Failure &failure);
    //! Asks for the thumbnail of an attachment the list shows without one.
    void wantThumbnail(const protocol::Message &message);

    RelayClient &m_client;
    protocol::Room m_room;
    MessageListModel m_messages;
    State m_state = State::Active;
    QString m_closedReason;
    qint64 m_agentReadSeq = 0;
    int m_unread = 0;
    bool m_patientTyping = false;
    bool m_agentTyping = false;
    QTimer m_typingExpiry; //!< a lost "typing stopped" must not leave the indicator on
    QSet<QString> m_previews;
    QString m_requestedLanguage;
    QString m_suspectedLanguage;
    QHash<QString, QByteArray> m_uploads; //!< bytes by client_msg_id, until stored
};

} // namespace medtranslate::console
