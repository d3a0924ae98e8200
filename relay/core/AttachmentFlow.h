#pragma once

#include "attachments/AttachmentProcessor.h"
#include "core/Identity.h"
#include "medtranslate/protocol/Types.h"

#include <QObject>
#include <functional>
#include <optional>

namespace medtranslate::relay {

class BlobStore;
class MessageFlow;
class RelayMetrics;
class RoomLifecycle;
class RoomRegistry;
class SendBudget;
struct RelayConfig;
struct RoomState;

//! The path of an uploaded file: who may send it where, the file checked and cleaned off the
//! event loop, its bytes (and thumbnail) put in the blob store, then its message stored with
//! the room's next seq and delivered like any message. Nothing is stored when a step refuses.
class AttachmentFlow final : public QObject
{
    Q_OBJECT

public:
    //! An upload's answer: the stored message, or why there is none (HTTP status, code, text).
    struct Outcome
    {
        int status = 500;
        protocol::ErrorCode code = protocol::ErrorCode::Internal;
        QString error;
        std::optional<protocol::Message> message;
        bool duplicate = false; //!< the client_msg_id was stored already: this is that message
    };
    using Done = std::function<void(Outcome)>;

    struct Upload
    {
        QString roomId;
        QString clientMsgId;
        QString name;
        QByteArray bytes;
        QString host; //!< the client's address, for the budgets kept by address
    };

    AttachmentFlow(const RelayConfig &config, RoomRegistry &rooms, RoomLifecycle &lifecycle,
                   MessageFlow &messages, SendBudget &budget, BlobStore &blobs,
                   RelayMetrics &metrics, QObject *parent = nullptr);
    ~AttachmentFlow() override;

    void upload(const Identity &who, Upload upload, QObject *context, Done done);

    [[nodiscard]] BlobStore &blobs() { return m_blobs; }
    //! The relative URL a message carries for an attachment, and for its thumbnail.
    [[nodiscard]] static QString downloadPath(const QString &roomId, const QString &attachmentId);

private:
    //! Why `who` may not send into `room` now, or nothing when they may.
    [[nodiscard]] std::optional<Outcome> refusal(const Identity &who, const RoomState *room) const;
    void stored(const Identity &who, const Upload &upload, ProcessedAttachment file,
                QObject *context, const Done &done);

    RoomRegistry &m_rooms;
    RoomLifecycle &m_lifecycle;
    MessageFlow &m_messages;
    SendBudget &m_budget;
    BlobStore &m_blobs;
    RelayMetrics &m_metrics;
    AttachmentProcessor *m_processor;
};

} // namespace medtranslate::relay
