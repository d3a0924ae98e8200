#include "http/MetricsRoute.h"

#include "core/RelayMetrics.h"
#include "http/HttpReply.h"
#include "storage/Store.h"
#include "translation/Translator.h"

#include <QHttpServer>

namespace medtranslate::relay {

MetricsRoute::MetricsRoute(const Store &store, const Translator &translator, RelayMetrics &metrics)
    : m_store(store), m_translator(translator), m_metrics(metrics)
{
}

void MetricsRoute::registerOn(QHttpServer &server)
{
    server.route(
        QStringLiteral("/metrics"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
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
            reply->bytes(m_metrics.toPrometheus(store + m_translator.metricsText()).toUtf8(),
                         "text/plain; version=0.0.4; charset=utf-8");
        });
}

} // namespace medtranslate::relay
