#pragma once

#include "config/WebhookConfig.h"
#include "hooks/WebhookSigner.h"
#include "storage/Records.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

class QNetworkReply;

namespace medtranslate::relay {

class Store;

//! Sends the outbox's events to the hospital's URL: signed, at least once, in order within a
//! room, other rooms not held back, failed attempts retried with capped exponential backoff
//! and jitter, every attempt logged. The outbox is the only state that matters, so a restart
//! resumes where the last run stopped. One poll timer, whatever the backlog.
class WebhookDispatcher final : public QObject
{
    Q_OBJECT

public:
    //! Rooms delivered to at once; each room has at most one request out.
    static constexpr int kMaxInFlight = 8;
    //! How often the outbox is looked at while nothing is out (new events, due retries).
    static constexpr int kPollMs = 250;

    WebhookDispatcher(WebhookConfig config, Store &store, QObject *parent = nullptr);
    //! Requests still out are dropped; their events stay in the outbox for the next run.
    ~WebhookDispatcher() override;

    void start();

    //! Prometheus series; zeros when webhooks are off (`dispatcher` null), so the series
    //! always exist.
    [[nodiscard]] static QString metricsText(const WebhookDispatcher *dispatcher);

    //! The wait before the attempt after `failures` failed ones: base × 2^(failures−1), capped,
    //! then drawn uniformly from its upper half so that retries of many rooms spread out.
    [[nodiscard]] static qint64 backoffMs(const WebhookConfig &config, int failures,
                                          double unitRandom);

private:
    void poll();
    void pollSoon();
    void send(const WebhookEvent &event);
    void finished(QNetworkReply *reply, const WebhookEvent &event, qint64 startedMs);
    void recorded(const WebhookAttempt &attempt, bool stored);

    WebhookConfig m_config;
    Store &m_store;
    WebhookSigner m_signer;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QSet<QString> m_busyRooms; //!< a request out or its outcome being stored
    bool m_polling = false;
    bool m_pollAgain = false;
    //! A database that refused to log an outcome holds delivery back until then.
    QDateTime m_pausedUntil;

    quint64 m_delivered = 0;
    quint64 m_failed = 0;
    qint64 m_pending = 0;
    QString m_oldestPendingAt;
};

} // namespace medtranslate::relay
