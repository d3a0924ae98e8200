#include "http/TranslateRoute.h"

#include "config/RelayConfig.h"
#include "core/RelayMetrics.h"
#include "http/RouteSupport.h"
#include "translation/Translator.h"

#include <QHttpServer>

namespace medtranslate::relay {

TranslateRoute::TranslateRoute(const RelayConfig &config, const Caller &caller,
                               Translator &translator, RelayMetrics &metrics)
    : m_config(config), m_caller(caller), m_translator(translator), m_metrics(metrics)
{
}

void TranslateRoute::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/translate"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     translate(request, std::move(responder));
                 });
}

void TranslateRoute::translate(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    m_metrics.httpRequest();
    auto reply = HttpReply::from(std::move(responder));
    const auto body = route::readBody<protocol::http::TranslateRequest>(
        request, *reply, std::size_t(m_config.maxTextChars));
    if (!body)
        return;
    const TranslationRequest job{QString::fromStdString(body->text),
                                 QString::fromStdString(body->source),
                                 QString::fromStdString(body->target)};
    m_caller.identify(request, false, reply, [this, reply, job](Identity) {
        m_translator.translate(job, [reply](TranslationOutcome outcome) {
            reply->json(protocol::http::TranslateResponse{std::move(outcome.translation),
                                                          std::move(outcome.glossary)});
        });
    });
}

} // namespace medtranslate::relay
