#include "http/HttpApi.h"

#include "auth/AuthService.h"
#include "content/TemplateLibrary.h"
#include "core/ConsultationService.h"
#include "core/RelayMetrics.h"
#include "core/RoomRegistry.h"
#include "http/HttpReply.h"
#include "http/WidgetFiles.h"
#include "medtranslate/Language.h"
#include "storage/Store.h"
#include "translation/Translator.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <memory>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {

using Method = QHttpServerRequest::Method;
using Status = HttpReply::Status;
constexpr qsizetype kMaxBodyBytes = 64 * 1024;
constexpr int kMaxHistoryPage = 1000;

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString bearerToken(const QHttpServerRequest &request)
{
    const QByteArray value = header(request, "Authorization");
    if (!value.startsWith("Bearer "))
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

//! Parses a JSON object body, or answers the error itself and returns nothing.
std::optional<QJsonObject> jsonBody(const QHttpServerRequest &request, HttpReply &reply)
{
    if (request.body().size() > kMaxBodyBytes) {
        reply.error(Status::PayloadTooLarge, QStringLiteral("too_large"),
                    QStringLiteral("the body is larger than 64 KiB"));
        return std::nullopt;
    }
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(request.body(), &error);
    if (!doc.isObject()) {
        reply.error(Status::BadRequest, QStringLiteral("bad_request"),
                    QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

QByteArray dump(const nlohmann::json &j)
{
    return QByteArray::fromStdString(
        j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

bool isKnownLanguage(const QString &code)
{
    return findLanguage(code.toStdString()).has_value();
}

//! Answers 429 with Retry-After in whole seconds, rounded up.
void tooManyRequests(HttpReply &reply, qint64 retryAfterMs, const QString &message)
{
    const qint64 seconds = (retryAfterMs + 999) / 1000;
    reply.error(Status::TooManyRequests, QStringLiteral("rate_limited"), message.arg(seconds),
                {{"Retry-After", QByteArray::number(seconds)}});
}

} // namespace

HttpApi::HttpApi(const RelayConfig &config, Store &store, AuthService &auth,
                 ConsultationService &consultations, Translator &translator,
                 const TemplateLibrary &templates, RelayMetrics &metrics, QObject *parent)
    : QObject(parent), m_config(config), m_store(store), m_auth(auth),
      m_consultations(consultations), m_translator(translator), m_templates(templates),
      m_metrics(metrics), m_startedAt(QDateTime::currentSecsSinceEpoch()),
      m_loginFailuresByUser(config.loginMaxFailures, config.loginWindowMs),
      m_loginFailuresByAddress(config.loginMaxFailures * 5, config.loginWindowMs),
      m_roomsByAddress(config.roomsPerAddress, config.roomWindowMs)
{
}

void HttpApi::registerRoutes(QHttpServer &server)
{
    // Who is calling: an agent's login token, or (where allowed) a patient's room token.
    auto identify = [this](const QString &token, bool allowPatient,
                           std::shared_ptr<HttpReply> reply, std::function<void(Identity)> then) {
        if (token.isEmpty())
            return reply->error(Status::Unauthorized, QStringLiteral("unauthorized"),
                                QStringLiteral("missing bearer token"));
        m_auth.agentForToken(
            token, this,
            [this, token, allowPatient, reply, then](std::optional<AgentRecord> agent,
                                                     QString error) {
                if (!error.isEmpty())
                    return reply->error(Status::ServiceUnavailable, QStringLiteral("internal"),
                                        QStringLiteral("cannot check the token now"));
                if (agent)
                    return then(Identity{protocol::Role::Agent, {}, *agent});
                if (!allowPatient)
                    return reply->error(Status::Unauthorized, QStringLiteral("unauthorized"),
                                        QStringLiteral("unknown or expired token"));
                m_auth.roomForPatientToken(
                    token, this, [reply, then](RoomState *room, QString error) {
                        if (!error.isEmpty())
                            return reply->error(Status::ServiceUnavailable,
                                                QStringLiteral("internal"),
                                                QStringLiteral("cannot check the token now"));
                        if (!room)
                            return reply->error(Status::Unauthorized,
                                                QStringLiteral("unauthorized"),
                                                QStringLiteral("unknown or expired token"));
                        then(Identity{protocol::Role::Patient,
                                      QString::fromStdString(room->room.roomId),
                                      {}});
                    });
            });
    };

    server.route(QStringLiteral("/health"), Method::Get,
                 [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                     m_metrics.httpRequest();
                     auto reply = HttpReply::from(std::move(responder));
                     // "Can store" means the database answers a query now.
                     m_store.submit<bool>(
                         this,
                         [](StoreWorker &w) {
                             (void)w.schemaVersion();
                             return true;
                         },
                         [this, reply](StoreResult<bool> result) {
                             QJsonObject body{
                                 {QStringLiteral("status"),
                                  result.ok() ? QStringLiteral("ok") : QStringLiteral("degraded")},
                                 {QStringLiteral("database"),
                                  result.ok() ? QStringLiteral("ok") : result.error},
                                 {QStringLiteral("translation"), m_translator.describe()},
                                 {QStringLiteral("uptime_seconds"),
                                  QDateTime::currentSecsSinceEpoch() - m_startedAt}};
                             reply->json(body,
                                         result.ok() ? Status::Ok : Status::ServiceUnavailable);
                         });
                 });

    server.route(
        QStringLiteral("/api/rooms"), Method::Post,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            const QString origin = QString::fromUtf8(header(request, "Origin"));
            if (!origin.isEmpty() && !m_config.allowedOrigins.isEmpty() &&
                !m_config.allowedOrigins.contains(origin) &&
                origin != QStringLiteral("%1://%2").arg(request.url().scheme(),
                                                        request.url().authority()))
                return reply->error(Status::Forbidden, QStringLiteral("forbidden"),
                                    QStringLiteral("this site may not open consultations"));
            const auto body = jsonBody(request, *reply);
            if (!body)
                return;
            const QString language = body->value(QStringLiteral("language")).toString();
            if (language.isEmpty())
                return reply->error(Status::BadRequest, QStringLiteral("bad_request"),
                                    QStringLiteral("missing field 'language'"));
            if (!isPatientLanguage(language.toStdString()))
                return reply->error(Status::BadRequest, QStringLiteral("unsupported_language"),
                                    QStringLiteral("supported: en, ja, zh, th, vi"));
            const QString address = request.remoteAddress().toString();
            if (m_config.roomsPerAddress > 0) {
                if (const qint64 wait = m_roomsByAddress.retryAfterMs(address)) {
                    m_metrics.requestThrottled(QStringLiteral("rooms"));
                    return tooManyRequests(
                        *reply, wait,
                        QStringLiteral("too many consultations opened from this address; try "
                                       "again in %1 s"));
                }
                m_roomsByAddress.record(address);
            }
            m_consultations.createRoom(
                language, origin, this, [this, reply, address](auto created, QString error) {
                    if (!created) {
                        if (m_config.roomsPerAddress > 0)
                            m_roomsByAddress.release(address); // nothing was opened
                        return reply->error(
                            Status::ServiceUnavailable, QStringLiteral("internal"),
                            QStringLiteral("cannot open a consultation now; try again"));
                    }
                    reply->json(
                        QJsonObject{{QStringLiteral("room_id"), created->roomId},
                                    {QStringLiteral("patient_token"), created->patientToken}},
                        Status::Created);
                });
        });

    server.route(
        QStringLiteral("/api/auth/login"), Method::Post,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            const auto body = jsonBody(request, *reply);
            if (!body)
                return;
            const QString username = body->value(QStringLiteral("username")).toString();
            const QString password = body->value(QStringLiteral("password")).toString();
            if (username.isEmpty() || password.isEmpty())
                return reply->error(Status::BadRequest, QStringLiteral("bad_request"),
                                    QStringLiteral("username and password are required"));
            // Checked before the password, so a locked account gives a guesser nothing.
            const QString userKey = username.trimmed().toLower();
            const QString address = request.remoteAddress().toString();
            if (m_config.loginMaxFailures > 0) {
                const qint64 wait = std::max(m_loginFailuresByUser.retryAfterMs(userKey),
                                             m_loginFailuresByAddress.retryAfterMs(address));
                if (wait > 0) {
                    m_metrics.requestThrottled(QStringLiteral("login"));
                    return tooManyRequests(
                        *reply, wait, QStringLiteral("too many failed logins; try again in %1 s"));
                }
                // Counted before the check, so guesses sent all at once are limited too; a
                // success takes its attempt back.
                m_loginFailuresByUser.record(userKey);
                m_loginFailuresByAddress.record(address);
            }
            m_auth.login(
                username, password, this,
                [this, reply, userKey, address](AuthService::LoginResult result) {
                    if (!result.ok) {
                        const bool wrong =
                            result.outcome == AuthService::LoginOutcome::WrongCredentials;
                        if (!wrong && m_config.loginMaxFailures > 0) {
                            // The store failed: that was no guess.
                            m_loginFailuresByUser.release(userKey);
                            m_loginFailuresByAddress.release(address);
                        }
                        return reply->error(
                            wrong ? Status::Unauthorized : Status::ServiceUnavailable,
                            wrong ? QStringLiteral("unauthorized") : QStringLiteral("internal"),
                            wrong ? result.error : QStringLiteral("cannot log in now; try again"));
                    }
                    if (m_config.loginMaxFailures > 0) {
                        m_loginFailuresByUser.forget(userKey);
                        m_loginFailuresByAddress.release(address);
                    }
                    QJsonArray languages;
                    for (const QString &l : result.agent.languages)
                        languages.append(l);
                    reply->json(
                        QJsonObject{{QStringLiteral("token"), result.token},
                                    {QStringLiteral("agent"),
                                     QJsonObject{{QStringLiteral("id"), result.agent.id},
                                                 {QStringLiteral("name"), result.agent.displayName},
                                                 {QStringLiteral("languages"), languages},
                                                 {QStringLiteral("role"), result.agent.role}}}});
                });
        });

    server.route(
        QStringLiteral("/api/rooms/<arg>/messages"), Method::Get,
        [this, identify](const QString &roomId, const QHttpServerRequest &request,
                         QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            const QUrlQuery query(request.url());
            bool ok = true;
            const qint64 after =
                query.hasQueryItem(QStringLiteral("after_seq"))
                    ? query.queryItemValue(QStringLiteral("after_seq")).toLongLong(&ok)
                    : 0;
            int limit = kMaxHistoryPage;
            if (ok && query.hasQueryItem(QStringLiteral("limit")))
                limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
            if (!ok || after < 0 || limit < 1 || limit > kMaxHistoryPage)
                return reply->error(Status::BadRequest, QStringLiteral("bad_request"),
                                    QStringLiteral("after_seq must be >= 0 and limit 1..1000"));
            identify(
                bearerToken(request), true, reply,
                [this, reply, roomId, after, limit](Identity who) {
                    m_consultations.withRoom(
                        roomId, this,
                        [this, reply, who, roomId, after, limit](RoomState *room, QString error) {
                            if (!error.isEmpty())
                                return reply->error(Status::ServiceUnavailable,
                                                    QStringLiteral("internal"),
                                                    QStringLiteral("history is unavailable now"));
                            if (!room)
                                return reply->error(Status::NotFound, QStringLiteral("not_found"),
                                                    QStringLiteral("no such room"));
                            if (!m_consultations.mayRead(who, *room))
                                return reply->error(Status::Forbidden, QStringLiteral("forbidden"),
                                                    QStringLiteral("not your room"));
                            using Page = std::vector<protocol::Message>;
                            m_store.submit<Page>(
                                this,
                                [roomId, after, limit](StoreWorker &w) {
                                    return w.messagesAfter(roomId, after, limit);
                                },
                                [reply](StoreResult<Page> page) {
                                    if (!page.ok())
                                        return reply->error(
                                            Status::ServiceUnavailable, QStringLiteral("internal"),
                                            QStringLiteral("history is unavailable now"));
                                    reply->bytes(dump(nlohmann::json{{"messages", *page.value}}),
                                                 "application/json");
                                });
                        });
                });
        });

    server.route(
        QStringLiteral("/api/templates"), Method::Get,
        [this, identify](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            identify(bearerToken(request), false, reply, [this, reply](Identity) {
                reply->json(QJsonObject{{QStringLiteral("templates"), m_templates.toJson()}});
            });
        });

    // The directory a counselor picks a colleague from when transferring a chat.
    server.route(
        QStringLiteral("/api/agents"), Method::Get,
        [this, identify](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            identify(bearerToken(request), false, reply, [this, reply](Identity) {
                using Agents = std::vector<AgentRecord>;
                m_store.submit<Agents>(
                    this, [](StoreWorker &w) { return w.agents(); },
                    [this, reply](StoreResult<Agents> agents) {
                        if (!agents.ok())
                            return reply->error(
                                Status::ServiceUnavailable, QStringLiteral("internal"),
                                QStringLiteral("the agent list is unavailable now"));
                        QJsonArray list;
                        for (const AgentRecord &a : *agents.value) {
                            list.append(QJsonObject{
                                {QStringLiteral("id"), a.id},
                                {QStringLiteral("name"), a.displayName},
                                {QStringLiteral("role"), a.role},
                                {QStringLiteral("languages"),
                                 QJsonArray::fromStringList(a.languages)},
                                {QStringLiteral("online"), m_consultations.isAgentOnline(a.id)}});
                        }
                        reply->json(QJsonObject{{QStringLiteral("agents"), list}});
                    });
            });
        });

    server.route(
        QStringLiteral("/api/translate"), Method::Post,
        [this, identify](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            const auto body = jsonBody(request, *reply);
            if (!body)
                return;
            const QString text = body->value(QStringLiteral("text")).toString();
            const QString source =
                body->value(QStringLiteral("source")).toString(QStringLiteral("ko"));
            const QString target = body->value(QStringLiteral("target")).toString();
            if (text.trimmed().isEmpty() || text.size() > m_config.maxTextChars)
                return reply->error(
                    Status::BadRequest, QStringLiteral("bad_request"),
                    QStringLiteral("text must be 1 to %1 characters").arg(m_config.maxTextChars));
            if (!isKnownLanguage(source) || !isKnownLanguage(target))
                return reply->error(Status::BadRequest, QStringLiteral("unsupported_language"),
                                    QStringLiteral("supported: ko, en, ja, zh, th, vi"));
            identify(bearerToken(request), false, reply,
                     [this, reply, text, source, target](Identity) {
                         m_translator.translate(TranslationRequest{text, source, target},
                                                [reply](TranslationOutcome outcome) {
                                                    nlohmann::json body = outcome.translation;
                                                    body["glossary"] = outcome.glossary;
                                                    reply->bytes(dump(body), "application/json");
                                                });
                     });
        });

    server.route(
        QStringLiteral("/metrics"), Method::Get,
        [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
            m_metrics.httpRequest();
            auto reply = HttpReply::from(std::move(responder));
            const QString store =
                QStringLiteral(
                    "# HELP medtranslate_store_batches_total Transactions that stored messages.\n"
                    "# TYPE medtranslate_store_batches_total "
                    "counter\nmedtranslate_store_batches_total %1\n"
                    "# HELP medtranslate_store_failures_total Store operations the database "
                    "refused.\n"
                    "# TYPE medtranslate_store_failures_total "
                    "counter\nmedtranslate_store_failures_total %2\n")
                    .arg(m_store.committedBatches())
                    .arg(m_store.failedWrites());
            reply->bytes(m_metrics.toPrometheus(store + m_translator.metricsText()).toUtf8(),
                         "text/plain; version=0.0.4; charset=utf-8");
        });

    // The patient widget. The chat page may only be framed by the configured hospital sites.
    auto widget = std::make_shared<WidgetFiles>(m_config.widgetDir);
    const QByteArray frameAncestors = m_config.allowedOrigins.isEmpty()
                                          ? QByteArray("*")
                                          : m_config.allowedOrigins.join(QLatin1Char(' ')).toUtf8();
    const QByteArray pagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; object-src 'none'; "
        "frame-ancestors " +
        frameAncestors;
    auto serveFile = [this, widget, pagePolicy](const QString &name,
                                                const QHttpServerRequest &request,
                                                QHttpServerResponder &&responder) {
        m_metrics.httpRequest();
        auto reply = HttpReply::from(std::move(responder));
        const auto file = widget->read(name);
        if (!file)
            return reply->error(Status::NotFound, QStringLiteral("not_found"),
                                QStringLiteral("no such file"));
        // Browsers keep the files but ask each time; an unchanged file costs a 304, and a new
        // widget version reaches every hospital page at once.
        HttpReply::Headers headers{{"Referrer-Policy", "no-referrer"},
                                   {"Cache-Control", "no-cache"},
                                   {"ETag", file->etag}};
        if (file->mimeType.startsWith("text/html"))
            headers.push_back({"Content-Security-Policy", pagePolicy});
        bool unchanged = false;
        for (const QByteArray &tag : header(request, "If-None-Match").split(','))
            unchanged = unchanged || tag.trimmed() == file->etag || tag.trimmed() == "*";
        if (unchanged)
            return reply->bytes({}, file->mimeType, Status::NotModified, headers);
        reply->bytes(file->body, file->mimeType, Status::Ok, headers);
    };
    server.route(QStringLiteral("/widget.js"), Method::Get,
                 [serveFile](const QHttpServerRequest &request, QHttpServerResponder &&r) {
                     serveFile(QStringLiteral("widget.js"), request, std::move(r));
                 });
    server.route(QStringLiteral("/chat"), Method::Get,
                 [serveFile](const QHttpServerRequest &request, QHttpServerResponder &&r) {
                     serveFile(QStringLiteral("chat.html"), request, std::move(r));
                 });
    server.route(QStringLiteral("/demo"), Method::Get,
                 [serveFile](const QHttpServerRequest &request, QHttpServerResponder &&r) {
                     serveFile(QStringLiteral("demo.html"), request, std::move(r));
                 });
    server.route(QStringLiteral("/static/<arg>"), Method::Get,
                 [serveFile](const QString &name, const QHttpServerRequest &request,
                             QHttpServerResponder &&r) { serveFile(name, request, std::move(r)); });

    server.setMissingHandler([this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        m_metrics.httpRequest();
        HttpReply::from(std::move(responder))
            ->error(Status::NotFound, QStringLiteral("not_found"), QStringLiteral("no such route"));
    });
}

} // namespace medtranslate::relay
