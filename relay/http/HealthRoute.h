#pragma once

#include <QString>
#include <QtGlobal>

class QHttpServer;
class QObject;

namespace medtranslate::relay {

class RelayMetrics;
class Store;
class Translator;

//! `GET /health`: 200 while the database answers a query and takes writes, else 503
//! `{"status":"degraded"}`. While it serves it may still be "degraded" (200, with `reasons`):
//! the database answered slower than `dbSlowMs` (this query, or the last group commit in the
//! past minute), or translations are failing (Translator::failing). The details (providers,
//! uptime, the database's error) are for operators: on the admin address, or with the token.
class HealthRoute final
{
public:
    HealthRoute(Store &store, const Translator &translator, RelayMetrics &metrics, int dbSlowMs,
                QObject *context);
    //! `adminToken`: empty on the admin address (everyone there is an operator); on the main
    //! port the token that shows the details (none set: nobody sees them there).
    void registerOn(QHttpServer &server, bool adminAddress, const QString &adminToken);

private:
    Store &m_store;
    const Translator &m_translator;
    RelayMetrics &m_metrics;
    int m_dbSlowMs;
    QObject *m_context;
    qint64 m_startedAt;
};

} // namespace medtranslate::relay
