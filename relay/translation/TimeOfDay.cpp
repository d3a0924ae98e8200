#include "translation/TimeOfDay.h"

#include "translation/SafetyChecker.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace medtranslate::relay {

namespace {

//! Which part of the day a word puts an hour in; each reads the hours 1-12 its own way.
enum class Period {
    None,    //!< 8시, 8 o'clock: either half of the day
    Morning, //!< 오전, a.m., 午前, 上午, sáng
    Afternoon, //!< 오후, 저녁, p.m., 午後, 下午, 晚上, chiều, tối, บ่าย, เย็น
    Day,         //!< 낮, 점심, 昼, 中午, trưa: 11 is a.m., 2 is p.m.
    Night,       //!< 밤, 夜, đêm, at night: 10 is p.m., 2 is a.m.
    SmallHours,  //!< 새벽, 凌晨, 深夜, ตี: before dawn
    ThaiMorning, //!< โมงเช้า: 8 โมงเช้า is 8, but สองโมงเช้า may count from six
    ThaiDusk,    //!< ทุ่ม: hours counted from six in the evening, 2 ทุ่ม is 20:00
};

std::vector<int> hoursFor(int h, Period p, bool twentyFour)
{
    if (h < 0 || h > 24)
        return {};
    if (p == Period::ThaiDusk)
        return h >= 1 && h <= 5 ? std::vector<int>{h + 18}
                                : (h == 6 ? std::vector<int>{0} : std::vector<int>{});
    if (h == 24)
        return {0};
    if (h == 0 || h >= 13 || (twentyFour && p == Period::None))
        return {h};
    switch (p) {
    case Period::None:
        return {h, (h + 12) % 24};
    case Period::Morning:
        return h == 12 ? std::vector<int>{0, 12} : std::vector<int>{h};
    case Period::Afternoon:
        return h == 12 ? std::vector<int>{12, 0} : std::vector<int>{h + 12};
    case Period::Day:
        if (h == 12 || h >= 10)
            return {h};
        return h <= 6 ? std::vector<int>{h + 12} : std::vector<int>{h, h + 12};
    case Period::Night:
        if (h == 12)
            return {0, 12};
        if (h <= 4)
            return {h};
        return h >= 7 ? std::vector<int>{h + 12} : std::vector<int>{h, h + 12};
    case Period::SmallHours:
        if (h == 12)
            return {0};
        return h <= 7 ? std::vector<int>{h} : std::vector<int>{h, h + 12};
    case Period::ThaiMorning:
        return h >= 6 ? std::vector<int>{h} : std::vector<int>{h, h + 6};
    case Period::ThaiDusk:
        break;
    }
    return {};
}

const QHash<QString, Period> &periodWords()
{
    static const QHash<QString, Period> words = {
        {QStringLiteral("오전"), Period::Morning},
        {QStringLiteral("아침"), Period::Morning},
        {QStringLiteral("새벽"), Period::SmallHours},
        {QStringLiteral("오후"), Period::Afternoon},
        {QStringLiteral("저녁"), Period::Afternoon},
        {QStringLiteral("낮"), Period::Day},
        {QStringLiteral("점심"), Period::Day},
        {QStringLiteral("밤"), Period::Night},
        {QStringLiteral("午前"), Period::Morning},
        {QStringLiteral("朝"), Period::Morning},
        {QStringLiteral("早朝"), Period::SmallHours},
        {QStringLiteral("明け方"), Period::SmallHours},
        {QStringLiteral("午後"), Period::Afternoon},
        {QStringLiteral("夕方"), Period::Afternoon},
        {QStringLiteral("昼"), Period::Day},
        {QStringLiteral("夜"), Period::Night},
        {QStringLiteral("夜中"), Period::SmallHours},
        {QStringLiteral("深夜"), Period::SmallHours},
        {QStringLiteral("上午"), Period::Morning},
        {QStringLiteral("早上"), Period::Morning},
        {QStringLiteral("早晨"), Period::Morning},
        {QStringLiteral("清晨"), Period::Morning},
        {QStringLiteral("凌晨"), Period::SmallHours},
        {QStringLiteral("中午"), Period::Day},
        {QStringLiteral("下午"), Period::Afternoon},
        {QStringLiteral("傍晚"), Period::Afternoon},
        {QStringLiteral("晚上"), Period::Afternoon},
        {QStringLiteral("夜里"), Period::Night},
        {QStringLiteral("半夜"), Period::SmallHours},
        {QStringLiteral("夜间"), Period::Night},
        {QStringLiteral("บ่าย"), Period::Afternoon},
        {QStringLiteral("เช้า"), Period::ThaiMorning},
        {QStringLiteral("เย็น"), Period::Afternoon},
        {QStringLiteral("sáng"), Period::Morning},
        {QStringLiteral("trưa"), Period::Day},
        {QStringLiteral("chiều"), Period::Afternoon},
        {QStringLiteral("tối"), Period::Afternoon},
        {QStringLiteral("đêm"), Period::Night},
        {QStringLiteral("in the morning"), Period::Morning},
        {QStringLiteral("this morning"), Period::Morning},
        {QStringLiteral("this afternoon"), Period::Afternoon},
        {QStringLiteral("this evening"), Period::Afternoon},
        {QStringLiteral("in the afternoon"), Period::Afternoon},
        {QStringLiteral("in the evening"), Period::Afternoon},
        {QStringLiteral("at night"), Period::Night},
        {QStringLiteral("tonight"), Period::Afternoon},
        {QStringLiteral("o'clock"), Period::None},
        {QStringLiteral("o’clock"), Period::None},
    };
    return words;
}

Period periodOf(const QString &word)
{
    const QString w = word.toLower().remove(QLatin1Char(' ')).remove(QLatin1Char('.'));
    if (w == u"am")
        return Period::Morning;
    if (w == u"pm")
        return Period::Afternoon;
    return periodWords().value(word.toLower().simplified(), Period::None);
}

//! The hours 1-12 as words, by language; digits are read by the patterns themselves.
int wordValue(const QString &word)
{
    static const QHash<QString, int> values = [] {
        QHash<QString, int> v;
        const char *lists[][13] = {
            {"", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "열한",
             "열두"},
            {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"},
            {"", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "สิบ", "สิบเอ็ด", "สิบสอง"},
            {"", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một",
             "mười hai"},
            {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve"},
        };
        for (const auto &list : lists) {
            for (int i = 1; i <= 12; ++i)
                v.insert(QString::fromUtf8(list[i]), i);
        }
        v.insert(QStringLiteral("两"), 2);
        return v;
    }();
    bool digits = false;
    const int n = word.toInt(&digits);
    return digits ? n : values.value(word.toLower(), -1);
}

struct Found
{
    TimeOfDay::Mention mention;
    qsizetype start;
    qsizetype end;
};

//! `clock24`: written on a 24-hour clock (Thai 10.00 น.), so 10 is never 22.
void add(std::vector<Found> &out, const QRegularExpressionMatch &m, const QString &hourWord,
         Period period, bool clock24 = false)
{
    const qsizetype start = m.capturedStart();
    const qsizetype end = m.capturedEnd();
    for (const Found &f : out) {
        if (start < f.end && f.start < end)
            return;
    }
    const int hour = wordValue(hourWord);
    const bool twentyFour = clock24 || (hourWord.size() == 2 && hourWord.at(0) == QLatin1Char('0'));
    std::vector<int> hours = hoursFor(hour, period, twentyFour);
    if (hours.empty())
        return;
    out.push_back(
        Found{TimeOfDay::Mention{m.captured().trimmed(), hourWord, std::move(hours)}, start, end});
}

//! A half of the day said a few words before the hour, in the same clause: "Sáng nay lúc 7 giờ",
//! "เมื่อเช้าตอน 7 โมง" (this morning at 7). Only with the word for "at" between, so a period
//! that belongs to another part of the sentence is not taken for this hour's.
Period periodBefore(const QString &text, qsizetype hourStart)
{
    using RE = QRegularExpression;
    static const RE vietnamese(
        QStringLiteral("(?<![\\p{L}])(sáng|trưa|chiều|tối|đêm)(?:\\s+(?:nay|mai|qua|hôm nay|"
                       "hôm qua))?\\s+(?:vào\\s+)?(?:lúc|khoảng)\\s*$"),
        RE::CaseInsensitiveOption);
    static const RE thai(
        QStringLiteral("(เช้า|บ่าย|เย็น|คืน)\\s*(?:นี้|วันนี้|พรุ่งนี้)?\\s*(?:ตอน|เวลา|ประมาณ|ราว)\\s*$"));
    const qsizetype from = std::max<qsizetype>(0, hourStart - 24);
    const QString before = text.mid(from, hourStart - from);
    if (const auto m = vietnamese.match(before); m.hasMatch())
        return periodOf(m.captured(1));
    if (const auto m = thai.match(before); m.hasMatch()) {
        const QString word = m.captured(1);
        return word == u"เช้า"  ? Period::ThaiMorning
               : word == u"คืน" ? Period::Night
                               : Period::Afternoon;
    }
    return Period::None;
}

bool isDigitString(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isDigit(); });
}

} // namespace

std::vector<TimeOfDay::Mention> TimeOfDay::find(const QString &raw)
{
    using RE = QRegularExpression;
    const QString text =
        SafetyChecker::normalizeDigits(raw).normalized(QString::NormalizationForm_C);
    static const RE english(
        QStringLiteral("(?<![0-9.,:A-Za-z])([0-9]{1,2}|twelve|eleven|ten|nine|eight|seven|six|five|"
                       "four|three|two|one)(?::[0-9]{2})?\\s*(a\\.\\s?m\\.?|p\\.\\s?m\\.?|am|pm|"
                       "o'clock|o’clock|in the morning|in the afternoon|in the evening|at night|"
                       "tonight|this morning|this afternoon|this evening)(?![A-Za-z])"),
        RE::CaseInsensitiveOption);
    static const QString thaiHour =
        QStringLiteral("([0-9]{1,2}|สิบสอง|สิบเอ็ด|สิบ|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)");
    static const RE thaiMong(QStringLiteral("(?<![0-9.,:])(บ่าย\\s*)?") + thaiHour +
                             QStringLiteral("\\s*โมง(?:\\s*(เช้า|เย็น))?"));
    static const RE thaiAfterOne(QStringLiteral("บ่ายโมง"));
    static const RE thaiDusk(QStringLiteral("(?<![0-9.,:])") + thaiHour + QStringLiteral("\\s*ทุ่ม"));
    static const RE thaiClock(QStringLiteral("(?<![0-9.,:])([0-9]{1,2})\\.[0-9]{2}\\s*น\\."));
    static const RE thaiSmall(QStringLiteral("ตี\\s*") + thaiHour + QStringLiteral("(?![0-9])"));
    static const RE vietnamese(
        QStringLiteral("(?<![0-9.,:\\p{L}])([0-9]{1,2}|mười hai|mười một|mười|một|hai|ba|bốn|năm|"
                       "sáu|bảy|tám|chín)\\s*(?:giờ|h)(?![\\p{L}])(?:\\s*[0-9]{1,2}(?:\\s*phút)?|"
                       "\\s*rưỡi|\\s*kém\\s*[0-9]{1,2}(?:\\s*phút)?)?(?:\\s*(?:buổi\\s*)?"
                       "(sáng|trưa|chiều|tối|đêm)(?![\\p{L}]))?"),
        RE::CaseInsensitiveOption);
    static const RE korean(QStringLiteral(
        "(?:(오전|아침|새벽|오후|저녁|낮|점심|밤)\\s*)?([0-9]{1,2}|열두|열한|열|다섯|"
        "여섯|일곱|여덟|아홉|한|두|세|네)\\s*시(?![간작험술력설청장계])"));
    static const RE japanese(QStringLiteral(
        "(?:(午前|午後|早朝|明け方|夕方|夜中|深夜|朝|昼|夜)\\s*)?([0-9]{1,2}|十二|十一|"
        "十|[一二三四五六七八九])\\s*時(?!間)"));
    static const RE chinese(QStringLiteral(
        "(?:(上午|早上|早晨|清晨|凌晨|中午|下午|傍晚|晚上|夜里|半夜|夜间)\\s*)?([0-9]"
        "{1,2}|十二|十一|十|[一二两三四五六七八九])\\s*[点點](钟|鐘)?(?!\\s*[0-9]+"
        "\\s*(?:毫|度|克|升|公|厘|%|mg|ml))"));
    static const RE colon(
        QStringLiteral(
            "(?:(오전|아침|새벽|오후|저녁|낮|밤|午前|午後|朝|夜|上午|早上|凌晨|中午|下午|"
            "晚上|บ่าย)\\s*)?(?<![0-9.,:])([0-9]{1,2}):[0-9]{2}(?![0-9:])(?:\\s*(?:giờ\\s*)?"
            "(sáng|trưa|chiều|tối|đêm)(?![\\p{L}]))?"),
        RE::CaseInsensitiveOption);

    std::vector<Found> found;
    for (auto it = english.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(found, m, m.captured(1), periodOf(m.captured(2)));
    }
    for (auto it = thaiAfterOne.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // บ่ายโมง is 1 p.m. without a number; บ่ายโมงครึ่ง is half past.
        found.push_back(
            Found{Mention{m.captured(), QString(), {13}}, m.capturedStart(), m.capturedEnd()});
    }
    for (auto it = thaiMong.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const Period p = m.capturedLength(1) > 0   ? Period::Afternoon
                         : m.captured(3) == u"เช้า" ? Period::ThaiMorning
                         : m.captured(3) == u"เย็น" ? Period::Afternoon
                                                   : periodBefore(text, m.capturedStart(2));
        add(found, m, m.captured(2), p);
    }
    for (auto it = thaiDusk.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(found, m, m.captured(1), Period::ThaiDusk);
    }
    for (auto it = thaiClock.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(found, m, m.captured(1), Period::None, true);
    }
    for (auto it = thaiSmall.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(found, m, m.captured(1), Period::SmallHours);
    }
    for (auto it = vietnamese.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // Without sáng/chiều/… "8 giờ" may be a duration, unless it follows lúc ("at").
        const bool at = QStringView(text)
                            .left(m.capturedStart())
                            .trimmed()
                            .endsWith(u"lúc", Qt::CaseInsensitive);
        if (m.capturedLength(2) > 0)
            add(found, m, m.captured(1), periodOf(m.captured(2)));
        else if (at)
            add(found, m, m.captured(1), periodBefore(text, m.capturedStart(1)));
    }
    for (auto it = korean.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const qsizetype hourAt = m.capturedStart(2);
        // 다섯 inside another word is no hour: 세 in 세시 is, 한 in 열한 is not.
        if (m.capturedLength(1) == 0 && hourAt > 0 &&
            (text.at(hourAt - 1).isDigit() ||
             (text.at(hourAt - 1).unicode() >= 0xAC00 && text.at(hourAt - 1).unicode() <= 0xD7A3)))
            continue;
        add(found, m, m.captured(2), periodOf(m.captured(1)));
    }
    for (auto it = japanese.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // 一時的 "temporary": a numeral word counts only after 午前, 朝 … .
        if (m.capturedLength(1) == 0 && !isDigitString(m.captured(2)))
            continue;
        if (m.capturedLength(1) == 0 && m.capturedStart(2) > 0 &&
            text.at(m.capturedStart(2) - 1).isDigit())
            continue;
        add(found, m, m.captured(2), periodOf(m.captured(1)));
    }
    for (auto it = chinese.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // 一点 is "a little", 三点五 is 3.5: a numeral word counts with 上午 … or 钟.
        if (m.capturedLength(1) == 0 && m.capturedLength(3) == 0 && !isDigitString(m.captured(2)))
            continue;
        add(found, m, m.captured(2), periodOf(m.captured(1)));
    }
    for (auto it = colon.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(found, m, m.captured(2),
            m.capturedLength(1) > 0 ? periodOf(m.captured(1)) : periodOf(m.captured(3)));
    }
    std::sort(found.begin(), found.end(),
              [](const Found &a, const Found &b) { return a.start < b.start; });
    std::vector<Mention> out;
    for (Found &f : found)
        out.push_back(std::move(f.mention));
    return out;
}

namespace {

bool overlap(const TimeOfDay::Mention &a, const TimeOfDay::Mention &b)
{
    return std::any_of(a.hours.cbegin(), a.hours.cend(), [&b](int h) {
        return std::find(b.hours.cbegin(), b.hours.cend(), h) != b.hours.cend();
    });
}

//! The same hour on a 12-hour clock: 8 and 20 are, 8 and 9 are not.
bool sameClockFace(const TimeOfDay::Mention &a, const TimeOfDay::Mention &b)
{
    return std::any_of(a.hours.cbegin(), a.hours.cend(), [&b](int h) {
        return std::any_of(b.hours.cbegin(), b.hours.cend(),
                           [h](int k) { return h % 12 == k % 12; });
    });
}

bool augment(size_t s, const std::vector<std::vector<size_t>> &edges, std::vector<int> &matchOf,
             std::vector<bool> &seen)
{
    for (size_t t : edges[s]) {
        if (seen[t])
            continue;
        seen[t] = true;
        if (matchOf[t] < 0 || augment(size_t(matchOf[t]), edges, matchOf, seen)) {
            matchOf[t] = int(s);
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<protocol::TranslationWarning> TimeOfDay::check(const QString &source,
                                                             const QString &translation)
{
    const std::vector<Mention> from = find(source);
    const std::vector<Mention> to = find(translation);
    if (from.empty() || to.empty())
        return std::nullopt;
    std::vector<std::vector<size_t>> edges(from.size());
    for (size_t s = 0; s < from.size(); ++s) {
        for (size_t t = 0; t < to.size(); ++t) {
            if (overlap(from[s], to[t]))
                edges[s].push_back(t);
        }
    }
    std::vector<int> matchOf(to.size(), -1);
    std::vector<bool> matched(from.size(), false);
    for (size_t s = 0; s < from.size(); ++s) {
        std::vector<bool> seen(to.size(), false);
        matched[s] = augment(s, edges, matchOf, seen);
    }
    using Warning = protocol::TranslationWarning;
    for (size_t s = 0; s < from.size(); ++s) {
        if (matched[s])
            continue;
        for (size_t t = 0; t < to.size(); ++t) {
            if (matchOf[t] < 0 && sameClockFace(from[s], to[t]))
                return Warning::make(Warning::Kind::TimeMismatch, from[s].written.toStdString(),
                                     to[t].written.toStdString());
        }
    }
    return std::nullopt;
}

} // namespace medtranslate::relay
