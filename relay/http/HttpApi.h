#pragma once

#include "config/RelayConfig.h"

#include <QObject>
#include <memory>

class QHttpServer;

namespace medtranslate::relay {

class AgentDirectoryRoute;
class AttachmentRoute;
class ConsultationSearchRoute;
class AuthService;
class Caller;
class ConsultationService;
class DeskRoute;
class HealthRoute;
class PrechatForm;
class HistoryRoute;
class LoginRoute;
class MetricsRoute;
class WebhookDispatcher;
class RelayMetrics;
class RoomRoute;
class Store;
class TemplateLibrary;
class TemplateRoute;
class TranscriptRoute;
class TranslateRoute;
class Translator;
class WidgetRoutes;

//! The relay's HTTP route table (see registerRoutes); each route is a small class in http/.
//! Routes answer JSON errors as {"error":{"code","message"}} and do their slow work (store,
//! password checks) off the loop, with this object as the context of their callbacks.
class OriginPolicy;

class HttpApi final : public QObject
{
    Q_OBJECT

public:
    HttpApi(const RelayConfig &config, Store &store, AuthService &auth,
            ConsultationService &consultations, Translator &translator,
            const TemplateLibrary &templates, const PrechatForm &prechat, RelayMetrics &metrics,
            QObject *parent = nullptr);
    ~HttpApi() override;

    //! Who may call; RelayServer tells it the port once listening, and checks WebSockets.
    OriginPolicy &origins() { return *m_origins; }

    void registerRoutes(QHttpServer &server);
    //! /health (detailed) and /metrics for operators, on the admin address.
    void registerAdminRoutes(QHttpServer &server);
    //! /metrics reports this dispatcher's deliveries.
    void setWebhooks(const WebhookDispatcher *webhooks);

private:
    void setMissingHandler(QHttpServer &server);

    RelayMetrics &m_metrics;
    QString m_adminToken;
    std::unique_ptr<OriginPolicy> m_origins;
    std::unique_ptr<Caller> m_caller;
    std::unique_ptr<HealthRoute> m_health;
    std::unique_ptr<RoomRoute> m_rooms;
    std::unique_ptr<DeskRoute> m_desk;
    std::unique_ptr<LoginRoute> m_login;
    std::unique_ptr<HistoryRoute> m_history;
    std::unique_ptr<AttachmentRoute> m_attachments;
    std::unique_ptr<TranscriptRoute> m_transcripts;
    std::unique_ptr<ConsultationSearchRoute> m_search;
    std::unique_ptr<TemplateRoute> m_templates;
    std::unique_ptr<AgentDirectoryRoute> m_agents;
    std::unique_ptr<TranslateRoute> m_translate;
    std::unique_ptr<MetricsRoute> m_metricsRoute;
    std::unique_ptr<WidgetRoutes> m_widget;
};

} // namespace medtranslate::relay
