#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace medtranslate::relay {

//! Removes the metadata of a HEIC (HEIF) file without decoding it: Qt has no HEIF decoder on
//! Debian, so the pixels cannot be re-encoded as other images are. HEIF keeps metadata as
//! items (an `Exif` item, XMP as a `mime` item of type application/rdf+xml) whose bytes the
//! `iloc` box locates; those bytes are overwritten with zeros in place, so no offset moves and
//! the image still decodes.
class HeifScrubber final
{
public:
    //! The file with its Exif and XMP items zeroed, and how many were; nothing when its boxes
    //! cannot be read (then it cannot be checked, and is refused).
    struct Scrubbed
    {
        QByteArray bytes;
        int itemsCleared = 0;
    };
    [[nodiscard]] static std::optional<Scrubbed> scrub(QByteArray bytes);
    //! True when the file's top-level boxes fit exactly in it (false for a file cut short).
    [[nodiscard]] static bool boxesComplete(QByteArrayView bytes);
};

} // namespace medtranslate::relay
