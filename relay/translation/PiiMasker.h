#pragma once

#include "translation/MaskedText.h"

#include <QString>

namespace medtranslate::relay {

//! Hides personal data from translation providers: phone numbers (Korean and international),
//! e-mail addresses, Korean resident registration numbers, passport numbers and card numbers
//! (Luhn-checked) become ⟦P1⟧, ⟦P2⟧ … Doses, dates and times are left alone: a translation
//! must carry them.
class PiiMasker final
{
public:
    [[nodiscard]] static MaskedText mask(const QString &text);
    [[nodiscard]] static bool luhnValid(QStringView digits);
};

} // namespace medtranslate::relay
