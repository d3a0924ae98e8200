#pragma once

#include "translation/MaskedText.h"

#include <QString>

namespace medtranslate::relay {

//! Hides personal data from translation providers: phone numbers as Korean, Chinese, Japanese,
//! Thai and Vietnamese patients write them (with or without country code and separators),
//! e-mail addresses, national identity numbers (Korean resident registration, Chinese resident
//! ID, Thai ID card, Vietnamese CCCD, Japanese My Number), passport numbers and card numbers
//! (Luhn-checked) become ⟦P1⟧, ⟦P2⟧ … Where a number has a check digit it must pass, so a
//! random long number is not taken for an ID. Doses, dates, times, lab values and prices are
//! left alone: a translation must carry them. Full-width digits count as digits.
class PiiMasker final
{
public:
    [[nodiscard]] static MaskedText mask(const QString &text);
    [[nodiscard]] static bool luhnValid(QStringView digits);
    //! 18 characters, the last a digit or X: ISO 7064 MOD 11-2 over the first 17.
    [[nodiscard]] static bool chineseIdValid(QStringView id);
    //! 13 digits: weights 13…2, check = (11 − sum mod 11) mod 10.
    [[nodiscard]] static bool thaiIdValid(QStringView digits);
    //! 12 digits: the check digit of the Japanese individual number (My Number).
    [[nodiscard]] static bool myNumberValid(QStringView digits);
};

} // namespace medtranslate::relay
