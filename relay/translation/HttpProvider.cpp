#include "translation/HttpProvider.h"

#include "translation/InFlightLimiter.h"
#include "translation/StructuredAnswer.h"

#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace medtranslate::relay {

namespace {
//! What Qt's HTTP/1.1 connection pool opens per host, per network manager.
constexpr int kConnectionsPerManager = 6;
//! Calls out at once unless told otherwise.
constexpr int kDefaultConcurrency = 32;
//! A waiting call with less time than this before its deadline is not sent any more.
constexpr int kMinSendMs = 200;
} // namespace

HttpProvider::HttpProvider(QObject *parent) : TranslationProvider(parent)
{
    setConcurrency(kDefaultConcurrency);
}

HttpProvider::~HttpProvider()
{
    // Calls still out are dropped without calling back: their owner is going away too. Calls
    // still waiting go with the limiter, uncalled.
    const auto replies = findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

void HttpProvider::setConcurrency(int calls)
{
    calls = std::max(1, calls);
    delete m_limiter;
    m_limiter = new InFlightLimiter(calls, kMinSendMs, this);
    for (const Network &network : m_networks)
        delete network.manager;
    m_networks.clear();
    const int managers = (calls + kConnectionsPerManager - 1) / kConnectionsPerManager;
    for (int i = 0; i < managers; ++i)
        m_networks.push_back(Network{new QNetworkAccessManager(this), 0});
}

int HttpProvider::concurrency() const
{
    return m_limiter->limit();
}

int HttpProvider::waiting() const
{
    return m_limiter->waiting();
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
    // Both callbacks share `done`; the limiter runs exactly one of them.
    auto shared = std::make_shared<Done>(std::move(done));
    m_limiter->submit(
        request.deadline, [this, request, shared]() { send(request, std::move(*shared)); },
        [this, shared]() {
            ProviderResult result;
            result.notSent = true;
            result.error = QStringLiteral("not sent: %1 calls already out, deadline reached")
                               .arg(m_limiter->inFlight());
            (*shared)(std::move(result));
        });
}

void HttpProvider::send(const ProviderRequest &request, Done done)
{
    Call call = buildCall(request);
    call.request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                              QNetworkRequest::AlwaysNetwork);
    call.request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    // The least busy manager has a free connection: the limiter never hands out more calls
    // than the managers have connections, so this request leaves now, not from Qt's queue.
    const auto network = std::min_element(
        m_networks.begin(), m_networks.end(),
        [](const Network &a, const Network &b) { return a.inFlight < b.inFlight; });
    ++network->inFlight;
    QNetworkAccessManager *manager = network->manager;
    QNetworkReply *reply = manager->post(call.request, call.body);
    auto timedOut = std::make_shared<bool>(false);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut]() {
        *timedOut = true;
        reply->abort();
    });
    int timeoutMs = std::max(1, request.timeoutMs);
    if (!request.deadline.isForever())
        timeoutMs = int(std::clamp<qint64>(request.deadline.remainingTime(), 1, timeoutMs));
    timer->start(timeoutMs);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, manager, timedOut, timeoutMs, done = std::move(done)]() {
                reply->deleteLater();
                for (Network &n : m_networks) {
                    if (n.manager == manager)
                        --n.inFlight;
                }
                m_limiter->release();
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
                    if (!answersStructured()) {
                        result.ok = true;
                        result.text = *text;
                    } else if (auto answer = StructuredAnswer::parse(*text, &result.error)) {
                        result.ok = true;
                        result.text = answer->translation;
                        result.unclear = answer->unclear;
                    }
                }
                done(std::move(result));
            });
}

} // namespace medtranslate::relay
