#pragma once

#include "attachments/FileSniffer.h"

#include <QByteArray>
#include <QString>
#include <variant>

namespace medtranslate::relay {

//! Re-encodes an image from its pixels, so nothing but the picture survives: no EXIF (the GPS
//! position of a phone photo, the camera, the time), no comments, no text chunks. EXIF
//! orientation is applied first, so the picture stays upright. Also makes the thumbnail.
//! Decodes with Qt's image readers; thread-safe, meant to run off the event loop.
class ImageSanitizer final
{
public:
    struct Clean
    {
        QByteArray bytes; //!< same format as the input
        int width = 0;    //!< as shown, after orientation
        int height = 0;
        QByteArray thumbnail; //!< JPEG, at most kThumbnailSide on its longer side
    };
    //! Why an image is refused; `tooLarge` for too many pixels, else it does not decode.
    struct Refused
    {
        bool tooLarge = false;
        QString reason;
    };

    static constexpr int kThumbnailSide = 320;

    //! Also raises Qt's image allocation limit (process-wide) to what `maxPixels` needs.
    explicit ImageSanitizer(qint64 maxPixels);

    //! JPEG, PNG and WebP; the pixel count is checked from the header, before decoding.
    [[nodiscard]] std::variant<Clean, Refused> sanitize(const QByteArray &bytes,
                                                        FileKind kind) const;

private:
    qint64 m_maxPixels;
};

} // namespace medtranslate::relay
