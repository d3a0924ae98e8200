#pragma once

class QHttpServer;

namespace medtranslate::relay {

class FrontDesk;
class PrechatForm;
class RelayMetrics;

//! `GET /api/desk` (extension, anyone): whether the desk answers now, when it opens, and the
//! pre-chat fields the widget asks, so the page can say so before the patient writes.
class DeskRoute final
{
public:
    DeskRoute(const FrontDesk &desk, const PrechatForm &prechat, RelayMetrics &metrics);
    void registerOn(QHttpServer &server);

private:
    const FrontDesk &m_desk;
    const PrechatForm &m_prechat;
    RelayMetrics &m_metrics;
};

} // namespace medtranslate::relay
