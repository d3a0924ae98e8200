#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace medtranslate::relay {

//! Checks that a translation carries every number of its source with the same value: doses,
//! times, dates and durations. "1,000", "1.000" and "１０００" are the same number; "2,5" may be
//! 2.5. A mismatch is "number_mismatch"; the same number with a different dose or duration unit
//! (5 mg → 5 g, 3 days → 3 weeks) is "unit_mismatch".
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
    };

    [[nodiscard]] static std::vector<Number> numbers(const QString &text);
    //! Warnings for `translation` of `source`: empty when every source number is there.
    [[nodiscard]] static QStringList check(const QString &source, const QString &translation);
    //! Folds full-width and Thai digits to ASCII and drops ⟦P1⟧-style tokens.
    [[nodiscard]] static QString normalizeDigits(const QString &text);
};

} // namespace medtranslate::relay
