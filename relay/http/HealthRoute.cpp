#include "http/HealthRoute.h"

#include "core/RelayMetrics.h"
#include "http/HttpReply.h"
#include "http/RouteSupport.h"
#include "storage/Store.h"
#include "translation/Translator.h"

#include <QAbstractEventDispatcher>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServer>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {
//! A slow group commit older than this says nothing about the database now.
constexpr qint64 kCommitRecentMs = 60 * 1000;
} // namespace

HealthRoute::HealthRoute(Store &store, const Translator &translator, RelayMetrics &metrics,
                         int dbSlowMs, QObject *context)
    : m_store(store), m_translator(translator), m_metrics(metrics), m_dbSlowMs(dbSlowMs),
      m_context(context), m_startedAt(QDateTime::currentSecsSinceEpoch())
{
}

void HealthRoute::registerOn(QHttpServer &server, bool adminAddress, const QString &adminToken)
{
    server.route(
        QStringLiteral("/health"), QHttpServerRequest::Method::Get,
        [this, adminAddress, adminToken](const QHttpServerRequest &request,
                                         QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            const bool detailed = adminAddress || route::isAdmin(request, adminToken);
            // "Can store" means the database answers a query now and did not refuse the last
            // write (a full disk still answers reads). The ping waits behind queued store jobs
            // too, so a database busy with a slow commit shows here as a slow answer.
            QElapsedTimer took;
            took.start();
            m_store.ping(m_context, [this, reply, detailed, took](Result<void> result) {
                using protocol::http::HealthReason;
                const qint64 pingMs = took.elapsed();
                const std::optional<StoreFailure> writeFailure = m_store.writeFailure();
                const bool canStore = result.ok() && !writeFailure;
                std::vector<HealthReason> reasons;
                if (!result.ok())
                    reasons.push_back(
                        {"database_unavailable", result.error().message.toStdString()});
                else if (writeFailure)
                    reasons.push_back(
                        {"database_writes_fail", writeFailure->message.toStdString()});
                const qint64 commitMs = m_store.lastCommitMs();
                const bool commitRecent =
                    QDateTime::currentMSecsSinceEpoch() - m_store.lastCommitAt() <= kCommitRecentMs;
                if (canStore && pingMs > m_dbSlowMs)
                    reasons.push_back({"database_slow", QStringLiteral("the database took %1 ms to "
                                                                       "answer (limit %2 ms)")
                                                            .arg(pingMs)
                                                            .arg(m_dbSlowMs)
                                                            .toStdString()});
                else if (canStore && commitRecent && commitMs > m_dbSlowMs)
                    reasons.push_back({"database_slow", QStringLiteral("the last write took %1 ms "
                                                                       "(limit %2 ms)")
                                                            .arg(commitMs)
                                                            .arg(m_dbSlowMs)
                                                            .toStdString()});
                if (const std::optional<QString> failing = m_translator.failing())
                    reasons.push_back({"translation_failing", failing->toStdString()});
                const auto status =
                    canStore ? HttpReply::Status::Ok : HttpReply::Status::ServiceUnavailable;
                const char *word = reasons.empty() ? "ok" : "degraded";
                if (!detailed) {
                    // A relay that cannot store answers just that, as it always has; one that
                    // serves but struggles says why (nothing in a reason is secret).
                    nlohmann::json body{{"status", word}};
                    if (canStore && !reasons.empty())
                        body["reasons"] = reasons;
                    return reply->json(body, status);
                }
                protocol::http::HealthResponse body;
                body.status = word;
                body.reasons = reasons;
                if (!result.ok())
                    body.database = result.error().message.toStdString();
                else if (writeFailure)
                    body.database = "writes fail: " + writeFailure->message.toStdString();
                else
                    body.database = "ok";
                body.translation = m_translator.describe().toStdString();
                body.uptimeSeconds = QDateTime::currentSecsSinceEpoch() - m_startedAt;
                // QEventDispatcherUNIX scales with connections; GLib's does not.
                body.eventLoop = QAbstractEventDispatcher::instance()->metaObject()->className();
                reply->json(body, status);
            });
        });
}

} // namespace medtranslate::relay
