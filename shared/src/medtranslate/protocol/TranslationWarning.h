#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medtranslate::protocol {

//! Something the relay's checks found wrong with a translation. On the wire it travels twice:
//! as the version-1 string in `translation.warnings` ("number_mismatch",
//! "glossary_missing:<term>", ...) and as an object in the extension
//! `translation.warning_details` (docs/protocol.md), which also names the values concerned.
struct TranslationWarning
{
    enum class Kind {
        NumberMismatch,      //!< a number of the source is not in the translation
        UnitMismatch,        //!< the same number with another unit (5 mg → 5 g)
        TimeMismatch,        //!< the same hour in the other half of the day (8 a.m. → 8 p.m.)
        NegationMismatch,    //!< one side says "not" and the other does not
        UnclearTerm,         //!< the model said it was unsure what these source words mean
        GlossaryMissing,     //!< a medical term's approved translation is absent
        DntMissing,          //!< a name that must stay as written did not come back
        PlaceholderMissing,  //!< masked personal data did not come back
        DeadlineExceeded,    //!< nobody translated in time; the text is the original
        NoVettedTranslation, //!< offline: no vetted phrase covers the text
        ProvidersFailed,     //!< every translation service failed
        Overloaded,          //!< too many translations waited; the oldest gave way
        Other,               //!< a kind this build does not know; `kindName` keeps it
    };

    Kind kind = Kind::Other;
    std::string kindName;    //!< the wire name; set for every kind, read for `Other`
    std::string source;      //!< the span of the source concerned: the number, term or name
    std::string translation; //!< what the translation has in its place, when it has something
    std::string expected;    //!< what it should have had: the glossary term's approved target
    bool operator==(const TranslationWarning &) const = default;

    [[nodiscard]] static TranslationWarning make(Kind kind, std::string source = {},
                                                 std::string translation = {},
                                                 std::string expected = {});
    //! Reads the version-1 string form; an unknown prefix gives `Other`.
    [[nodiscard]] static TranslationWarning fromLegacy(std::string_view wire);
    //! The version-1 string form: the kind, and ":<term>" for glossary and name warnings.
    [[nodiscard]] std::string legacy() const;
};

std::string_view toString(TranslationWarning::Kind kind);
std::optional<TranslationWarning::Kind> warningKindFromString(std::string_view text);

void to_json(nlohmann::json &j, const TranslationWarning &w);
void from_json(const nlohmann::json &j, TranslationWarning &w);

} // namespace medtranslate::protocol
