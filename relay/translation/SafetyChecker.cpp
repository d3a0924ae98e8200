#include "translation/SafetyChecker.h"

#include "translation/Negation.h"
#include "translation/NumberWords.h"
#include "translation/TimeOfDay.h"

#include <QRegularExpression>
#include <algorithm>
#include <utility>

namespace medtranslate::relay {

namespace {

using Unit = SafetyChecker::Unit;
using Number = SafetyChecker::Number;

struct UnitWord
{
    QString word;
    Unit unit;
};

// Units as written after a number in our six languages, longest first so 시간 beats 시.
const std::vector<UnitWord> &unitWords()
{
    static const std::vector<UnitWord> words = [] {
        std::vector<UnitWord> w;
        auto add = [&w](Unit unit, std::initializer_list<const char *> list) {
            for (const char *item : list)
                w.push_back(UnitWord{QString::fromUtf8(item), unit});
        };
        add(Unit::Microgram, {"mcg", "µg", "μg", "ug", "micrograms", "microgram", "마이크로그램",
                              "マイクログラム", "微克", "ไมโครกรัม"});
        add(Unit::Milligram, {"mg", "milligrams", "milligram", "milligrammes", "밀리그램",
                              "밀리그람", "ミリグラム", "毫克", "มก.", "มิลลิกรัม"});
        add(Unit::Gram, {"g", "grams", "gram", "grammes", "그램", "グラム", "克", "กรัม", "gam"});
        add(Unit::Kilogram, {"kg", "kilograms", "kilogram", "kilos", "킬로그램", "킬로",
                             "キログラム", "キロ", "公斤", "千克", "กิโลกรัม", "กก.", "ký"});
        add(Unit::Millilitre, {"ml", "milliliters", "milliliter", "millilitres", "millilitre", "cc",
                               "밀리리터", "미리리터", "ミリリットル", "毫升", "มล.", "มิลลิลิตร"});
        add(Unit::Litre,
            {"l", "liters", "liter", "litres", "litre", "리터", "リットル", "升", "ลิตร", "lít"});
        add(Unit::Minute, {"min", "mins", "minutes", "minute", "분", "分钟", "分鐘", "分間", "分",
                           "นาที", "phút"});
        add(Unit::Hour,
            {"h", "hr", "hrs", "hours", "hour", "시간", "時間", "小时", "小時", "ชั่วโมง", "tiếng"});
        add(Unit::Day, {"days", "day", "일", "日間", "日", "天", "วัน", "ngày"});
        add(Unit::Week, {"weeks", "week", "wks", "wk", "주일", "주", "週間", "週", "周", "星期",
                         "สัปดาห์", "อาทิตย์", "tuần"});
        add(Unit::Month, {"months", "month", "개월", "달", "ヶ月", "か月", "カ月", "ヵ月", "个月",
                          "個月", "เดือน", "tháng"});
        add(Unit::Year, {"years", "year", "yrs", "yr", "년", "年", "ปี", "năm"});
        add(Unit::Other,
            {"tablets", "tablet", "tabs", "tab", "pills", "pill", "capsules", "capsule",
             "정",      "알",     "캡슐", "錠",  "粒",    "片",   "カプセル", "胶囊",
             "เม็ด",     "แคปซูล",  "viên", "%",   "％",    "iu",   "units",    "unit",
             "단위",    "시",     "時",   "点",  "回",    "次",   "번",       "회",
             "ครั้ง",     "lần",    "giờ",  "โมง"});
        std::stable_sort(w.begin(), w.end(), [](const UnitWord &a, const UnitWord &b) {
            return a.word.size() > b.word.size();
        });
        return w;
    }();
    return words;
}

int dimension(Unit unit)
{
    switch (unit) {
    case Unit::Microgram:
    case Unit::Milligram:
    case Unit::Gram:
    case Unit::Kilogram:
        return 1;
    case Unit::Millilitre:
    case Unit::Litre:
        return 2;
    case Unit::Minute:
    case Unit::Hour:
    case Unit::Day:
    case Unit::Week:
    case Unit::Month:
    case Unit::Year:
        return 3;
    default:
        return 0;
    }
}

bool unitsConflict(Unit a, Unit b)
{
    const int da = dimension(a);
    return da != 0 && da == dimension(b) && a != b;
}

qsizetype skipSpaces(const QString &text, qsizetype pos)
{
    while (pos < text.size() && text.at(pos) == QLatin1Char(' '))
        ++pos;
    return pos;
}

// A unit after a number, where it ends, and whether it names an hour of the clock (세 시,
// 三時, 两点, สามโมง) rather than a count; giờ may be either.
struct UnitHit
{
    Unit unit = Unit::None;
    qsizetype end = -1;
    bool clock = false;
    bool maybeClock = false;
};

UnitHit unitAfter(const QString &text, qsizetype pos)
{
    pos = skipSpaces(text, pos);
    const QStringView rest = QStringView(text).mid(pos);
    for (const UnitWord &u : unitWords()) {
        if (!rest.startsWith(u.word, Qt::CaseInsensitive))
            continue;
        // "5 g" is grams, "5 gives" is not.
        const QChar last = u.word.back();
        if ((last.isLetter() && last.unicode() < 0x0250) && rest.size() > u.word.size() &&
            (rest.at(u.word.size()).isLetter() && rest.at(u.word.size()).unicode() < 0x0250))
            continue;
        // "ngày 5 tháng 3" is the 5th of March: tháng before a number names the month. But
        // "2 tháng một lần" is once every two months: a number followed by lần is a count.
        if (u.word == u"tháng") {
            static const QStringList numberWords = {QStringLiteral("một"),  QStringLiteral("hai"),
                                                    QStringLiteral("ba"),   QStringLiteral("bốn"),
                                                    QStringLiteral("năm"),  QStringLiteral("sáu"),
                                                    QStringLiteral("bảy"),  QStringLiteral("tám"),
                                                    QStringLiteral("chín"), QStringLiteral("mười")};
            const qsizetype next = skipSpaces(text, pos + u.word.size());
            const QStringView month = QStringView(text).mid(next);
            qsizetype numberEnd = -1;
            if (next > pos + u.word.size() && next < text.size()) {
                if (text.at(next).isDigit()) {
                    numberEnd = next;
                    while (numberEnd < text.size() && text.at(numberEnd).isDigit())
                        ++numberEnd;
                } else {
                    for (const QString &w : numberWords) {
                        if (month.startsWith(w, Qt::CaseInsensitive) &&
                            (month.size() == w.size() || !month.at(w.size()).isLetter())) {
                            numberEnd = next + w.size();
                            break;
                        }
                    }
                }
            }
            const bool countNext = numberEnd >= 0 && QStringView(text)
                                                         .mid(skipSpaces(text, numberEnd))
                                                         .startsWith(u"lần", Qt::CaseInsensitive);
            if (numberEnd >= 0 && !countNext)
                return UnitHit{};
        }
        const bool clock = u.word == u"시" || u.word == u"時" || u.word == u"点" ||
                           u.word == u"點" || u.word == u"โมง";
        return UnitHit{u.unit, pos + u.word.size(), clock, u.word == u"giờ"};
    }
    return UnitHit{};
}

// "2 and a half tablets", "一个半小时": the half comes before the unit. Returns where the unit
// may start, or -1.
qsizetype halfBeforeUnit(const QString &text, qsizetype pos)
{
    const QStringView rest = QStringView(text).mid(pos);
    if (rest.startsWith(u"个半") || rest.startsWith(u"個半"))
        return pos + 2;
    const qsizetype word = skipSpaces(text, pos);
    if (word > pos && QStringView(text).mid(word).startsWith(u"and a half", Qt::CaseInsensitive))
        return word + 10;
    return -1;
}

// "3시간 반", "1時間半", "สองชั่วโมงครึ่ง", "hai tiếng rưỡi", "two hours and a half".
bool halfAfterUnit(const QString &text, qsizetype pos)
{
    const qsizetype start = skipSpaces(text, pos);
    const QStringView rest = QStringView(text).mid(start);
    auto nextIs = [&rest](qsizetype at, QStringView set) {
        return at < rest.size() && set.contains(rest.at(at));
    };
    auto letterAt = [&rest](qsizetype at) { return at < rest.size() && rest.at(at).isLetter(); };
    if (rest.startsWith(u"반")) {
        // 반드시 (surely), 반응 (reaction): only 반 alone or with a particle.
        const bool hangulNext =
            rest.size() > 1 && rest.at(1).unicode() >= 0xAC00 && rest.at(1).unicode() <= 0xD7A3;
        return !hangulNext || nextIs(1, u"에이을은씩정동만후전뒤쯤까부간");
    }
    // 吃1片半小时后: the half belongs to the next words (half an hour later).
    if (rest.startsWith(u"半"))
        return !nextIs(1, u"小个個时時天日年月夜分钟周週");
    if (rest.startsWith(u"ครึ่ง"))
        return !QStringView(rest).mid(5).startsWith(u"ชั่วโมง") &&
               !QStringView(rest).mid(5).startsWith(u"วัน") &&
               !QStringView(rest).mid(5).startsWith(u"นาที") &&
               !QStringView(rest).mid(5).startsWith(u"หนึ่ง");
    if (rest.startsWith(u"rưỡi", Qt::CaseInsensitive))
        return !letterAt(4);
    if (start > pos && rest.startsWith(u"and a half", Qt::CaseInsensitive))
        return !letterAt(10);
    return false;
}

QStringList plusHalf(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        out << (v.contains(QLatin1Char('.')) ? v : v + QStringLiteral(".5"));
    return out;
}

// One number and what follows it: its unit, and a half before or after the unit. Half past an
// hour of the clock (세 시 반) adds 30 minutes that may go unsaid.
// 오후 3시, 3 p.m., 下午3点, 午後3時, 3 giờ chiều: an hour after noon that the other side may
// write on the 24-hour clock (15:00, 15시). Looks just before `start` and just after `end`,
// past minutes and an hour word (3:30 p.m., 3 giờ chiều).
bool afternoonAround(const QString &text, qsizetype start, qsizetype end)
{
    // Not 밤 or 夜: "밤 3시" is as often three in the night.
    static const QStringList before = {QStringLiteral("오후"), QStringLiteral("저녁"),
                                       QStringLiteral("下午"), QStringLiteral("晚上"),
                                       QStringLiteral("午後"), QStringLiteral("บ่าย")};
    static const QStringList hourWords = {QStringLiteral("giờ"), QStringLiteral("시"),
                                          QStringLiteral("時"), QStringLiteral("点"),
                                          QStringLiteral("o'clock")};
    static const QStringList after = {QStringLiteral("p.m."), QStringLiteral("pm"),
                                      QStringLiteral("chiều"), QStringLiteral("tối")};
    const qsizetype from = std::max<qsizetype>(0, start - 4);
    const QStringView lead = QStringView(text).mid(from, start - from).trimmed();
    for (const QString &marker : before) {
        if (lead.endsWith(marker))
            return true;
    }
    qsizetype pos = skipSpaces(text, end);
    if (pos < text.size() && text.at(pos) == QLatin1Char(':')) {
        ++pos;
        while (pos < text.size() && text.at(pos).isDigit())
            ++pos;
    }
    pos = skipSpaces(text, pos);
    for (const QString &word : hourWords) {
        if (QStringView(text).mid(pos).startsWith(word, Qt::CaseInsensitive)) {
            pos = skipSpaces(text, pos + word.size());
            break;
        }
    }
    for (const QString &marker : after) {
        const qsizetype stop = pos + marker.size();
        if (QStringView(text).mid(pos).startsWith(marker, Qt::CaseInsensitive) &&
            (stop >= text.size() || !text.at(stop).isLetter()))
            return true;
    }
    return false;
}

void addNumber(const QString &text, QStringList values, const QString &written, qsizetype start,
               qsizetype unitAt, bool implied, std::vector<Number> &out)
{
    // 3 in "오후 3시" may be written 15 on the other side; 오전 3시 ↔ 15:00 still mismatches.
    if (values.size() == 1 && afternoonAround(text, start, start + written.size())) {
        bool whole = false;
        const int hour = values.first().toInt(&whole);
        if (whole && hour >= 1 && hour <= 11)
            values << QString::number(hour + 12);
    }
    // 2 ทุ่ม is 8 p.m.: Thai counts evening hours from six; the other side says 8 or 20.
    if (values.size() == 1 && QStringView(text).mid(skipSpaces(text, unitAt)).startsWith(u"ทุ่ม")) {
        bool whole = false;
        const int hour = values.first().toInt(&whole);
        if (whole && hour >= 1 && hour <= 5)
            values << QString::number(hour + 18) << QString::number(hour + 6);
    }
    if (const qsizetype after = halfBeforeUnit(text, unitAt); after >= 0) {
        values = plusHalf(values);
        unitAt = after;
    }
    const UnitHit unit = unitAfter(text, unitAt);
    bool halfPast = false;
    if (unit.unit != Unit::None && halfAfterUnit(text, unit.end)) {
        if (unit.maybeClock)
            values += plusHalf(values);
        else if (!unit.clock)
            values = plusHalf(values);
        halfPast = unit.clock || unit.maybeClock;
    }
    out.push_back(Number{values, unit.unit, written, implied});
    if (halfPast)
        out.push_back(Number{{QStringLiteral("30")}, Unit::None, written, true});
}

QString canonicalInteger(QStringView digits)
{
    qsizetype i = 0;
    while (i + 1 < digits.size() && digits.at(i) == QLatin1Char('0'))
        ++i;
    return digits.mid(i).toString();
}

QString canonicalDecimal(QStringView whole, QStringView fraction)
{
    qsizetype end = fraction.size();
    while (end > 0 && fraction.at(end - 1) == QLatin1Char('0'))
        --end;
    const QString integer = canonicalInteger(whole.isEmpty() ? QStringView(u"0") : whole);
    return end == 0 ? integer : integer + QLatin1Char('.') + fraction.left(end).toString();
}

// The values one written number can mean; empty when it is a list like 05.03.2024.
QStringList interpretations(QStringView token, QList<QStringView> &groups, QList<QChar> &separators)
{
    groups.clear();
    separators.clear();
    qsizetype start = 0;
    for (qsizetype i = 0; i < token.size(); ++i) {
        if (token.at(i) == QLatin1Char('.') || token.at(i) == QLatin1Char(',')) {
            groups << token.mid(start, i - start);
            separators << token.at(i);
            start = i + 1;
        }
    }
    groups << token.mid(start);
    if (separators.isEmpty())
        return {canonicalInteger(token)};

    QStringList values;
    const bool firstOk = groups.front().size() >= 1 && groups.front().size() <= 3;
    bool sameSeparator = true;
    for (const QChar s : separators)
        sameSeparator = sameSeparator && s == separators.front();
    bool groupsOfThree = firstOk;
    for (qsizetype i = 1; i < groups.size(); ++i)
        groupsOfThree = groupsOfThree && groups.at(i).size() == 3;
    if (sameSeparator && groupsOfThree) { // 1,000 or 1.000.000
        QString digits;
        for (const auto &g : groups)
            digits += g;
        values << canonicalInteger(digits);
    }
    if (separators.size() == 1) // 2.5 or 2,5
        values << canonicalDecimal(groups.at(0), groups.at(1));
    if (separators.size() >= 2 && separators.back() != separators.front()) { // 1,234.5 or 1.234,5
        bool thousands = firstOk;
        for (qsizetype i = 1; i + 1 < groups.size(); ++i)
            thousands =
                thousands && groups.at(i).size() == 3 && separators.at(i - 1) == separators.front();
        if (thousands) {
            QString digits;
            for (qsizetype i = 0; i + 1 < groups.size(); ++i)
                digits += groups.at(i);
            values << canonicalDecimal(digits, groups.back());
        }
    }
    values.removeDuplicates();
    return values;
}

// English and Thai month names stand for numbers next to a day or year: "March 5" is 3/5.
void addMonthNames(const QString &text, std::vector<Number> &out)
{
    static const QRegularExpression english(
        QStringLiteral(
            "(?<![A-Za-z])(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![A-Za-z])"
            "\\.?"),
        QRegularExpression::CaseInsensitiveOption);
    static const QStringList englishKeys = {
        QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
        QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
        QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    static const QStringList thai = {
        QStringLiteral("มกราคม"),  QStringLiteral("กุมภาพันธ์"),  QStringLiteral("มีนาคม"),
        QStringLiteral("เมษายน"),  QStringLiteral("พฤษภาคม"),  QStringLiteral("มิถุนายน"),
        QStringLiteral("กรกฎาคม"), QStringLiteral("สิงหาคม"),   QStringLiteral("กันยายน"),
        QStringLiteral("ตุลาคม"),   QStringLiteral("พฤศจิกายน"), QStringLiteral("ธันวาคม")};
    static const QStringList thaiShort = {
        QStringLiteral("ม.ค."),  QStringLiteral("ก.พ."), QStringLiteral("มี.ค."),
        QStringLiteral("เม.ย."), QStringLiteral("พ.ค."), QStringLiteral("มิ.ย."),
        QStringLiteral("ก.ค."),  QStringLiteral("ส.ค."), QStringLiteral("ก.ย."),
        QStringLiteral("ต.ค."),  QStringLiteral("พ.ย."), QStringLiteral("ธ.ค.")};
    auto besideDigit = [&text](qsizetype start, qsizetype end) {
        for (qsizetype i = std::max<qsizetype>(0, start - 3); i < start; ++i)
            if (text.at(i).isDigit())
                return true;
        for (qsizetype i = end; i < std::min<qsizetype>(text.size(), end + 3); ++i)
            if (text.at(i).isDigit())
                return true;
        return false;
    };
    auto it = english.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const int month = int(englishKeys.indexOf(m.captured(1).left(3).toLower())) + 1;
        if (month > 0 && besideDigit(m.capturedStart(), m.capturedEnd()))
            out.push_back(Number{{QString::number(month)}, Unit::None, m.captured(0)});
    }
    for (const QStringList *names : {&thai, &thaiShort}) {
        for (int i = 0; i < names->size(); ++i) {
            for (qsizetype at = text.indexOf(names->at(i)); at >= 0;
                 at = text.indexOf(names->at(i), at + 1)) {
                if (besideDigit(at, at + names->at(i).size()))
                    out.push_back(Number{{QString::number(i + 1)}, Unit::None, names->at(i)});
            }
        }
    }
}

// Kuhn's augmenting path, for matching source numbers to translation numbers.
bool augment(int s, const std::vector<std::vector<int>> &edges, std::vector<int> &matchOfTarget,
             std::vector<bool> &visited)
{
    for (int t : edges[size_t(s)]) {
        if (visited[size_t(t)])
            continue;
        visited[size_t(t)] = true;
        if (matchOfTarget[size_t(t)] < 0 ||
            augment(matchOfTarget[size_t(t)], edges, matchOfTarget, visited)) {
            matchOfTarget[size_t(t)] = s;
            return true;
        }
    }
    return false;
}

// Digits folded to ASCII, and each ⟦P1⟧-style token replaced by `token`.
QString fold(const QString &text, const QString &token)
{
    static const QRegularExpression tokenPattern(QStringLiteral("⟦[^⟧]{0,12}⟧"));
    QString out = text;
    out.replace(tokenPattern, token);
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char16_t u = out.at(i).unicode();
        if (u >= 0xFF10 && u <= 0xFF19) // full-width ０-９
            out[i] = QChar(char16_t('0' + (u - 0xFF10)));
        else if (u >= 0x0E50 && u <= 0x0E59) // Thai ๐-๙
            out[i] = QChar(char16_t('0' + (u - 0x0E50)));
        else if (u == 0xFF0E) // full-width full stop
            out[i] = QLatin1Char('.');
        else if (u == 0xFF0C && i > 0 && i + 1 < out.size() && out.at(i - 1).isDigit() &&
                 out.at(i + 1).isDigit())
            out[i] = QLatin1Char(',');
    }
    return out;
}

} // namespace

QString SafetyChecker::normalizeDigits(const QString &text)
{
    return fold(text, QStringLiteral(" "));
}

std::vector<SafetyChecker::Number> SafetyChecker::numbers(const QString &raw)
{
    static const QRegularExpression numberPattern(QStringLiteral("[0-9]+(?:[.,][0-9]+)*"));
    // A token is a word to the number words (⟦T1⟧세 is not "three"), so not a space here.
    QString text = fold(raw, QStringLiteral("\uFFFC"));
    // Vietnamese typed with combining accents reads the same as precomposed.
    if (std::any_of(text.cbegin(), text.cend(),
                    [](QChar c) { return c.unicode() >= 0x0300 && c.unicode() <= 0x036F; }))
        text = text.normalized(QString::NormalizationForm_C);
    std::vector<Number> out;
    QList<QStringView> groups;
    QList<QChar> separators;
    auto it = numberPattern.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const qsizetype start = m.capturedStart();
        QStringView written = m.capturedView();
        // ".5 mg" means 0.5.
        if (start >= 1 && text.at(start - 1) == QLatin1Char('.') &&
            (start < 2 || !text.at(start - 2).isDigit()) && written.size() <= 3 &&
            !written.contains(QLatin1Char('.')) && !written.contains(QLatin1Char(','))) {
            addNumber(text, {canonicalDecimal(u"0", written)},
                      QLatin1Char('.') + written.toString(), start - 1, m.capturedEnd(), false,
                      out);
            continue;
        }
        // A Thai clock time, 14.30 น., is an hour and its minutes like 14:30.
        static const QRegularExpression thaiClock(QStringLiteral("^([0-9]{1,2})\\.([0-9]{2})$"));
        if (const auto clock = thaiClock.match(written);
            clock.hasMatch() && text.mid(skipSpaces(text, m.capturedEnd()), 2) == u"น.") {
            const qsizetype dot = start + clock.capturedLength(1);
            addNumber(text, {canonicalInteger(clock.capturedView(1))}, clock.captured(1), start,
                      dot, false, out);
            addNumber(text, {canonicalInteger(clock.capturedView(2))}, clock.captured(2), dot + 1,
                      m.capturedEnd(), false, out);
            continue;
        }
        const QStringList values = interpretations(written, groups, separators);
        if (!values.isEmpty()) {
            addNumber(text, values, written.toString(), start, m.capturedEnd(), false, out);
            continue;
        }
        // A date or list written with separators: each part is its own number.
        const Unit unit = unitAfter(text, m.capturedEnd()).unit;
        for (qsizetype i = 0; i < groups.size(); ++i)
            out.push_back(Number{{canonicalInteger(groups.at(i))},
                                 i + 1 == groups.size() ? unit : Unit::None,
                                 groups.at(i).toString()});
    }
    addMonthNames(text, out);
    for (NumberWords::Match &w : NumberWords::find(text)) {
        const QString written = text.mid(w.start, w.end - w.start);
        if (w.unitAt >= 0)
            addNumber(text, std::move(w.values), written, w.start, w.unitAt, w.implied, out);
        else
            out.push_back(Number{std::move(w.values), w.unit, written, w.implied});
    }
    return out;
}

namespace {

QString unitSymbol(SafetyChecker::Unit unit)
{
    using U = SafetyChecker::Unit;
    switch (unit) {
    case U::Microgram:
        return QStringLiteral("µg");
    case U::Milligram:
        return QStringLiteral("mg");
    case U::Gram:
        return QStringLiteral("g");
    case U::Kilogram:
        return QStringLiteral("kg");
    case U::Millilitre:
        return QStringLiteral("mL");
    case U::Litre:
        return QStringLiteral("L");
    case U::Minute:
        return QStringLiteral("min");
    case U::Hour:
        return QStringLiteral("h");
    case U::Day:
        return QStringLiteral("d");
    case U::Week:
        return QStringLiteral("wk");
    case U::Month:
        return QStringLiteral("mo");
    case U::Year:
        return QStringLiteral("y");
    case U::None:
    case U::Other:
        break;
    }
    return {};
}

//! The number as written, with its unit when it has one the checker reads: "5 mg".
std::string describe(const SafetyChecker::Number &n)
{
    const QString unit = unitSymbol(n.unit);
    return (unit.isEmpty() ? n.written : n.written + QLatin1Char(' ') + unit).toStdString();
}

} // namespace

QStringList SafetyChecker::check(const QString &source, const QString &translation)
{
    QStringList warnings;
    for (const auto &w : checkDetailed(source, translation))
        warnings << QString::fromStdString(w.legacy());
    return warnings;
}

std::vector<protocol::TranslationWarning> SafetyChecker::checkDetailed(const QString &source,
                                                                       const QString &translation)
{
    const std::vector<Number> from = numbers(source);
    const std::vector<Number> to = numbers(translation);
    auto sameValue = [](const Number &a, const Number &b) {
        for (const QString &v : a.values) {
            if (b.values.contains(v))
                return true;
        }
        return false;
    };
    // First pair numbers whose units agree, then let the rest pair by value alone. Sure
    // numbers are paired before implied ones, and offered sure partners first, so an implied
    // number only fills in where nothing sure could.
    std::vector<std::vector<int>> agreeing(from.size()), anyUnit(from.size());
    for (size_t s = 0; s < from.size(); ++s) {
        for (const bool impliedTarget : {false, true}) {
            for (size_t t = 0; t < to.size(); ++t) {
                if (to[t].implied != impliedTarget || !sameValue(from[s], to[t]))
                    continue;
                anyUnit[s].push_back(int(t));
                if (!unitsConflict(from[s].unit, to[t].unit))
                    agreeing[s].push_back(int(t));
            }
        }
    }
    std::vector<int> matchOfTarget(to.size(), -1);
    std::vector<bool> matched(from.size(), false);
    for (const bool impliedSource : {false, true}) {
        for (const auto *edges : {&agreeing, &anyUnit}) {
            for (size_t s = 0; s < from.size(); ++s) {
                if (matched[s] || from[s].implied != impliedSource)
                    continue;
                std::vector<bool> visited(to.size(), false);
                matched[s] = augment(int(s), *edges, matchOfTarget, visited);
            }
        }
    }
    // "1일 3회" is "3 times a day": a lone 1 may become a word ("a", "once"), as long as no
    // other number took its place (1 tablet → 2 tablets is still caught).
    const Number *extraInTranslation = nullptr;
    for (size_t t = 0; t < to.size() && !extraInTranslation; ++t) {
        if (matchOfTarget[t] < 0 && !to[t].implied)
            extraInTranslation = &to[t];
    }
    using Warning = protocol::TranslationWarning;
    std::vector<Warning> warnings;
    for (size_t s = 0; s < from.size(); ++s) {
        if (matched[s] || from[s].implied ||
            (from[s].values.contains(QStringLiteral("1")) && !extraInTranslation))
            continue;
        // The number left over in the translation is most likely what this one became.
        warnings.push_back(
            Warning::make(Warning::Kind::NumberMismatch, describe(from[s]),
                          extraInTranslation ? describe(*extraInTranslation) : std::string()));
        break;
    }
    for (size_t t = 0; t < to.size(); ++t) {
        const int s = matchOfTarget[t];
        if (s >= 0 && unitsConflict(from[size_t(s)].unit, to[t].unit)) {
            warnings.push_back(Warning::make(Warning::Kind::UnitMismatch, describe(from[size_t(s)]),
                                             describe(to[t])));
            break;
        }
    }
    // 8 a.m. → 20시 is already a missing 8; 오전 8시 → 8 giờ tối only the clock can tell.
    if (auto time = TimeOfDay::check(source, translation)) {
        const QString written = QString::fromStdString(time->source);
        const bool told =
            std::any_of(warnings.cbegin(), warnings.cend(), [&written](const Warning &w) {
                if (w.kind != Warning::Kind::NumberMismatch)
                    return false;
                const QString number =
                    QString::fromStdString(w.source).section(QLatin1Char(' '), 0, 0);
                for (qsizetype at = written.indexOf(number); at >= 0 && !number.isEmpty();
                     at = written.indexOf(number, at + 1)) {
                    const qsizetype end = at + number.size();
                    if ((at == 0 || !written.at(at - 1).isDigit()) &&
                        (end >= written.size() || !written.at(end).isDigit()))
                        return true;
                }
                return false;
            });
        if (!told)
            warnings.push_back(std::move(*time));
    }
    if (auto negation = Negation::check(source, translation))
        warnings.push_back(std::move(*negation));
    return warnings;
}

} // namespace medtranslate::relay
