#pragma once

#include "auth/LoginThrottle.h"

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QObject;

namespace medtranslate::relay {

class OriginPolicy;

class AuthService;
class RelayMetrics;
struct RelayConfig;

//! `POST /api/auth/login`, limited per username and per address against password guessing.
class LoginRoute final
{
public:
    LoginRoute(const RelayConfig &config, const OriginPolicy &origins, AuthService &auth,
               RelayMetrics &metrics, QObject *context);
    void registerOn(QHttpServer &server);

private:
    void login(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    const RelayConfig &m_config;
    const OriginPolicy &m_origins;
    AuthService &m_auth;
    RelayMetrics &m_metrics;
    QObject *m_context;
    LoginThrottle m_throttle;
};

} // namespace medtranslate::relay
