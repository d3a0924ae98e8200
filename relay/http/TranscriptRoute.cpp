#include "http/TranscriptRoute.h"

#include "core/RelayMetrics.h"
#include "http/RouteSupport.h"
#include "records/TranscriptLoader.h"
#include "storage/Store.h"
#include "transcript/TranscriptJson.h"

#include <QDateTime>
#include <QHttpServer>

namespace medtranslate::relay {

namespace {

using Status = HttpReply::Status;
using protocol::ErrorCode;

} // namespace

TranscriptRoute::TranscriptRoute(const Caller &caller, Store &store, RelayMetrics &metrics,
                                 QObject *context)
    : m_caller(caller), m_store(store), m_metrics(metrics), m_context(context)
{
}

void TranscriptRoute::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/rooms/<arg>/transcript"), QHttpServerRequest::Method::Get,
                 [this](const QString &roomId, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     transcript(roomId, request, std::move(responder));
                 });
}

void TranscriptRoute::transcript(const QString &roomId, const QHttpServerRequest &request,
                                 QHttpServerResponder &&responder)
{
    m_metrics.httpRequest();
    auto reply = HttpReply::from(std::move(responder));
    const QString origin = request.remoteAddress().toString();
    // Agents only: a patient's room token is no credential here (401).
    m_caller.readRoom(
        request, false, roomId, reply, QStringLiteral("the transcript is unavailable now"),
        [this, reply, roomId, origin](Identity who, RoomState &) {
            auto *loader = new TranscriptLoader(m_store, m_context);
            QObject::connect(loader, &TranscriptLoader::failed, loader,
                             [reply, loader](const QString &) {
                                 loader->deleteLater();
                                 reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                              QStringLiteral("the transcript is unavailable now"));
                             });
            QObject::connect(
                loader, &TranscriptLoader::loaded, loader,
                [this, reply, loader, who, roomId,
                 origin](const std::vector<Transcript> &transcripts) {
                    loader->deleteLater();
                    const QByteArray body =
                        TranscriptJson::write(transcripts, QDateTime::currentDateTimeUtc());
                    qsizetype messages = 0;
                    for (const Transcript &t : transcripts)
                        messages += qsizetype(t.messages.size());
                    AuditEntry entry;
                    entry.actor = QStringLiteral("agent:") + who.agent.username;
                    entry.action = QStringLiteral("export");
                    entry.target = roomId;
                    entry.detail =
                        QStringLiteral("transcript to the console, %1 messages").arg(messages);
                    entry.origin = origin;
                    // The record is handed out only once the log says who took it.
                    m_store.appendAudit(
                        std::move(entry), m_context, [reply, body](Result<void> logged) {
                            if (!logged.ok())
                                return reply->error(
                                    Status::ServiceUnavailable, ErrorCode::Internal,
                                    QStringLiteral("the export could not be logged"));
                            reply->bytes(body, "application/json");
                        });
                });
            loader->loadRoom(roomId);
        });
}

} // namespace medtranslate::relay
