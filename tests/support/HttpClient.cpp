#include "HttpClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace medtranslate::test {

nlohmann::json HttpResponse::json() const
{
    return nlohmann::json::parse(body.toStdString(), nullptr, false);
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {
HttpResponse perform(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                     const QString &bearer, int timeoutMs, const HttpClient::Headers &headers = {})
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = verb == "GET" ? manager.get(request) : manager.post(request, body);
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResponse response;
    if (reply->isFinished()) {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.headers = reply->rawHeaderPairs();
    }
    reply->abort();
    delete reply;
    return response;
}
} // namespace

HttpResponse HttpClient::get(const QUrl &url, const QString &bearer, int timeoutMs,
                             const Headers &headers)
{
    return perform("GET", url, {}, bearer, timeoutMs, headers);
}

HttpResponse HttpClient::post(const QUrl &url, const QByteArray &body, const QString &bearer,
                              int timeoutMs)
{
    return perform("POST", url, body, bearer, timeoutMs);
}

HttpResponse HttpClient::post(const QUrl &url, const QByteArray &body, const QString &bearer,
                              int timeoutMs, const Headers &headers)
{
    return perform("POST", url, body, bearer, timeoutMs, headers);
}

} // namespace medtranslate::test
