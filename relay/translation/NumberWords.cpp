#include "translation/NumberWords.h"

#include <QHash>
#include <QSet>
#include <QStringView>
#include <algorithm>
#include <initializer_list>
#include <optional>

namespace medtranslate::relay {

namespace {

using Unit = SafetyChecker::Unit;
using Match = NumberWords::Match;

// SafetyChecker turns each ⟦P1⟧-style token into this: a word, never a counter or a gap.
constexpr char16_t kToken = u'\uFFFC';

const QStringList kHalfHour = {QStringLiteral("0.5"), QStringLiteral("30")};

bool startsAt(const QString &text, qsizetype pos, QStringView word)
{
    return pos >= 0 && pos <= text.size() && QStringView(text).mid(pos).startsWith(word);
}

qsizetype skipSpaces(const QString &text, qsizetype pos)
{
    while (pos < text.size() && text.at(pos) == QLatin1Char(' '))
        ++pos;
    return pos;
}

Match sure(qsizetype start, qsizetype end, int value, qsizetype unitAt)
{
    Match m;
    m.values = {QString::number(value)};
    m.start = start;
    m.end = end;
    m.unitAt = unitAt;
    return m;
}

Match withUnit(qsizetype start, qsizetype end, QStringList values, Unit unit)
{
    Match m;
    m.values = std::move(values);
    m.start = start;
    m.end = end;
    m.unit = unit;
    return m;
}

Match implied(qsizetype start, qsizetype end, int value, qsizetype unitAt = -1)
{
    Match m = sure(start, end, value, unitAt);
    m.implied = true;
    return m;
}

// ---------------------------------------------------------------------------------- Korean

bool isHangul(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0x1100 && u <= 0x11FF) ||
           (u >= 0x3130 && u <= 0x318F);
}

// Korean glues particles after a word, never a number word after another word: 위한 번호 is
// not "one number".
bool koWordStart(const QString &text, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar before = text.at(i - 1);
    return !before.isLetterOrNumber() && before != QChar(kToken);
}

// Particles and endings a counter may carry: 두 알씩, 세 시에, 두 달째, 한 번만.
constexpr QStringView kKoParticles =
    u"씩을를이가은는만도로으에의과와째짜후전뒤마쯤까부반정동내간안뿐밖께예여당치인요입";

struct KoCounter
{
    constexpr KoCounter(QStringView text, bool glued, QStringView notNext = {},
                        QStringView only = {}, QStringView notWords = {}, bool person = false)
        : text(text), glued(glued), person(person), notNext(notNext), only(only), notWords(notWords)
    {
    }
    QStringView text;
    bool glued;           // may follow without a space: 한번, 두알, 세시
    bool person;          // 분 after a native numeral counts people, not minutes
    QStringView notNext;  // particles it may not take: 세 시도 (try), 한정 (limit)
    QStringView only;     // when set, the only letters it may be followed by
    QStringView notWords; // first letters of a next word that make it a verb: 알 수 (can know)
};

// Counters after native numerals; a counter comes before its own prefix (시간 before 시).
const std::vector<KoCounter> &koCounters()
{
    static const std::vector<KoCounter> counters = {
        {u"시간", true},
        {u"방울", true},
        {u"가지", true},
        {u"차례", true},
        {u"개월", true},
        {u"봉지", true},
        {u"숟가락", false},
        {u"티스푼", true},
        {u"스푼", true},
        {u"캡슐", true},
        {u"군데", false},
        {u"바늘", false},
        {u"종류", false},
        {u"번", true},
        {u"알", true, u"부", {}, u"수것거듯"},
        {u"정", false, u"도부전"},
        {u"개", true, u"인요정"},
        {u"봉", false},
        {u"포", false, u"도인"},
        {u"시", true, u"도내인"},
        {u"살", true},
        {u"명", true},
        {u"잔", true, u"여"},
        {u"주", true, {}, u"간일동후뒤전째만마에정내안쯤씩치까"},
        {u"달", true},
        {u"끼", true},
        {u"분", false, {}, {}, {}, true},
        {u"장", false},
        {u"통", false},
        {u"대", false},
        {u"컵", true},
        {u"곳", false},
    };
    return counters;
}

// Sino-Korean numbers before a unit: 삼십 분, 이십사 시간, 십이 주.
const std::vector<KoCounter> &koSinoCounters()
{
    static const std::vector<KoCounter> counters = {
        {u"밀리그램", true},
        {u"킬로그램", true},
        {u"밀리리터", true},
        {u"시간", true},
        {u"개월", true},
        {u"그램", true},
        {u"킬로", true},
        {u"리터", true},
        {u"분", true},
        {u"초", true},
        {u"일", true},
        {u"년", true},
        {u"세", true},
        {u"층", true},
        {u"도", true},
        {u"월", true},
        {u"회", true},
        {u"번", true},
        {u"정", true, u"도부전"},
        {u"알", true, u"부", {}, u"수것거듯"},
        {u"주", true, {}, u"간일동후뒤전째만마에정내안쯤씩치까"},
    };
    return counters;
}

// The counter at `pos` and where it ends, if it is one and what follows lets it be one.
const KoCounter *koCounterAt(const QString &text, qsizetype pos, bool spaced,
                             const std::vector<KoCounter> &counters, qsizetype *end)
{
    for (const KoCounter &c : counters) {
        if (!startsAt(text, pos, c.text) || (!spaced && !c.glued))
            continue;
        const qsizetype after = pos + c.text.size();
        if (after < text.size()) {
            const QChar next = text.at(after);
            if (next == QChar(kToken))
                return nullptr;
            if (isHangul(next)) {
                const QStringView allowed = c.only.isEmpty() ? kKoParticles : c.only;
                if (!allowed.contains(next) || c.notNext.contains(next))
                    return nullptr;
            } else if (!c.notWords.isEmpty()) {
                const qsizetype word = skipSpaces(text, after);
                if (word > after && word < text.size() && c.notWords.contains(text.at(word)))
                    return nullptr;
            }
        }
        *end = after;
        return &c;
    }
    return nullptr;
}

struct KoNumeral
{
    int value = 0;
    qsizetype end = 0;
    bool single = false; // one units word: 두, 세 (not 열두)
    // Also an ordinary word when alone: 한 (did), 세 (tax), 네 (yes), 열 (fever).
    bool risky = false;
    bool archaic = false; // 석, 넉: only before 달 and 잔
    int alternative = 0;  // 열 두 시 is 12 o'clock, or "fever" and 2
};

struct KoWord
{
    QStringView text;
    int value;
};

std::optional<KoNumeral> koNumeral(const QString &text, qsizetype i)
{
    static const KoWord tens[] = {{u"스물", 20}, {u"스무", 20}, {u"서른", 30}, {u"마흔", 40},
                                  {u"예순", 60}, {u"일흔", 70}, {u"여든", 80}, {u"아흔", 90},
                                  {u"열", 10},   {u"쉰", 50}};
    static const KoWord units[] = {{u"다섯", 5}, {u"여섯", 6}, {u"일곱", 7}, {u"여덟", 8},
                                   {u"아홉", 9}, {u"한", 1},   {u"두", 2},   {u"세", 3},
                                   {u"네", 4},   {u"석", 3},   {u"넉", 4}};
    auto unitAt = [&text](qsizetype pos, bool archaicToo) -> const KoWord * {
        for (const KoWord &u : units) {
            const bool archaic = u.text == u"석" || u.text == u"넉";
            if ((archaicToo || !archaic) && startsAt(text, pos, u.text))
                return &u;
        }
        return nullptr;
    };
    for (const KoWord &t : tens) {
        if (!startsAt(text, i, t.text))
            continue;
        qsizetype pos = i + t.text.size();
        const KoWord *u = t.text == u"스무" ? nullptr : unitAt(pos, false);
        // 스물 다섯, 열 두: written apart, but one number.
        const bool apart = !u && t.text != u"스무" && startsAt(text, pos, u" ");
        if (apart && (u = unitAt(pos + 1, false)))
            ++pos;
        if (!u && t.text == u"스물")
            return std::nullopt; // 스물 stands alone; before a counter it is 스무
        if (!u)
            return KoNumeral{t.value, pos, false, t.value == 10, false, 0};
        return KoNumeral{t.value + u->value,
                         pos + u->text.size(),
                         false,
                         false,
                         false,
                         apart && t.value == 10 ? u->value : 0};
    }
    if (const KoWord *u = unitAt(i, true)) {
        const bool archaic = u->text == u"석" || u->text == u"넉";
        const bool risky = archaic || u->text == u"한" || u->text == u"세" || u->text == u"네";
        return KoNumeral{u->value, i + u->text.size(), true, risky, archaic};
    }
    return std::nullopt;
}

// 네 opening a sentence is "yes": 네 시간 괜찮아요.
bool opensSentence(const QString &text, qsizetype i)
{
    qsizetype k = i - 1;
    while (k >= 0 && text.at(k).isSpace())
        --k;
    return k < 0 || QStringView(u".!?。！？…~\"'“”").contains(text.at(k));
}

// 하루, 이틀 … are days; 일주일 a week. Returns the end when one starts at `i`.
qsizetype koDayWord(const QString &text, qsizetype i, std::vector<Match> &out)
{
    static const KoWord days[] = {{u"하루", 1}, {u"이틀", 2}, {u"사흘", 3},  {u"나흘", 4},
                                  {u"닷새", 5}, {u"엿새", 6}, {u"열흘", 10}, {u"보름", 15}};
    for (const KoWord &d : days) {
        if (!startsAt(text, i, d.text) || startsAt(text, i, u"보름달"))
            continue;
        const qsizetype end = i + d.text.size();
        out.push_back(withUnit(i, end, {QString::number(d.value)}, Unit::Day));
        return end;
    }
    if (startsAt(text, i, u"일주일")) {
        out.push_back(withUnit(i, i + 3, {QStringLiteral("1")}, Unit::Week));
        return i + 3;
    }
    return -1;
}

int sinoDigit(QChar c)
{
    static constexpr QStringView digits = u"일이삼사오육칠팔구";
    const qsizetype at = digits.indexOf(c);
    if (at >= 0)
        return int(at) + 1;
    return c == QChar(u'륙') ? 6 : 0;
}

// Sino-Korean numbers are read only with 십 in them (삼십 분, 이십사 시간) or as a range
// (이삼 일): a lone 일, 이, 삼 is far more often "work", "this", "ginseng".
qsizetype koSino(const QString &text, qsizetype i, std::vector<Match> &out)
{
    static const struct
    {
        QStringView text;
        int low;
    } ranges[] = {{u"이삼", 2}, {u"삼사", 3}, {u"사오", 4}, {u"오륙", 5},
                  {u"육칠", 6}, {u"칠팔", 7}, {u"팔구", 8}};
    qsizetype end = -1;
    for (const auto &r : ranges) {
        if (!startsAt(text, i, r.text))
            continue;
        const qsizetype numberEnd = i + 2;
        const qsizetype pos = skipSpaces(text, numberEnd);
        static const std::vector<KoCounter> rangeCounters = {
            {u"개월", true}, {u"시간", true},
            {u"일", true},   {u"주", true, {}, u"간일동후뒤전째만마에정내안쯤씩치까"},
            {u"년", true},   {u"분", true},
            {u"회", true},   {u"번", true}};
        if (koCounterAt(text, pos, pos > numberEnd, rangeCounters, &end)) {
            out.push_back(implied(i, i + 1, r.low, pos));
            out.push_back(implied(i + 1, numberEnd, r.low + 1, pos));
            return end;
        }
        return -1;
    }
    qsizetype pos = i;
    int value = 0;
    if (const int d = sinoDigit(text.at(i)); d > 0 && startsAt(text, i + 1, u"십")) {
        value = d * 10;
        pos = i + 2;
    } else if (text.at(i) == QChar(u'십')) {
        value = 10;
        pos = i + 1;
    } else {
        return -1;
    }
    if (pos < text.size()) {
        if (const int d = sinoDigit(text.at(pos)); d > 0) {
            value += d;
            ++pos;
        }
    }
    if (pos < text.size() && QStringView(u"백천만억").contains(text.at(pos)))
        return -1;
    const qsizetype counter = skipSpaces(text, pos);
    // 십분 alone is "fully"; 십 분 is ten minutes.
    if (pos - i < 2 && counter == pos)
        return -1;
    if (!koCounterAt(text, counter, counter > pos, koSinoCounters(), &end))
        return -1;
    out.push_back(sure(i, pos, value, counter));
    return end;
}

void findKorean(const QString &text, std::vector<Match> &out)
{
    static const KoWord pronounced[] = {{u"하나", 1}, {u"둘", 2}, {u"셋", 3}, {u"넷", 4}};
    static const struct
    {
        QStringView text;
        int low;
    } rangeWords[] = {{u"서너", 3}, {u"너덧", 4}, {u"너댓", 4}, {u"대여섯", 5}, {u"예닐곱", 6}};
    static const std::vector<KoCounter> hours = {{u"시간", false}};
    static const std::vector<KoCounter> halfCounters = {{u"봉지", false},
                                                        {u"숟가락", false},
                                                        {u"스푼", false},
                                                        {u"캡슐", false},
                                                        {u"알", false, u"부", {}, u"수것거듯"},
                                                        {u"정", false, u"도부전"},
                                                        {u"개", false, u"인요정"},
                                                        {u"포", false, u"도인"},
                                                        {u"컵", false},
                                                        {u"잔", false, u"여"}};

    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isHangul(text.at(i)) || !koWordStart(text, i))
            continue;
        if (const qsizetype end = koDayWord(text, i, out); end > 0) {
            i = end - 1;
            continue;
        }
        if (const qsizetype end = koSino(text, i, out); end > 0) {
            i = end - 1;
            continue;
        }
        qsizetype end = 0;
        // 반 알 is half a tablet, 반 시간 half an hour.
        if (startsAt(text, i, u"반")) {
            const qsizetype pos = skipSpaces(text, i + 1);
            if (pos > i + 1 && startsAt(text, pos, u"시간") &&
                koCounterAt(text, pos, true, hours, &end))
                out.push_back(withUnit(i, i + 1, kHalfHour, Unit::Minute));
            else if (pos > i + 1 && koCounterAt(text, pos, true, halfCounters, &end)) {
                Match m = sure(i, i + 1, 0, pos);
                m.values = {QStringLiteral("0.5")};
                out.push_back(m);
            }
            continue;
        }
        // 하나, 둘 stand alone (아이 둘, 둘 다): maybe a number, never a sure one.
        bool alone = false;
        for (const KoWord &w : pronounced) {
            if (!startsAt(text, i, w.text))
                continue;
            const qsizetype after = i + w.text.size();
            // 하나요? and 하나님 are not "one"; 둘째 is "second".
            if (after >= text.size() ||
                (!isHangul(text.at(after)) && text.at(after) != QChar(kToken)) ||
                QStringView(u"이가을를은는만도씩와과로에의뿐").contains(text.at(after))) {
                out.push_back(implied(i, after, w.value));
                alone = true;
            }
            break;
        }
        if (alone)
            continue;
        // 서너 번, 두세 알: "a few", said with numbers.
        std::optional<std::pair<int, qsizetype>> range;
        for (const auto &r : rangeWords) {
            if (startsAt(text, i, r.text))
                range = std::pair<int, qsizetype>{r.low, i + r.text.size()};
        }
        const std::optional<KoNumeral> numeral = range ? std::nullopt : koNumeral(text, i);
        if (!range && !numeral)
            continue;
        const int value = range ? range->first : numeral.value_or(KoNumeral{}).value;
        if (numeral && numeral->value == 4 && numeral->single && opensSentence(text, i))
            continue;
        qsizetype numberEnd = range ? range->second : numeral->end;
        if (numeral && numeral->single && !numeral->archaic) {
            const qsizetype next = skipSpaces(text, numberEnd);
            if (next - numberEnd <= 1) {
                if (const auto second = koNumeral(text, next);
                    second && second->single && !second->archaic &&
                    second->value == numeral->value + 1) {
                    range = std::pair<int, qsizetype>{numeral->value, second->end};
                    numberEnd = second->end;
                }
            }
        }
        const qsizetype pos = skipSpaces(text, numberEnd);
        const bool spaced = pos > numberEnd;
        if (startsAt(text, pos, u"번째") || startsAt(text, pos, u"째")) { // ordinal
            i = pos;
            continue;
        }
        const KoCounter *counter = koCounterAt(text, pos, spaced, koCounters(), &end);
        if (counter && numeral && numeral->archaic && counter->text != u"달" &&
            counter->text != u"잔")
            counter = nullptr;
        if (counter) {
            const qsizetype unitAt = counter->person ? -1 : pos;
            if (range) {
                out.push_back(implied(i, numberEnd, range->first, unitAt));
                out.push_back(implied(i, numberEnd, range->first + 1, unitAt));
            } else {
                Match m = sure(i, numberEnd, value, unitAt);
                if (numeral->alternative)
                    m.values << QString::number(numeral->alternative);
                out.push_back(m);
            }
            i = end - 1;
            continue;
        }
        // 두 사람, 다섯 아이: a number before a plain noun may stand for one.
        if (numeral && !range && !numeral->risky && spaced && pos < text.size() &&
            isHangul(text.at(pos)))
            out.push_back(implied(i, numberEnd, value));
        i = numberEnd - 1;
    }
}

// ------------------------------------------------------------------------ Chinese, Japanese

int hanDigit(QChar c)
{
    static constexpr QStringView digits = u"一二三四五六七八九";
    const qsizetype at = digits.indexOf(c);
    return at >= 0 ? int(at) + 1 : 0;
}

bool isHanNumeral(QChar c)
{
    return hanDigit(c) > 0 || c == QChar(u'十') || c == QChar(u'两') || c == QChar(u'兩');
}

struct HanCounter
{
    constexpr HanCounter(QStringView text, qsizetype unitOffset = 0, bool dose = false)
        : text(text), unitOffset(unitOffset), dose(dose)
    {
    }
    QStringView text;
    qsizetype unitOffset; // 个小时: the unit is 小时
    bool dose;            // 次, 片: a weekday before it cannot be meant (每周三次)
};

// Counters and units, longest first.
const std::vector<HanCounter> &hanCounters()
{
    static const std::vector<HanCounter> counters = [] {
        std::vector<HanCounter> c = {
            {u"个小时", 1},  {u"個小時", 1},     {u"個小时", 1},     {u"个钟头"},
            {u"個鐘頭"},     {u"个星期", 1},     {u"個星期", 1},     {u"个礼拜"},
            {u"個禮拜"},     {u"个月"},          {u"個月"},          {u"ヶ月"},
            {u"か月"},       {u"カ月"},          {u"ヵ月"},          {u"ケ月"},
            {u"箇月"},       {u"小时"},          {u"小時"},          {u"钟头"},
            {u"鐘頭"},       {u"時間"},          {u"分钟"},          {u"分鐘"},
            {u"分間"},       {u"週間"},          {u"日間"},          {u"星期"},
            {u"礼拜"},       {u"禮拜"},          {u"種類"},          {u"カプセル", 0, true},
            {u"ミリグラム"}, {u"ミリリットル"},  {u"グラム"},        {u"キロ"},
            {u"毫克"},       {u"毫升"},          {u"公斤"},          {u"千克"},
            {u"微克"},       {u"胶囊", 0, true}, {u"膠囊", 0, true},
        };
        for (const char16_t *dose : {u"回", u"錠", u"粒", u"颗", u"顆", u"片", u"次", u"遍", u"包",
                                     u"袋", u"滴", u"杯", u"个", u"個", u"剂", u"劑", u"针", u"針",
                                     u"支", u"瓶", u"本", u"枚", u"张", u"張", u"盒", u"箱"})
            c.push_back({QStringView(dose), 0, true});
        for (const char16_t *other :
             {u"天", u"日", u"晚", u"夜", u"泊", u"時", u"点", u"點", u"分", u"秒", u"周",
              u"週", u"月", u"年", u"岁", u"歳", u"人", u"名", u"位", u"つ", u"顿", u"頓",
              u"餐", u"层", u"層", u"階", u"号", u"號", u"种", u"種", u"度", u"克", u"升"})
            c.push_back({QStringView(other)});
        return c;
    }();
    return counters;
}

struct HanNumeral
{
    int value = 0;
    qsizetype end = 0;
    bool single = false;
};

std::optional<HanNumeral> hanNumeral(const QString &text, qsizetype i)
{
    if (i >= text.size() || !isHanNumeral(text.at(i)))
        return std::nullopt;
    const QChar c = text.at(i);
    if (c == QChar(u'两') || c == QChar(u'兩'))
        return HanNumeral{2, i + 1, true};
    int value = 0;
    qsizetype pos = i;
    if (c == QChar(u'十')) {
        value = 10;
        ++pos;
    } else {
        value = hanDigit(c);
        ++pos;
        if (pos >= text.size() || text.at(pos) != QChar(u'十'))
            return HanNumeral{value, pos, true};
        value *= 10;
        ++pos;
    }
    if (pos < text.size() && hanDigit(text.at(pos)) > 0)
        value += hanDigit(text.at(pos++));
    return HanNumeral{value, pos, false};
}

// The counter at `pos` if the words around let it be one; its unit position in `unitAt`.
const HanCounter *hanCounterAt(const QString &text, qsizetype start, const HanNumeral &n,
                               qsizetype pos, qsizetype *unitAt, qsizetype *end)
{
    const QChar before = start > 0 ? text.at(start - 1) : QChar();
    for (const HanCounter &c : hanCounters()) {
        if (!startsAt(text, pos, c.text))
            continue;
        const qsizetype after = pos + c.text.size();
        const QChar next = after < text.size() ? text.at(after) : QChar();
        const bool one = n.single && n.value == 1;
        if (next == QChar(u'目')) // 二回目: the second time
            return nullptr;
        // 星期三天气 is Wednesday's weather; 每周三次 is still three times a week.
        if (QStringView(u"周週期拜").contains(before) && n.single && !c.dose)
            return nullptr;
        if (c.text == u"点" || c.text == u"點") {
            // 一点 is "a little" unless it is a time (下午一点, 一点钟).
            if (one && !QStringView(u"钟鐘半").contains(next) &&
                !QStringView(u"午上晨").contains(before))
                return nullptr;
        } else if (c.text == u"分") {
            // 十分 is "very" or "enough"; 三分之一 a third.
            if (next == QChar(u'之'))
                return nullptr;
            if (n.value == 10 && !n.single && start + 1 == pos &&
                !QStringView(u"钟鐘間间后後前程左").contains(next) &&
                !startsAt(text, after, u"ほど") && !startsAt(text, after, u"くらい") &&
                !startsAt(text, after, u"ぐらい"))
                return nullptr;
        } else if (c.text == u"時") {
            // 一時的, 一時帰国: "temporary".
            if (one && !QStringView(u"半にからまで頃ご、。～~").contains(next) &&
                after < text.size() && !QStringView(u"前後").contains(before))
                return nullptr;
        } else if (c.text == u"次") {
            if (next == QChar(u'性') || next == QChar(u'元')) // 一次性 disposable
                return nullptr;
        } else if (c.text == u"日") {
            if (next == QChar(u'本')) // 日本
                return nullptr;
        } else if (c.text == u"度") {
            if (n.value == 2 && next == QChar(u'と')) // 二度と: never again
                return nullptr;
        } else if (c.text == u"層") {
            if (one) // 一層: all the more
                return nullptr;
        }
        *unitAt = pos + c.unitOffset;
        *end = after;
        return &c;
    }
    return nullptr;
}

void findHan(const QString &text, std::vector<Match> &out)
{
    static constexpr QStringView bigger = u"百千万萬亿億零〇";
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isHanNumeral(text.at(i)))
            continue;
        if (startsAt(text, i, u"三天两头") || startsAt(text, i, u"三番五次")) { // idioms: "often"
            i += 3;
            continue;
        }
        const std::optional<HanNumeral> n = hanNumeral(text, i);
        const QChar before = i > 0 ? text.at(i - 1) : QChar();
        qsizetype pos = n->end;
        auto skipRest = [&text](qsizetype from) {
            while (from < text.size() && (isHanNumeral(text.at(from)) ||
                                          QStringView(u"百千万萬亿億零〇").contains(text.at(from))))
                ++from;
            return from;
        };
        // 第二 is an ordinal; 一百二十 a bigger number than we read.
        if (before == QChar(u'第') || bigger.contains(before) ||
            (pos < text.size() && bigger.contains(text.at(pos)))) {
            i = skipRest(pos) - 1;
            continue;
        }
        QStringList values{QString::number(n->value)};
        // 三点五毫克 is 3.5 mg; 三点五分 is 3:05.
        if ((startsAt(text, pos, u"点") || startsAt(text, pos, u"點")) &&
            hanDigit(pos + 1 < text.size() ? text.at(pos + 1) : QChar()) > 0) {
            qsizetype d = pos + 1;
            QString fraction;
            while (d < text.size() && hanDigit(text.at(d)) > 0)
                fraction += QString::number(hanDigit(text.at(d++)));
            const QChar next = d < text.size() ? text.at(d) : QChar();
            if (next != QChar(u'十') && next != QChar(u'分')) {
                values = {QString::number(n->value) + QLatin1Char('.') + fraction};
                pos = d;
            }
        }
        // 两三天, 三四个: "a few", said with numbers. 三到五天 is a range of two numbers.
        std::optional<HanNumeral> second;
        qsizetype secondStart = pos;
        bool loose = false;
        if (n->single && values.size() == 1 && !values.front().contains(QLatin1Char('.'))) {
            if (const auto adjacent = hanNumeral(text, pos);
                adjacent && adjacent->single && adjacent->value > n->value) {
                second = adjacent;
                loose = true;
            }
        }
        if (!second && pos + 1 < text.size() &&
            QStringView(u"、・到至～~-－或").contains(text.at(pos))) {
            if (const auto other = hanNumeral(text, pos + 1); other && other->value > n->value) {
                second = other;
                secondStart = pos + 1;
                loose = QStringView(u"、・").contains(text.at(pos));
            }
        }
        const qsizetype numberEnd = pos;
        if (second)
            pos = second->end;
        if (second && pos < text.size() && bigger.contains(text.at(pos))) {
            i = skipRest(pos) - 1;
            continue;
        }
        qsizetype unitAt = 0;
        qsizetype end = 0;
        const qsizetype counterPos = skipSpaces(text, pos);
        const HanCounter *counter =
            hanCounterAt(text, i, second ? *second : *n, counterPos, &unitAt, &end);
        if (!counter) {
            i = pos - 1;
            continue;
        }
        Match first = sure(i, numberEnd, 0, unitAt);
        first.values = values;
        first.implied = loose;
        out.push_back(first);
        if (second) {
            Match m = sure(secondStart, second->end, second->value, unitAt);
            m.implied = loose;
            out.push_back(m);
        }
        i = end - 1;
    }
    // 半片 is half a tablet; 半小时 half an hour. 半天 and 半年 are also "a long while".
    static const QStringView halfDose[] = {u"片", u"粒", u"颗", u"顆", u"錠", u"包",
                                           u"袋", u"杯", u"支", u"剂", u"劑"};
    static const QStringView halfHour[] = {u"个小时", u"個小時", u"个钟头", u"個鐘頭",
                                           u"小时",   u"小時",   u"時間"};
    for (qsizetype i = text.indexOf(QChar(u'半')); i >= 0; i = text.indexOf(QChar(u'半'), i + 1)) {
        if (i > 0 && (isHanNumeral(text.at(i - 1)) || text.at(i - 1).isDigit() ||
                      QStringView(u"个個点點時时間间").contains(text.at(i - 1))))
            continue; // 一个半, 两点半, 1時間半: SafetyChecker reads those
        bool found = false;
        for (QStringView h : halfHour) {
            if (startsAt(text, i + 1, h)) {
                out.push_back(withUnit(i, i + 1, kHalfHour, Unit::Minute));
                found = true;
                break;
            }
        }
        for (QStringView d : halfDose) {
            if (!found && startsAt(text, i + 1, d)) {
                Match m = sure(i, i + 1, 0, i + 1);
                m.values = {QStringLiteral("0.5")};
                out.push_back(m);
                break;
            }
        }
    }
}

// ------------------------------------------------------------------------------------ Thai

bool isThai(QChar c)
{
    return c.unicode() >= 0x0E00 && c.unicode() <= 0x0E7F;
}

struct ThaiWord
{
    QStringView text;
    int value;
};

const ThaiWord kThaiDigits[] = {{u"หนึ่ง", 1}, {u"สอง", 2}, {u"สาม", 3}, {u"สี่", 4},  {u"ห้า", 5},
                                {u"หก", 6},  {u"เจ็ด", 7}, {u"แปด", 8}, {u"เก้า", 9}};

const ThaiWord *thaiDigitAt(const QString &text, qsizetype pos)
{
    for (const ThaiWord &d : kThaiDigits) {
        if (startsAt(text, pos, d.text))
            return &d;
    }
    return nullptr;
}

struct ThaiNumeral
{
    int value = 0;
    qsizetype end = 0;
    bool single = false;
};

std::optional<ThaiNumeral> thaiNumeral(const QString &text, qsizetype i)
{
    int tens = 0;
    qsizetype pos = i;
    if (startsAt(text, i, u"ยี่สิบ")) {
        tens = 20;
        pos += 6;
    } else if (startsAt(text, i, u"สิบ")) {
        tens = 10;
        pos += 3;
    } else if (const ThaiWord *d = thaiDigitAt(text, i)) {
        pos += d->text.size();
        if (!startsAt(text, pos, u"สิบ") || d->value < 3)
            return ThaiNumeral{d->value, pos, true};
        tens = d->value * 10;
        pos += 3;
    } else {
        return std::nullopt;
    }
    if (startsAt(text, pos, u"เอ็ด"))
        return ThaiNumeral{tens + 1, pos + 4, false};
    if (const ThaiWord *d = thaiDigitAt(text, pos); d && d->value >= 2)
        return ThaiNumeral{tens + d->value, pos + d->text.size(), false};
    return ThaiNumeral{tens, pos, false};
}

// Classifiers and units; Thai writes them right after the number, without a space.
const std::vector<QStringView> &thaiCounters()
{
    static const std::vector<QStringView> counters = [] {
        std::vector<QStringView> c = {
            u"ครั้ง",    u"เม็ด",    u"แคปซูล", u"วัน",  u"คืน",  u"ชั่วโมง", u"นาที",    u"วินาที",
            u"สัปดาห์",  u"อาทิตย์",  u"เดือน",  u"ปี",   u"ขวบ", u"คน",    u"ท่าน",    u"ช้อนชา",
            u"ช้อนโต๊ะ", u"ช้อน",    u"ซอง",   u"ขวด", u"หยด", u"แก้ว",   u"หลอด",   u"มื้อ",
            u"ชิ้น",     u"แผง",    u"กล่อง",  u"ชนิด", u"เข็ม", u"โมง",   u"มิลลิกรัม", u"ไมโครกรัม",
            u"กิโลกรัม", u"มิลลิลิตร", u"กรัม",   u"ลิตร", u"มก.", u"มล.",   u"กก.",    u"หน่วย"};
        std::stable_sort(c.begin(), c.end(),
                         [](QStringView a, QStringView b) { return a.size() > b.size(); });
        return c;
    }();
    return counters;
}

void findThai(const QString &text, std::vector<Match> &out)
{
    static const QStringView bigger[] = {u"ร้อย", u"พัน", u"หมื่น", u"แสน", u"ล้าน"};
    auto endsWith = [&text](qsizetype at, QStringView word) {
        return at >= word.size() && QStringView(text).mid(at - word.size(), word.size()) == word;
    };
    auto biggerBefore = [&](qsizetype at) {
        return std::any_of(std::begin(bigger), std::end(bigger),
                           [&](QStringView b) { return endsWith(at, b); });
    };
    auto biggerAfter = [&](qsizetype at) {
        return std::any_of(std::begin(bigger), std::end(bigger),
                           [&](QStringView b) { return startsAt(text, at, b); });
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isThai(text.at(i)))
            continue;
        if (startsAt(text, i, u"ครึ่ง")) {
            const qsizetype pos = i + 5;
            if (startsAt(text, pos, u"ชั่วโมง")) {
                out.push_back(withUnit(i, pos, kHalfHour, Unit::Minute));
            } else {
                for (QStringView d :
                     {QStringView(u"เม็ด"), QStringView(u"แคปซูล"), QStringView(u"ช้อน"),
                      QStringView(u"ซอง"), QStringView(u"แก้ว")}) {
                    if (startsAt(text, pos, d)) {
                        Match m = sure(i, pos, 0, pos);
                        m.values = {QStringLiteral("0.5")};
                        out.push_back(m);
                        break;
                    }
                }
            }
            i = pos - 1;
            continue;
        }
        const std::optional<ThaiNumeral> n = thaiNumeral(text, i);
        if (!n)
            continue;
        qsizetype pos = n->end;
        // ครั้งที่สอง is the second time; โกหก is "lie"; สองร้อย is bigger than we read.
        if (endsWith(i, u"ที่") || (n->value == 6 && endsWith(i, u"โก")) || biggerBefore(i) ||
            biggerAfter(pos)) {
            i = pos - 1;
            continue;
        }
        std::optional<ThaiNumeral> second;
        bool loose = false;
        if (n->single) {
            if (const auto adjacent = thaiNumeral(text, pos);
                adjacent && adjacent->single && adjacent->value > n->value) {
                second = adjacent; // สองสามวัน: a few days
                loose = true;
            }
        }
        if (!second) {
            const qsizetype gap = skipSpaces(text, pos);
            for (QStringView link :
                 {QStringView(u"ถึง"), QStringView(u"หรือ"), QStringView(u"-"), QStringView(u"~")}) {
                if (!startsAt(text, gap, link))
                    continue;
                const qsizetype other = skipSpaces(text, gap + link.size());
                if (const auto o = thaiNumeral(text, other); o && o->value > n->value)
                    second = o;
                break;
            }
        }
        const qsizetype numberEnd = pos;
        if (second)
            pos = second->end;
        const qsizetype counterPos = skipSpaces(text, pos);
        QStringView counter;
        for (QStringView c : thaiCounters()) {
            if (startsAt(text, counterPos, c)) {
                counter = c;
                break;
            }
        }
        if (counter.isEmpty()) {
            i = pos - 1;
            continue;
        }
        auto values = [&](int v) {
            QStringList list{QString::number(v)};
            // สามโมงเย็น is 3 p.m.; สามโมงเช้า may be 9 a.m., counted from six.
            if (counter == u"โมง" && v <= 12) {
                list << QString::number(v + 12);
                if (startsAt(text, counterPos + counter.size(), u"เช้า"))
                    list << QString::number(v + 6);
            }
            return list;
        };
        Match first = sure(i, numberEnd, 0, counterPos);
        first.values = values(n->value);
        first.implied = loose;
        out.push_back(first);
        if (second) {
            Match m = sure(numberEnd, second->end, 0, counterPos);
            m.values = values(second->value);
            m.implied = loose;
            out.push_back(m);
        }
        i = counterPos + counter.size() - 1;
    }
}

// --------------------------------------------------------------------- English, Vietnamese

struct Token
{
    qsizetype start;
    qsizetype end;
    QString word; // lower case
};

bool isLatinLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x0300 && u <= 0x036F) ||
           (c.isLetter() && (u < 0x0250 || (u >= 0x1E00 && u <= 0x1EFF)));
}

std::vector<Token> latinTokens(const QString &text)
{
    std::vector<Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isLatinLetter(text.at(i))) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() &&
               (isLatinLetter(text.at(i)) ||
                ((text.at(i) == QLatin1Char('\'') || text.at(i) == QChar(u'’')) &&
                 i + 1 < text.size() && isLatinLetter(text.at(i + 1)))))
            ++i;
        // A letter glued to a digit or to another script is not a word of ours: 3mg, 五mg.
        tokens.push_back(Token{start, i, text.mid(start, i - start).toLower()});
    }
    return tokens;
}

// What lies between two tokens: only spaces, or spaces around one hyphen.
enum class Gap { Space, Hyphen, Other };

Gap gapBetween(const QString &text, const Token &a, const Token &b)
{
    int hyphens = 0;
    for (qsizetype i = a.end; i < b.start; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('-') || c == QChar(u'‑') || c == QChar(u'–'))
            ++hyphens;
        else if (c != QLatin1Char(' '))
            return Gap::Other;
    }
    return hyphens == 0 ? Gap::Space : hyphens == 1 ? Gap::Hyphen : Gap::Other;
}

// The word of token `k + 1` when only a space (or, if allowed, a hyphen) separates it.
const QString *nextWord(const QString &text, const std::vector<Token> &t, size_t k,
                        bool hyphenToo = false)
{
    if (k + 1 >= t.size())
        return nullptr;
    const Gap gap = gapBetween(text, t[k], t[k + 1]);
    return gap == Gap::Space || (hyphenToo && gap == Gap::Hyphen) ? &t[k + 1].word : nullptr;
}

const QString *previousWord(const QString &text, const std::vector<Token> &t, size_t k)
{
    if (k == 0 || gapBetween(text, t[k - 1], t[k]) == Gap::Other)
        return nullptr;
    return &t[k - 1].word;
}

int lookup(const QHash<QString, int> &table, const QString *word)
{
    return word ? table.value(*word, 0) : 0;
}

// "one:1 two:2": a word table written compactly.
QHash<QString, int> table(const char *spec)
{
    QHash<QString, int> h;
    for (const QString &entry :
         QString::fromUtf8(spec).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        h.insert(entry.left(colon), entry.mid(colon + 1).toInt());
    }
    return h;
}

QSet<QString> wordSet(const char *words)
{
    const QStringList list = QString::fromUtf8(words).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return QSet<QString>(list.cbegin(), list.cend());
}

void findEnglish(const QString &text, const std::vector<Token> &t, std::vector<Match> &out)
{
    static const QHash<QString, int> ones =
        table("one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9");
    static const QHash<QString, int> teens =
        table("ten:10 eleven:11 twelve:12 thirteen:13 fourteen:14 fifteen:15 sixteen:16 "
              "seventeen:17 eighteen:18 nineteen:19");
    static const QHash<QString, int> tens =
        table("twenty:20 thirty:30 forty:40 fifty:50 sixty:60 seventy:70 eighty:80 ninety:90");
    static const QSet<QString> bigger =
        wordSet("hundred thousand million billion dozen hundreds thousands");
    static const QSet<QString> fractions =
        wordSet("half halves third thirds quarter quarters fourth fourths fifth fifths sixth "
                "sixths eighth eighths tenth tenths");
    static const QSet<QString> doses =
        wordSet("tablet tablets tab tabs pill pills capsule capsules caplet caplets dose doses "
                "teaspoon teaspoons tablespoon tablespoons spoon spoons spoonful spoonfuls sachet "
                "sachets packet packets cup cups glass glasses vial vials ampoule ampoules");
    static const QSet<QString> counters = [] {
        QSet<QString> c =
            wordSet("drop drops time times day days hour hours hr hrs minute minutes min mins "
                    "second seconds week weeks month months year years night nights mg mcg g kg ml "
                    "l cc iu unit units pack packs bottle bottles puff puffs injection injections "
                    "shot shots meal meals o'clock o’clock people person persons patient patients "
                    "child children kid kids kind kinds type types piece pieces stitch stitches "
                    "box boxes session sessions milligram milligrams gram grams milliliter "
                    "milliliters millilitre millilitres microgram micrograms");
        for (const QString &d : doses)
            c.insert(d);
        return c;
    }();
    static const QSet<QString> adjectives = wordSet(
        "more extra additional whole full separate consecutive straight small large big further");
    static const QSet<QString> onceBefore =
        wordSet("a an per daily weekly monthly every each more again or and");

    // a.m. and p.m. are written with dots, which split tokens.
    auto clockAfter = [&text](qsizetype pos) {
        const QStringView rest = QStringView(text).mid(skipSpaces(text, pos));
        for (QStringView w :
             {QStringView(u"a.m"), QStringView(u"p.m"), QStringView(u"am"), QStringView(u"pm")}) {
            if (rest.startsWith(w, Qt::CaseInsensitive) &&
                (rest.size() == w.size() || !rest.at(w.size()).isLetter()))
                return true;
        }
        return false;
    };
    // The counter after token `k`: its token index, or -1. `halfBetween` is set when
    // "and a half" stands between, which SafetyChecker adds to the value.
    auto counterAfter = [&](size_t k, bool *halfBetween) -> qsizetype {
        size_t c = k + 1;
        *halfBetween = false;
        if (c + 2 < t.size() && t[c].word == u"and" && t[c + 1].word == u"a" &&
            t[c + 2].word == u"half" && gapBetween(text, t[k], t[c]) == Gap::Space) {
            *halfBetween = true;
            k = c + 2;
            c = k + 1;
        }
        while (c < t.size() && adjectives.contains(t[c].word) &&
               gapBetween(text, t[c - 1], t[c]) == Gap::Space)
            ++c;
        if (c >= t.size() || gapBetween(text, t[c - 1], t[c]) == Gap::Other)
            return -1;
        if (counters.contains(t[c].word))
            return qsizetype(c);
        return -1;
    };

    for (size_t k = 0; k < t.size(); ++k) {
        const QString &w = t[k].word;
        const QString *before = previousWord(text, t, k);
        if (w == u"twice" || w == u"thrice") {
            out.push_back(withUnit(t[k].start, t[k].end,
                                   {w == u"twice" ? QStringLiteral("2") : QStringLiteral("3")},
                                   Unit::None));
            continue;
        }
        if (w == u"once") {
            // "once you arrive" is "when"; "at once" is "immediately".
            const QString *next = nextWord(text, t, k);
            const qsizetype after = skipSpaces(text, t[k].end);
            const bool ends =
                after >= text.size() || QStringView(u".,;:!?)").contains(text.at(after));
            if ((before && *before == u"at") || !(ends || (next && onceBefore.contains(*next))))
                continue;
            out.push_back(withUnit(t[k].start, t[k].end, {QStringLiteral("1")}, Unit::None));
            continue;
        }
        if (w == u"half") {
            // "two and a half": SafetyChecker adds the half to the two.
            if (k >= 2 && t[k - 1].word == u"a" && t[k - 2].word == u"and")
                continue;
            const QString *next = nextWord(text, t, k, true);
            size_t c = k + 1;
            if (next && (*next == u"a" || *next == u"an")) {
                next = nextWord(text, t, k + 1, true);
                c = k + 2;
            }
            if (!next)
                continue;
            if (*next == u"hour" || *next == u"hours" || *next == u"hr")
                out.push_back(withUnit(t[k].start, t[k].end, kHalfHour, Unit::Minute));
            else if (doses.contains(*next)) {
                Match m = sure(t[k].start, t[k].end, 0, t[c].start);
                m.values = {QStringLiteral("0.5")};
                out.push_back(m);
            }
            continue;
        }
        // "an hour and a half", "a day and a half": a 1 that SafetyChecker makes 1.5.
        if (w == u"a" || w == u"an") {
            const QString *next = nextWord(text, t, k);
            if (next && counters.contains(*next) && k + 4 < t.size() && t[k + 2].word == u"and" &&
                t[k + 3].word == u"a" && t[k + 4].word == u"half" &&
                gapBetween(text, t[k + 1], t[k + 2]) == Gap::Space)
                out.push_back(sure(t[k].start, t[k].end, 1, t[k + 1].start));
            continue;
        }
        int value = ones.value(w, 0);
        if (!value)
            value = teens.value(w, 0);
        size_t last = k;
        if (const int ten = tens.value(w, 0)) {
            value = ten;
            if (const int one = lookup(ones, nextWord(text, t, k, true))) {
                value += one;
                last = k + 1;
            }
        }
        if (!value)
            continue;
        // "one hundred and five", "two thirds": not numbers we read.
        const QString *after = nextWord(text, t, last, true);
        const QString *beforeBefore = k >= 2 ? previousWord(text, t, k - 1) : nullptr;
        if ((after && (bigger.contains(*after) || fractions.contains(*after))) ||
            (before && bigger.contains(*before)) ||
            (before && *before == u"and" && beforeBefore && bigger.contains(*beforeBefore))) {
            k = last;
            continue;
        }
        const qsizetype start = t[k].start;
        const qsizetype end = t[last].end;
        bool halfBetween = false;
        qsizetype counter = counterAfter(last, &halfBetween);
        // "one or two tablets", "two to three days": the range shares its counter.
        if (counter < 0 && after && (*after == u"or" || *after == u"to") && last + 2 < t.size() &&
            (ones.contains(t[last + 2].word) || teens.contains(t[last + 2].word) ||
             tens.contains(t[last + 2].word))) {
            size_t other = last + 2;
            if (tens.contains(t[other].word) && lookup(ones, nextWord(text, t, other, true)))
                ++other;
            bool ignored = false;
            counter = counterAfter(other, &ignored);
        }
        const bool clock = clockAfter(end);
        // "half past three" is a time: three, and thirty minutes that may go unsaid.
        const bool halfPast = before && *before == u"past" && k >= 2 && t[k - 2].word == u"half";
        if (counter >= 0 || clock || halfPast) {
            const qsizetype unitAt =
                counter < 0 ? end : (halfBetween ? end : t[size_t(counter)].start);
            out.push_back(sure(start, end, value, unitAt));
            if (halfPast)
                out.push_back(implied(t[k - 2].start, t[k - 1].end, 30));
        } else if (w != u"one") {
            // "two children": surely two, but the other side may count them without a word
            // we know (아이 둘, "both").
            out.push_back(implied(start, end, value));
        }
        k = last;
    }
}

void findVietnamese(const QString &text, const std::vector<Token> &t, std::vector<Match> &out)
{
    static const QHash<QString, int> digits =
        table("một:1 hai:2 ba:3 bốn:4 năm:5 sáu:6 bảy:7 bẩy:7 tám:8 chín:9 mười:10");
    // After mười "năm" is "years" (mười năm), fifteen is mười lăm.
    static const QHash<QString, int> afterTen =
        table("một:1 hai:2 ba:3 bốn:4 lăm:5 sáu:6 bảy:7 bẩy:7 tám:8 chín:9");
    static const QHash<QString, int> afterTens =
        table("mốt:1 một:1 hai:2 ba:3 bốn:4 tư:4 lăm:5 nhăm:5 sáu:6 bảy:7 bẩy:7 tám:8 chín:9");
    static const QSet<QString> counters =
        wordSet("lần viên ngày giờ tiếng phút giây tuần tháng năm tuổi gói ống giọt muỗng thìa cốc "
                "ly chai lọ hộp vỉ liều người cái bữa đêm hạt miếng loại con đứa mũi buổi cữ mg "
                "mcg g kg ml l cc gam lít ký");
    static const QSet<QString> halfDoses = wordSet("viên gói ống muỗng thìa cốc ly liều vỉ");
    // thứ hai is Monday or "second"; số hai "number two"; tầng hai "second floor"; big numbers.
    static const QSet<QString> notAfter =
        wordSet("thứ số trăm nghìn ngàn triệu tỷ tỉ linh lẻ phần tầng lầu phòng cửa mươi");
    static const QSet<QString> bigger = wordSet("trăm nghìn ngàn triệu tỷ tỉ phần");
    // Words that are only ever numbers; một (a), ba (father), năm (year), chín (cooked) are not.
    static const QSet<QString> plain = wordSet("hai bốn sáu bảy bẩy tám mười");

    auto digitNear = [&text](qsizetype from, qsizetype to) {
        for (qsizetype i = std::max<qsizetype>(0, from - 3); i < std::min(text.size(), to + 3); ++i)
            if (text.at(i).isDigit())
                return true;
        return false;
    };
    auto parse = [&](size_t k, size_t *last) -> int {
        const QString &w = t[k].word;
        *last = k;
        const int d = digits.value(w, 0);
        if (!d)
            return 0;
        if (d == 10) {
            if (const int u = lookup(afterTen, nextWord(text, t, k))) {
                *last = k + 1;
                return 10 + u;
            }
            return 10;
        }
        if (d >= 2 && k + 1 < t.size() && nextWord(text, t, k) && t[k + 1].word == u"mươi") {
            *last = k + 1;
            if (const int u = lookup(afterTens, nextWord(text, t, k + 1))) {
                *last = k + 2;
                return d * 10 + u;
            }
            return d * 10;
        }
        return d;
    };

    for (size_t k = 0; k < t.size(); ++k) {
        const QString &w = t[k].word;
        if (w == u"nửa") {
            const QString *next = nextWord(text, t, k);
            if (next && (*next == u"tiếng" || *next == u"giờ"))
                out.push_back(withUnit(t[k].start, t[k].end, kHalfHour, Unit::Minute));
            else if (next && halfDoses.contains(*next)) {
                Match m = sure(t[k].start, t[k].end, 0, t[k + 1].start);
                m.values = {QStringLiteral("0.5")};
                out.push_back(m);
            }
            continue;
        }
        size_t last = k;
        const int value = parse(k, &last);
        if (!value)
            continue;
        const QString *before = previousWord(text, t, k);
        const QString *after = nextWord(text, t, last);
        if ((before && notAfter.contains(*before)) || (after && bigger.contains(*after))) {
            k = last;
            continue;
        }
        // tháng ba is March: a month only beside a date's digits (5 tháng ba, tháng ba năm 2024).
        if (before && *before == u"tháng") {
            const bool yearAfter = after && *after == u"năm" && last + 1 < t.size() &&
                                   skipSpaces(text, t[last + 1].end) < text.size() &&
                                   text.at(skipSpaces(text, t[last + 1].end)).isDigit();
            if (value <= 12 && (digitNear(t[k - 1].start, t[last].end) || yearAfter))
                out.push_back(sure(t[k].start, t[last].end, value, -1));
            k = last;
            continue;
        }
        // hai ba ngày: two or three days, "a few".
        struct Second
        {
            int value;
            size_t first;
            size_t last;
        };
        std::optional<Second> second;
        bool loose = false;
        if (last == k && value < 10 && after) {
            size_t otherLast = last + 1;
            const int other = parse(last + 1, &otherLast);
            if (other == value + 1 && otherLast == last + 1) {
                second = Second{other, last + 1, last + 1};
                loose = true;
            }
        }
        // hai đến ba ngày, hai hoặc ba viên: a range of two numbers sharing the counter.
        if (!second && after &&
            (*after == u"đến" || *after == u"tới" || *after == u"hoặc" || *after == u"hay") &&
            nextWord(text, t, last + 1)) {
            size_t otherLast = last + 2;
            const int other = parse(last + 2, &otherLast);
            if (other > value)
                second = Second{other, last + 2, otherLast};
        }
        const size_t end = second ? second->last : last;
        const QString *counter = nextWord(text, t, end);
        if (counter && counters.contains(*counter)) {
            Match m = sure(t[k].start, t[last].end, value, t[end + 1].start);
            m.implied = loose;
            out.push_back(m);
            if (second) {
                Match s = sure(t[second->first].start, t[end].end, second->value, t[end + 1].start);
                s.implied = loose;
                out.push_back(s);
            }
            k = end + 1;
            continue;
        }
        if (!second && (plain.contains(w) || last > k))
            out.push_back(implied(t[k].start, t[last].end, value));
        k = last;
    }
}

} // namespace

std::vector<NumberWords::Match> NumberWords::find(const QString &text)
{
    std::vector<Match> out;
    bool hangul = false, han = false, thai = false, latin = false;
    for (const QChar c : text) {
        hangul = hangul || isHangul(c);
        han = han || isHanNumeral(c) || c == QChar(u'半');
        thai = thai || isThai(c);
        latin = latin || (c.isLetter() && c.unicode() < 0x0250);
    }
    if (hangul)
        findKorean(text, out);
    if (han)
        findHan(text, out);
    if (thai)
        findThai(text, out);
    if (latin) {
        const std::vector<Token> tokens = latinTokens(text);
        findEnglish(text, tokens, out);
        findVietnamese(text, tokens, out);
    }
    return out;
}

} // namespace medtranslate::relay
