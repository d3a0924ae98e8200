#include "http/HttpApi.h"

#include "core/RelayMetrics.h"
#include "http/AgentDirectoryRoute.h"
#include "http/AttachmentRoute.h"
#include "http/DeskRoute.h"
#include "http/ConsultationSearchRoute.h"
#include "http/HealthRoute.h"
#include "http/HistoryRoute.h"
#include "http/LoginRoute.h"
#include "http/MetricsRoute.h"
#include "http/OriginPolicy.h"
#include "http/RoomRoute.h"
#include "http/RouteSupport.h"
#include "http/TemplateRoute.h"
#include "http/TranscriptRoute.h"
#include "http/TranslateRoute.h"
#include "http/WidgetRoutes.h"

#include <QHttpServer>

namespace medtranslate::relay {

HttpApi::HttpApi(const RelayConfig &config, Store &store, AuthService &auth,
                 ConsultationService &consultations, Translator &translator,
                 const TemplateLibrary &templates, const PrechatForm &prechat,
                 RelayMetrics &metrics, QObject *parent)
    : QObject(parent), m_metrics(metrics), m_adminToken(config.adminToken),
      m_origins(std::make_unique<OriginPolicy>(config)),
      m_caller(std::make_unique<Caller>(auth, consultations, *m_origins, this)),
      m_health(
          std::make_unique<HealthRoute>(store, translator, metrics, config.healthDbSlowMs, this)),
      m_rooms(
          std::make_unique<RoomRoute>(config, *m_origins, consultations, prechat, metrics, this)),
      m_desk(std::make_unique<DeskRoute>(consultations.desk(), prechat, metrics)),
      m_login(std::make_unique<LoginRoute>(config, *m_origins, auth, metrics, this)),
      m_history(std::make_unique<HistoryRoute>(*m_caller, store, metrics, this)),
      m_attachments(
          std::make_unique<AttachmentRoute>(*m_caller, consultations, store, metrics, this)),
      m_transcripts(std::make_unique<TranscriptRoute>(*m_caller, store, metrics, this)),
      m_search(std::make_unique<ConsultationSearchRoute>(*m_caller, store, metrics, this)),
      m_templates(std::make_unique<TemplateRoute>(*m_caller, templates, metrics)),
      m_agents(
          std::make_unique<AgentDirectoryRoute>(*m_caller, store, consultations, metrics, this)),
      m_translate(std::make_unique<TranslateRoute>(config, *m_caller, translator, metrics)),
      m_metricsRoute(std::make_unique<MetricsRoute>(store, translator, metrics)),
      m_widget(std::make_unique<WidgetRoutes>(config, metrics))
{
}

HttpApi::~HttpApi() = default;

void HttpApi::registerRoutes(QHttpServer &server)
{
    m_health->registerOn(server, false, m_adminToken); // GET /health (details with the token)
    m_rooms->registerOn(server);                       // POST /api/rooms
    m_desk->registerOn(server);                        // GET  /api/desk
    m_login->registerOn(server);                       // POST /api/auth/login
    m_history->registerOn(server);                     // GET  /api/rooms/{id}/messages
    m_attachments->registerOn(server); // POST, GET /api/rooms/{id}/attachments[/{a}[/thumbnail]]
    m_transcripts->registerOn(server); // GET  /api/rooms/{id}/transcript
    m_search->registerOn(server);      // GET  /api/consultations
    m_templates->registerOn(server);   // GET  /api/templates
    m_agents->registerOn(server);      // GET  /api/agents
    m_translate->registerOn(server);   // POST /api/translate
    m_metricsRoute->registerOn(server, false, m_adminToken); // GET /metrics (with the token)
    m_widget->registerOn(server); // GET  /widget.js, /chat, /demo, /static/<file>

    setMissingHandler(server);
}

void HttpApi::setWebhooks(const WebhookDispatcher *webhooks)
{
    m_metricsRoute->setWebhooks(webhooks);
}

void HttpApi::registerAdminRoutes(QHttpServer &server)
{
    m_health->registerOn(server, true, {});
    m_metricsRoute->registerOn(server, true, {});
    setMissingHandler(server);
}

void HttpApi::setMissingHandler(QHttpServer &server)
{
    server.setMissingHandler([this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        m_metrics.httpRequest();
        HttpReply::from(std::move(responder))
            ->error(HttpReply::Status::NotFound, protocol::ErrorCode::NotFound,
                    QStringLiteral("no such route"));
    });
}

} // namespace medtranslate::relay
