#include "attachments/LocalBlobStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QPointer>
#include <QUuid>
#include <QtConcurrent>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace medtranslate::relay {

namespace {

QString errnoText(const char *what, const QString &path)
{
    return QStringLiteral("%1 %2: %3")
        .arg(QString::fromLatin1(what), path, QString::fromLocal8Bit(std::strerror(errno)));
}

bool syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

//! Writes `bytes` to `path` through a synced temporary file and a rename; empty on success.
QString writeAtomically(const QString &path, const QByteArray &bytes)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return QStringLiteral("cannot create %1").arg(folder);
    const QString temp =
        folder + QStringLiteral("/.tmp-") + QUuid::createUuid().toString(QUuid::Id128);
    const QByteArray tempName = QFile::encodeName(temp);
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0)
        return errnoText("cannot create", temp);
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString error = errnoText("cannot write", temp);
            ::close(fd);
            ::unlink(tempName.constData());
            return error;
        }
        written += n;
    }
    if (::fsync(fd) != 0) {
        const QString error = errnoText("cannot sync", temp);
        ::close(fd);
        ::unlink(tempName.constData());
        return error;
    }
    ::close(fd);
    if (::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0) {
        const QString error = errnoText("cannot rename into", path);
        ::unlink(tempName.constData());
        return error;
    }
    if (!syncFolder(folder))
        return errnoText("cannot sync", folder);
    return {};
}

} // namespace

LocalBlobStore::LocalBlobStore(QString root, QObject *parent)
    : BlobStore(parent), m_root(QDir(root).absolutePath())
{
    m_pool.setMaxThreadCount(2);
}

LocalBlobStore::~LocalBlobStore()
{
    m_pool.waitForDone();
}

bool LocalBlobStore::open(QString *error)
{
    if (!QDir().mkpath(m_root)) {
        if (error)
            *error = QStringLiteral("cannot create the attachment folder %1").arg(m_root);
        return false;
    }
    if (!QFileInfo(m_root).isWritable()) {
        if (error)
            *error = QStringLiteral("the attachment folder %1 is not writable").arg(m_root);
        return false;
    }
    return true;
}

QString LocalBlobStore::pathOf(const QString &key) const
{
    return m_root + QLatin1Char('/') + key.left(2) + QLatin1Char('/') + key;
}

QString LocalBlobStore::describe() const
{
    return QStringLiteral("local ") + m_root;
}

void LocalBlobStore::put(const QString &key, const QByteArray &bytes, const QString &,
                         QObject *context, Written done)
{
    if (!isValidKey(key)) {
        QMetaObject::invokeMethod(
            context, [done] { done(QStringLiteral("invalid key")); }, Qt::QueuedConnection);
        return;
    }
    const QString path = pathOf(key);
    QtConcurrent::run(&m_pool, [path, bytes]() -> QString {
        // Same key, same bytes: a file already in place is this one.
        if (QFileInfo::exists(path))
            return {};
        return writeAtomically(path, bytes);
    }).then(context, [done](QString error) { done(std::move(error)); });
}

void LocalBlobStore::get(const QString &key, QObject *context, Read done)
{
    if (!isValidKey(key)) {
        QMetaObject::invokeMethod(
            context, [done] { done(std::nullopt, QStringLiteral("invalid key")); },
            Qt::QueuedConnection);
        return;
    }
    const QString path = pathOf(key);
    using Answer = std::pair<std::optional<QByteArray>, QString>;
    QtConcurrent::run(&m_pool, [path]() -> Answer {
        QFile file(path);
        if (!file.exists())
            return {std::nullopt, QString()};
        if (!file.open(QIODevice::ReadOnly))
            return {std::nullopt,
                    QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
        return {file.readAll(), QString()};
    }).then(context, [done](Answer answer) { done(std::move(answer.first), answer.second); });
}

void LocalBlobStore::remove(const QString &key, QObject *context, Written done)
{
    if (!isValidKey(key)) {
        QMetaObject::invokeMethod(
            context, [done] { done(QStringLiteral("invalid key")); }, Qt::QueuedConnection);
        return;
    }
    const QString path = pathOf(key);
    QtConcurrent::run(&m_pool, [path]() -> QString {
        if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT)
            return errnoText("cannot remove", path);
        return {};
    }).then(context, [done](QString error) { done(std::move(error)); });
}

} // namespace medtranslate::relay
