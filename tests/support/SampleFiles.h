#pragma once

#include <QByteArray>
#include <QString>

namespace medtranslate::test {

//! Small files of each accepted kind, made in memory, for attachment tests.
class SampleFiles final
{
public:
    //! A PNG of `width`×`height` with a tEXt chunk holding `secret`.
    static QByteArray png(int width = 40, int height = 30,
                          const QByteArray &secret = "GPS 37.5665");
    //! A PNG whose header claims `width`×`height` but whose pixels are a few bytes.
    static QByteArray pngClaiming(int width, int height);
    //! A JPEG of `width`×`height` with an EXIF block (orientation `orientation`) and a comment,
    //! both holding `secret`.
    static QByteArray jpegWithExif(int width, int height, int orientation,
                                   const QByteArray &secret = "GPS 37.5665");
    static QByteArray pdf();
    //! A minimal HEIC layout: ftyp, a meta box whose Exif item points into mdat, and mdat.
    //! `exifPayload` is the Exif item's bytes; `pixels` stands in for the coded image.
    static QByteArray heic(const QByteArray &exifPayload, const QByteArray &pixels);
};

} // namespace medtranslate::test
