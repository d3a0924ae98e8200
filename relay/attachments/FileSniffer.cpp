#include "attachments/FileSniffer.h"

#include "attachments/HeifScrubber.h"

#include <QtEndian>
#include <array>

namespace medtranslate::relay {

namespace {

bool startsWith(QByteArrayView bytes, QByteArrayView prefix, qsizetype at = 0)
{
    return bytes.size() >= at + prefix.size() && bytes.sliced(at, prefix.size()) == prefix;
}

// Major and compatible brands of HEIF files holding HEVC images. AVIF (`avif`) and plain
// `mif1` files without an HEVC brand are not HEIC and are refused.
constexpr std::array<const char *, 6> kHeicBrands = {"heic", "heix", "heim",
                                                     "heis", "hevc", "hevx"};

bool isHeic(QByteArrayView bytes)
{
    if (!startsWith(bytes, "ftyp", 4) || bytes.size() < 16)
        return false;
    const quint32 size = qFromBigEndian<quint32>(bytes.data());
    if (size < 16 || size > quint32(bytes.size()))
        return false;
    // Major brand at 8, minor version at 12, compatible brands from 16 to the box's end.
    for (qsizetype at = 8; at + 4 <= qsizetype(size); at += (at == 8 ? 8 : 4)) {
        for (const char *brand : kHeicBrands) {
            if (bytes.sliced(at, 4) == QByteArrayView(brand, 4))
                return true;
        }
    }
    return false;
}

} // namespace

std::optional<FileType> FileSniffer::sniff(QByteArrayView bytes)
{
    if (startsWith(bytes, "\xFF\xD8\xFF"))
        return FileType{FileKind::Jpeg, QStringLiteral("image/jpeg"), QStringLiteral("jpg")};
    if (startsWith(bytes, "\x89PNG\r\n\x1A\n"))
        return FileType{FileKind::Png, QStringLiteral("image/png"), QStringLiteral("png")};
    if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8))
        return FileType{FileKind::WebP, QStringLiteral("image/webp"), QStringLiteral("webp")};
    if (isHeic(bytes))
        return FileType{FileKind::Heic, QStringLiteral("image/heic"), QStringLiteral("heic")};
    if (startsWith(bytes, "%PDF-"))
        return FileType{FileKind::Pdf, QStringLiteral("application/pdf"), QStringLiteral("pdf")};
    return std::nullopt;
}

bool FileSniffer::isComplete(FileKind kind, QByteArrayView bytes)
{
    switch (kind) {
    case FileKind::Jpeg: {
        // Entropy-coded data escapes 0xFF, so an end-of-image marker after the last
        // start-of-scan is the real end (embedded thumbnails come before the main scan).
        const qsizetype scan = bytes.lastIndexOf(QByteArrayView("\xFF\xDA"));
        const qsizetype end = bytes.lastIndexOf(QByteArrayView("\xFF\xD9"));
        return scan > 0 && end > scan;
    }
    case FileKind::Png:
        return bytes.indexOf(QByteArrayView("IEND\xAE\x42\x60\x82")) > 8;
    case FileKind::WebP:
        return bytes.size() >= 12 &&
               qint64(qFromLittleEndian<quint32>(bytes.data() + 4)) + 8 <= bytes.size();
    case FileKind::Heic:
        return HeifScrubber::boxesComplete(bytes);
    case FileKind::Pdf: {
        const qsizetype tail = std::min<qsizetype>(bytes.size(), 1024);
        return bytes.sliced(bytes.size() - tail).indexOf(QByteArrayView("%%EOF")) >= 0;
    }
    }
    return false;
}

QString FileSniffer::displayName(const QString &name, const FileType &type)
{
    // Only the last part of a path, whichever separator the sender's system uses.
    QString base = name.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    QString clean;
    clean.reserve(base.size());
    for (const QChar c : base) {
        const char16_t u = c.unicode();
        // Controls, and bidirectional overrides that make "exe.jpg" read as "gpj.exe".
        const bool bidi = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) ||
                          u == 0x200E || u == 0x200F || u == 0x061C;
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || bidi)
            continue;
        clean.append(c);
    }
    clean = clean.trimmed();
    while (clean.startsWith(QLatin1Char('.')))
        clean.remove(0, 1);
    // The extension is the type's, whatever the name claimed.
    const qsizetype dot = clean.lastIndexOf(QLatin1Char('.'));
    QString stem = dot > 0 ? clean.left(dot) : clean;
    const QString ext = dot > 0 ? clean.mid(dot + 1).toLower() : QString();
    const bool sameType = ext == type.extension ||
                          (type.kind == FileKind::Jpeg && ext == u"jpeg") ||
                          (type.kind == FileKind::Heic && ext == u"heif");
    const QString suffix = QLatin1Char('.') + (sameType ? ext : type.extension);
    constexpr qsizetype kMaxName = 120;
    if (stem.size() + suffix.size() > kMaxName)
        stem.truncate(kMaxName - suffix.size());
    if (stem.trimmed().isEmpty())
        stem = type.kind == FileKind::Pdf ? QStringLiteral("document") : QStringLiteral("photo");
    return stem + suffix;
}

} // namespace medtranslate::relay
