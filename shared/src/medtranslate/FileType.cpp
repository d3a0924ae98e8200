#include "medtranslate/FileType.h"

#include <array>
#include <cstdint>

namespace medtranslate {

namespace {

bool startsWith(std::string_view bytes, std::string_view prefix, std::size_t at = 0)
{
    return bytes.size() >= at + prefix.size() && bytes.substr(at, prefix.size()) == prefix;
}

// Major and compatible brands of HEIF files holding HEVC images. AVIF (`avif`) and plain
// `mif1` files without an HEVC brand are not HEIC and are refused.
constexpr std::array<std::string_view, 6> kHeicBrands = {"heic", "heix", "heim",
                                                         "heis", "hevc", "hevx"};

bool isHeic(std::string_view bytes)
{
    if (!startsWith(bytes, "ftyp", 4) || bytes.size() < 16)
        return false;
    const auto byte = [&](std::size_t i) { return std::uint32_t(std::uint8_t(bytes[i])); };
    const std::uint32_t size = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
    if (size < 16 || size > bytes.size())
        return false;
    // Major brand at 8, minor version at 12, compatible brands from 16 to the box's end.
    for (std::size_t at = 8; at + 4 <= size; at += (at == 8 ? 8 : 4)) {
        for (const std::string_view brand : kHeicBrands) {
            if (bytes.substr(at, 4) == brand)
                return true;
        }
    }
    return false;
}

} // namespace

std::optional<FileType> sniffFileType(std::string_view bytes)
{
    using namespace std::string_view_literals;
    if (startsWith(bytes, "\xFF\xD8\xFF"sv))
        return FileType{FileKind::Jpeg, "image/jpeg", "jpg"};
    if (startsWith(bytes, "\x89PNG\r\n\x1A\n"sv))
        return FileType{FileKind::Png, "image/png", "png"};
    if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8))
        return FileType{FileKind::WebP, "image/webp", "webp"};
    if (isHeic(bytes))
        return FileType{FileKind::Heic, "image/heic", "heic"};
    if (startsWith(bytes, "%PDF-"))
        return FileType{FileKind::Pdf, "application/pdf", "pdf"};
    return std::nullopt;
}

} // namespace medtranslate
