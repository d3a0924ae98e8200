#include "http/LoginRoute.h"

#include "auth/AuthService.h"
#include "config/RelayConfig.h"
#include "core/RelayMetrics.h"
#include "http/RouteSupport.h"

#include <QHttpServer>
#include <algorithm>

namespace medtranslate::relay {

using Status = HttpReply::Status;
using protocol::ErrorCode;

LoginRoute::LoginRoute(const RelayConfig &config, const OriginPolicy &origins, AuthService &auth,
                       RelayMetrics &metrics, QObject *context)
    : m_config(config), m_origins(origins), m_auth(auth), m_metrics(metrics), m_context(context),
      m_throttle(config.loginMaxFailures, config.loginWindowMs)
{
}

void LoginRoute::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/auth/login"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     login(request, std::move(responder));
                 });
}

void LoginRoute::login(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    m_metrics.httpRequest();
    auto reply = HttpReply::from(std::move(responder));
    if (!route::originAllowed(request, *reply, m_origins, OriginPolicy::Audience::Agents))
        return;
    const auto body = route::readBody<protocol::http::LoginRequest>(request, *reply);
    if (!body)
        return;
    const QString username = QString::fromStdString(body->username);
    // Checked before the password, so a locked account gives a guesser nothing.
    const QString userKey = username.trimmed().toLower();
    const QString address = request.remoteAddress().toString();
    if (m_config.loginMaxFailures > 0) {
        if (const qint64 wait = m_throttle.retryAfterMs(userKey, address); wait > 0) {
            m_metrics.requestThrottled(QStringLiteral("login"));
            return route::tooManyRequests(
                *reply, wait, QStringLiteral("too many failed logins; try again in %1 s"));
        }
        // Counted before the check, so guesses sent all at once are limited too; a success
        // takes its attempt back.
        m_throttle.attempt(userKey, address);
    }
    m_auth.login(
        username, QString::fromStdString(body->password), m_context,
        [this, reply, userKey, address](AuthService::LoginResult result) {
            if (!result.ok) {
                const bool wrong = result.outcome == AuthService::LoginOutcome::WrongCredentials;
                if (m_config.loginMaxFailures > 0) {
                    if (wrong)
                        m_throttle.failed(userKey, address);
                    else
                        m_throttle.notChecked(userKey, address); // the store failed
                }
                return reply->error(wrong ? Status::Unauthorized : Status::ServiceUnavailable,
                                    wrong ? ErrorCode::Unauthorized : ErrorCode::Internal,
                                    wrong ? result.error
                                          : QStringLiteral("cannot log in now; try again"));
            }
            if (m_config.loginMaxFailures > 0)
                m_throttle.succeeded(userKey, address);
            protocol::http::LoginResponse answer;
            answer.token = result.token.toStdString();
            answer.agent.id = result.agent.id.toStdString();
            answer.agent.name = result.agent.displayName.toStdString();
            answer.agent.languages = route::utf8(result.agent.languages);
            answer.agent.role = result.agent.role.toStdString();
            reply->json(answer);
        },
        address);
}

} // namespace medtranslate::relay
