#pragma once

#include "medtranslate/protocol/TranslationWarning.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace medtranslate::relay {

//! Checks that a translation carries every number of its source with the same value: doses,
//! times, dates and durations. "1,000", "1.000" and "１０００" are the same number; "2,5" may be
//! 2.5. Number words count where they count something (세 알, three tablets, 两片, สามเม็ด,
//! ba viên: see NumberWords), and 세 시 반 is 3 and 30. An hour marked as afternoon (오후 3시,
//! 3 p.m., 下午3点) may also be 15 on the other side; a morning or unmarked 3 may not. A mismatch
//! is "number_mismatch"; the same number with a different dose or duration unit (5 mg → 5 g, 세
//! 시간 → 3 days) is "unit_mismatch".
//!
//! Only a source number missing from the translation warns; one the translation adds does not.
//! The source often says that number in words we do not read (하루 "a day", 一个 "a", 한번
//! "again", một lần "how often", noon), and about 1 in 100 vetted phrase pairs would warn for
//! nothing. A number that replaced a source number is still caught: the source one goes
//! missing. A lone source 1 may likewise become a word ("a", "once"), unless a translation
//! number is left over (1 tablet → 2 tablets).
//!
//! The same warnings carry what digits cannot show: an hour moved to the other half of the day
//! (TimeOfDay, "time_mismatch") and a "not" dropped or added (Negation, "negation_mismatch").
class SafetyChecker final
{
public:
    enum class Unit {
        None,
        Microgram,
        Milligram,
        Gram,
        Kilogram,
        Millilitre,
        Litre,
        Minute,
        Hour,
        Day,
        Week,
        Month,
        Year,
        Other
    };

    //! One number as written, with every value it can mean (1,000 is 1000 or, in a
    //! decimal-comma language, 1).
    struct Number
    {
        QStringList values;
        Unit unit = Unit::None;
        QString written;
        //! Read from words that may mean a number without saying it (두세 번 "a few times",
        //! "two children", the unsaid 30 of 세 시 반): it may stand for a number of the other
        //! side, but is never missing and never extra.
        bool implied = false;
    };

    [[nodiscard]] static std::vector<Number> numbers(const QString &text);
    //! Warnings for `translation` of `source`: empty when every source number is there. Each
    //! names the source number concerned and what the translation has in its place.
    [[nodiscard]] static std::vector<protocol::TranslationWarning>
    checkDetailed(const QString &source, const QString &translation);
    //! The same as version-1 warning strings ("number_mismatch", "unit_mismatch").
    [[nodiscard]] static QStringList check(const QString &source, const QString &translation);
    //! Folds full-width and Thai digits to ASCII and drops ⟦P1⟧-style tokens.
    [[nodiscard]] static QString normalizeDigits(const QString &text);
};

} // namespace medtranslate::relay
