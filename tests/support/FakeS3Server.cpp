#include "FakeS3Server.h"

#include "attachments/AwsSigV4.h"

#include <QTcpSocket>
#include <QTimeZone>
#include <algorithm>
#include <cstdlib>

namespace medtranslate::test {

using relay::AwsSigV4;
using relay::SigV4Request;

namespace {
//! S3 refuses a request signed more than this far from its own clock.
constexpr qint64 kMaxSkewSeconds = 15 * 60;

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

//! "k1=v1, k2=v2" after the algorithm name, as S3 reads the Authorization header.
QHash<QByteArray, QByteArray> authorizationFields(const QByteArray &value)
{
    QHash<QByteArray, QByteArray> fields;
    for (const QByteArray &part : value.split(',')) {
        const QByteArray field = part.trimmed();
        const qsizetype equals = field.indexOf('=');
        if (equals > 0)
            fields.insert(field.left(equals).trimmed(), field.mid(equals + 1).trimmed());
    }
    return fields;
}

//! The request target's path, percent-decoded as S3 reads it.
QByteArray decodedPath(const QByteArray &target)
{
    const qsizetype question = target.indexOf('?');
    return QByteArray::fromPercentEncoding(question < 0 ? target : target.left(question));
}
} // namespace

QByteArray FakeS3Request::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &[n, value] : headers) {
        if (n == lower)
            return value;
    }
    return {};
}

int FakeS3Request::headerCount(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    return int(std::count_if(headers.begin(), headers.end(),
                             [&lower](const auto &h) { return h.first == lower; }));
}

FakeS3Server::FakeS3Server(Options options)
    : m_options(std::move(options)), m_clock([]() { return QDateTime::currentDateTimeUtc(); })
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeS3Server::accept);
    m_server.listen(QHostAddress::LocalHost, 0);
}

FakeS3Server::~FakeS3Server()
{
    for (auto it = m_buffers.begin(); it != m_buffers.end(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        it.key()->deleteLater();
    }
}

QString FakeS3Server::endpoint() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void FakeS3Server::failNext(int count, int status)
{
    m_failCount = count;
    m_failStatus = status;
}

QByteArray FakeS3Server::object(const QByteArray &key) const
{
    return m_objects.value(key).bytes;
}

QByteArray FakeS3Server::contentType(const QByteArray &key) const
{
    return m_objects.value(key).contentType;
}

void FakeS3Server::plant(const QByteArray &key, const QByteArray &bytes)
{
    m_objects.insert(key, Object{bytes, "application/octet-stream"});
}

void FakeS3Server::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeS3Server::readFrom(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    // Several requests may come on one kept-alive connection.
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        FakeS3Request request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.append(
                    {lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed()});
        }
        const qsizetype length = request.header("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        const QByteArray body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        request.bodySize = body.size();
        if (m_stalled) {
            m_requests.push_back(request);
            continue; // read, never answered: the client's timeout must act
        }
        const Reply reply = answer(request, body);
        request.status = reply.status;
        m_requests.push_back(request);
        respond(socket, reply);
    }
}

FakeS3Server::Reply FakeS3Server::answer(const FakeS3Request &request, const QByteArray &body)
{
    if (m_failCount > 0) {
        --m_failCount;
        return m_failStatus == 503 ? error(503, "SlowDown", "Please reduce your request rate.")
                                   : error(m_failStatus, "InternalError",
                                           "We encountered an internal error. Please try again.");
    }
    if (auto refused = checkAuth(request, body))
        return *refused;

    const QByteArray path = decodedPath(request.target);
    const QByteArray bucketPath = '/' + m_options.bucket.toUtf8();
    if (path != bucketPath && !path.startsWith(bucketPath + '/'))
        return error(404, "NoSuchBucket", "The specified bucket does not exist");
    const QByteArray key = path.mid(bucketPath.size() + 1);
    if (key.isEmpty())
        return error(501, "NotImplemented", "Bucket operations are not faked");

    const auto found = m_objects.constFind(key);
    if (request.method == "PUT") {
        QByteArray type = request.header("content-type");
        if (type.isEmpty())
            type = "binary/octet-stream";
        m_objects.insert(key, Object{body, type});
        return Reply{200, {}, {{"ETag", '"' + AwsSigV4::sha256Hex(body).left(32) + '"'}}};
    }
    if (request.method == "GET" || request.method == "HEAD") {
        if (found == m_objects.cend()) {
            Reply missing = error(404, "NoSuchKey", "The specified key does not exist.");
            missing.headOnly = request.method == "HEAD";
            return missing;
        }
        Reply reply{200, found->bytes, {{"Content-Type", found->contentType}}};
        reply.headOnly = request.method == "HEAD";
        return reply;
    }
    if (request.method == "DELETE") {
        m_objects.remove(key);
        return Reply{204, {}, {}};
    }
    return error(405, "MethodNotAllowed",
                 "The specified method is not allowed against this resource.");
}

std::optional<FakeS3Server::Reply> FakeS3Server::checkAuth(const FakeS3Request &request,
                                                           const QByteArray &body) const
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return error(403, "AccessDenied", "Access Denied");
    const QByteArray algorithm = QByteArray(AwsSigV4::kAlgorithm) + ' ';
    if (!authorization.startsWith(algorithm))
        return error(400, "InvalidArgument", "Unsupported Authorization Type");
    const auto fields = authorizationFields(authorization.mid(algorithm.size()));
    const QList<QByteArray> credential = fields.value("Credential").split('/');
    const QList<QByteArray> signedNames = fields.value("SignedHeaders").split(';');
    const QByteArray signature = fields.value("Signature");
    if (credential.size() != 5 || signedNames.isEmpty() || signature.isEmpty() ||
        credential[4] != "aws4_request")
        return error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed.");
    if (credential[0] != m_options.accessKeyId.toUtf8())
        return error(403, "InvalidAccessKeyId",
                     "The AWS Access Key Id you provided does not exist in our records.");
    if (credential[2] != m_options.region.toUtf8() || credential[3] != "s3")
        return error(400, "AuthorizationHeaderMalformed",
                     "The authorization header is malformed; the region or service is wrong.");

    const QByteArray amzDate = request.header("x-amz-date");
    QDateTime when =
        QDateTime::fromString(QString::fromLatin1(amzDate), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    when.setTimeZone(QTimeZone::utc());
    if (amzDate.isEmpty() || !when.isValid())
        return error(403, "AccessDenied",
                     "AWS authentication requires a valid Date or x-amz-date header");
    if (std::abs(when.secsTo(m_clock())) > kMaxSkewSeconds)
        return error(403, "RequestTimeTooSkewed",
                     "The difference between the request time and the current time is too "
                     "large.");
    if (credential[1] != amzDate.left(8))
        return error(403, "SignatureDoesNotMatch",
                     "The credential date does not match the request date.");

    const QByteArray payloadHash = request.header("x-amz-content-sha256");
    if (payloadHash.isEmpty())
        return error(400, "InvalidRequest",
                     "Missing required header for this request: x-amz-content-sha256");
    if (payloadHash != AwsSigV4::kUnsignedPayload && payloadHash != AwsSigV4::sha256Hex(body))
        return error(400, "XAmzContentSHA256Mismatch",
                     "The provided 'x-amz-content-sha256' header does not match what was "
                     "computed.");

    // S3 wants host signed, and every x-amz-* header that was sent.
    if (!signedNames.contains("host"))
        return error(403, "AccessDenied", "The host header must be signed.");
    for (const auto &[name, value] : request.headers) {
        if (name.startsWith("x-amz-") && !signedNames.contains(name))
            return error(403, "AccessDenied",
                         "There were headers present in the request which were not signed: " +
                             name);
    }
    if (!m_options.sessionToken.isEmpty() &&
        request.header("x-amz-security-token") != m_options.sessionToken.toUtf8())
        return error(403, "InvalidToken", "The provided token is malformed or otherwise invalid.");

    SigV4Request signing;
    signing.method = request.method;
    const qsizetype question = request.target.indexOf('?');
    signing.path = decodedPath(request.target);
    if (question >= 0) {
        for (const QByteArray &pair : request.target.mid(question + 1).split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype equals = pair.indexOf('=');
            signing.query.append({QByteArray::fromPercentEncoding(pair.left(equals)),
                                  equals < 0
                                      ? QByteArray()
                                      : QByteArray::fromPercentEncoding(pair.mid(equals + 1))});
        }
    }
    for (const auto &[name, value] : request.headers) {
        if (signedNames.contains(name))
            signing.headers.append({name, value});
    }
    signing.payloadHash = payloadHash;
    const AwsSigV4 signer(m_options.accessKeyId, m_options.secretAccessKey, m_options.region,
                          QStringLiteral("s3"));
    if (signer.sign(signing, when).signature != signature)
        return error(403, "SignatureDoesNotMatch",
                     "The request signature we calculated does not match the signature you "
                     "provided. Check your key and signing method.");
    return std::nullopt;
}

FakeS3Server::Reply FakeS3Server::error(int status, const QByteArray &code,
                                        const QByteArray &message)
{
    Reply reply;
    reply.status = status;
    reply.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code +
                 "</Code><Message>" + QString::fromUtf8(message).toHtmlEscaped().toUtf8() +
                 "</Message><RequestId>FAKE</RequestId></Error>";
    reply.headers = {{"Content-Type", "application/xml"}};
    return reply;
}

void FakeS3Server::respond(QTcpSocket *socket, const Reply &reply)
{
    QByteArray response =
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reason(reply.status) + "\r\n";
    response += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        response += name + ": " + value + "\r\n";
    response += "\r\n";
    if (!reply.headOnly)
        response += reply.body;
    socket->write(response);
}

} // namespace medtranslate::test
