#pragma once

#include "translation/SafetyChecker.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace medtranslate::relay {

//! Small numbers written as words, for SafetyChecker: "세 알", "three tablets", "两片", "二回",
//! "สามเม็ด", "ba viên". Most of these words are also ordinary words (한 "did", 세 "tax",
//! 네 "yes", 一 in 一緒, สาม in สามารถ, năm "year", ba "father"), so a word is a sure number
//! only with a counter or unit right after it. Without one, a few unmistakable words (two,
//! 두, hai) are read as `implied`: they may stand for a number of the other side but are
//! never reported missing or extra. Ordinals (세 번째, 第二, thứ hai, second) are not read.
class NumberWords final
{
public:
    struct Match
    {
        //! Canonical decimal values, as SafetyChecker writes them ("3", "1.5").
        QStringList values;
        qsizetype start = 0;
        qsizetype end = 0;
        //! Where the unit or counter word begins, for SafetyChecker to read and to look for
        //! "and a half" after it; -1 when `unit` is already known (하루, half an hour, 두 분).
        qsizetype unitAt = -1;
        SafetyChecker::Unit unit = SafetyChecker::Unit::None;
        //! A range said as "a few" (두세 번, 两三天, สองสามวัน) or a number without a counter.
        bool implied = false;
    };

    //! Number words in `text` (digits already folded to ASCII, NFC), in no particular order.
    [[nodiscard]] static std::vector<Match> find(const QString &text);
};

} // namespace medtranslate::relay
