#pragma once

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QObject;
class QString;

namespace medtranslate::relay {

class Caller;
class RelayMetrics;
class Store;

//! `GET /api/rooms/{id}/transcript`: the whole consultation as the export's JSON document, for
//! the room's agent or an admin. The console lays it out as HTML or PDF itself: the running
//! relay has no fonts to lay out a PDF with. Every export is written to the audit log.
class TranscriptRoute final
{
public:
    TranscriptRoute(const Caller &caller, Store &store, RelayMetrics &metrics, QObject *context);
    void registerOn(QHttpServer &server);

private:
    void transcript(const QString &roomId, const QHttpServerRequest &request,
                    QHttpServerResponder &&responder);

    const Caller &m_caller;
    Store &m_store;
    RelayMetrics &m_metrics;
    QObject *m_context;
};

} // namespace medtranslate::relay
