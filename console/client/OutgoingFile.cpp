#include "client/OutgoingFile.h"

#include "medtranslate/FileType.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QtConcurrent/QtConcurrentRun>

namespace medtranslate::console {

namespace {

//! The agent's own file, but a preview must not decode gigabytes of pixels either.
constexpr qint64 kMaxPreviewPixels = 40'000'000;

QImage previewOf(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid() || qint64(size.width()) * size.height() > kMaxPreviewPixels)
        return {};
    const int side = OutgoingFile::kPreviewSide;
    if (size.width() > side || size.height() > side)
        reader.setScaledSize(size.scaled(side, side, Qt::KeepAspectRatio));
    return reader.read();
}

} // namespace

QString OutgoingFile::sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024) {
        // "10 MB", "2.4 MB": a decimal only where it says something.
        QString mb = QString::number(double(bytes) / (1024 * 1024), 'f', 1);
        if (mb.endsWith(QLatin1String(".0")))
            mb.chop(2);
        return tr("%1 MB").arg(mb);
    }
    if (bytes >= 1024)
        return tr("%1 KB").arg((bytes + 512) / 1024);
    return tr("%n byte(s)", nullptr, int(bytes));
}

OutgoingFile OutgoingFile::check(QByteArray bytes, const QString &name, qint64 maxBytes)
{
    OutgoingFile file;
    file.name = name;
    if (bytes.isEmpty()) {
        file.problem = tr("%1 is empty.").arg(name);
        return file;
    }
    if (bytes.size() > maxBytes) {
        file.problem = tr("%1 is too large (%2). The relay accepts files of up to %3.")
                           .arg(name, sizeText(bytes.size()), sizeText(maxBytes));
        return file;
    }
    const auto type = sniffFileType(std::string_view(bytes.constData(), size_t(bytes.size())));
    if (!type) {
        file.problem =
            tr("%1 is not a photo (JPEG, PNG, WebP, HEIC) or a PDF, whatever its name says.")
                .arg(name);
        return file;
    }
    file.mimeType = QString::fromLatin1(type->mime.data(), qsizetype(type->mime.size()));
    if (file.isImage())
        file.preview = previewOf(bytes);
    file.bytes = std::move(bytes);
    return file;
}

QFuture<std::vector<OutgoingFile>> OutgoingFile::read(const QStringList &paths, qint64 maxBytes)
{
    return QtConcurrent::run([paths, maxBytes]() {
        std::vector<OutgoingFile> files;
        for (const QString &path : paths)
            files.push_back(readNow(path, maxBytes));
        return files;
    });
}

OutgoingFile OutgoingFile::readNow(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    OutgoingFile refused;
    refused.name = name;
    if (info.isFile() && info.size() > maxBytes) {
        // Refused before reading: a video dropped by mistake need not be loaded at all.
        refused.problem = tr("%1 is too large (%2). The relay accepts files of up to %3.")
                              .arg(name, sizeText(info.size()), sizeText(maxBytes));
        return refused;
    }
    QFile in(path);
    if (!info.isFile() || !in.open(QIODevice::ReadOnly)) {
        refused.problem = tr("%1 could not be read: %2").arg(name, in.errorString());
        return refused;
    }
    // One byte over the limit is enough to know it is too large (the file may grow).
    return check(in.read(maxBytes + 1), name, maxBytes);
}

QFuture<OutgoingFile> OutgoingFile::fromImage(const QImage &image, qint64 maxBytes)
{
    return QtConcurrent::run([image, maxBytes]() {
        const QString stamp =
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        if (bytes.size() <= maxBytes)
            return check(bytes, QStringLiteral("pasted-image-%1.png").arg(stamp), maxBytes);
        // A screenshot of a photo can make a huge PNG; the same picture as a JPEG fits.
        bytes.clear();
        buffer.seek(0);
        image.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", 85);
        return check(bytes, QStringLiteral("pasted-image-%1.jpg").arg(stamp), maxBytes);
    });
}

} // namespace medtranslate::console
