#include "http/WidgetRoutes.h"

#include "config/RelayConfig.h"
#include "core/RelayMetrics.h"
#include "http/RouteSupport.h"

#include <QHttpServer>

namespace medtranslate::relay {

namespace {

QByteArray pagePolicy(const RelayConfig &config)
{
    const QByteArray frameAncestors = config.allowedOrigins.isEmpty()
                                          ? QByteArray("*")
                                          : config.allowedOrigins.join(QLatin1Char(' ')).toUtf8();
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
           "connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; object-src "
           "'none'; frame-ancestors " +
           frameAncestors;
}

} // namespace

WidgetRoutes::WidgetRoutes(const RelayConfig &config, RelayMetrics &metrics)
    : m_metrics(metrics), m_files(config.widgetDir), m_pagePolicy(pagePolicy(config))
{
}

void WidgetRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/widget.js"), Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&r) {
                     serve(QStringLiteral("widget.js"), request, std::move(r));
                 });
    server.route(QStringLiteral("/chat"), Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&r) {
                     serve(QStringLiteral("chat.html"), request, std::move(r));
                 });
    server.route(QStringLiteral("/demo"), Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&r) {
                     serve(QStringLiteral("demo.html"), request, std::move(r));
                 });
    server.route(QStringLiteral("/static/<arg>"), Method::Get,
                 [this](const QString &name, const QHttpServerRequest &request,
                        QHttpServerResponder &&r) { serve(name, request, std::move(r)); });
}

void WidgetRoutes::serve(const QString &name, const QHttpServerRequest &request,
                         QHttpServerResponder &&responder)
{
    m_metrics.httpRequest();
    auto reply = HttpReply::from(std::move(responder));
    const auto file = m_files.read(name);
    if (!file)
        return reply->error(HttpReply::Status::NotFound, protocol::ErrorCode::NotFound,
                            QStringLiteral("no such file"));
    // Browsers keep the files but ask each time; an unchanged file costs a 304, and a new
    // widget version reaches every hospital page at once.
    HttpReply::Headers headers{
        {"Referrer-Policy", "no-referrer"}, {"Cache-Control", "no-cache"}, {"ETag", file->etag}};
    if (file->mimeType.startsWith("text/html"))
        headers.push_back({"Content-Security-Policy", m_pagePolicy});
    bool unchanged = false;
    for (const QByteArray &tag : route::header(request, "If-None-Match").split(','))
        unchanged = unchanged || tag.trimmed() == file->etag || tag.trimmed() == "*";
    if (unchanged)
        return reply->bytes({}, file->mimeType, HttpReply::Status::NotModified, headers);
    reply->bytes(file->body, file->mimeType, HttpReply::Status::Ok, headers);
}

} // namespace medtranslate::relay
