#include "hooks/WebhookDispatcher.h"

#include "storage/OutboxTable.h"
#include "storage/Store.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcWebhooks, "medtranslate.webhooks")

namespace medtranslate::relay {

WebhookDispatcher::WebhookDispatcher(WebhookConfig config, Store &store, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_store(store), m_signer(m_config.secret)
{
    // Answers are not read: a receiver's body only fills memory.
    m_network.setAutoDeleteReplies(false);
    connect(&m_timer, &QTimer::timeout, this, &WebhookDispatcher::poll);
}

WebhookDispatcher::~WebhookDispatcher()
{
    const auto replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

void WebhookDispatcher::start()
{
    m_timer.start(kPollMs);
    pollSoon();
}

qint64 WebhookDispatcher::backoffMs(const WebhookConfig &config, int failures, double unitRandom)
{
    const int doublings = std::clamp(failures - 1, 0, 40);
    const double full = std::min(double(config.backoffCapMs),
                                 double(config.backoffBaseMs) * std::pow(2.0, doublings));
    return qint64(full / 2 + full / 2 * std::clamp(unitRandom, 0.0, 1.0));
}

void WebhookDispatcher::pollSoon()
{
    QMetaObject::invokeMethod(this, &WebhookDispatcher::poll, Qt::QueuedConnection);
}

void WebhookDispatcher::poll()
{
    if (m_polling) {
        m_pollAgain = true;
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_pausedUntil.isValid() && now < m_pausedUntil)
        return;
    const int free = kMaxInFlight - int(m_busyRooms.size());
    if (free <= 0)
        return;
    m_polling = true;
    m_store.webhooksDue(OutboxTable::timestamp(now), free, m_busyRooms, this,
                        [this](Result<WebhookDue> due) {
                            m_polling = false;
                            if (!due.ok()) {
                                qCWarning(lcWebhooks).noquote()
                                    << "cannot read the webhook outbox:" << due.error().message;
                                return;
                            }
                            m_pending = due.value().pending;
                            m_oldestPendingAt = due.value().oldestPendingAt;
                            for (const WebhookEvent &event : due.value().events)
                                send(event);
                            if (m_pollAgain) {
                                m_pollAgain = false;
                                pollSoon();
                            }
                        });
}

void WebhookDispatcher::send(const WebhookEvent &event)
{
    m_busyRooms.insert(event.roomId);
    QNetworkRequest request(m_config.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("MedTranslate-Relay"));
    request.setRawHeader("X-MedTranslate-Event", event.event.toUtf8());
    request.setRawHeader("X-MedTranslate-Delivery", event.id.toUtf8());
    request.setRawHeader(
        "X-MedTranslate-Signature",
        m_signer.signatureHeader(event.payload, QDateTime::currentSecsSinceEpoch()));
    request.setTransferTimeout(m_config.timeoutMs);
    // A redirect is a failed attempt: the signed body goes only where it was configured to.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    QNetworkReply *reply = m_network.post(request, event.payload);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, event, startedMs] { finished(reply, event, startedMs); });
}

void WebhookDispatcher::finished(QNetworkReply *reply, const WebhookEvent &event, qint64 startedMs)
{
    reply->deleteLater();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    WebhookAttempt attempt;
    attempt.event = event;
    attempt.attemptedAt = OutboxTable::timestamp(now);
    attempt.durationMs = now.toMSecsSinceEpoch() - startedMs;
    attempt.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    attempt.delivered = attempt.status >= 200 && attempt.status < 300;
    if (!attempt.delivered) {
        if (attempt.status != 0)
            attempt.error = QStringLiteral("HTTP %1").arg(attempt.status);
        else if (reply->error() == QNetworkReply::OperationCanceledError ||
                 reply->error() == QNetworkReply::TimeoutError)
            attempt.error = QStringLiteral("no answer within %1 ms").arg(m_config.timeoutMs);
        else
            attempt.error = reply->errorString();
        const qint64 wait =
            backoffMs(m_config, event.attempts + 1, QRandomGenerator::global()->generateDouble());
        attempt.nextAttemptAt = OutboxTable::timestamp(now.addMSecs(wait));
        ++m_failed;
        // One line when an event starts failing, not one per retry of a receiver that is down.
        if (event.attempts == 0)
            qCWarning(lcWebhooks).noquote()
                << "webhook" << event.event << event.id << "not delivered:" << attempt.error
                << "(retrying with backoff)";
    } else {
        ++m_delivered;
        if (event.attempts > 0)
            qCInfo(lcWebhooks).noquote()
                << "webhook" << event.id << "delivered after" << event.attempts + 1 << "attempts";
    }
    m_store.recordWebhookAttempt(attempt, this, [this, attempt](Result<void> stored) {
        if (!stored.ok())
            qCWarning(lcWebhooks).noquote() << "cannot log webhook attempt of" << attempt.event.id
                                            << ":" << stored.error().message;
        recorded(attempt, stored.ok());
    });
}

void WebhookDispatcher::recorded(const WebhookAttempt &attempt, bool stored)
{
    m_busyRooms.remove(attempt.event.roomId);
    if (!stored) {
        // The event is still due: trying again at once would send it again and again.
        m_pausedUntil = QDateTime::currentDateTimeUtc().addMSecs(m_config.backoffBaseMs);
        return;
    }
    if (attempt.delivered)
        pollSoon(); // the room's next event, without waiting for the timer
}

QString WebhookDispatcher::metricsText(const WebhookDispatcher *dispatcher)
{
    qint64 oldestAge = 0;
    if (dispatcher && !dispatcher->m_oldestPendingAt.isEmpty()) {
        const QDateTime oldest =
            QDateTime::fromString(dispatcher->m_oldestPendingAt, Qt::ISODateWithMs);
        if (oldest.isValid())
            oldestAge = std::max<qint64>(0, oldest.secsTo(QDateTime::currentDateTimeUtc()));
    }
    return QStringLiteral(
               "# HELP medtranslate_webhook_attempts_total Webhook delivery attempts, by "
               "outcome.\n"
               "# TYPE medtranslate_webhook_attempts_total counter\n"
               "medtranslate_webhook_attempts_total{outcome=\"delivered\"} %1\n"
               "medtranslate_webhook_attempts_total{outcome=\"failed\"} %2\n"
               "# HELP medtranslate_webhook_pending Webhook events not delivered yet.\n"
               "# TYPE medtranslate_webhook_pending gauge\n"
               "medtranslate_webhook_pending %3\n"
               "# HELP medtranslate_webhook_oldest_pending_seconds Age of the oldest "
               "undelivered webhook event.\n"
               "# TYPE medtranslate_webhook_oldest_pending_seconds gauge\n"
               "medtranslate_webhook_oldest_pending_seconds %4\n"
               "# HELP medtranslate_webhook_in_flight Webhook requests out now.\n"
               "# TYPE medtranslate_webhook_in_flight gauge\n"
               "medtranslate_webhook_in_flight %5\n")
        .arg(dispatcher ? dispatcher->m_delivered : 0)
        .arg(dispatcher ? dispatcher->m_failed : 0)
        .arg(dispatcher ? dispatcher->m_pending : 0)
        .arg(oldestAge)
        .arg(dispatcher ? dispatcher->m_busyRooms.size() : 0);
}

} // namespace medtranslate::relay
