#pragma once

#include <QtGlobal>

class QHttpServer;
class QObject;

namespace medtranslate::relay {

class RelayMetrics;
class Store;
class Translator;

//! `GET /health`: 200 while the database answers a query and takes writes, else 503 with
//! the reason.
class HealthRoute final
{
public:
    HealthRoute(Store &store, const Translator &translator, RelayMetrics &metrics,
                QObject *context);
    void registerOn(QHttpServer &server);

private:
    Store &m_store;
    const Translator &m_translator;
    RelayMetrics &m_metrics;
    QObject *m_context;
    qint64 m_startedAt;
};

} // namespace medtranslate::relay
