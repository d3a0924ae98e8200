#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace medtranslate::relay {

//! The patient widget's files, served from one folder: only plain names with known types,
//! so no request can reach outside it.
class WidgetFiles final
{
public:
    explicit WidgetFiles(QString directory);

    struct File
    {
        QByteArray body;
        QByteArray mimeType;
    };
    [[nodiscard]] std::optional<File> read(const QString &name) const;
    [[nodiscard]] const QString &directory() const { return m_directory; }

private:
    QString m_directory;
};

} // namespace medtranslate::relay
