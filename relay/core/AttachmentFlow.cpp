#include "core/AttachmentFlow.h"

#include "attachments/BlobStore.h"
#include "config/RelayConfig.h"
#include "core/MessageFlow.h"
#include "core/RelayMetrics.h"
#include "core/RoomLifecycle.h"
#include "core/RoomRegistry.h"
#include "core/SendBudget.h"
#include "core/StdString.h"
#include "medtranslate/Language.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QUuid>
#include <memory>

Q_LOGGING_CATEGORY(lcAttachments, "medtranslate.attachments")

namespace medtranslate::relay {

using protocol::ErrorCode;
using protocol::Role;
using protocol::RoomStatus;

namespace {

AttachmentFlow::Outcome refused(int status, ErrorCode code, QString message)
{
    AttachmentFlow::Outcome out;
    out.status = status;
    out.code = code;
    out.error = std::move(message);
    return out;
}

AttachmentFlow::Outcome storageFailed()
{
    return refused(503, ErrorCode::Internal,
                   QStringLiteral("the file could not be stored; send it again with the same "
                                  "client_msg_id"));
}

} // namespace

AttachmentFlow::AttachmentFlow(const RelayConfig &config, RoomRegistry &rooms,
                               RoomLifecycle &lifecycle, MessageFlow &messages, SendBudget &budget,
                               BlobStore &blobs, RelayMetrics &metrics, QObject *parent)
    : QObject(parent), m_rooms(rooms), m_lifecycle(lifecycle), m_messages(messages),
      m_budget(budget), m_blobs(blobs), m_metrics(metrics),
      m_processor(new AttachmentProcessor(config.attachments, this))
{
}

AttachmentFlow::~AttachmentFlow() = default;

QString AttachmentFlow::downloadPath(const QString &roomId, const QString &attachmentId)
{
    return QStringLiteral("/api/rooms/%1/attachments/%2").arg(roomId, attachmentId);
}

std::optional<AttachmentFlow::Outcome> AttachmentFlow::refusal(const Identity &who,
                                                               const RoomState *room) const
{
    if (!room)
        return refused(404, ErrorCode::NotFound, QStringLiteral("no such room"));
    const QString roomId = qs(room->room.roomId);
    if (who.role == Role::Patient && who.roomId != roomId)
        return refused(403, ErrorCode::Forbidden,
                       QStringLiteral("this token is not for that room"));
    if (room->room.status == RoomStatus::Ended)
        return refused(409, ErrorCode::RoomEnded, QStringLiteral("the consultation has ended"));
    if (who.role == Role::Agent && who.agent.role != QLatin1String("admin")) {
        const bool mine = room->room.agent && qs(room->room.agent->id) == who.agent.id;
        if (!mine)
            return refused(403, ErrorCode::Forbidden,
                           room->room.status == RoomStatus::Waiting
                               ? QStringLiteral("accept the room first")
                               : QStringLiteral("the room is assigned to another agent"));
    }
    return std::nullopt;
}

void AttachmentFlow::upload(const Identity &who, Upload upload, QObject *context, Done done)
{
    QPointer<QObject> guard(context);
    auto answer = [this, guard, done = std::move(done)](Outcome outcome) {
        m_metrics.attachmentUpload(
            outcome.message
                ? (outcome.duplicate ? QStringLiteral("duplicate") : QStringLiteral("stored"))
                : QString::number(outcome.status),
            outcome.message && !outcome.duplicate
                ? outcome.message->attachment.value_or(protocol::Attachment{}).size
                : 0);
        if (guard)
            done(std::move(outcome));
    };
    const QString roomId = upload.roomId;
    m_lifecycle.withRoom(
        roomId, this,
        [this, who, upload = std::move(upload), answer](RoomState *room, QString error) mutable {
            if (!error.isEmpty())
                return answer(storageFailed());
            if (auto no = refusal(who, room))
                return answer(std::move(*no));
            // Charged like a text message, before the work: nothing machine-translated.
            const QString host = m_budget.limitsAddresses() ? upload.host : QString();
            if (const auto limited = m_budget.charge(room->room.roomId, who.role, host, 0)) {
                m_metrics.rateLimited(limited->scope);
                auto out = refused(429, ErrorCode::RateLimited,
                                   QStringLiteral("too many messages in this consultation; send "
                                                  "it again in %1 s")
                                       .arg((limited->retryAfterMs + 999) / 1000));
                return answer(std::move(out));
            }
            QByteArray bytes = std::move(upload.bytes);
            const QString name = upload.name;
            m_processor->processAsync(
                std::move(bytes), name, this,
                [this, who, upload = std::move(upload),
                 answer](AttachmentProcessor::Outcome processed) mutable {
                    if (auto *no = std::get_if<AttachmentRefusal>(&processed)) {
                        const ErrorCode code =
                            no->status == 413 ? ErrorCode::TooLarge : ErrorCode::BadRequest;
                        return answer(refused(no->status, code, no->message));
                    }
                    stored(who, upload, std::get<ProcessedAttachment>(std::move(processed)), this,
                           answer);
                });
        });
}

void AttachmentFlow::stored(const Identity &who, const Upload &upload, ProcessedAttachment file,
                            QObject *context, const Done &done)
{
    // The file first, then its thumbnail, then the message: a message never names an object
    // that is not there. An object stored for a message that then fails is the same object
    // the client's retry stores again (its key is its content).
    auto shared = std::make_shared<ProcessedAttachment>(std::move(file));
    auto finish = [this, who, upload, shared, done]() {
        RoomState *room = m_rooms.find(upload.roomId);
        // The room may have ended, or moved to another agent, while the file was checked.
        if (auto no = refusal(who, room))
            return done(std::move(*no));
        const bool fromPatient = who.role == Role::Patient;
        const std::string patientLang = room->room.patientLanguage;
        protocol::Attachment a;
        a.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        a.name = shared->name.toStdString();
        a.type = shared->type.mime.toStdString();
        a.size = shared->bytes.size();
        a.sha256 = shared->sha256.toStdString();
        a.url = downloadPath(upload.roomId, qs(a.id)).toStdString();
        a.width = shared->width;
        a.height = shared->height;
        if (!shared->thumbnailSha256.isEmpty())
            a.thumbnailUrl = a.url + "/thumbnail";
        NewMessage item;
        protocol::Message &m = item.message;
        m.roomId = upload.roomId.toStdString();
        m.clientMsgId = upload.clientMsgId.toStdString();
        m.sender = fromPatient ? protocol::Sender::Patient : protocol::Sender::Agent;
        if (!fromPatient)
            m.senderName = who.agent.displayName.toStdString();
        m.text = a.name;
        m.lang = fromPatient ? patientLang : std::string(kAgentLanguage);
        // A name is not translated: the other side sees it as it is, and says so.
        m.translation.text = a.name;
        m.translation.lang = fromPatient ? std::string(kAgentLanguage) : patientLang;
        m.translation.status = protocol::TranslationStatus::Vetted;
        m.translation.provider = "attachment";
        m.attachment = std::move(a);
        item.blobKey = shared->sha256;
        item.thumbnailKey = shared->thumbnailSha256;
        m_messages.storeAttachment(std::move(item), [done](Result<AppendResult> result) {
            if (!result.ok()) {
                qCWarning(lcAttachments)
                    << "attachment message not stored:" << result.error().message;
                return done(storageFailed());
            }
            Outcome out;
            out.status = result.value().duplicate ? 200 : 201;
            out.code = ErrorCode::Internal;
            out.duplicate = result.value().duplicate;
            out.message = std::move(result.value().message);
            done(std::move(out));
        });
    };
    m_blobs.put(shared->sha256, shared->bytes, shared->type.mime, context,
                [this, shared, finish, done, context](QString error) {
                    if (!error.isEmpty()) {
                        qCWarning(lcAttachments) << "attachment not stored:" << error;
                        return done(storageFailed());
                    }
                    if (shared->thumbnail.isEmpty())
                        return finish();
                    m_blobs.put(
                        shared->thumbnailSha256, shared->thumbnail, QStringLiteral("image/jpeg"),
                        context, [finish, done](QString thumbError) {
                            if (!thumbError.isEmpty()) {
                                qCWarning(lcAttachments) << "thumbnail not stored:" << thumbError;
                                return done(storageFailed());
                            }
                            finish();
                        });
                });
}

} // namespace medtranslate::relay
