#pragma once

#include "transcript/Transcript.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace medtranslate::relay {

//! The JSON document of an export (`"format": "medtranslate-transcript"`, version 1), both
//! ways: the relay writes it for `--export --format json` and for the console, the console
//! reads it back to lay out HTML or PDF with the same renderer.
class TranscriptJson final
{
public:
    //! A document read back: its consultations and when the relay exported them.
    struct Document
    {
        QDateTime exportedAt;
        std::vector<Transcript> transcripts;
    };

    [[nodiscard]] static QByteArray write(const std::vector<Transcript> &transcripts,
                                          const QDateTime &exportedAt);
    //! Nothing, with `error` saying why, for anything that is not such a document.
    [[nodiscard]] static std::optional<Document> read(const QByteArray &json, QString *error);
};

} // namespace medtranslate::relay
