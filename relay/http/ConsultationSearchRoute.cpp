#include "http/ConsultationSearchRoute.h"

#include "core/RelayMetrics.h"
#include "http/RouteSupport.h"
#include "storage/SearchText.h"
#include "storage/Store.h"

#include <QDateTime>
#include <QHttpServer>
#include <QTimeZone>
#include <QUrlQuery>
#include <algorithm>

namespace medtranslate::relay {

namespace {

using Status = HttpReply::Status;
using protocol::ErrorCode;
namespace http = protocol::http;

constexpr qsizetype kSnippetChars = 160;
constexpr qsizetype kSnippetLead = 40; //!< characters kept before the words

//! A bound as stored rooms' created_at compares with it (ISO 8601 UTC, seconds); nothing for
//! a day or time that does not exist. A date is the start of its UTC day, or of the next one
//! for an upper bound, so that `to` includes its whole day.
std::optional<QString> utcBound(const QString &value, bool upper)
{
    if (value.isEmpty())
        return QString();
    QDateTime at;
    if (value.size() == 10) {
        const QDate day = QDate::fromString(value, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        at = QDateTime(upper ? day.addDays(1) : day, QTime(0, 0), QTimeZone::utc());
    } else {
        at = QDateTime::fromString(value, Qt::ISODateWithMs);
    }
    if (!at.isValid())
        return std::nullopt;
    return at.toUTC().toString(Qt::ISODate);
}

//! The page cursor: the last room's (created_at, id), opaque to clients.
QString cursorOf(const RoomRecord &room)
{
    const QByteArray raw = QByteArray::fromStdString(room.room.createdAt + '\n' + room.room.roomId);
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool readCursor(const QString &cursor, ConsultationQuery &query)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QList<QByteArray> parts = (*decoded).split('\n');
    if (parts.size() != 2 || parts[1].isEmpty() ||
        !QDateTime::fromString(QString::fromUtf8(parts[0]), Qt::ISODate).isValid())
        return false;
    query.beforeCreatedAt = QString::fromUtf8(parts[0]);
    query.beforeId = QString::fromUtf8(parts[1]);
    return true;
}

//! About kSnippetChars of `text` around the first `words`, "…" where it was cut.
std::string snippet(const QString &text, const QString &words)
{
    if (text.size() <= kSnippetChars)
        return text.toStdString();
    qsizetype start = std::max<qsizetype>(0, SearchText::find(text, words) - kSnippetLead);
    start = std::min(start, text.size() - kSnippetChars);
    if (start > 0 && text.at(start).isLowSurrogate())
        ++start;
    qsizetype end = std::min(text.size(), start + kSnippetChars);
    if (end < text.size() && text.at(end).isLowSurrogate())
        ++end;
    QString cut = text.mid(start, end - start);
    if (start > 0)
        cut.prepend(QChar(0x2026));
    if (end < text.size())
        cut.append(QChar(0x2026));
    return cut.toStdString();
}

http::ConsultationSummary summaryOf(const ConsultationMatch &found, const QString &words)
{
    const protocol::Room &room = found.room.room;
    http::ConsultationSummary s;
    s.roomId = room.roomId;
    s.language = room.patientLanguage;
    s.status = room.status;
    s.createdAt = room.createdAt;
    s.endedAt = found.room.endedAt.toStdString();
    s.agent = room.agent;
    s.messageCount = found.messageCount;
    s.urgent = room.urgent;
    if (found.match) {
        const protocol::Message &m = *found.match;
        s.match = http::ConsultationSnippet{
            m.seq, m.sender, m.createdAt, snippet(QString::fromStdString(m.text), words),
            snippet(QString::fromStdString(m.translation.text), words)};
    }
    return s;
}

//! What the audit log keeps of a search: the filters, not the words (they may be a
//! patient's name, and the log outlives the consultations it mentions).
QString auditDetail(const ConsultationQuery &query, const http::ConsultationSearchRequest &asked,
                    std::size_t results)
{
    QStringList parts;
    parts << QStringLiteral("language %1")
                 .arg(query.language.isEmpty() ? QStringLiteral("all") : query.language);
    if (!asked.from.empty() || !asked.to.empty())
        parts << QStringLiteral("created %1..%2")
                     .arg(QString::fromStdString(asked.from), QString::fromStdString(asked.to));
    if (!query.words.isEmpty())
        parts << QStringLiteral("words (%1 characters)").arg(query.words.size());
    if (!query.beforeId.isEmpty())
        parts << QStringLiteral("a later page");
    parts << QStringLiteral("%1 consultations found").arg(results);
    return parts.join(QStringLiteral(", "));
}

} // namespace

ConsultationSearchRoute::ConsultationSearchRoute(const Caller &caller, Store &store,
                                                 RelayMetrics &metrics, QObject *context)
    : m_caller(caller), m_store(store), m_metrics(metrics), m_context(context)
{
}

void ConsultationSearchRoute::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/consultations"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     search(request, std::move(responder));
                 });
}

void ConsultationSearchRoute::search(const QHttpServerRequest &request,
                                     QHttpServerResponder &&responder)
{
    m_metrics.httpRequest();
    auto reply = HttpReply::from(std::move(responder));
    const QUrlQuery url(request.url());
    const auto item = [&url](const char *key) {
        return url.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    };
    http::ConsultationSearchRequest asked;
    asked.language = item("language").toStdString();
    asked.from = item("from").toStdString();
    asked.to = item("to").toStdString();
    asked.q = item("q").trimmed().toStdString();
    asked.before = item("before").toStdString();
    bool limitOk = true;
    if (url.hasQueryItem(QStringLiteral("limit")))
        asked.limit = item("limit").toInt(&limitOk);
    if (!limitOk)
        asked.limit = 0; // refused below with the limit's message
    const QString origin = request.remoteAddress().toString();

    // Agents only (no patient token), and no web page: the answer is patient data.
    m_caller.identify(request, false, reply, [this, reply, asked, origin](Identity who) {
        if (const auto refused = http::validate(asked))
            return reply->error(*refused);
        ConsultationQuery query;
        query.language =
            asked.language == "all" ? QString() : QString::fromStdString(asked.language);
        query.words = QString::fromStdString(asked.q);
        query.limit = asked.limit + 1; // one more tells whether there is a next page
        const auto from = utcBound(QString::fromStdString(asked.from), false);
        const auto until = utcBound(QString::fromStdString(asked.to), true);
        if (!from || !until)
            return reply->error(Status::BadRequest, ErrorCode::BadRequest,
                                QStringLiteral("from and to must be days and times that exist"));
        if (!from->isEmpty() && !until->isEmpty() && *from >= *until)
            return reply->error(Status::BadRequest, ErrorCode::BadRequest,
                                QStringLiteral("from must be before to"));
        query.from = *from;
        query.until = *until;
        if (!asked.before.empty() && !readCursor(QString::fromStdString(asked.before), query))
            return reply->error(Status::BadRequest, ErrorCode::BadRequest,
                                QStringLiteral("before must be a next_before this relay gave"));
        const int pageSize = asked.limit;
        m_store.searchConsultations(
            query, m_context,
            [this, reply, who, query, asked, origin,
             pageSize](Result<std::vector<ConsultationMatch>> found) {
                if (!found.ok())
                    return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                        QStringLiteral("the search is unavailable now"));
                std::vector<ConsultationMatch> rooms = std::move(found).value();
                http::ConsultationSearchResponse page;
                if (rooms.size() > std::size_t(pageSize)) {
                    rooms.resize(std::size_t(pageSize));
                    page.nextBefore = cursorOf(rooms.back().room).toStdString();
                }
                for (const ConsultationMatch &room : rooms)
                    page.consultations.push_back(summaryOf(room, query.words));
                AuditEntry entry;
                entry.actor = QStringLiteral("agent:") + who.agent.username;
                entry.action = QStringLiteral("search");
                entry.detail = auditDetail(query, asked, rooms.size());
                entry.origin = origin;
                // Like an export: the records go out only once the log says who read them.
                const nlohmann::json body = page;
                m_store.appendAudit(
                    std::move(entry), m_context, [reply, body](Result<void> logged) {
                        if (!logged.ok())
                            return reply->error(Status::ServiceUnavailable, ErrorCode::Internal,
                                                QStringLiteral("the search could not be logged"));
                        reply->json(body);
                    });
            });
    });
}

} // namespace medtranslate::relay
