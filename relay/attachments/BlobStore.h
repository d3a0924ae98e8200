#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace medtranslate::relay {

//! Where attachment bytes live, filed under their content's SHA-256 (lowercase hex), so the
//! same file stored twice is one object and a key can never name a path of the caller's
//! choosing. Implementations: LocalBlobStore (a folder, the default) and S3BlobStore (an
//! S3-compatible bucket, for relays that share storage).
//!
//! Every call is asynchronous and never blocks the caller's thread; `done` runs on the thread
//! of `context`, at most once, and not at all once `context` is gone. Each call ends within the
//! store's own timeout with an error rather than waiting for ever.
class BlobStore : public QObject
{
    Q_OBJECT

public:
    //! Empty `error` means success.
    using Written = std::function<void(QString error)>;
    //! `bytes` is nullopt with an empty `error` when there is no such object.
    using Read = std::function<void(std::optional<QByteArray> bytes, QString error)>;

    using QObject::QObject;
    ~BlobStore() override = default;

    //! Stores `bytes` under `key` (their SHA-256, hex) atomically: a reader sees the whole
    //! object or none. Storing a key that exists already succeeds and changes nothing.
    virtual void put(const QString &key, const QByteArray &bytes, const QString &contentType,
                     QObject *context, Written done) = 0;
    virtual void get(const QString &key, QObject *context, Read done) = 0;
    //! Removing a key that does not exist succeeds.
    virtual void remove(const QString &key, QObject *context, Written done) = 0;
    //! For logs and /health: "local /var/lib/…" or "s3 https://…/bucket".
    [[nodiscard]] virtual QString describe() const = 0;

    //! True for 64 lowercase hex digits: the only keys a store accepts.
    [[nodiscard]] static bool isValidKey(const QString &key);
};

} // namespace medtranslate::relay
