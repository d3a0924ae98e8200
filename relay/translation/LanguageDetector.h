#pragma once

#include <QString>

namespace medtranslate::relay {

//! Tells which supported language a text is written in, from its script and, for Latin text,
//! from letters only Vietnamese uses. Patients do not always write in the language they picked.
class LanguageDetector final
{
public:
    //! The language of `text`; `declared` (what the writer picked) decides where letters cannot.
    [[nodiscard]] static QString detect(const QString &text, const QString &declared);

    //! True when the text has a letter that only Vietnamese uses among our languages
    //! (ă đ ơ ư ĩ ũ and the tone-marked vowels of Latin Extended Additional).
    [[nodiscard]] static bool hasVietnameseLetters(const QString &text);

    //! Whether `text` is written in the script of `lang` (or has no letters at all, e.g. only
    //! numbers and tokens). A "translation" in the wrong script is an echo or an answer.
    [[nodiscard]] static bool fitsScript(const QString &text, const QString &lang);

    //! fitsScript, and not plainly another language of the same script: English without a
    //! single accent where Vietnamese was asked for, mostly accented Vietnamese words where
    //! English was, kanji without any kana for Japanese, kana in Chinese. A provider answering
    //! in the language it knows better is not caught by the script alone.
    [[nodiscard]] static bool fitsLanguage(const QString &text, const QString &lang);
};

} // namespace medtranslate::relay
