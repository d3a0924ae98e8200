#include "core/RelayMetrics.h"

#include <QStringList>

namespace medtranslate::relay {

QString RelayMetrics::toPrometheus(const QString &extra) const
{
    QString out;
    auto counter = [&out](const char *name, const char *help, quint64 value) {
        out += QStringLiteral("# HELP %1 %2\n# TYPE %1 counter\n%1 %3\n")
                   .arg(QLatin1String(name), QLatin1String(help))
                   .arg(value);
    };
    counter("medtranslate_connections_total", "WebSocket connections accepted.",
            m_connectionsTotal);
    out += QStringLiteral(
               "# HELP medtranslate_connections_open WebSocket connections open now.\n"
               "# TYPE medtranslate_connections_open gauge\nmedtranslate_connections_open %1\n")
               .arg(m_connectionsOpen);
    counter("medtranslate_connections_timed_out_total",
            "Connections dropped because they stopped answering pings.", m_connectionsTimedOut);
    counter("medtranslate_frames_in_total", "Frames received from clients.", m_framesIn);
    counter("medtranslate_frames_out_total", "Frames sent to clients.", m_framesOut);
    counter("medtranslate_messages_stored_total", "Messages durably stored.", m_messagesStored);
    counter("medtranslate_http_requests_total", "HTTP requests served.", m_httpRequests);
    out +=
        QStringLiteral("# HELP medtranslate_frames_rejected_total Frames answered with an error, "
                       "by code.\n# TYPE medtranslate_frames_rejected_total counter\n");
    for (auto it = m_rejected.constBegin(); it != m_rejected.constEnd(); ++it)
        out += QStringLiteral("medtranslate_frames_rejected_total{code=\"%1\"} %2\n")
                   .arg(it.key())
                   .arg(it.value());
    out += QStringLiteral(
        "# HELP medtranslate_http_throttled_total HTTP requests refused with 429, by what.\n"
        "# TYPE medtranslate_http_throttled_total counter\n");
    for (auto it = m_throttled.constBegin(); it != m_throttled.constEnd(); ++it)
        out += QStringLiteral("medtranslate_http_throttled_total{what=\"%1\"} %2\n")
                   .arg(it.key())
                   .arg(it.value());
    out +=
        QStringLiteral("# HELP medtranslate_translations_total Finished translations, by status.\n"
                       "# TYPE medtranslate_translations_total counter\n");
    for (auto it = m_translations.constBegin(); it != m_translations.constEnd(); ++it)
        out += QStringLiteral("medtranslate_translations_total{status=\"%1\"} %2\n")
                   .arg(it.key())
                   .arg(it.value());
    return out + extra;
}

} // namespace medtranslate::relay
