#pragma once

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace medtranslate::relay {

class Caller;
class RelayMetrics;
class Translator;
struct RelayConfig;

//! `POST /api/translate` (agents): a translation with its checks, and the glossary terms found.
class TranslateRoute final
{
public:
    TranslateRoute(const RelayConfig &config, const Caller &caller, Translator &translator,
                   RelayMetrics &metrics);
    void registerOn(QHttpServer &server);

private:
    void translate(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    const RelayConfig &m_config;
    const Caller &m_caller;
    Translator &m_translator;
    RelayMetrics &m_metrics;
};

} // namespace medtranslate::relay
