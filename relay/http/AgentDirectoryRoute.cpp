#include "http/AgentDirectoryRoute.h"

#include "core/ConsultationService.h"
#include "core/RelayMetrics.h"
#include "http/RouteSupport.h"
#include "storage/Store.h"

#include <QHttpServer>

namespace medtranslate::relay {

AgentDirectoryRoute::AgentDirectoryRoute(const Caller &caller, Store &store,
                                         const ConsultationService &consultations,
                                         RelayMetrics &metrics, QObject *context)
    : m_caller(caller), m_store(store), m_consultations(consultations), m_metrics(metrics),
      m_context(context)
{
}

void AgentDirectoryRoute::registerOn(QHttpServer &server)
{
    server.route(
        QStringLiteral("/api/agents"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            m_caller.identify(request, false, reply, [this, reply](Identity) {
                using Agents = std::vector<AgentRecord>;
                m_store.agents(m_context, [this, reply](Result<Agents> agents) {
                    if (!agents.ok())
                        return reply->error(HttpReply::Status::ServiceUnavailable,
                                            protocol::ErrorCode::Internal,
                                            QStringLiteral("the agent list is unavailable now"));
                    protocol::http::AgentsResponse directory;
                    for (const AgentRecord &a : agents.value()) {
                        directory.agents.push_back({a.id.toStdString(), a.displayName.toStdString(),
                                                    a.role.toStdString(), route::utf8(a.languages),
                                                    m_consultations.isAgentOnline(a.id)});
                    }
                    reply->json(directory);
                });
            });
        });
}

} // namespace medtranslate::relay
