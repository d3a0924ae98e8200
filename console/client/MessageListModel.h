#pragma once

#include "medtranslate/protocol/Types.h"

#include <QAbstractListModel>
#include <QImage>
#include <QString>
#include <vector>

namespace medtranslate::console {

//! The messages of one chat, in seq order, each once. Messages the agent sent and the relay
//! has not stored yet stay at the end as local rows until their `ack` gives them a seq; the
//! stored `message` then replaces them, so a message never shows twice. A row the relay refused
//! keeps everything needed to send it again (room, client_msg_id, text or template id): the
//! model is the one place a failed message lives.
class MessageListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        SeqRole = Qt::UserRole + 1,
        MsgIdRole,
        ClientMsgIdRole,
        SenderRole, //!< int of protocol::Sender
        SenderNameRole,
        TextRole,            //!< what the sender wrote
        LangRole,            //!< the language the sender wrote in
        TranslationTextRole, //!< for the other side; the original when unavailable
        TranslationLangRole,
        TranslationStatusRole, //!< int of protocol::TranslationStatus
        TranslationSourceLangRole,
        WarningsRole,       //!< QStringList, wire form
        WarningDetailsRole, //!< std::vector<TranslationWarning>: details, else the strings read
        ProviderRole,
        CreatedAtRole, //!< QDateTime, UTC
        EventRole,
        TemplateIdRole,
        DeliveryRole,      //!< int of Delivery
        ErrorRole,         //!< why a send failed
        ReadByPatientRole, //!< an agent message the patient has read
        RetryRole,         //!< int of Retry
        IsAttachmentRole,  //!< a file (kind "attachment"), not text
        AttachmentNameRole,
        AttachmentTypeRole, //!< MIME type, by content
        AttachmentSizeRole, //!< qint64 bytes
        AttachmentUrlRole,  //!< download, with the agent's token
        ThumbnailUrlRole,
        ThumbnailRole,      //!< QImage: fetched, or the local preview while uploading; may be null
        UploadProgressRole, //!< double 0…1 while an upload is under way, else -1
    };
    Q_ENUM(Roles)

    enum class Delivery {
        Sending, //!< local: waiting for the relay's ack
        Stored,  //!< the relay has it
        Failed,  //!< the relay refused it
    };
    Q_ENUM(Delivery)

    //! Whether a failed message can be sent again, and if not, why.
    enum class Retry {
        None,        //!< not a failed message
        Offered,     //!< sending it again unchanged can succeed (database, rate limit...)
        ChatClosed,  //!< the chat is read only: ended, or no longer this agent's
        NeedsChange, //!< the relay would refuse it again as it is (too long, malformed...)
    };
    Q_ENUM(Retry)

    explicit MessageListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    //! A stored message from the relay (live or history). Returns true when it is new to the
    //! chat, false when it only refreshed a row already there.
    bool addMessage(const protocol::Message &message);
    //! A message the agent just sent, shown at once. Needs a client_msg_id. `preview` is the
    //! picture of a file being uploaded, shown until the relay's thumbnail replaces it.
    void addPending(const protocol::Message &draft, const QImage &preview = {});
    //! How much of a pending upload has gone.
    void setUploadProgress(const QString &clientMsgId, qint64 sent, qint64 total);
    //! A thumbnail arrived: every row showing `thumbnailUrl` gets it.
    void setThumbnail(const QString &thumbnailUrl, const QImage &image);
    //! True when a row shows the attachment behind `thumbnailUrl` without its picture.
    [[nodiscard]] bool lacksThumbnail(const QString &thumbnailUrl) const;
    void acknowledge(const QString &clientMsgId, qint64 seq, const QString &msgId);
    //! The relay refused the message: `error` is the reason in the agent's words.
    void markFailed(const QString &clientMsgId, protocol::ErrorCode code, const QString &error);
    //! A failed message goes out again with the same client_msg_id: back to Sending. Returns
    //! false, changing nothing, unless its Retry is Offered.
    bool resend(const QString &clientMsgId);
    //! Whether the agent may still write in this chat; failed rows offer a retry only then.
    void setChatOpen(bool open);
    //! A `translation` frame: the final translation of a message sent as pending.
    bool applyTranslation(qint64 seq, const protocol::Translation &translation);
    //! The patient has read everything up to `seq`.
    void setPatientReadSeq(qint64 seq);

    [[nodiscard]] qint64 patientReadSeq() const { return m_patientReadSeq; }
    [[nodiscard]] qint64 lastSeq() const;
    [[nodiscard]] int rowOfSeq(qint64 seq) const;
    [[nodiscard]] int rowOfClientMsgId(const QString &clientMsgId) const;
    [[nodiscard]] const protocol::Message &messageAt(int row) const { return m_items[row].message; }
    [[nodiscard]] Delivery deliveryAt(int row) const { return m_items[row].delivery; }
    [[nodiscard]] Retry retryAt(int row) const;
    //! Errors after which the very same frame may be accepted later.
    [[nodiscard]] static bool canSucceedUnchanged(protocol::ErrorCode code);
    //! Messages from `sender` with a seq above `seq`.
    [[nodiscard]] int countAfter(qint64 seq, protocol::Sender sender) const;

private:
    struct Item
    {
        protocol::Message message;
        Delivery delivery = Delivery::Stored;
        QString error;
        protocol::ErrorCode errorCode = protocol::ErrorCode::Internal; //!< while Failed
        QImage thumbnail;
        double progress = -1; //!< of an upload under way
    };

    //! Where a stored seq belongs: after every stored row with a smaller seq, before local rows.
    [[nodiscard]] int insertionRow(qint64 seq) const;
    void insertItem(Item item);
    void removeRow(int row);
    void changed(int row);

    std::vector<Item> m_items;
    qint64 m_patientReadSeq = 0;
    bool m_chatOpen = true;
};

} // namespace medtranslate::console
