#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace medtranslate::relay {

//! The patient widget's files, served from one folder: only plain names with known types,
//! so no request can reach outside it. widget.js is fetched on every page view of a hospital
//! site, so files are kept in memory with an ETag, and read again only when they change on
//! disk (a hospital may edit them without restarting the relay).
class WidgetFiles final
{
public:
    explicit WidgetFiles(QString directory);

    struct File
    {
        QByteArray body;
        QByteArray mimeType;
        QByteArray etag; //!< quoted, from the content
    };
    [[nodiscard]] std::optional<File> read(const QString &name) const;
    [[nodiscard]] const QString &directory() const { return m_directory; }

private:
    struct Cached
    {
        File file;
        QDateTime modified;
        qint64 size = -1;
    };

    QString m_directory;
    mutable QHash<QString, Cached> m_cache;
};

} // namespace medtranslate::relay
