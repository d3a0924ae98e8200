#pragma once

#include "auth/AttemptLimiter.h"

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QObject;

namespace medtranslate::relay {

class AuthService;
class RelayMetrics;
struct RelayConfig;

//! `POST /api/auth/login`, limited per username and per address against password guessing.
class LoginRoute final
{
public:
    LoginRoute(const RelayConfig &config, AuthService &auth, RelayMetrics &metrics,
               QObject *context);
    void registerOn(QHttpServer &server);

private:
    void login(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    const RelayConfig &m_config;
    AuthService &m_auth;
    RelayMetrics &m_metrics;
    QObject *m_context;
    AttemptLimiter m_failuresByUser;
    AttemptLimiter m_failuresByAddress;
};

} // namespace medtranslate::relay
