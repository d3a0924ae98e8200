#include "http/MetricsRoute.h"

#include "core/RelayMetrics.h"
#include "hooks/WebhookDispatcher.h"
#include "http/HttpReply.h"
#include "http/RouteSupport.h"
#include "storage/Store.h"
#include "translation/Translator.h"

#include <QHttpServer>

namespace medtranslate::relay {

MetricsRoute::MetricsRoute(const Store &store, const Translator &translator, RelayMetrics &metrics)
    : m_store(store), m_translator(translator), m_metrics(metrics)
{
}

void MetricsRoute::registerOn(QHttpServer &server, bool adminAddress, const QString &adminToken)
{
    server.route(
        QStringLiteral("/metrics"), QHttpServerRequest::Method::Get,
        [this, adminAddress, adminToken](const QHttpServerRequest &request,
                                         QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            if (!adminAddress && !route::isAdmin(request, adminToken))
                return reply->error(HttpReply::Status::NotFound, protocol::ErrorCode::NotFound,
                                    QStringLiteral("metrics are served on the admin address "
                                                   "(--admin-listen) or with the admin token"));
            const QString store =
                QStringLiteral(
                    "# HELP medtranslate_store_batches_total Transactions that stored messages.\n"
                    "# TYPE medtranslate_store_batches_total "
                    "counter\nmedtranslate_store_batches_total %1\n"
                    "# HELP medtranslate_store_failures_total Store operations the database "
                    "refused.\n"
                    "# TYPE medtranslate_store_failures_total "
                    "counter\nmedtranslate_store_failures_total %2\n")
                    .arg(m_store.committedBatches())
                    .arg(m_store.failedWrites());
            reply->bytes(m_metrics
                             .toPrometheus(store + m_translator.metricsText() +
                                           WebhookDispatcher::metricsText(m_webhooks))
                             .toUtf8(),
                         "text/plain; version=0.0.4; charset=utf-8");
        });
}

} // namespace medtranslate::relay
