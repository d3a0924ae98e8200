#pragma once

#include "attachments/BlobStore.h"

#include <QThreadPool>

namespace medtranslate::relay {

//! Blobs in a local folder, `<root>/<first two hex digits>/<key>`, each written to a temporary
//! file, synced, renamed into place and its folder synced: a crash leaves the whole file or
//! none. File work runs on a small thread pool of its own, never on the caller's thread.
class LocalBlobStore final : public BlobStore
{
    Q_OBJECT

public:
    explicit LocalBlobStore(QString root, QObject *parent = nullptr);
    ~LocalBlobStore() override;

    //! Creates the root folder; false, with a reason, when it cannot be created or written.
    bool open(QString *error);

    void put(const QString &key, const QByteArray &bytes, const QString &contentType,
             QObject *context, Written done) override;
    void get(const QString &key, QObject *context, Read done) override;
    void remove(const QString &key, QObject *context, Written done) override;
    [[nodiscard]] QString describe() const override;

    //! Where `key` is (or would be) stored.
    [[nodiscard]] QString pathOf(const QString &key) const;

private:
    QString m_root;
    QThreadPool m_pool;
};

} // namespace medtranslate::relay
