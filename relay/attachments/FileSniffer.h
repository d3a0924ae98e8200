#pragma once

#include "medtranslate/FileType.h"

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace medtranslate::relay {

using medtranslate::FileKind;

//! What a file is, by its bytes (see medtranslate::sniffFileType), in the relay's Qt terms.
struct FileType
{
    FileKind kind;
    QString mime;      //!< e.g. "image/jpeg"
    QString extension; //!< without the dot, e.g. "jpg"
};

//! Recognizes accepted files by their magic bytes, and tells a file that was cut short.
class FileSniffer final
{
public:
    //! The type of the file starting with `bytes`, or nothing when it is not one accepted.
    [[nodiscard]] static std::optional<FileType> sniff(QByteArrayView bytes);
    //! False when the file lacks its own ending (a JPEG without an end-of-image marker after
    //! its last scan, a PNG without IEND, a WebP or HEIC shorter than its boxes say, a PDF
    //! without %%EOF): an upload that was cut short.
    [[nodiscard]] static bool isComplete(FileKind kind, QByteArrayView bytes);
    //! A display name for the file: the last part of `name` without control or direction
    //! characters, at most 120 characters, ending in the extension of the type found.
    [[nodiscard]] static QString displayName(const QString &name, const FileType &type);
};

} // namespace medtranslate::relay
