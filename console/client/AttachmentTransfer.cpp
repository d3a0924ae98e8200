#include "client/AttachmentTransfer.h"

#include "client/RelayClient.h"
#include "medtranslate/protocol/HttpBodies.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace medtranslate::console {

namespace {

constexpr qsizetype kThumbnailCacheBytes = 64 * 1024 * 1024;
constexpr qint64 kMaxThumbnailBytes = 2 * 1024 * 1024; //!< the relay's are ~30 KiB

//! Runs on a worker thread: a thumbnail is small, but a chat may bring dozens at once.
QImage decodeThumbnail(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    // The relay's thumbnails are at most 320 px; anything far larger is not one of them.
    const QSize size = reader.size();
    if (!size.isValid() || size.width() > 1024 || size.height() > 1024)
        return {};
    return reader.read();
}

protocol::ErrorCode codeOf(int status, const QByteArray &body)
{
    if (const auto error = protocol::http::parseBody<protocol::http::ErrorBody>(body.toStdString()))
        return error->code;
    using E = protocol::ErrorCode;
    switch (status) {
    case 401:
        return E::Unauthorized;
    case 403:
        return E::Forbidden;
    case 404:
        return E::NotFound;
    case 409:
        return E::RoomEnded;
    case 413:
        return E::TooLarge;
    case 429:
        return E::RateLimited;
    case 400:
    case 415:
        return E::BadRequest;
    default:
        return E::Internal;
    }
}

} // namespace

AttachmentTransfer::AttachmentTransfer(RelayClient &client, QNetworkAccessManager &network,
                                       QObject *parent)
    : QObject(parent), m_client(client), m_network(network), m_thumbnails(kThumbnailCacheBytes)
{
    qRegisterMetaType<Failure>();
}

AttachmentTransfer::~AttachmentTransfer()
{
    for (const auto &reply : std::as_const(m_uploads)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

QUrl AttachmentTransfer::resolve(const QString &url) const
{
    const QUrl given(url);
    const QUrl relay = m_client.relayUrl();
    if (url.isEmpty() || !given.isValid() || relay.isEmpty())
        return {};
    if (given.isRelative()) {
        // "//host/path" names another host: refused, not quietly sent to the relay.
        if (!given.authority().isEmpty() || !given.path().startsWith(QLatin1Char('/')))
            return {};
        QUrl resolved = RelayClient::endpoint(relay, given.path());
        resolved.setQuery(given.query());
        return resolved;
    }
    const bool sameOrigin = given.scheme() == relay.scheme() && given.host() == relay.host() &&
                            given.port(given.scheme() == QLatin1String("https") ? 443 : 80) ==
                                relay.port(relay.scheme() == QLatin1String("https") ? 443 : 80);
    return sameOrigin ? given : QUrl();
}

QNetworkRequest AttachmentTransfer::authorized(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_client.authorizationHeader());
    request.setTransferTimeout(m_stallMs);
    return request;
}

void AttachmentTransfer::upload(const QString &roomId, const QString &clientMsgId,
                                const QByteArray &bytes, const QString &name)
{
    if (isUploading(clientMsgId))
        return;
    if (!m_client.hasToken()) {
        QTimer::singleShot(0, this, [this, clientMsgId]() {
            emit uploadFailed(clientMsgId, Failure{0, protocol::ErrorCode::Unauthorized,
                                                   tr("Not logged in."), 0});
        });
        return;
    }
    QUrl url = RelayClient::endpoint(m_client.relayUrl(),
                                     QStringLiteral("/api/rooms/%1/attachments").arg(roomId));
    // Encoded by hand: QUrlQuery leaves '+' and '&' of a file name ambiguous.
    url.setQuery(QStringLiteral("client_msg_id=%1&name=%2")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(clientMsgId)),
                          QString::fromLatin1(QUrl::toPercentEncoding(name))),
                 QUrl::StrictMode);
    QNetworkRequest request = authorized(url);
    // The relay decides by the bytes; this only says that it is a plain file body.
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/octet-stream"));
    QNetworkReply *reply = m_network.post(request, bytes);
    m_uploads.insert(clientMsgId, reply);
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this, clientMsgId](qint64 sent, qint64 total) {
                if (total > 0)
                    emit uploadProgress(clientMsgId, sent, total);
            });
    connect(reply, &QNetworkReply::finished, this,
            [this, clientMsgId, reply]() { onUploadFinished(clientMsgId, reply); });
}

bool AttachmentTransfer::isUploading(const QString &clientMsgId) const
{
    return m_uploads.value(clientMsgId) != nullptr;
}

void AttachmentTransfer::onUploadFinished(const QString &clientMsgId, QNetworkReply *reply)
{
    reply->deleteLater();
    m_uploads.remove(clientMsgId);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 200 || status == 201) {
        const auto answer =
            protocol::http::parseBody<protocol::http::AttachmentResponse>(body.toStdString());
        if (answer && answer->message.seq > 0) {
            emit uploaded(clientMsgId, answer->message);
            return;
        }
        // Stored, but the answer is unreadable: the room's `message` frame still brings it.
        emit uploadFailed(clientMsgId, Failure{status, protocol::ErrorCode::Internal,
                                               tr("The relay's answer could not be read."), 0});
        return;
    }
    Failure failure{status, status > 0 ? codeOf(status, body) : protocol::ErrorCode::Internal,
                    problemOf(reply, body), 0};
    if (status == 429)
        failure.retryAfterS = reply->rawHeader("Retry-After").toInt();
    emit uploadFailed(clientMsgId, failure);
}

QString AttachmentTransfer::problemOf(QNetworkReply *reply, const QByteArray &body)
{
    if (const auto error = protocol::http::parseBody<protocol::http::ErrorBody>(body.toStdString());
        error && !error->message.empty())
        return QString::fromStdString(error->message);
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return tr("the transfer stalled and was stopped");
    return reply->errorString();
}

QNetworkReply *AttachmentTransfer::get(const QString &url, QString *error)
{
    const QUrl resolved = resolve(url);
    if (resolved.isEmpty()) {
        *error = tr("The attachment's address is not on the relay.");
        return nullptr;
    }
    if (!m_client.hasToken()) {
        *error = tr("Not logged in.");
        return nullptr;
    }
    return m_network.get(authorized(resolved));
}

void AttachmentTransfer::fetchThumbnail(const QString &url)
{
    if (const QImage *cached = m_thumbnails.object(url)) {
        const QImage image = *cached;
        QTimer::singleShot(0, this, [this, url, image]() { emit thumbnailReady(url, image); });
        return;
    }
    if (m_thumbnailsInFlight.contains(url))
        return;
    QString error;
    QNetworkReply *reply = get(url, &error);
    if (!reply) {
        QTimer::singleShot(0, this, [this, url, error]() { emit thumbnailFailed(url, error); });
        return;
    }
    m_thumbnailsInFlight.insert(url);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxThumbnailBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, url, reply]() { onThumbnailFetched(url, reply); });
}

void AttachmentTransfer::onThumbnailFetched(const QString &url, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 200) {
        m_thumbnailsInFlight.remove(url);
        emit thumbnailFailed(url, problemOf(reply, body));
        return;
    }
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, url, watcher]() {
        watcher->deleteLater();
        m_thumbnailsInFlight.remove(url);
        const QImage image = watcher->result();
        if (image.isNull()) {
            emit thumbnailFailed(url, tr("The thumbnail could not be decoded."));
            return;
        }
        m_thumbnails.insert(url, new QImage(image), qsizetype(image.sizeInBytes()));
        emit thumbnailReady(url, image);
    });
    watcher->setFuture(QtConcurrent::run(decodeThumbnail, body));
}

QImage AttachmentTransfer::cachedThumbnail(const QString &url) const
{
    const QImage *cached = m_thumbnails.object(url);
    return cached ? *cached : QImage();
}

void AttachmentTransfer::download(const QString &url)
{
    QString error;
    QNetworkReply *reply = get(url, &error);
    if (!reply) {
        QTimer::singleShot(0, this, [this, url, error]() { emit downloadFailed(url, error); });
        return;
    }
    connect(reply, &QNetworkReply::finished, this,
            [this, url, reply]() { onDownloadFinished(url, reply); });
}

void AttachmentTransfer::onDownloadFinished(const QString &url, QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 200) {
        emit downloadFailed(url, problemOf(reply, body));
        return;
    }
    emit downloaded(url, body);
}

} // namespace medtranslate::console
