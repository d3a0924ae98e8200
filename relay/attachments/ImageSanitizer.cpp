#include "attachments/ImageSanitizer.h"

#include <QBuffer>
#include <QColorSpace>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

namespace medtranslate::relay {

namespace {

const char *formatOf(FileKind kind)
{
    switch (kind) {
    case FileKind::Jpeg:
        return "jpeg";
    case FileKind::Png:
        return "png";
    case FileKind::WebP:
        return "webp";
    default:
        return nullptr;
    }
}

QByteArray encode(const QImage &image, const char *format, int quality)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        return {};
    return out;
}

} // namespace

ImageSanitizer::ImageSanitizer(qint64 maxPixels) : m_maxPixels(maxPixels)
{
    // Qt refuses to allocate over 128 MB for one image by default; four bytes a pixel.
    const qint64 needMb = maxPixels * 4 / (1024 * 1024) + 16;
    if (needMb > QImageReader::allocationLimit())
        QImageReader::setAllocationLimit(int(std::min<qint64>(needMb, 4096)));
}

std::variant<ImageSanitizer::Clean, ImageSanitizer::Refused>
ImageSanitizer::sanitize(const QByteArray &bytes, FileKind kind) const
{
    const char *format = formatOf(kind);
    if (!format)
        return Refused{false, QStringLiteral("this type of image cannot be re-encoded")};
    QByteArray input = bytes; // shared, not copied; QBuffer needs a non-const array
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    reader.setDecideFormatFromContent(false);
    reader.setAutoTransform(true);
    const QSize declared = reader.size();
    if (!declared.isValid() || declared.isEmpty())
        return Refused{false, QStringLiteral("the image could not be read")};
    if (qint64(declared.width()) * declared.height() > m_maxPixels)
        return Refused{true, QStringLiteral("the image has more than %1 million pixels")
                                 .arg(m_maxPixels / 1'000'000)};
    QImage decoded = reader.read();
    if (decoded.isNull())
        return Refused{false,
                       QStringLiteral("the image could not be read: %1").arg(reader.errorString())};

    // Pixels only: a fresh image that shares no text keys with the decoded one (Qt keeps PNG
    // text chunks and JPEG comments as text and would write them back out).
    const QImage::Format pixelFormat = decoded.hasAlphaChannel() && kind != FileKind::Jpeg
                                           ? QImage::Format_ARGB32
                                           : QImage::Format_RGB32;
    const QColorSpace colorSpace = decoded.colorSpace();
    QImage clean;
    {
        const QImage pixels = std::move(decoded).convertToFormat(pixelFormat);
        clean = QImage(pixels.size(), pixelFormat);
        for (int y = 0; y < pixels.height(); ++y)
            std::copy_n(pixels.constScanLine(y), pixels.bytesPerLine(), clean.scanLine(y));
    }
    clean.setColorSpace(colorSpace);

    Clean result;
    result.width = clean.width();
    result.height = clean.height();
    result.bytes = encode(clean, format, kind == FileKind::Png ? -1 : 90);
    if (result.bytes.isEmpty())
        return Refused{false, QStringLiteral("the image could not be re-encoded")};

    // The thumbnail is a JPEG on white, whatever the original's transparency.
    QImage thumb = clean.width() > kThumbnailSide || clean.height() > kThumbnailSide
                       ? clean.scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio,
                                      Qt::SmoothTransformation)
                       : clean;
    QImage flat = thumb.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < flat.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(flat.scanLine(y));
        for (int x = 0; x < flat.width(); ++x) {
            const QRgb p = line[x];
            const int a = qAlpha(p);
            auto over = [a](int c) { return (c * a + 255 * (255 - a)) / 255; };
            line[x] = qRgb(over(qRed(p)), over(qGreen(p)), over(qBlue(p)));
        }
    }
    result.thumbnail = encode(flat.convertToFormat(QImage::Format_RGB32), "jpeg", 80);
    return result;
}

} // namespace medtranslate::relay
