#pragma once

#include "config/AttachmentConfig.h"
#include "storage/StoreConfig.h"

#include <QObject>
#include <QString>
#include <memory>

namespace medtranslate::relay {

class BlobStore;

//! Makes the blob store the configuration asks for: a local folder, or an S3-compatible bucket.
class BlobStoreFactory final
{
public:
    //! Nothing, with the reason in `error`, when it cannot be used (a folder that cannot be
    //! created or written, an S3 store without bucket or credentials).
    [[nodiscard]] static std::unique_ptr<BlobStore>
    create(const AttachmentConfig &config, const StoreConfig &database, QString *error);
    //! The local folder: the configured one, else "attachments" beside an SQLite database.
    [[nodiscard]] static QString localFolder(const AttachmentConfig &config,
                                             const StoreConfig &database);
};

} // namespace medtranslate::relay
