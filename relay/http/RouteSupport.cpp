#include "http/RouteSupport.h"

#include "auth/AuthService.h"
#include "core/RoomRegistry.h"

#include <QHttpServerRequest>
#include <openssl/crypto.h>

namespace medtranslate::relay {

namespace {

using Status = HttpReply::Status;
using protocol::ErrorCode;
constexpr qsizetype kMaxBodyBytes = 64 * 1024;

} // namespace

namespace route {

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString bearerToken(const QHttpServerRequest &request)
{
    const QByteArray value = header(request, "Authorization");
    if (!value.startsWith("Bearer "))
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

bool isAdmin(const QHttpServerRequest &request, const QString &adminToken)
{
    if (adminToken.isEmpty())
        return false;
    const QByteArray given = bearerToken(request).toUtf8();
    const QByteArray expected = adminToken.toUtf8();
    return given.size() == expected.size() &&
           CRYPTO_memcmp(given.constData(), expected.constData(), std::size_t(given.size())) == 0;
}

std::optional<nlohmann::json> jsonBody(const QHttpServerRequest &request, HttpReply &reply)
{
    const QByteArray type = header(request, "Content-Type").split(';').first().trimmed();
    if (type.compare("application/json", Qt::CaseInsensitive) != 0) {
        reply.error(Status::UnsupportedMediaType, ErrorCode::BadRequest,
                    QStringLiteral("the body must be sent as application/json"));
        return std::nullopt;
    }
    if (request.body().size() > kMaxBodyBytes) {
        reply.error(Status::PayloadTooLarge, ErrorCode::TooLarge,
                    QStringLiteral("the body is larger than 64 KiB"));
        return std::nullopt;
    }
    auto json = nlohmann::json::parse(request.body().toStdString(), nullptr, false);
    if (!json.is_object()) {
        reply.error(Status::BadRequest, ErrorCode::BadRequest,
                    QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return json;
}

bool originAllowed(const QHttpServerRequest &request, HttpReply &reply, const OriginPolicy &origins,
                   OriginPolicy::Audience audience)
{
    if (origins.allows(QString::fromUtf8(header(request, "Origin")), audience))
        return true;
    reply.error(Status::Forbidden, ErrorCode::Forbidden,
                audience == OriginPolicy::Audience::Agents
                    ? QStringLiteral("agents' routes are not for web pages")
                    : QStringLiteral("this site may not open consultations"));
    return false;
}

void tooManyRequests(HttpReply &reply, qint64 retryAfterMs, const QString &message)
{
    const qint64 seconds = (retryAfterMs + 999) / 1000;
    reply.error(Status::TooManyRequests, ErrorCode::RateLimited, message.arg(seconds),
                {{"Retry-After", QByteArray::number(seconds)}});
}

std::vector<std::string> utf8(const QStringList &list)
{
    std::vector<std::string> out;
    out.reserve(size_t(list.size()));
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace route

void Caller::identify(const QHttpServerRequest &request, bool allowPatient,
                      std::shared_ptr<HttpReply> reply, std::function<void(Identity)> then) const
{
    if (!route::originAllowed(request, *reply, m_origins,
                              allowPatient ? OriginPolicy::Audience::Patients
                                           : OriginPolicy::Audience::Agents))
        return;
    const QString token = route::bearerToken(request);
    if (token.isEmpty())
        return reply->error(Status::Unauthorized, ErrorCode::Unauthorized,
                            QStringLiteral("missing bearer token"));
    m_auth.agentForToken(
        token, m_context,
        [this, token, allowPatient, reply, then](std::optional<AgentRecord> agent, QString error) {
            if (!error.isEmpty())
                return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                    QStringLiteral("cannot check the token now"));
            if (agent)
                return then(Identity{protocol::Role::Agent, {}, *agent});
            if (!allowPatient)
                return reply->error(Status::Unauthorized, ErrorCode::Unauthorized,
                                    QStringLiteral("unknown or expired token"));
            m_consultations.roomForPatientToken(
                token, m_context, [reply, then](RoomState *room, QString error) {
                    if (!error.isEmpty())
                        return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                            QStringLiteral("cannot check the token now"));
                    if (!room)
                        return reply->error(Status::Unauthorized, ErrorCode::Unauthorized,
                                            QStringLiteral("unknown or expired token"));
                    then(Identity{
                        protocol::Role::Patient, QString::fromStdString(room->room.roomId), {}});
                });
        });
}

void Caller::readRoom(const QHttpServerRequest &request, bool allowPatient, const QString &roomId,
                      std::shared_ptr<HttpReply> reply, const QString &unavailable,
                      std::function<void(Identity, RoomState &)> then) const
{
    identify(request, allowPatient, reply, [this, roomId, reply, unavailable, then](Identity who) {
        m_consultations.withRoom(
            roomId, m_context, [reply, who, unavailable, then](RoomState *room, QString error) {
                if (!error.isEmpty())
                    return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                        unavailable);
                if (!room)
                    return reply->error(Status::NotFound, ErrorCode::NotFound,
                                        QStringLiteral("no such room"));
                if (!ConsultationService::mayRead(who, *room))
                    return reply->error(Status::Forbidden, ErrorCode::Forbidden,
                                        QStringLiteral("not your room"));
                then(who, *room);
            });
    });
}

} // namespace medtranslate::relay
