#pragma once

#include <optional>
#include <string_view>

namespace medtranslate {

//! The kinds of file a consultation accepts as attachments.
enum class FileKind { Jpeg, Png, WebP, Heic, Pdf };

//! What a file is, by its bytes: a name or a declared type can say anything.
struct FileType
{
    FileKind kind;
    std::string_view mime;      //!< e.g. "image/jpeg"
    std::string_view extension; //!< without the dot, e.g. "jpg"
};

//! The type of the file starting with `bytes` (its magic bytes), or nothing when it is not one
//! a consultation accepts. The relay decides with it; the console uses it to refuse a file
//! before uploading it.
[[nodiscard]] std::optional<FileType> sniffFileType(std::string_view bytes);

} // namespace medtranslate
