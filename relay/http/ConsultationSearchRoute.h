#pragma once

#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QObject;

namespace medtranslate::relay {

class Caller;
class RelayMetrics;
class Store;
struct ConsultationQuery;

//! `GET /api/consultations` (extension): the desk's past consultations by patient language,
//! date and words in a message or its translation, newest first, a page at a time. For every
//! agent (the desk shares its records); each search is written to the audit log, since it
//! reads patient data, before the answer goes out.
class ConsultationSearchRoute final
{
public:
    ConsultationSearchRoute(const Caller &caller, Store &store, RelayMetrics &metrics,
                            QObject *context);
    void registerOn(QHttpServer &server);

private:
    void search(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    const Caller &m_caller;
    Store &m_store;
    RelayMetrics &m_metrics;
    QObject *m_context;
};

} // namespace medtranslate::relay
