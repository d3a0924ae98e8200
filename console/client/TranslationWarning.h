#pragma once

#include "medtranslate/protocol/Types.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace medtranslate::console {

//! A translation warning as the console shows it: what went wrong and the values concerned.
//! Built from `translation.warning_details` when the relay sends them, else from the strings of
//! `translation.warnings` (a relay older than the extension).
struct TranslationWarning
{
    enum class Kind {
        NumberMismatch,     //!< a number, dose or date differs between original and translation
        GlossaryMissing,    //!< a medical term's approved translation is absent
        DoNotTranslate,     //!< a name that must stay as written is absent
        DeadlineExceeded,   //!< the engine gave up; the text is not translated
        UnitMismatch,       //!< a unit changed (5 mg → 5 g, 3 days → 3 weeks)
        PlaceholderMissing, //!< personal data the engine masked did not come back
        NoTranslation,    //!< why a text is untranslated (no vetted phrase, every provider failed)
        TimeMismatch,     //!< an hour moved to the other half of the day (8 a.m. → 8 p.m.)
        NegationMismatch, //!< a "not" was dropped or added
        UnclearTerm,      //!< the translating model was unsure what these words mean
        Other,
    };

    Kind kind = Kind::Other;
    QString term;        //!< the glossary or do-not-translate term, when there is one
    QString raw;         //!< the wire form, for unknown kinds
    QString source;      //!< what the original has: the number, term or name (may be empty)
    QString translation; //!< what the translation has in its place (may be empty)
    QString expected;    //!< the approved translation of a glossary term (may be empty)

    static TranslationWarning from(const protocol::TranslationWarning &wire);
    //! Every warning of `t`, typed: the details when present, else the strings.
    static std::vector<TranslationWarning> of(const protocol::Translation &t);
    static TranslationWarning parse(const QString &wire);
    static std::vector<TranslationWarning> parseAll(const std::vector<std::string> &wire);
    static std::vector<TranslationWarning> parseAll(const QStringList &wire);

    //! True for warnings that mean the patient may read something else than the agent wrote:
    //! sending such a text needs the agent's explicit confirmation.
    [[nodiscard]] bool needsConfirmation() const;
    static bool anyNeedsConfirmation(const std::vector<TranslationWarning> &warnings);
};

} // namespace medtranslate::console

Q_DECLARE_METATYPE(std::vector<medtranslate::console::TranslationWarning>)
