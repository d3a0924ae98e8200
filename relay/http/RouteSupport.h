#pragma once

#include "core/ConsultationService.h"
#include "http/HttpReply.h"
#include "http/OriginPolicy.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

class QHttpServerRequest;
class QObject;

//! What the relay's route classes share: request headers, JSON bodies, throttling answers and
//! who is calling.
namespace medtranslate::relay {

class AuthService;
class ConsultationService;

namespace route {

QByteArray header(const QHttpServerRequest &request, const QByteArray &name);
QString bearerToken(const QHttpServerRequest &request);
//! True when the request carries `adminToken` (never when that is empty); compared in
//! constant time.
bool isAdmin(const QHttpServerRequest &request, const QString &adminToken);

//! Parses a JSON object body sent as application/json, or answers the error itself (415 for
//! another type: a page can post text/plain anywhere without a preflight) and returns nothing.
std::optional<nlohmann::json> jsonBody(const QHttpServerRequest &request, HttpReply &reply);

//! Reads a request body into its protocol::http struct and validates it; answers the error
//! itself and returns nothing when the body is refused.
template <typename T, typename... Limits>
std::optional<T> readBody(const QHttpServerRequest &request, HttpReply &reply, Limits... limits)
{
    const auto json = jsonBody(request, reply);
    if (!json)
        return std::nullopt;
    T body = json->get<T>();
    if (const auto refused = protocol::http::validate(body, limits...)) {
        reply.error(*refused);
        return std::nullopt;
    }
    return body;
}

//! False, with 403 answered, when the request's Origin may not use a route for `audience`.
bool originAllowed(const QHttpServerRequest &request, HttpReply &reply, const OriginPolicy &origins,
                   OriginPolicy::Audience audience);

//! Answers 429 with Retry-After in whole seconds, rounded up; `message` has a %1 for them.
void tooManyRequests(HttpReply &reply, qint64 retryAfterMs, const QString &message);

std::vector<std::string> utf8(const QStringList &list);

} // namespace route

//! Who is calling: an agent's login token, or (where allowed) a patient's room token. Answers
//! 401 or 503 itself; `then` runs only for a known caller.
class Caller final
{
public:
    Caller(AuthService &auth, ConsultationService &consultations, const OriginPolicy &origins,
           QObject *context)
        : m_auth(auth), m_consultations(consultations), m_origins(origins), m_context(context)
    {
    }

    //! Checks the Origin (patients' or agents' routes, by `allowPatient`), then the bearer
    //! token.
    void identify(const QHttpServerRequest &request, bool allowPatient,
                  std::shared_ptr<HttpReply> reply, std::function<void(Identity)> then) const;
    //! `identify`, then the room the caller wants to read: answers 503 (`unavailable`), 404 or
    //! 403 itself; `then` runs only for a caller who may read `roomId`.
    void readRoom(const QHttpServerRequest &request, bool allowPatient, const QString &roomId,
                  std::shared_ptr<HttpReply> reply, const QString &unavailable,
                  std::function<void(Identity, RoomState &)> then) const;

private:
    AuthService &m_auth;
    ConsultationService &m_consultations; //!< patient tokens belong to their rooms
    const OriginPolicy &m_origins;
    QObject *m_context;
};

} // namespace medtranslate::relay
