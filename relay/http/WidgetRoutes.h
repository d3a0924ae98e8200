#pragma once

#include "http/WidgetFiles.h"

#include <QByteArray>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace medtranslate::relay {

class RelayMetrics;
struct RelayConfig;

//! The patient widget: `/widget.js`, `/chat`, `/demo` and `/static/<file>`. The chat page may
//! only be framed by the configured hospital sites.
class WidgetRoutes final
{
public:
    WidgetRoutes(const RelayConfig &config, RelayMetrics &metrics);
    void registerOn(QHttpServer &server);

private:
    void serve(const QString &name, const QHttpServerRequest &request,
               QHttpServerResponder &&responder);

    RelayMetrics &m_metrics;
    WidgetFiles m_files;
    QByteArray m_pagePolicy; //!< Content-Security-Policy of the HTML pages
};

} // namespace medtranslate::relay
