#include "http/HistoryRoute.h"

#include "core/RelayMetrics.h"
#include "core/RoomRegistry.h"
#include "http/RouteSupport.h"
#include "storage/Store.h"

#include <QHttpServer>
#include <QUrlQuery>

namespace medtranslate::relay {

namespace {

using Status = HttpReply::Status;
using protocol::ErrorCode;
constexpr int kMaxHistoryPage = 1000;

} // namespace

HistoryRoute::HistoryRoute(const Caller &caller, Store &store, RelayMetrics &metrics,
                           QObject *context)
    : m_caller(caller), m_store(store), m_metrics(metrics), m_context(context)
{
}

void HistoryRoute::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/rooms/<arg>/messages"), QHttpServerRequest::Method::Get,
                 [this](const QString &roomId, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) {
                     history(roomId, request, std::move(responder));
                 });
}

void HistoryRoute::history(const QString &roomId, const QHttpServerRequest &request,
                           QHttpServerResponder &&responder)
{
    m_metrics.httpRequest();
    auto reply = HttpReply::from(std::move(responder));
    const QUrlQuery query(request.url());
    bool ok = true;
    const qint64 after = query.hasQueryItem(QStringLiteral("after_seq"))
                             ? query.queryItemValue(QStringLiteral("after_seq")).toLongLong(&ok)
                             : 0;
    int limit = kMaxHistoryPage;
    if (ok && query.hasQueryItem(QStringLiteral("limit")))
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || after < 0 || limit < 1 || limit > kMaxHistoryPage)
        return reply->error(Status::BadRequest, ErrorCode::BadRequest,
                            QStringLiteral("after_seq must be >= 0 and limit 1..1000"));
    const QString origin = request.remoteAddress().toString();
    m_caller.readRoom(
        request, true, roomId, reply, QStringLiteral("history is unavailable now"),
        [this, reply, roomId, after, limit, origin](Identity who, RoomState &room) {
            using Page = std::vector<protocol::Message>;
            // A colleague's past consultation (opened from the search) is logged like an
            // export: it is patient data read by someone who did not hold the conversation.
            const bool othersRecord =
                who.role == protocol::Role::Agent &&
                room.room.status == protocol::RoomStatus::Ended &&
                !(room.room.agent && QString::fromStdString(room.room.agent->id) == who.agent.id);
            std::optional<AuditEntry> entry;
            if (othersRecord) {
                entry.emplace();
                entry->actor = QStringLiteral("agent:") + who.agent.username;
                entry->action = QStringLiteral("read");
                entry->target = roomId;
                entry->origin = origin;
            }
            m_store.messagesAfter(
                roomId, after, limit, m_context,
                [this, reply, entry, after](relay::Result<Page> page) mutable {
                    if (!page.ok())
                        return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                            QStringLiteral("history is unavailable now"));
                    protocol::http::HistoryResponse body{std::move(page).value()};
                    if (!entry)
                        return reply->json(body);
                    entry->detail = QStringLiteral("history after seq %1, %2 messages")
                                        .arg(after)
                                        .arg(body.messages.size());
                    const nlohmann::json json = body;
                    m_store.appendAudit(
                        std::move(*entry), m_context, [reply, json](Result<void> logged) {
                            if (!logged.ok())
                                return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                                    QStringLiteral("the read could not be logged"));
                            reply->json(json);
                        });
                });
        });
}

} // namespace medtranslate::relay
