#include "http/DeskRoute.h"

#include "content/DeskHours.h"
#include "content/PrechatForm.h"
#include "core/FrontDesk.h"
#include "core/RelayMetrics.h"
#include "http/RouteSupport.h"

#include <QHttpServer>

namespace medtranslate::relay {

DeskRoute::DeskRoute(const FrontDesk &desk, const PrechatForm &prechat, RelayMetrics &metrics)
    : m_desk(desk), m_prechat(prechat), m_metrics(metrics)
{
}

void DeskRoute::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/desk"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     m_metrics.httpRequest();
                     const QDateTime now = QDateTime::currentDateTimeUtc();
                     protocol::http::DeskResponse body;
                     body.open = m_desk.isOpen(now);
                     body.attended = m_desk.attended();
                     if (const auto opens = m_desk.nextOpening(now))
                         body.nextOpen = opens->toUTC().toString(Qt::ISODate).toStdString();
                     body.timeZone = m_desk.hours().timeZone().id().toStdString();
                     body.prechat = m_prechat.fields();
                     HttpReply::from(std::move(responder))->json(body);
                 });
}

} // namespace medtranslate::relay
