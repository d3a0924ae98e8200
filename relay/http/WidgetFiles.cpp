#include "http/WidgetFiles.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace medtranslate::relay {

WidgetFiles::WidgetFiles(QString directory) : m_directory(std::move(directory)) {}

std::optional<WidgetFiles::File> WidgetFiles::read(const QString &name) const
{
    static const QRegularExpression safeName(
        QStringLiteral("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.(js|css|html|svg|png|json|ico)$"));
    if (!safeName.match(name).hasMatch())
        return std::nullopt;
    QFile file(QDir(m_directory).filePath(name));
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
    return File{file.readAll(), types.value(suffix)};
}

} // namespace medtranslate::relay
