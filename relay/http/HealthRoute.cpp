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
            // "Can store" means the database answers a query now and did not refuse the last
            // write (a full disk still answers reads).
            m_store.ping(m_context, [this, reply, detailed](Result<void> result) {
                const std::optional<StoreFailure> writeFailure = m_store.writeFailure();
                const bool ok = result.ok() && !writeFailure;
                const auto status =
                    ok ? HttpReply::Status::Ok : HttpReply::Status::ServiceUnavailable;
                if (!detailed)
                    return reply->json(nlohmann::json{{"status", ok ? "ok" : "degraded"}}, status);
                protocol::http::HealthResponse body;
                body.status = ok ? "ok" : "degraded";
                if (!result.ok())
                    body.database = result.error().message.toStdString();
                else if (writeFailure)
                    body.database = "writes fail: " + writeFailure->message.toStdString();
                else
                    body.database = "ok";
                body.translation = m_translator.describe().toStdString();
                body.uptimeSeconds = QDateTime::currentSecsSinceEpoch() - m_startedAt;
                // QEventDispatcherUNIX scales with connections; GLib's does not.
                body.eventLoop = QAbstractEventDispatcher::instance()->metaObject()->className();
                reply->json(body, status);
            });
        });
}

} // namespace medtranslate::relay
