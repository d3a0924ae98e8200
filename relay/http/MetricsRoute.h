#pragma once

class QHttpServer;

namespace medtranslate::relay {

class RelayMetrics;
class Store;
class Translator;

//! `GET /metrics`: Prometheus text for operators, the store's and translator's counters too.
class MetricsRoute final
{
public:
    MetricsRoute(const Store &store, const Translator &translator, RelayMetrics &metrics);
    void registerOn(QHttpServer &server);

private:
    const Store &m_store;
    const Translator &m_translator;
    RelayMetrics &m_metrics;
};

} // namespace medtranslate::relay
