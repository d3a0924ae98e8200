#pragma once

#include "transcript/Transcript.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace medtranslate::relay {

//! Turns consultations into the record a hospital files: every message with its original and
//! its translation side by side, who sent it and when, who translated it (a provider, or
//! `vetted`), every warning, the system notices and the attachments. JSON for systems, HTML
//! that is self-contained and printable, PDF through Qt's own text layout and printing.
class TranscriptRenderer final
{
public:
    enum class Format { Json, Html, Pdf };

    //! "json", "html", "pdf"; nothing for anything else.
    [[nodiscard]] static std::optional<Format> formatFromString(const QString &name);

    [[nodiscard]] static QByteArray json(const std::vector<Transcript> &transcripts,
                                         const QDateTime &exportedAt);
    [[nodiscard]] static QString html(const std::vector<Transcript> &transcripts,
                                      const QDateTime &exportedAt);
    //! Lays the HTML out on A4 pages. Needs a QGuiApplication (fonts); false with `error`
    //! set when the file cannot be written.
    static bool writePdf(const QString &html, const QString &path, QString *error);

    //! A warning in words: "number 500 became 50", "term 혈압약 (thuốc huyết áp) missing".
    [[nodiscard]] static QString describe(const protocol::TranslationWarning &warning);
};

} // namespace medtranslate::relay
