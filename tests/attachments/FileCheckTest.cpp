#include "SampleFiles.h"
#include "attachments/FileSniffer.h"
#include "attachments/HeifScrubber.h"
#include "http/HttpRequestScanner.h"

#include <gtest/gtest.h>

namespace medtranslate::test {

using relay::FileKind;
using relay::FileSniffer;

TEST(FileSniffer, KnowsFilesByTheirBytesNotTheirNames)
{
    EXPECT_EQ(FileSniffer::sniff(SampleFiles::png())->kind, FileKind::Png);
    EXPECT_EQ(FileSniffer::sniff(SampleFiles::jpegWithExif(8, 8, 1))->kind, FileKind::Jpeg);
    EXPECT_EQ(FileSniffer::sniff(SampleFiles::pdf())->kind, FileKind::Pdf);
    EXPECT_EQ(FileSniffer::sniff(SampleFiles::heic("Exif", "pixels"))->kind, FileKind::Heic);
    EXPECT_EQ(FileSniffer::sniff(QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16))->kind, FileKind::WebP);
    EXPECT_FALSE(FileSniffer::sniff(QByteArray("MZ\x90\0", 4)));
    EXPECT_FALSE(FileSniffer::sniff(QByteArray("GIF89a")));
    // An AVIF is a HEIF container too, but not HEIC.
    const QByteArray avif = QByteArray("\0\0\0\x14"
                                       "ftypavif\0\0\0\0mif1",
                                       20);
    EXPECT_FALSE(FileSniffer::sniff(avif));
}

TEST(FileSniffer, TellsAFileThatWasCutShort)
{
    const QByteArray png = SampleFiles::png();
    EXPECT_TRUE(FileSniffer::isComplete(FileKind::Png, png));
    EXPECT_FALSE(FileSniffer::isComplete(FileKind::Png, png.left(png.size() - 4)));
    const QByteArray jpeg = SampleFiles::jpegWithExif(16, 16, 1);
    EXPECT_TRUE(FileSniffer::isComplete(FileKind::Jpeg, jpeg));
    EXPECT_FALSE(FileSniffer::isComplete(FileKind::Jpeg, jpeg.left(jpeg.size() - 2)));
    const QByteArray heic = SampleFiles::heic("Exif data", "pixels");
    EXPECT_TRUE(FileSniffer::isComplete(FileKind::Heic, heic));
    EXPECT_FALSE(FileSniffer::isComplete(FileKind::Heic, heic.left(heic.size() - 3)));
    EXPECT_FALSE(FileSniffer::isComplete(FileKind::Pdf, SampleFiles::pdf().left(30)));
}

TEST(FileSniffer, DisplayNamesAreNeverPathsAndCarryTheRealExtension)
{
    const auto pdf = *FileSniffer::sniff(SampleFiles::pdf());
    const auto png = *FileSniffer::sniff(SampleFiles::png());
    EXPECT_EQ(FileSniffer::displayName(QStringLiteral("../../etc/passwd"), pdf), u"passwd.pdf");
    EXPECT_EQ(FileSniffer::displayName(QStringLiteral("C:\\Users\\me\\처방전.PDF"), pdf),
              u"처방전.pdf");
    EXPECT_EQ(FileSniffer::displayName(QStringLiteral("virus.exe"), png), u"virus.png");
    // A right-to-left override would make "gpj.exe" read as "exe.jpg".
    EXPECT_EQ(FileSniffer::displayName(QString::fromUtf8("photo\u202Egpj.exe"), png),
              u"photogpj.png");
    EXPECT_EQ(FileSniffer::displayName(QStringLiteral("..."), png), u"photo.png");
    EXPECT_EQ(FileSniffer::displayName({}, pdf), u"document.pdf");
    EXPECT_LE(FileSniffer::displayName(QString(500, u'가') + ".pdf", pdf).size(), 120);
}

TEST(HeifScrubber, ZeroesTheExifItemAndNothingElse)
{
    const QByteArray exif("Exif\0\0GPS 37.5665 126.9780", 26);
    const QByteArray pixels(300, 'P');
    const QByteArray heic = SampleFiles::heic(exif, pixels);
    const auto scrubbed = relay::HeifScrubber::scrub(heic);
    ASSERT_TRUE(scrubbed);
    EXPECT_EQ(scrubbed->itemsCleared, 1);
    EXPECT_EQ(scrubbed->bytes.size(), heic.size());
    EXPECT_FALSE(scrubbed->bytes.contains("GPS 37.5665"));
    EXPECT_TRUE(scrubbed->bytes.contains(pixels));
    const qsizetype at = heic.indexOf("GPS");
    EXPECT_EQ(scrubbed->bytes.mid(0, at - 6), heic.mid(0, at - 6)); // the boxes are unchanged
}

TEST(HeifScrubber, RefusesBoxesThatDoNotFit)
{
    QByteArray heic = SampleFiles::heic("Exif", "pixels");
    heic[heic.indexOf("meta") - 1] = char(0x7F); // meta now claims more than the file has
    EXPECT_FALSE(relay::HeifScrubber::scrub(heic));
}

TEST(HttpRequestScanner, KnowsTheUploadRouteOnly)
{
    using relay::HttpRequestScanner;
    EXPECT_TRUE(HttpRequestScanner::isUpload("POST", "/api/rooms/abc/attachments"));
    EXPECT_TRUE(HttpRequestScanner::isUpload("POST", "/api/rooms/abc/attachments?client_msg_id=1"));
    EXPECT_FALSE(HttpRequestScanner::isUpload("GET", "/api/rooms/abc/attachments"));
    EXPECT_FALSE(HttpRequestScanner::isUpload("POST", "/api/rooms//attachments"));
    EXPECT_FALSE(HttpRequestScanner::isUpload("POST", "/api/rooms/a/b/attachments"));
    EXPECT_FALSE(HttpRequestScanner::isUpload("POST", "/api/rooms"));
    EXPECT_FALSE(HttpRequestScanner::isUpload("POST", "/api/translate"));
}

} // namespace medtranslate::test
