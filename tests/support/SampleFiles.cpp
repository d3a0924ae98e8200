#include "SampleFiles.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QtEndian>
#include <zlib.h>

namespace medtranslate::test {

namespace {

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray be16(quint16 v)
{
    QByteArray b(2, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    const QByteArray typed = type + data;
    const quint32 crc =
        quint32(crc32(0, reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size())));
    return be32(quint32(data.size())) + typed + be32(crc);
}

QByteArray box(const QByteArray &type, const QByteArray &payload)
{
    return be32(quint32(8 + payload.size())) + type + payload;
}

QByteArray fullBox(const QByteArray &type, quint8 version, const QByteArray &payload)
{
    return box(type, QByteArray(1, char(version)) + QByteArray(3, '\0') + payload);
}

} // namespace

QByteArray SampleFiles::png(int width, int height, const QByteArray &secret)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x * 6 % 256, y * 8 % 256, 128));
    image.setText(QStringLiteral("Comment"), QString::fromLatin1(secret));
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "png").write(image);
    return out;
}

QByteArray SampleFiles::pngClaiming(int width, int height)
{
    QByteArray header = be32(quint32(width)) + be32(quint32(height));
    header += QByteArray("\x08\x02\x00\x00\x00", 5);
    const QByteArray row(1 + 3, '\0');
    uLongf size = compressBound(uLong(row.size()));
    QByteArray packed(int(size), '\0');
    compress(reinterpret_cast<Bytef *>(packed.data()), &size,
             reinterpret_cast<const Bytef *>(row.constData()), uLong(row.size()));
    packed.truncate(int(size));
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + pngChunk("IHDR", header) +
           pngChunk("IDAT", packed) + pngChunk("IEND", {});
}

QByteArray SampleFiles::jpegWithExif(int width, int height, int orientation,
                                     const QByteArray &secret)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(qRgb(200, 80, 40));
    for (int x = 0; x < width / 4; ++x)
        for (int y = 0; y < height; ++y)
            image.setPixel(x, y, qRgb(20, 20, 220)); // a blue band on the left
    QByteArray plain;
    QBuffer buffer(&plain);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "jpeg").write(image);
    // EXIF (big-endian TIFF): one IFD with Orientation, then the secret as extra bytes.
    QByteArray tiff = QByteArray("MM\x00\x2A", 4) + be32(8) + be16(1) + be16(0x0112) + be16(3) +
                      be32(1) + be16(quint16(orientation)) + be16(0) + be32(0) + secret;
    const QByteArray exif = QByteArray("Exif\0\0", 6) + tiff;
    const QByteArray app1 = QByteArray("\xFF\xE1", 2) + be16(quint16(exif.size() + 2)) + exif;
    const QByteArray comment =
        QByteArray("\xFF\xFE", 2) + be16(quint16(secret.size() + 2)) + secret;
    return plain.left(2) + app1 + comment + plain.mid(2);
}

QByteArray SampleFiles::pdf()
{
    return QByteArray("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                      "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
                      "trailer <</Root 1 0 R>>\n%%EOF\n");
}

QByteArray SampleFiles::heic(const QByteArray &exifPayload, const QByteArray &pixels)
{
    const QByteArray ftyp = box("ftyp", QByteArray("heic") + be32(0) + "mif1heic");
    const QByteArray hdlr = fullBox("hdlr", 0, be32(0) + "pict" + QByteArray(12, '\0') + '\0');
    const QByteArray infeImage = fullBox("infe", 2, be16(1) + be16(0) + "hvc1" + '\0');
    const QByteArray infeExif = fullBox("infe", 2, be16(2) + be16(0) + "Exif" + '\0');
    const QByteArray iinf = fullBox("iinf", 0, be16(2) + infeImage + infeExif);
    // iloc version 0: offset, length and base offset sizes of 4 bytes, no index.
    auto ilocWith = [&](quint32 imageOffset, quint32 exifOffset) {
        return fullBox("iloc", 0,
                       QByteArray("\x44\x40", 2) + be16(2) + be16(1) + be16(0) + be32(0) + be16(1) +
                           be32(imageOffset) + be32(quint32(pixels.size())) + be16(2) + be16(0) +
                           be32(0) + be16(1) + be32(exifOffset) +
                           be32(quint32(exifPayload.size())));
    };
    // Sizes do not depend on the offsets, so lay it out once to learn where mdat starts.
    const QByteArray metaProbe = fullBox("meta", 0, hdlr + ilocWith(0, 0) + iinf);
    const quint32 mdatData = quint32(ftyp.size() + metaProbe.size() + 8);
    const QByteArray meta =
        fullBox("meta", 0, hdlr + ilocWith(mdatData, mdatData + quint32(pixels.size())) + iinf);
    return ftyp + meta + box("mdat", pixels + exifPayload);
}

} // namespace medtranslate::test
