#pragma once

#include "auth/AttemptLimiter.h"
#include "config/RelayConfig.h"

#include <QObject>

class QHttpServer;
class QHttpServerRequest;

namespace medtranslate::relay {

class AuthService;
class ConsultationService;
class RelayMetrics;
class Store;
class TemplateLibrary;
class Translator;
class WidgetFiles;

//! The relay's HTTP routes, all in one table (see registerRoutes). Handlers answer JSON errors
//! as {"error":{"code","message"}} and do their slow work (store, password checks) off the loop.
class HttpApi final : public QObject
{
    Q_OBJECT

public:
    HttpApi(const RelayConfig &config, Store &store, AuthService &auth,
            ConsultationService &consultations, Translator &translator,
            const TemplateLibrary &templates, RelayMetrics &metrics, QObject *parent = nullptr);

    void registerRoutes(QHttpServer &server);

private:
    const RelayConfig &m_config;
    Store &m_store;
    AuthService &m_auth;
    ConsultationService &m_consultations;
    Translator &m_translator;
    const TemplateLibrary &m_templates;
    RelayMetrics &m_metrics;
    qint64 m_startedAt;
    // Failed logins per username and per address, and rooms opened per address.
    AttemptLimiter m_loginFailuresByUser;
    AttemptLimiter m_loginFailuresByAddress;
    AttemptLimiter m_roomsByAddress;
};

} // namespace medtranslate::relay
