#include "http/AttachmentRoute.h"

#include "attachments/BlobStore.h"
#include "core/AttachmentFlow.h"
#include "core/ConsultationService.h"
#include "core/RelayMetrics.h"
#include "http/MultipartBody.h"
#include "http/RouteSupport.h"
#include "medtranslate/protocol/Validation.h"
#include "storage/Store.h"

#include <QHttpServer>
#include <QUrl>
#include <QUrlQuery>

namespace medtranslate::relay {

namespace {

using Status = HttpReply::Status;
using protocol::ErrorCode;

//! `Content-Disposition` for a download: always `attachment` (a browser must not render a
//! patient's file in the relay's origin), the name in RFC 5987 form with an ASCII fallback.
QByteArray disposition(const QString &name)
{
    QByteArray ascii;
    for (const QChar c : name)
        ascii += (c.unicode() >= 0x20 && c.unicode() < 0x7F && c != u'"' && c != u'\\')
                     ? char(c.unicode())
                     : '_';
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" +
           QUrl::toPercentEncoding(name);
}

} // namespace

AttachmentRoute::AttachmentRoute(const Caller &caller, ConsultationService &consultations,
                                 Store &store, RelayMetrics &metrics, QObject *context)
    : m_caller(caller), m_consultations(consultations), m_store(store), m_metrics(metrics),
      m_context(context)
{
}

void AttachmentRoute::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/rooms/<arg>/attachments"), QHttpServerRequest::Method::Post,
                 [this](const QString &roomId, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     upload(roomId, request, std::move(responder));
                 });
    server.route(QStringLiteral("/api/rooms/<arg>/attachments/<arg>"),
                 QHttpServerRequest::Method::Get,
                 [this](const QString &roomId, const QString &id, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     download(roomId, id, false, request, std::move(responder));
                 });
    server.route(QStringLiteral("/api/rooms/<arg>/attachments/<arg>/thumbnail"),
                 QHttpServerRequest::Method::Get,
                 [this](const QString &roomId, const QString &id, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     download(roomId, id, true, request, std::move(responder));
                 });
}

void AttachmentRoute::upload(const QString &roomId, const QHttpServerRequest &request,
                             QHttpServerResponder &&responder)
{
    m_metrics.httpRequest();
    auto reply = HttpReply::from(std::move(responder));
    const QUrlQuery query(request.url());
    AttachmentFlow::Upload upload;
    upload.roomId = roomId;
    upload.clientMsgId = query.queryItemValue(QStringLiteral("client_msg_id"), QUrl::FullyDecoded);
    upload.name = query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    const QByteArray contentType = route::header(request, "Content-Type");
    if (MultipartBody::isMultipart(contentType)) {
        QString error;
        const auto parts = MultipartBody::parse(request.body(), contentType, &error);
        if (!parts)
            return reply->error(Status::BadRequest, ErrorCode::BadRequest, error);
        if (!parts->file())
            return reply->error(Status::BadRequest, ErrorCode::BadRequest,
                                QStringLiteral("the multipart body has no file part"));
        upload.bytes = parts->file()->bytes;
        if (upload.name.isEmpty())
            upload.name = parts->file()->fileName;
        if (upload.clientMsgId.isEmpty())
            upload.clientMsgId = parts->field(QStringLiteral("client_msg_id"));
    } else {
        upload.bytes = request.body();
    }
    if (!protocol::isValidId(upload.clientMsgId.toStdString()))
        return reply->error(Status::BadRequest, ErrorCode::BadRequest,
                            QStringLiteral("client_msg_id is missing or invalid (printable, at "
                                           "most 128 bytes)"));
    upload.host = request.remoteAddress().toString();
    m_caller.identify(
        request, true, reply, [this, reply, upload = std::move(upload)](Identity who) mutable {
            m_consultations.attachments().upload(
                who, std::move(upload), m_context, [reply](AttachmentFlow::Outcome out) {
                    if (out.message)
                        return reply->json(protocol::http::AttachmentResponse{*out.message},
                                           out.duplicate ? Status::Ok : Status::Created);
                    HttpReply::Headers headers;
                    if (out.status == 429)
                        headers.emplace_back("Retry-After", "60");
                    reply->error(Status(out.status), out.code, out.error, headers);
                });
        });
}

void AttachmentRoute::download(const QString &roomId, const QString &attachmentId, bool thumbnail,
                               const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    m_metrics.httpRequest();
    auto reply = HttpReply::from(std::move(responder));
    if (!protocol::isValidId(attachmentId.toStdString()))
        return reply->error(Status::NotFound, ErrorCode::NotFound,
                            QStringLiteral("no such attachment"));
    m_caller.readRoom(
        request, true, roomId, reply, QStringLiteral("the file is unavailable now"),
        [this, reply, roomId, attachmentId, thumbnail](Identity, RoomState &) {
            m_store.attachment(
                roomId, attachmentId, m_context,
                [this, reply, thumbnail](Result<std::optional<AttachmentRecord>> found) {
                    if (!found.ok())
                        return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                            QStringLiteral("the file is unavailable now"));
                    if (!found.value() || (thumbnail && found.value()->thumbnailKey.isEmpty()))
                        return reply->error(Status::NotFound, ErrorCode::NotFound,
                                            QStringLiteral("no such attachment"));
                    const AttachmentRecord record = *found.value();
                    const QString key = thumbnail ? record.thumbnailKey : record.blobKey;
                    m_consultations.attachments().blobs().get(
                        key, m_context,
                        [reply, record, thumbnail](std::optional<QByteArray> bytes, QString error) {
                            if (!error.isEmpty() || !bytes)
                                return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                                    error.isEmpty()
                                                        ? QStringLiteral("the file is missing from "
                                                                         "the store")
                                                        : QStringLiteral("the file is unavailable "
                                                                         "now"));
                            const QString name =
                                thumbnail ? QStringLiteral("thumbnail-") + record.name + ".jpg"
                                          : record.name;
                            reply->bytes(
                                *bytes,
                                thumbnail ? QByteArray("image/jpeg") : record.contentType.toUtf8(),
                                Status::Ok,
                                {{"Content-Disposition", disposition(name)},
                                 {"Cache-Control", "private, max-age=86400"},
                                 {"Content-Security-Policy", "default-src 'none'; sandbox"}});
                        });
                });
        });
}

} // namespace medtranslate::relay
