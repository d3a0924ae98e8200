#include "attachments/AttachmentProcessor.h"

#include "attachments/HeifScrubber.h"

#include <QCryptographicHash>
#include <QFuture>
#include <QtConcurrent>

namespace medtranslate::relay {

namespace {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 3);
}

} // namespace

AttachmentProcessor::AttachmentProcessor(const AttachmentConfig &config, QObject *parent)
    : QObject(parent), m_maxBytes(config.maxBytes), m_images(config.maxImagePixels)
{
    // Two at once: each decoded photo may take a few hundred megabytes for a moment.
    m_pool.setMaxThreadCount(2);
}

AttachmentProcessor::~AttachmentProcessor()
{
    m_pool.waitForDone();
}

AttachmentProcessor::Outcome AttachmentProcessor::process(const QByteArray &bytes,
                                                          const QString &name) const
{
    if (bytes.isEmpty())
        return AttachmentRefusal{400, QStringLiteral("the file is empty")};
    if (bytes.size() > m_maxBytes)
        return AttachmentRefusal{
            413, QStringLiteral("the file is larger than %1 MiB").arg(megabytes(m_maxBytes))};
    const auto type = FileSniffer::sniff(bytes);
    if (!type)
        return AttachmentRefusal{415, QStringLiteral("only JPEG, PNG, WebP and HEIC photos and "
                                                     "PDF documents can be sent")};
    if (!FileSniffer::isComplete(type->kind, bytes))
        return AttachmentRefusal{
            400,
            QStringLiteral("the file is incomplete (the upload was cut short); send it again")};

    ProcessedAttachment out;
    out.type = *type;
    out.name = FileSniffer::displayName(name, *type);
    switch (type->kind) {
    case FileKind::Jpeg:
    case FileKind::Png:
    case FileKind::WebP: {
        auto cleaned = m_images.sanitize(bytes, type->kind);
        if (auto *refused = std::get_if<ImageSanitizer::Refused>(&cleaned))
            return AttachmentRefusal{refused->tooLarge ? 413 : 400, refused->reason};
        auto &clean = std::get<ImageSanitizer::Clean>(cleaned);
        out.bytes = std::move(clean.bytes);
        out.width = clean.width;
        out.height = clean.height;
        out.thumbnail = std::move(clean.thumbnail);
        break;
    }
    case FileKind::Heic: {
        auto scrubbed = HeifScrubber::scrub(bytes);
        if (!scrubbed)
            return AttachmentRefusal{
                400, QStringLiteral("the HEIC file could not be read to remove its metadata")};
        out.bytes = std::move(scrubbed->bytes);
        break;
    }
    case FileKind::Pdf:
        out.bytes = bytes;
        break;
    }
    out.sha256 = sha256Hex(out.bytes);
    if (!out.thumbnail.isEmpty())
        out.thumbnailSha256 = sha256Hex(out.thumbnail);
    return out;
}

void AttachmentProcessor::processAsync(QByteArray bytes, QString name, QObject *context,
                                       std::function<void(Outcome)> done)
{
    QtConcurrent::run(&m_pool, [this, bytes = std::move(bytes), name = std::move(name)] {
        return process(bytes, name);
    }).then(context, [done = std::move(done)](Outcome outcome) { done(std::move(outcome)); });
}

} // namespace medtranslate::relay
