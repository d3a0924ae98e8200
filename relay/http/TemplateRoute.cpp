#include "http/TemplateRoute.h"

#include "content/TemplateLibrary.h"
#include "core/RelayMetrics.h"
#include "http/RouteSupport.h"

#include <QHttpServer>

namespace medtranslate::relay {

TemplateRoute::TemplateRoute(const Caller &caller, const TemplateLibrary &templates,
                             RelayMetrics &metrics)
    : m_caller(caller), m_templates(templates), m_metrics(metrics)
{
}

void TemplateRoute::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/templates"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     m_metrics.httpRequest();
                     auto reply = HttpReply::from(std::move(responder));
                     m_caller.identify(request, false, reply, [this, reply](Identity) {
                         reply->json(protocol::http::TemplatesResponse{m_templates.all()});
                     });
                 });
}

} // namespace medtranslate::relay
