#include "translation/Negation.h"

#include "translation/LanguageDetector.h"

#include <QRegularExpression>
#include <algorithm>

namespace medtranslate::relay {

namespace {

using RE = QRegularExpression;

//! Phrases that look negative but are not, set aside before counting: politeness, "no
//! problem", "unwell", "must" said as a double negative, "maybe", and questions.
const std::vector<RE> &notNegations()
{
    static const std::vector<RE> patterns = [] {
        std::vector<RE> p;
        for (const char *pattern : {
                 // en
                 "no problem",
                 "no worries",
                 "\\bno\\.\\s*[0-9]",
                 "not only",
                 // ko
                 "문제\\s*없",
                 "상관\\s*없",
                 "아니면",
                 "잘못",
                 "못생",
                 "틀림없",
                 "어쩔 수 없",
                 "(?:입맛|식욕|기운|힘|정신|의욕)(?:이|가)?\\s*없",
                 "no appetite",
                 "没有食欲",
                 "没胃口",
                 "食欲が(?:ありません|ない)",
                 "ไม่อยากอาหาร",
                 // "so that it does not": often said as "keep it dry"
                 "않(?:게|도록)",
                 "ないように",
                 "อย่าให้",
                 "ยังไม่หยุด",
                 "不是(?:咨询|门诊|工作|营业)时间",
                 "(?:상담|진료|업무)\\s*시간이\\s*아닙",
                 "지체하지\\s*말고",
                 "지체\\s*없이",
                 "망설이지\\s*말고",
                 "时(.)时不\\1",
                 "lúc (\\p{L}+) lúc không",

                 // 아팠다 안 아팠다 해요: "on and off"
                 "([가-힣]+)다\\s*안\\s*\\1다",
                 // zh
                 "不舒服",
                 "不好意思",
                 "不客气",
                 "不用谢",
                 "不错",
                 "不适",
                 "不良",
                 "不同",
                 "差不多",
                 "不断",
                 "不久",
                 "不过",
                 "不管(?!用)",
                 "不仅",
                 "不然",
                 "了不起",
                 "对不起",
                 "没关系",
                 "没事",
                 "没问题",
                 "不安",
                 "不眠",
                 "不明",
                 "不足",
                 "不便",
                 "不孕",
                 "不全",
                 "不齐",
                 "不规则",
                 "不振",
                 "特别",
                 "分别",
                 "区别",
                 "性别",
                 "告别",
                 "识别",
                 "类别",
                 "级别",
                 "个别",
                 "鉴别",
                 "辨别",
                 "差别",
                 "别的",
                 "别人",
                 "别处",
                 "离别",
                 "道别",
                 // ja
                 "少な",
                 "危な",
                 "間もな",
                 "すみません",
                 "申し訳(?:ございません|ありません|ない|なく)",
                 "構いません",
                 "かまいません",
                 "しれません",
                 "しれない",

                 "なければ(?:なりません|なら|いけ)",
                 "なくては(?:なりません|なら|いけ)",
                 "ないと(?:いけ|だめ|ダメ)",
                 "問題ありません",
                 "問題ない",
                 "ませんか",
                 // th
                 "ไม่ค่อยสบาย",
                 "ไม่สบาย",
                 "ไม่เป็นไร",
                 "ไม่มีปัญหา",
                 "หรือไม่",
                 "หรือเปล่า",
                 "ไม่(?:ค่อย)?ชัด",
                 "ไม่พึงประสงค์",
                 "ไม่ปกติ",
                 "ไม่สม่ำเสมอ",
                 "งดงาม",
                 // vi
                 "không sao",
                 "không có gì",
                 "không khí",
                 "không gian",
                 "hay không",
                 "hay chưa",
                 "(?:không|chưa)(?:\\s+(?:ạ|nhé|nhỉ|vậy|thế|à|chứ|hả|em|anh|chị|bạn))*\\s*(?:\\?|$"
                 ")",
             })
            p.emplace_back(QString::fromUtf8(pattern),
                           RE::CaseInsensitiveOption | RE::UseUnicodePropertiesOption);
        return p;
    }();
    return patterns;
}

const RE &english()
{
    static const RE pattern(
        QStringLiteral(
            "(?<![a-z])(?:not|no|never|avoid|none|nothing|nobody|neither|nor|cannot|unable|"
            "without)(?![a-z])|[a-z]n['’]t(?![a-z])"),
        RE::CaseInsensitiveOption);
    return pattern;
}

const RE &vietnamese()
{
    static const RE pattern(
        QStringLiteral("(?<![\\p{L}])(?:không|chưa|đừng|chẳng|chớ|cấm|tránh)(?![\\p{L}])"),
        RE::CaseInsensitiveOption | RE::UseUnicodePropertiesOption);
    return pattern;
}

//! Chinese negations; in Japanese 不 is only a prefix (不安, 不眠), so kana text skips these.
const RE &chinese()
{
    static const RE pattern(QStringLiteral("不|没|别|勿|无法|尚未|还未|未曾"));
    return pattern;
}

bool hasKana(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= 0x3040 && c.unicode() <= 0x30FF; });
}

const RE &others()
{
    static const RE pattern(QStringLiteral(
        // ko: 않, 없, 못 and 안 as words, 지 마세요, 아니, 모르
        "않|없|(?<![가-힣])못|(?<![가-힣])안(?= [가-힣])|지\\s*(?:마세요|마십시오|마시고|마요|마라|"
        "말아|말고|말라|말\\s*것|맙시다)|아니|아닙|아닌|아닐|모르|몰라|몰랐|금지"
        "|禁止"
        // ja
        "|ない|ません|なかった|なく|ずに|なければ|なし|無し|いいえ|だめ|ダメ|無い|適用外|対象外"
        // th
        "|ไม่|ห้าม|อย่า(?!ง)|งด(?![\\x{0E31}-\\x{0E3A}\\x{0E47}-\\x{0E4E}])|หลีกเลี่ยง"
        // "avoid" is how a prohibition is often translated
        "|피해\\s*주|피하|避免|避け|控え"));
    return pattern;
}

} // namespace

QStringList Negation::find(const QString &raw)
{
    QString text = raw.normalized(QString::NormalizationForm_C);
    for (const RE &skip : notNegations())
        text.replace(skip, QStringLiteral(" "));
    QStringList out;
    auto collect = [&out, &text](const RE &pattern) {
        for (auto it = pattern.globalMatch(text); it.hasNext();)
            out << it.next().captured();
    };
    // Vietnamese "no" is "full", not "no"; "Không." has no letter only Vietnamese uses.
    if (!LanguageDetector::hasVietnameseLetters(text))
        collect(english());
    collect(vietnamese());
    if (!hasKana(text))
        collect(chinese());
    collect(others());
    return out;
}

std::optional<protocol::TranslationWarning> Negation::check(const QString &source,
                                                            const QString &translation)
{
    const QStringList from = find(source);
    const QStringList to = find(translation);
    if (from.isEmpty() == to.isEmpty())
        return std::nullopt;
    using Warning = protocol::TranslationWarning;
    return Warning::make(Warning::Kind::NegationMismatch,
                         from.isEmpty() ? std::string() : from.first().toStdString(),
                         to.isEmpty() ? std::string() : to.first().toStdString());
}

} // namespace medtranslate::relay
