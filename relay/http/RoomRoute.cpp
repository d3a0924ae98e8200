#include "http/RoomRoute.h"

#include "config/RelayConfig.h"
#include "content/PrechatForm.h"
#include "core/ConsultationService.h"
#include "core/RelayMetrics.h"
#include "http/RouteSupport.h"

#include <QHttpServer>

namespace medtranslate::relay {

using Status = HttpReply::Status;
using protocol::ErrorCode;

RoomRoute::RoomRoute(const RelayConfig &config, const OriginPolicy &origins,
                     ConsultationService &consultations, const PrechatForm &prechat,
                     RelayMetrics &metrics, QObject *context)
    : m_config(config), m_origins(origins), m_consultations(consultations), m_prechat(prechat),
      m_metrics(metrics), m_context(context),
      m_roomsByAddress(config.roomsPerAddress, config.roomWindowMs)
{
}

void RoomRoute::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/rooms"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     create(request, std::move(responder));
                 });
}

void RoomRoute::create(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    m_metrics.httpRequest();
    auto reply = HttpReply::from(std::move(responder));
    const QString origin = QString::fromUtf8(route::header(request, "Origin"));
    if (!route::originAllowed(request, *reply, m_origins, OriginPolicy::Audience::Patients))
        return;
    const auto body = route::readBody<protocol::http::CreateRoomRequest>(request, *reply);
    if (!body)
        return;
    QString prechatError;
    auto prechat = m_prechat.check(body->prechat, &prechatError);
    if (!prechat)
        return reply->error(Status::BadRequest, ErrorCode::BadRequest, prechatError);
    if (prechat->empty())
        prechat.reset();
    const QString address = request.remoteAddress().toString();
    if (m_config.roomsPerAddress > 0) {
        if (const qint64 wait = m_roomsByAddress.retryAfterMs(address)) {
            m_metrics.requestThrottled(QStringLiteral("rooms"));
            return route::tooManyRequests(
                *reply, wait,
                QStringLiteral("too many consultations opened from this address; try again in "
                               "%1 s"));
        }
        m_roomsByAddress.record(address);
    }
    m_consultations.createRoom(
        QString::fromStdString(body->language), origin, std::move(prechat), m_context,
        [this, reply, address](auto created, QString error) {
            if (!created) {
                if (m_config.roomsPerAddress > 0)
                    m_roomsByAddress.release(address); // nothing was opened
                return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                    QStringLiteral("cannot open a consultation now; try again"));
            }
            reply->json(protocol::http::CreateRoomResponse{created->roomId.toStdString(),
                                                           created->patientToken.toStdString()},
                        Status::Created);
        });
}

} // namespace medtranslate::relay
