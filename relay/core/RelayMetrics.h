#pragma once

#include <QHash>
#include <QString>

namespace medtranslate::relay {

//! Counters for /metrics. Touched only on the relay's thread.
class RelayMetrics final
{
public:
    void connectionOpened() { ++m_connectionsTotal, ++m_connectionsOpen; }
    void connectionClosed() { --m_connectionsOpen; }
    void frameIn() { ++m_framesIn; }
    void frameOut() { ++m_framesOut; }
    void frameRejected(const QString &code) { ++m_rejected[code]; }
    void messageStored() { ++m_messagesStored; }
    void translationFinished(const QString &status) { ++m_translations[status]; }
    void httpRequest() { ++m_httpRequests; }
    //! A login or room creation refused with 429 (`what`: "login", "rooms").
    void requestThrottled(const QString &what) { ++m_throttled[what]; }
    //! An HTTP connection refused or closed by the connection guard (`reason`: "too_large",
    //! "header_timeout", "too_many_connections", …).
    void httpRefused(const QString &reason) { ++m_httpRefused[reason]; }
    //! A message or request refused with rate_limited, by the limit it hit ("room", "address",
    //! "translation_room", …).
    void rateLimited(const QString &scope) { ++m_rateLimited[scope]; }
    //! An upload's outcome ("stored", "duplicate", or the status it was refused with, "415"),
    //! and the bytes stored.
    void attachmentUpload(const QString &outcome, qint64 storedBytes = 0)
    {
        ++m_attachments[outcome];
        m_attachmentBytes += quint64(storedBytes);
    }
    //! A connection dropped because it stopped answering pings.
    void connectionTimedOut() { ++m_connectionsTimedOut; }

    //! Prometheus text exposition; `extra` is appended as is (store and cache figures).
    [[nodiscard]] QString toPrometheus(const QString &extra) const;

private:
    quint64 m_connectionsTotal = 0;
    qint64 m_connectionsOpen = 0;
    quint64 m_framesIn = 0;
    quint64 m_framesOut = 0;
    quint64 m_messagesStored = 0;
    quint64 m_httpRequests = 0;
    quint64 m_connectionsTimedOut = 0;
    QHash<QString, quint64> m_throttled;
    QHash<QString, quint64> m_httpRefused;
    QHash<QString, quint64> m_rateLimited;
    QHash<QString, quint64> m_rejected;
    QHash<QString, quint64> m_translations;
    QHash<QString, quint64> m_attachments;
    quint64 m_attachmentBytes = 0;
};

} // namespace medtranslate::relay
