#include "attachments/AwsSigV4.h"

#include <QTimeZone>
#include <algorithm>
#include <map>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdexcept>

namespace medtranslate::relay {

namespace {
bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}
} // namespace

AwsSigV4::AwsSigV4(QString accessKeyId, QString secretAccessKey, QString region, QString service)
    : m_accessKeyId(accessKeyId.toUtf8()), m_secretAccessKey(secretAccessKey.toUtf8()),
      m_region(region.toUtf8()), m_service(service.toUtf8())
{
}

AwsSigV4::Signature AwsSigV4::sign(const SigV4Request &request, const QDateTime &when) const
{
    Signature result;
    result.canonicalRequest = canonicalRequest(request);
    result.signedHeaders = canonicalHeaders(request.headers).second;
    result.stringToSign = stringToSign(result.canonicalRequest, when);
    result.signature = hmacSha256(signingKey(when), result.stringToSign).toHex();
    result.authorization = QByteArray(kAlgorithm) + " Credential=" + m_accessKeyId + '/' +
                           scope(when) + ", SignedHeaders=" + result.signedHeaders +
                           ", Signature=" + result.signature;
    return result;
}

QByteArray AwsSigV4::scope(const QDateTime &when) const
{
    return amzDate(when).left(8) + '/' + m_region + '/' + m_service + "/aws4_request";
}

QByteArray AwsSigV4::stringToSign(const QByteArray &canonicalRequest, const QDateTime &when) const
{
    return QByteArray(kAlgorithm) + '\n' + amzDate(when) + '\n' + scope(when) + '\n' +
           sha256Hex(canonicalRequest);
}

QByteArray AwsSigV4::signingKey(const QDateTime &when) const
{
    QByteArray key = hmacSha256("AWS4" + m_secretAccessKey, amzDate(when).left(8));
    key = hmacSha256(key, m_region);
    key = hmacSha256(key, m_service);
    return hmacSha256(key, "aws4_request");
}

QByteArray AwsSigV4::canonicalRequest(const SigV4Request &request)
{
    const auto [headers, signedHeaders] = canonicalHeaders(request.headers);
    return request.method + '\n' + canonicalUri(request.path) + '\n' +
           canonicalQuery(request.query) + '\n' + headers + '\n' + signedHeaders + '\n' +
           request.payloadHash;
}

QByteArray AwsSigV4::canonicalUri(QByteArrayView path)
{
    if (path.isEmpty())
        return "/";
    return uriEncode(path, false);
}

QByteArray AwsSigV4::canonicalQuery(const QList<QPair<QByteArray, QByteArray>> &query)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(query.size());
    for (const auto &[name, value] : query)
        encoded.append({uriEncode(name, true), uriEncode(value, true)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &[name, value] : encoded) {
        if (!out.isEmpty())
            out += '&';
        out += name + '=' + value;
    }
    return out;
}

QPair<QByteArray, QByteArray>
AwsSigV4::canonicalHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    // std::map sorts the lowercased names bytewise, as AWS wants.
    std::map<QByteArray, QByteArrayList> values;
    for (const auto &[name, value] : headers)
        values[name.trimmed().toLower()].append(value.simplified());
    QByteArray canonical;
    QByteArray names;
    for (const auto &[name, list] : values) {
        canonical += name + ':' + list.join(',') + '\n';
        if (!names.isEmpty())
            names += ';';
        names += name;
    }
    return {canonical, names};
}

QByteArray AwsSigV4::uriEncode(QByteArrayView bytes, bool encodeSlash)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        if (isUnreserved(c) || (c == '/' && !encodeSlash)) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

QByteArray AwsSigV4::amzDate(const QDateTime &when)
{
    return when.toTimeZone(QTimeZone::utc())
        .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
        .toLatin1();
}

QByteArray AwsSigV4::sha256Hex(QByteArrayView bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), std::size_t(bytes.size()), digest, &length, EVP_sha256(),
                   nullptr) != 1)
        throw std::runtime_error("EVP_Digest failed");
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

QByteArray AwsSigV4::hmacSha256(QByteArrayView key, QByteArrayView data)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), int(key.size()),
              reinterpret_cast<const unsigned char *>(data.data()), std::size_t(data.size()), mac,
              &length))
        throw std::runtime_error("HMAC failed");
    return QByteArray(reinterpret_cast<const char *>(mac), int(length));
}

} // namespace medtranslate::relay
