#pragma once

#include <QString>
#include <QtGlobal>

class QHttpServer;
class QObject;

namespace medtranslate::relay {

class RelayMetrics;
class Store;
class Translator;

//! `GET /health`: 200 while the database answers a query and takes writes, else 503. The
//! details (the reason, providers, uptime) are for operators: on the admin address, or with
//! the admin token.
class HealthRoute final
{
public:
    HealthRoute(Store &store, const Translator &translator, RelayMetrics &metrics,
                QObject *context);
    //! `adminToken`: empty on the admin address (everyone there is an operator); on the main
    //! port the token that shows the details (none set: nobody sees them there).
    void registerOn(QHttpServer &server, bool adminAddress, const QString &adminToken);

private:
    Store &m_store;
    const Translator &m_translator;
    RelayMetrics &m_metrics;
    QObject *m_context;
    qint64 m_startedAt;
};

} // namespace medtranslate::relay
