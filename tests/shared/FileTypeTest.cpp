#include "medtranslate/FileType.h"

#include <gtest/gtest.h>
#include <string>

using medtranslate::FileKind;
using medtranslate::sniffFileType;
using namespace std::string_literals;

TEST(FileType, NamesEachAcceptedKindWithItsMimeTypeAndExtension)
{
    const auto jpeg = sniffFileType("\xFF\xD8\xFF\xE0rest"s);
    ASSERT_TRUE(jpeg);
    EXPECT_EQ(jpeg->kind, FileKind::Jpeg);
    EXPECT_EQ(jpeg->mime, "image/jpeg");
    EXPECT_EQ(jpeg->extension, "jpg");
    const auto png = sniffFileType("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s);
    ASSERT_TRUE(png);
    EXPECT_EQ(png->mime, "image/png");
    EXPECT_EQ(sniffFileType("RIFF\x10\0\0\0WEBPVP8 "s)->mime, "image/webp");
    EXPECT_EQ(sniffFileType("%PDF-1.7\n"s)->extension, "pdf");
    const std::string heic("\0\0\0\x18"
                           "ftypmif1\0\0\0\0mif1heic"s);
    ASSERT_TRUE(sniffFileType(heic));
    EXPECT_EQ(sniffFileType(heic)->mime, "image/heic");
}

TEST(FileType, RefusesWhatIsNotAcceptedOrIsTooShortToTell)
{
    EXPECT_FALSE(sniffFileType(""));
    EXPECT_FALSE(sniffFileType("\xFF\xD8"s)); // a JPEG's first two bytes only
    EXPECT_FALSE(sniffFileType("MZ\x90\0"s)); // a Windows program
    EXPECT_FALSE(sniffFileType("GIF89a"));    // not among the accepted kinds
    EXPECT_FALSE(sniffFileType("Hello, I am a text file renamed to photo.jpg"));
    EXPECT_FALSE(sniffFileType("RIFF\x10\0\0\0WAVEfmt "s)); // RIFF, but audio
    // A HEIF box whose size runs past the end of the file, or that names no HEVC brand.
    EXPECT_FALSE(sniffFileType("\0\0\1\0"
                               "ftypheic\0\0\0\0"s));
    EXPECT_FALSE(sniffFileType("\0\0\0\x14"
                               "ftypavif\0\0\0\0mif1"s));
}
