#include "http/WidgetFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace medtranslate::relay {

WidgetFiles::WidgetFiles(QString directory) : m_directory(std::move(directory)) {}

std::optional<WidgetFiles::File> WidgetFiles::read(const QString &name) const
{
    static const QRegularExpression safeName(
        QStringLiteral("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.(js|css|html|svg|png|json|ico)$"));
    if (!safeName.match(name).hasMatch())
        return std::nullopt;
    const QString path = QDir(m_directory).filePath(name);
    const QFileInfo info(path);
    if (!info.isFile()) {
        m_cache.remove(name);
        return std::nullopt;
    }
    const auto cached = m_cache.constFind(name);
    if (cached != m_cache.constEnd() && cached->modified == info.lastModified() &&
        cached->size == info.size())
        return cached->file;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QString suffix = name.section(QLatin1Char('.'), -1);
    static const QHash<QString, QByteArray> types{
        {QStringLiteral("js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("css"), "text/css; charset=utf-8"},
        {QStringLiteral("html"), "text/html; charset=utf-8"},
        {QStringLiteral("svg"), "image/svg+xml"},
        {QStringLiteral("png"), "image/png"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("ico"), "image/x-icon"},
    };
    File loaded{file.readAll(), types.value(suffix), {}};
    loaded.etag =
        '"' + QCryptographicHash::hash(loaded.body, QCryptographicHash::Sha256).toHex().left(32) +
        '"';
    m_cache.insert(name, Cached{loaded, info.lastModified(), info.size()});
    return loaded;
}

} // namespace medtranslate::relay
