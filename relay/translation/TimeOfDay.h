#pragma once

#include "medtranslate/protocol/TranslationWarning.h"

#include <QString>
#include <optional>
#include <vector>

namespace medtranslate::relay {

//! Hours of the clock as our six languages write them, read by meaning: 오전 8시, 8 a.m.,
//! 午前8時, 上午8点, 8 โมงเช้า and 8 giờ sáng are all 8:00; 오후 8시, 8 p.m., 晚上8点, 2 ทุ่ม
//! and 8 giờ tối are all 20:00. The number check cannot see a morning that became an evening
//! (the digit is the same) nor that 2 ทุ่ม is 8 p.m.; this can. An hour with no word for its half
//! of the day (8시, 8 o'clock) may be either, so it never conflicts.
class TimeOfDay final
{
public:
    struct Mention
    {
        QString written;     //!< as the text has it: "오전 8시", "8 p.m."
        QString hourWritten; //!< the hour's own number as written: "8", "세"
        //! Every hour of a 24-hour day (0-23) the mention can mean.
        std::vector<int> hours;
    };

    [[nodiscard]] static std::vector<Mention> find(const QString &text);
    //! "time_mismatch" when an hour of the source comes back as the same hour of the other
    //! half of the day (오전 8시 → 8 giờ tối, 8 a.m. → 20시). A time that went missing or
    //! changed its number is the number check's to report.
    [[nodiscard]] static std::optional<protocol::TranslationWarning>
    check(const QString &source, const QString &translation);
};

} // namespace medtranslate::relay
