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

//! `GET /api/rooms/{id}/messages?after_seq=N&limit=L`, for the room's patient or an agent.
class HistoryRoute final
{
public:
    HistoryRoute(const Caller &caller, Store &store, RelayMetrics &metrics, QObject *context);
    void registerOn(QHttpServer &server);

private:
    void history(const QString &roomId, const QHttpServerRequest &request,
                 QHttpServerResponder &&responder);

    const Caller &m_caller;
    Store &m_store;
    RelayMetrics &m_metrics;
    QObject *m_context;
};

} // namespace medtranslate::relay
