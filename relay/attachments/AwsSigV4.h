#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace medtranslate::relay {

//! One HTTP request as AWS Signature Version 4 sees it. Everything is given decoded: the
//! signer does the URI encoding, so a caller cannot encode twice by mistake.
struct SigV4Request
{
    QByteArray method;
    //! The absolute path, not URI-encoded ("/bucket/test$file.text"); empty means "/".
    QByteArray path;
    //! Query parameters in any order, names and values not URI-encoded; a bare `?lifecycle`
    //! is {"lifecycle", ""}.
    QList<QPair<QByteArray, QByteArray>> query;
    //! The headers to sign, in any order and case; a name given twice is signed as one header
    //! with its values joined by commas, in the order given. `x-amz-date` must be among them.
    QList<QPair<QByteArray, QByteArray>> headers;
    //! Hex SHA-256 of the body, or "UNSIGNED-PAYLOAD".
    QByteArray payloadHash;
};

//! AWS Signature Version 4 (AWS4-HMAC-SHA256) for S3-style services: paths are encoded once
//! and never normalised, as S3 wants. Hashing and HMAC are OpenSSL's. Each step is public so
//! tests can check it against AWS's published examples.
class AwsSigV4 final
{
public:
    struct Signature
    {
        QByteArray canonicalRequest;
        QByteArray stringToSign;
        QByteArray signedHeaders; //!< "host;x-amz-content-sha256;x-amz-date"
        QByteArray signature;     //!< lowercase hex
        QByteArray authorization; //!< the Authorization header's value
    };

    AwsSigV4(QString accessKeyId, QString secretAccessKey, QString region, QString service);

    //! Signs `request` as made at `when` (which must match its x-amz-date header; tests pass a
    //! fixed time, S3BlobStore the clock).
    [[nodiscard]] Signature sign(const SigV4Request &request, const QDateTime &when) const;

    //! "<date>/<region>/<service>/aws4_request".
    [[nodiscard]] QByteArray scope(const QDateTime &when) const;
    [[nodiscard]] QByteArray stringToSign(const QByteArray &canonicalRequest,
                                          const QDateTime &when) const;
    //! The HMAC chain "AWS4"+secret → date → region → service → "aws4_request".
    [[nodiscard]] QByteArray signingKey(const QDateTime &when) const;

    [[nodiscard]] static QByteArray canonicalRequest(const SigV4Request &request);
    //! Each path segment encoded once, slashes kept.
    [[nodiscard]] static QByteArray canonicalUri(QByteArrayView path);
    [[nodiscard]] static QByteArray
    canonicalQuery(const QList<QPair<QByteArray, QByteArray>> &query);
    //! Lowercased names, sorted, values trimmed with inner runs of spaces collapsed; the
    //! second element is the signed-header list.
    [[nodiscard]] static QPair<QByteArray, QByteArray>
    canonicalHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);

    //! Every byte but A-Z a-z 0-9 - . _ ~ as %XY (uppercase hex); '/' kept unless
    //! `encodeSlash`.
    [[nodiscard]] static QByteArray uriEncode(QByteArrayView bytes, bool encodeSlash);
    //! "20130524T000000Z" (UTC).
    [[nodiscard]] static QByteArray amzDate(const QDateTime &when);
    [[nodiscard]] static QByteArray sha256Hex(QByteArrayView bytes);
    [[nodiscard]] static QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

    static constexpr char kAlgorithm[] = "AWS4-HMAC-SHA256";
    static constexpr char kUnsignedPayload[] = "UNSIGNED-PAYLOAD";

private:
    QByteArray m_accessKeyId;
    QByteArray m_secretAccessKey;
    QByteArray m_region;
    QByteArray m_service;
};

} // namespace medtranslate::relay
