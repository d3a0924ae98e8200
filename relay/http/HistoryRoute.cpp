#include "http/HistoryRoute.h"

#include "core/RelayMetrics.h"
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
    m_caller.readRoom(
        request, true, roomId, reply, QStringLiteral("history is unavailable now"),
        [this, reply, roomId, after, limit](Identity, RoomState &) {
            using Page = std::vector<protocol::Message>;
            m_store.messagesAfter(
                roomId, after, limit, m_context, [reply](relay::Result<Page> page) {
                    if (!page.ok())
                        return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                            QStringLiteral("history is unavailable now"));
                    reply->json(protocol::http::HistoryResponse{std::move(page).value()});
                });
        });
}

} // namespace medtranslate::relay
