#include "attachments/FileSniffer.h"

#include "attachments/HeifScrubber.h"

#include <QtEndian>

namespace medtranslate::relay {

std::optional<FileType> FileSniffer::sniff(QByteArrayView bytes)
{
    const auto type = sniffFileType(std::string_view(bytes.data(), size_t(bytes.size())));
    if (!type)
        return std::nullopt;
    return FileType{type->kind,
                    QString::fromLatin1(type->mime.data(), qsizetype(type->mime.size())),
                    QString::fromLatin1(type->extension.data(), qsizetype(type->extension.size()))};
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
