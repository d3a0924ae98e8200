#include "attachments/BlobStoreFactory.h"

#include "attachments/LocalBlobStore.h"
#include "attachments/S3BlobStore.h"

#include <QDir>
#include <QFileInfo>

namespace medtranslate::relay {

QString BlobStoreFactory::localFolder(const AttachmentConfig &config, const StoreConfig &database)
{
    if (!config.directory.isEmpty())
        return config.directory;
    if (database.driver == QLatin1String("sqlite") && !database.database.isEmpty() &&
        database.database != QLatin1String(":memory:"))
        return QFileInfo(database.database).absoluteDir().filePath(QStringLiteral("attachments"));
    return QDir::current().filePath(QStringLiteral("attachments"));
}

std::unique_ptr<BlobStore> BlobStoreFactory::create(const AttachmentConfig &config,
                                                    const StoreConfig &database, QString *error)
{
    if (config.store == QLatin1String("local")) {
        auto store = std::make_unique<LocalBlobStore>(localFolder(config, database));
        if (!store->open(error))
            return nullptr;
        return store;
    }
    if (config.store == QLatin1String("s3")) {
        if (config.s3.endpoint.isEmpty() || config.s3.bucket.isEmpty() ||
            config.s3.accessKeyId.isEmpty() || config.s3.secretAccessKey.isEmpty()) {
            if (error)
                *error = QStringLiteral("the s3 attachment store needs an endpoint, a bucket and "
                                        "credentials");
            return nullptr;
        }
        return std::make_unique<S3BlobStore>(config.s3);
    }
    if (error)
        *error = QStringLiteral("unknown attachment store '%1' (local or s3)").arg(config.store);
    return nullptr;
}

} // namespace medtranslate::relay
