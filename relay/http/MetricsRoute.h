#pragma once

#include <QString>

class QHttpServer;

namespace medtranslate::relay {

class RelayMetrics;
class Store;
class Translator;
class WebhookDispatcher;

//! `GET /metrics`: Prometheus text for operators, the store's and translator's counters too.
class MetricsRoute final
{
public:
    MetricsRoute(const Store &store, const Translator &translator, RelayMetrics &metrics);
    //! Served to everyone on the admin address; on the main port only with `adminToken`.
    void registerOn(QHttpServer &server, bool adminAddress, const QString &adminToken);
    //! The webhook series come from here once webhooks are on (zeros until then).
    void setWebhooks(const WebhookDispatcher *webhooks) { m_webhooks = webhooks; }

private:
    const Store &m_store;
    const Translator &m_translator;
    RelayMetrics &m_metrics;
    const WebhookDispatcher *m_webhooks = nullptr;
};

} // namespace medtranslate::relay
