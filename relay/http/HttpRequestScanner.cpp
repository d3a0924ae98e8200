#include "http/HttpRequestScanner.h"

#include <QList>

namespace medtranslate::relay {

namespace {

bool methodHasBody(QByteArrayView method)
{
    return method == "POST" || method == "PUT" || method == "PATCH";
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &part : list.toByteArray().split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

qsizetype HttpRequestScanner::feed(QByteArrayView bytes)
{
    qsizetype at = 0;
    while (at < bytes.size()) {
        switch (m_phase) {
        case Phase::Upgraded:
        case Phase::Refused:
            return at;
        case Phase::Body: {
            const qint64 take = std::min<qint64>(m_bodyLeft, bytes.size() - at);
            m_bodyLeft -= take;
            at += take;
            if (m_bodyLeft == 0)
                enter(Phase::Idle);
            break;
        }
        case Phase::Idle: {
            // Line ends between requests are allowed (and skipped by Qt as well).
            const char c = bytes[at];
            if (c == '\r' || c == '\n') {
                ++at;
                break;
            }
            m_head.clear();
            enter(Phase::Headers);
            break;
        }
        case Phase::Headers: {
            const char c = bytes[at++];
            m_head.append(c);
            if (c == '\n' && (m_head.endsWith("\n\n") || m_head.endsWith("\n\r\n"))) {
                headersComplete();
            } else if (m_head.size() > m_limits.maxHeaderBytes) {
                refuse(431, "too_large",
                       QStringLiteral("the request headers are larger than %1 bytes")
                           .arg(m_limits.maxHeaderBytes));
            }
            break;
        }
        }
    }
    return at;
}

void HttpRequestScanner::headersComplete()
{
    QList<QByteArray> lines = m_head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || requestLine[0].isEmpty() || requestLine[1].isEmpty() ||
        !requestLine[2].startsWith("HTTP/1."))
        return refuse(400, "bad_request", QStringLiteral("malformed request line"));
    const QByteArray &method = requestLine[0];

    std::optional<qint64> contentLength;
    bool transferEncoding = false;
    QByteArray connection, upgrade;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.isEmpty())
            continue;
        if (line.front() == ' ' || line.front() == '\t')
            return refuse(400, "bad_request", QStringLiteral("folded header lines are refused"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse(400, "bad_request", QStringLiteral("malformed header line"));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = value.size() <= 18 && !value.isEmpty();
            for (const char d : value)
                ok = ok && d >= '0' && d <= '9';
            const qint64 length = ok ? value.toLongLong() : -1;
            // Two different lengths are a request-smuggling attempt, not a mistake to guess at.
            if (!ok || (contentLength && *contentLength != length))
                return refuse(400, "bad_request", QStringLiteral("invalid Content-Length"));
            contentLength = length;
        } else if (name == "transfer-encoding") {
            transferEncoding = true;
        } else if (name == "connection") {
            connection += ',' + value;
        } else if (name == "upgrade") {
            upgrade = value;
        }
    }

    if (transferEncoding)
        return refuse(411, "bad_request",
                      QStringLiteral("send the body with a Content-Length; chunked or encoded "
                                     "bodies are not accepted"));
    if (!contentLength && methodHasBody(method))
        return refuse(
            411, "bad_request",
            QStringLiteral("a %1 request needs a Content-Length").arg(QString::fromLatin1(method)));
    const qint64 maxBody =
        isUpload(method, requestLine[1]) ? m_limits.maxUploadBytes : m_limits.maxBodyBytes;
    if (contentLength && *contentLength > maxBody)
        return refuse(413, "too_large",
                      QStringLiteral("the body is larger than %1 bytes").arg(maxBody));

    ++m_requests;
    m_head.clear();
    m_head.squeeze();
    if (method == "GET" && containsToken(connection, "upgrade") &&
        upgrade.compare("websocket", Qt::CaseInsensitive) == 0) {
        enter(Phase::Upgraded);
        return;
    }
    m_bodyLeft = contentLength.value_or(0);
    enter(m_bodyLeft > 0 ? Phase::Body : Phase::Idle);
}

bool HttpRequestScanner::isUpload(QByteArrayView method, QByteArrayView target)
{
    // /api/rooms/<id>/attachments, with or without a query
    constexpr QByteArrayView prefix("/api/rooms/");
    constexpr QByteArrayView suffix("/attachments");
    if (method != QByteArrayView("POST") || !target.startsWith(prefix))
        return false;
    const qsizetype query = target.indexOf('?');
    const QByteArrayView path = query < 0 ? target : target.first(query);
    if (!path.endsWith(suffix) || path.size() <= prefix.size() + suffix.size())
        return false;
    const QByteArrayView id =
        path.sliced(prefix.size(), path.size() - prefix.size() - suffix.size());
    return !id.contains('/');
}

void HttpRequestScanner::refuse(int status, const char *code, QString message)
{
    m_refusal = Refusal{status, code, std::move(message)};
    m_head.clear();
    m_head.squeeze();
    enter(Phase::Refused);
}

void HttpRequestScanner::enter(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    ++m_changes;
}

} // namespace medtranslate::relay
