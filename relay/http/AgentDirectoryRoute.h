#pragma once

class QHttpServer;
class QObject;

namespace medtranslate::relay {

class Caller;
class ConsultationService;
class RelayMetrics;
class Store;

//! `GET /api/agents` (agents; extension): the colleagues a chat can be transferred to, with
//! whether they are online now.
class AgentDirectoryRoute final
{
public:
    AgentDirectoryRoute(const Caller &caller, Store &store,
                        const ConsultationService &consultations, RelayMetrics &metrics,
                        QObject *context);
    void registerOn(QHttpServer &server);

private:
    const Caller &m_caller;
    Store &m_store;
    const ConsultationService &m_consultations;
    RelayMetrics &m_metrics;
    QObject *m_context;
};

} // namespace medtranslate::relay
