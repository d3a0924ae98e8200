#include "translation/HttpProvider.h"

#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace medtranslate::relay {

HttpProvider::HttpProvider(QObject *parent)
    : TranslationProvider(parent), m_network(new QNetworkAccessManager(this))
{
}

HttpProvider::~HttpProvider()
{
    // Calls still out are dropped without calling back: their owner is going away too.
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

QUrl HttpProvider::endpoint(const QString &base, const QString &path)
{
    QString root = base.trimmed();
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    QString tail = path;
    const int slash = int(tail.indexOf(QLatin1Char('/'), 1));
    if (slash > 0 && root.endsWith(tail.left(slash)))
        tail = tail.mid(slash);
    return QUrl(root + tail);
}

int HttpProvider::parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok)
        return seconds < 0 ? 0 : int(seconds * 1000);
    // HTTP dates are IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    QString text = QString::fromLatin1(trimmed);
    if (const qsizetype comma = text.indexOf(QLatin1Char(',')); comma >= 0)
        text = text.mid(comma + 1).trimmed();
    if (text.endsWith(QLatin1String(" GMT")))
        text.chop(4);
    QDateTime when = QLocale::c().toDateTime(text, QStringLiteral("dd MMM yyyy hh:mm:ss"));
    if (when.isValid())
        when.setTimeSpec(Qt::UTC);
    else
        when = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)));
}

void HttpProvider::translate(const ProviderRequest &request, Done done)
{
    Call call = buildCall(request);
    call.request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                              QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = m_network->post(call.request, call.body);
    auto timedOut = std::make_shared<bool>(false);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut]() {
        *timedOut = true;
        reply->abort();
    });
    timer->start(std::max(1, request.timeoutMs));
    const int timeoutMs = request.timeoutMs;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, timedOut, timeoutMs, done = std::move(done)]() {
                reply->deleteLater();
                ProviderResult result;
                result.httpStatus =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray body = *timedOut ? QByteArray() : reply->readAll();
                if (*timedOut) {
                    result.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
                } else if (result.httpStatus == 0) {
                    result.error = QStringLiteral("network: %1").arg(reply->errorString());
                } else if (result.httpStatus == 429 || result.httpStatus >= 500) {
                    result.retryable = true;
                    result.retryAfterMs = parseRetryAfter(reply->rawHeader("Retry-After"));
                    result.error = QStringLiteral("HTTP %1").arg(result.httpStatus);
                } else if (result.httpStatus < 200 || result.httpStatus >= 300) {
                    result.error = QStringLiteral("HTTP %1: %2")
                                       .arg(result.httpStatus)
                                       .arg(QString::fromUtf8(body.left(200)).simplified());
                } else if (auto text = parseAnswer(body, &result.error)) {
                    result.ok = true;
                    result.text = *text;
                }
                done(std::move(result));
            });
}

} // namespace medtranslate::relay
