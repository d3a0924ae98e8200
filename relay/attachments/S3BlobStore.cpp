#include "attachments/S3BlobStore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QThread>
#include <QXmlStreamReader>
#include <memory>

namespace medtranslate::relay {

namespace {
//! Who gets a callback: `context`, on its thread, unless it was destroyed meanwhile. A call
//! without a context has nobody to outlive and is always called back, on the store's thread.
struct Recipient
{
    explicit Recipient(QObject *object) : context(object), hasContext(object != nullptr) {}

    //! Calls `call` directly when already on the right thread and `queue` is false, else
    //! posts it there (a posted call dies with its receiver).
    void run(QObject *store, std::function<void()> call, bool queue) const
    {
        if (hasContext && !context)
            return;
        QObject *receiver = hasContext ? context.data() : store;
        if (!queue && receiver->thread() == QThread::currentThread())
            call();
        else
            QMetaObject::invokeMethod(receiver, std::move(call), Qt::QueuedConnection);
    }

    QPointer<QObject> context;
    bool hasContext;
};

//! The `<Code>` and `<Message>` of an S3 XML error body; empty when there is none.
QPair<QString, QString> s3Error(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    QString code;
    QString message;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"Code")
            code = xml.readElementText().trimmed();
        else if (xml.name() == u"Message")
            message = xml.readElementText().simplified();
    }
    return {code, message};
}

QString httpError(const char *method, const QString &key, int status, const QByteArray &body)
{
    const auto [code, message] = s3Error(body);
    QString text = QStringLiteral("s3 %1 %2: HTTP %3").arg(QLatin1String(method), key).arg(status);
    if (!code.isEmpty())
        text += QLatin1Char(' ') + code;
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message.left(200);
    return text;
}

QString callError(const char *method, const QString &key, const QString &why)
{
    return QStringLiteral("s3 %1 %2: %3").arg(QLatin1String(method), key, why);
}

QString trimmedEndpoint(const QString &endpoint)
{
    QString root = endpoint.trimmed();
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    return root;
}
} // namespace

S3BlobStore::S3BlobStore(S3Config config, QObject *parent)
    : BlobStore(parent), m_config(std::move(config)),
      m_signer(m_config.accessKeyId, m_config.secretAccessKey, m_config.region,
               QStringLiteral("s3")),
      m_network(new QNetworkAccessManager(this)),
      m_clock([]() { return QDateTime::currentDateTimeUtc(); })
{
}

S3BlobStore::~S3BlobStore()
{
    // Calls still out are dropped without a callback: their store is going away.
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

QString S3BlobStore::describe() const
{
    return QStringLiteral("s3 %1/%2").arg(trimmedEndpoint(m_config.endpoint), m_config.bucket);
}

QUrl S3BlobStore::objectUrl(const QString &key) const
{
    QUrl url(trimmedEndpoint(m_config.endpoint));
    QString base = url.path(QUrl::FullyDecoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString path =
        base + QLatin1Char('/') + m_config.bucket + QLatin1Char('/') + m_config.prefix + key;
    // The path goes out encoded exactly as it is signed.
    url.setPath(QString::fromLatin1(AwsSigV4::canonicalUri(path.toUtf8())), QUrl::StrictMode);
    return url;
}

void S3BlobStore::put(const QString &key, const QByteArray &bytes, const QString &contentType,
                      QObject *context, Written done)
{
    const Recipient recipient(context);
    if (!isValidKey(key)) {
        recipient.run(
            this, [done]() { done(QStringLiteral("s3 PUT: refused, not a SHA-256 key")); }, true);
        return;
    }
    if (QString::fromLatin1(AwsSigV4::sha256Hex(bytes)) != key) {
        recipient.run(
            this,
            [done, key]() {
                done(
                    callError("PUT", key, QStringLiteral("refused, not the SHA-256 of the bytes")));
            },
            true);
        return;
    }
    send("PUT", key, bytes, contentType, context,
         [key, done](int status, const QByteArray &body, const QString &error) {
             if (!error.isEmpty())
                 done(callError("PUT", key, error));
             else if (status >= 200 && status < 300)
                 done({});
             else
                 done(httpError("PUT", key, status, body));
         });
}

void S3BlobStore::get(const QString &key, QObject *context, Read done)
{
    if (!isValidKey(key)) {
        Recipient(context).run(
            this,
            [done]() { done(std::nullopt, QStringLiteral("s3 GET: refused, not a SHA-256 key")); },
            true);
        return;
    }
    send("GET", key, {}, {}, context,
         [key, done](int status, const QByteArray &body, const QString &error) {
             if (!error.isEmpty()) {
                 done(std::nullopt, callError("GET", key, error));
             } else if (status == 200) {
                 if (QString::fromLatin1(AwsSigV4::sha256Hex(body)) != key)
                     done(std::nullopt,
                          callError("GET", key,
                                    QStringLiteral("%1 bytes that do not hash to the key")
                                        .arg(body.size())));
                 else
                     done(body, {});
             } else if (status == 404 && s3Error(body).first != u"NoSuchBucket") {
                 done(std::nullopt, {});
             } else {
                 done(std::nullopt, httpError("GET", key, status, body));
             }
         });
}

void S3BlobStore::remove(const QString &key, QObject *context, Written done)
{
    if (!isValidKey(key)) {
        Recipient(context).run(
            this, [done]() { done(QStringLiteral("s3 DELETE: refused, not a SHA-256 key")); },
            true);
        return;
    }
    send("DELETE", key, {}, {}, context,
         [key, done](int status, const QByteArray &body, const QString &error) {
             if (!error.isEmpty())
                 done(callError("DELETE", key, error));
             else if (status == 200 || status == 204 ||
                      (status == 404 && s3Error(body).first != u"NoSuchBucket"))
                 done({});
             else
                 done(httpError("DELETE", key, status, body));
         });
}

void S3BlobStore::send(const QByteArray &method, const QString &key, const QByteArray &body,
                       const QString &contentType, QObject *context, Finished finished)
{
    if (QThread::currentThread() != thread()) {
        // The network manager lives on the store's thread; so does every request.
        QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        QMetaObject::invokeMethod(
            this,
            [=, this, finished = std::move(finished)]() mutable {
                if (hasContext && !guard)
                    return;
                send(method, key, body, contentType, guard.data(), std::move(finished));
            },
            Qt::QueuedConnection);
        return;
    }

    const QUrl url = objectUrl(key);
    const QDateTime now = m_clock();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());

    SigV4Request signing;
    signing.method = method;
    signing.path = QByteArray::fromPercentEncoding(url.path(QUrl::FullyEncoded).toLatin1());
    signing.payloadHash = AwsSigV4::sha256Hex(body);
    signing.headers = {
        {"host", host},
        {"x-amz-content-sha256", signing.payloadHash},
        {"x-amz-date", AwsSigV4::amzDate(now)},
    };
    if (!m_config.sessionToken.isEmpty())
        signing.headers.append({"x-amz-security-token", m_config.sessionToken.toUtf8()});
    if (method == "PUT") {
        const QString type =
            contentType.isEmpty() ? QStringLiteral("application/octet-stream") : contentType;
        signing.headers.append({"content-type", type.toUtf8()});
        signing.headers.append({"content-length", QByteArray::number(body.size())});
    }
    const AwsSigV4::Signature signature = m_signer.sign(signing, now);

    QNetworkRequest request(url);
    for (const auto &[name, value] : std::as_const(signing.headers))
        request.setRawHeader(name, value);
    request.setRawHeader("authorization", signature.authorization);
    request.setTransferTimeout(std::max(1, m_config.timeoutMs));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    // A redirect would be sent on unsigned; S3 names the right endpoint in the error instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);

    QNetworkReply *reply = nullptr;
    if (method == "PUT")
        reply = m_network->put(request, body);
    else if (method == "DELETE")
        reply = m_network->deleteResource(request);
    else
        reply = m_network->get(request);

    const Recipient recipient(context);
    const int timeoutMs = std::max(1, m_config.timeoutMs);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, recipient, timeoutMs, finished = std::move(finished)]() {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                QString error;
                QByteArray answer;
                if (reply->error() == QNetworkReply::OperationCanceledError ||
                    reply->error() == QNetworkReply::TimeoutError) {
                    // Only the transfer timeout cancels: the destructor disconnects first.
                    error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
                } else if (status == 0) {
                    error = QStringLiteral("network: %1").arg(reply->errorString());
                } else {
                    answer = reply->readAll();
                }
                recipient.run(
                    this, [finished, status, answer, error]() { finished(status, answer, error); },
                    false);
            });
}

} // namespace medtranslate::relay
