#pragma once

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace medtranslate::console {

//! One entry of `translation.warnings`, split into what went wrong and the term concerned.
struct TranslationWarning
{
    enum class Kind {
        NumberMismatch,     //!< a number, dose or date differs between original and translation
        GlossaryMissing,    //!< a medical term's approved translation is absent
        DoNotTranslate,     //!< a name that must stay as written is absent
        DeadlineExceeded,   //!< the engine gave up; the text is not translated
        UnitMismatch,       //!< a unit changed (5 mg → 5 g, 3 days → 3 weeks)
        PlaceholderMissing, //!< personal data the engine masked did not come back
        NoTranslation, //!< why a text is untranslated (no vetted phrase, every provider failed)
        Other,
    };

    Kind kind = Kind::Other;
    QString term; //!< the glossary or do-not-translate term, when there is one
    QString raw;  //!< the wire form, for unknown kinds

    static TranslationWarning parse(const QString &wire);
    static std::vector<TranslationWarning> parseAll(const std::vector<std::string> &wire);
    static std::vector<TranslationWarning> parseAll(const QStringList &wire);

    //! True for warnings that mean the patient may read something else than the agent wrote:
    //! sending such a text needs the agent's explicit confirmation.
    [[nodiscard]] bool needsConfirmation() const;
    static bool anyNeedsConfirmation(const std::vector<TranslationWarning> &warnings);
};

} // namespace medtranslate::console
