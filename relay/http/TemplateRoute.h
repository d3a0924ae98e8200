#pragma once

class QHttpServer;

namespace medtranslate::relay {

class Caller;
class RelayMetrics;
class TemplateLibrary;

//! `GET /api/templates` (agents): the quick replies with their vetted texts.
class TemplateRoute final
{
public:
    TemplateRoute(const Caller &caller, const TemplateLibrary &templates, RelayMetrics &metrics);
    void registerOn(QHttpServer &server);

private:
    const Caller &m_caller;
    const TemplateLibrary &m_templates;
    RelayMetrics &m_metrics;
};

} // namespace medtranslate::relay
