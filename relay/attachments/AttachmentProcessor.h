#pragma once

#include "attachments/FileSniffer.h"
#include "attachments/ImageSanitizer.h"
#include "config/AttachmentConfig.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <variant>

namespace medtranslate::relay {

//! A file ready to be stored: checked, cleaned of metadata, named.
struct ProcessedAttachment
{
    FileType type;
    QString name; //!< display name, never a path
    QByteArray bytes;
    QString sha256; //!< of `bytes`, hex: its key in the blob store
    int width = 0;  //!< images decoded; 0 otherwise
    int height = 0;
    QByteArray thumbnail; //!< JPEG; empty when there is none
    QString thumbnailSha256;
};

//! Why a file is refused: the HTTP status and the message for the sender.
struct AttachmentRefusal
{
    int status = 400;
    QString message;
};

//! Checks an uploaded file by its content and cleans it: accepted types only, not cut short,
//! images re-encoded without metadata and a thumbnail made, HEIC scrubbed of Exif and XMP.
//! The heavy part runs on a small pool of its own (decoding a photo takes tens of
//! milliseconds), never on the event loop.
class AttachmentProcessor final : public QObject
{
    Q_OBJECT

public:
    using Outcome = std::variant<ProcessedAttachment, AttachmentRefusal>;

    explicit AttachmentProcessor(const AttachmentConfig &config, QObject *parent = nullptr);
    ~AttachmentProcessor() override;

    //! The work itself, on the calling thread (tests, and the pool below).
    [[nodiscard]] Outcome process(const QByteArray &bytes, const QString &name) const;
    //! On the pool; `done` runs on `context`'s thread, not at all once it is gone.
    void processAsync(QByteArray bytes, QString name, QObject *context,
                      std::function<void(Outcome)> done);

private:
    qint64 m_maxBytes;
    ImageSanitizer m_images;
    QThreadPool m_pool;
};

} // namespace medtranslate::relay
