#pragma once

#include <QString>

namespace medtranslate::relay {

//! An S3-compatible bucket (AWS S3, MinIO, Ceph RGW …), addressed path-style:
//! `{endpoint}/{bucket}/{key}`, signed with AWS Signature Version 4.
struct S3Config
{
    QString endpoint; //!< e.g. https://s3.ap-northeast-2.amazonaws.com or http://127.0.0.1:9000
    QString bucket;
    QString region = QStringLiteral("us-east-1");
    QString accessKeyId;
    QString secretAccessKey; //!< from the environment or the config file, never from argv
    QString sessionToken;    //!< optional (temporary credentials)
    QString prefix;          //!< prepended to every key, e.g. "medtranslate/"
    int timeoutMs = 20000;   //!< one request, from when it is sent
};

//! Files sent in a consultation (photos, documents).
struct AttachmentConfig
{
    //! "local" (a folder, content-addressed) or "s3".
    QString store = QStringLiteral("local");
    //! The local store's folder; empty: "attachments" beside the SQLite database, or in the
    //! working directory for PostgreSQL.
    QString directory;
    S3Config s3;
    qint64 maxBytes = 10 * 1024 * 1024; //!< one file, after upload (a multipart envelope aside)
    //! Images larger than this many pixels are refused before they are decoded (a
    //! decompression bomb is a small file that decodes to gigabytes).
    qint64 maxImagePixels = 40'000'000;
};

} // namespace medtranslate::relay
