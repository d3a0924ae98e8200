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
    auto labelled = [&out](const char *name, const char *help, const char *label,
                           const QHash<QString, quint64> &values) {
        out += QStringLiteral("# HELP %1 %2\n# TYPE %1 counter\n")
                   .arg(QLatin1String(name), QLatin1String(help));
        for (auto it = values.constBegin(); it != values.constEnd(); ++it)
            out += QStringLiteral("%1{%2=\"%3\"} %4\n")
                       .arg(QLatin1String(name), QLatin1String(label), it.key())
                       .arg(it.value());
    };
    labelled("medtranslate_frames_rejected_total", "Frames answered with an error, by code.",
             "code", m_rejected);
    labelled("medtranslate_http_throttled_total", "HTTP requests refused with 429, by what.",
             "what", m_throttled);
    labelled("medtranslate_http_refused_total",
             "HTTP connections refused or closed by the connection guard, by reason.", "reason",
             m_httpRefused);
    labelled("medtranslate_rate_limited_total",
             "Messages and requests refused with rate_limited, by the limit they hit.", "scope",
             m_rateLimited);
    labelled("medtranslate_translations_total", "Finished translations, by status.", "status",
             m_translations);
    labelled("medtranslate_attachment_uploads_total",
             "File uploads, by outcome (stored, duplicate, or the HTTP status refusing them).",
             "outcome", m_attachments);
    counter("medtranslate_attachment_bytes_stored_total",
            "Bytes of attachments stored (after metadata removal).", m_attachmentBytes);
    return out + extra;
}

} // namespace medtranslate::relay
