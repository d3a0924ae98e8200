#include "http/HealthRoute.h"

#include "core/RelayMetrics.h"
#include "http/HttpReply.h"
#include "http/RouteSupport.h"
#include "storage/Store.h"
#include "translation/Translator.h"

#include <QAbstractEventDispatcher>
#include <QDateTime>
#include <QHttpServer>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

HealthRoute::HealthRoute(Store &store, const Translator &translator, RelayMetrics &metrics,
                         QObject *context)
    : m_store(store), m_translator(translator), m_metrics(metrics), m_context(context),
      m_startedAt(QDateTime::currentSecsSinceEpoch())
{
}

void HealthRoute::registerOn(QHttpServer &server, bool adminAddress, const QString &adminToken)
{
    server.route(
        QStringLiteral("/health"), QHttpServerRequest::Method::Get,
        [this, adminAddress, adminToken](const QHttpServerRequest &request,
                                         QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            const bool detailed = adminAddress || route::isAdmin(request, adminToken);
            // "Can store" means the database answers a query now.
            m_store.ping(m_context, [this, reply, detailed](Result<void> result) {
                if (!detailed) {
                    reply->json(nlohmann::json{{"status", result.ok() ? "ok" : "degraded"}},
                                result.ok() ? HttpReply::Status::Ok
                                            : HttpReply::Status::ServiceUnavailable);
                    return;
                }
                protocol::http::HealthResponse body;
                body.status = result.ok() ? "ok" : "degraded";
                body.database = result.ok() ? "ok" : result.error().message.toStdString();
                body.translation = m_translator.describe().toStdString();
                body.uptimeSeconds = QDateTime::currentSecsSinceEpoch() - m_startedAt;
                // QEventDispatcherUNIX scales with connections; GLib's does not.
                body.eventLoop = QAbstractEventDispatcher::instance()->metaObject()->className();
                reply->json(body, result.ok() ? HttpReply::Status::Ok
                                              : HttpReply::Status::ServiceUnavailable);
            });
        });
}

} // namespace medtranslate::relay
