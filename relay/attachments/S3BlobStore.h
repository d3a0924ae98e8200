#pragma once

#include "attachments/AwsSigV4.h"
#include "attachments/BlobStore.h"
#include "config/AttachmentConfig.h"

#include <QDateTime>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace medtranslate::relay {

//! Attachments in an S3-compatible bucket, addressed path-style
//! (`{endpoint}/{bucket}/{prefix}{key}`) and signed with AWS Signature Version 4, the payload
//! hash included. One request per call on its own network manager, each with a transfer
//! timeout, so `done` always runs (unless the store itself is destroyed first: calls still
//! out are then dropped without a callback).
class S3BlobStore final : public BlobStore
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit S3BlobStore(S3Config config, QObject *parent = nullptr);
    ~S3BlobStore() override;

    //! Also refuses, without a request, bytes whose SHA-256 is not `key`.
    void put(const QString &key, const QByteArray &bytes, const QString &contentType,
             QObject *context, Written done) override;
    //! An object whose bytes do not hash to `key` is reported as an error, not returned.
    void get(const QString &key, QObject *context, Read done) override;
    void remove(const QString &key, QObject *context, Written done) override;
    [[nodiscard]] QString describe() const override;

    //! The time requests are signed with (tests move it to provoke RequestTimeTooSkewed).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    [[nodiscard]] QUrl objectUrl(const QString &key) const;

private:
    using Finished = std::function<void(int status, const QByteArray &body, QString error)>;

    void send(const QByteArray &method, const QString &key, const QByteArray &body,
              const QString &contentType, QObject *context, Finished finished);

    S3Config m_config;
    AwsSigV4 m_signer;
    QNetworkAccessManager *m_network = nullptr;
    Clock m_clock;
};

} // namespace medtranslate::relay
