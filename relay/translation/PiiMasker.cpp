#include "translation/PiiMasker.h"

#include <QRegularExpression>
#include <functional>
#include <vector>

namespace medtranslate::relay {

namespace {

using Span = MaskedText::Span;

int digitCount(QStringView text)
{
    int n = 0;
    for (const QChar c : text)
        n += (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ? 1 : 0;
    return n;
}

QString digitsOnly(QStringView text)
{
    QString out;
    for (const QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            out += c;
    }
    return out;
}

//! `text` with full-width digits and signs, Thai digits and dash look-alikes as ASCII, one
//! code unit for one, so spans found in it are spans of `text`: 一三八－〇〇一三 is typed too.
QString matchable(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0xFF10 && u <= 0xFF19)
            c = QChar(char16_t('0' + (u - 0xFF10)));
        else if (u >= 0x0E50 && u <= 0x0E59)
            c = QChar(char16_t('0' + (u - 0x0E50)));
        else if (u == 0xFF0D || u == 0x2010 || u == 0x2011 || u == 0x2012 || u == 0x2013 ||
                 u == 0x2212)
            c = QLatin1Char('-');
        else if (u == 0xFF0B)
            c = QLatin1Char('+');
        else if (u == 0xFF08)
            c = QLatin1Char('(');
        else if (u == 0xFF09)
            c = QLatin1Char(')');
        else if (u == 0x3000)
            c = QLatin1Char(' ');
    }
    return out;
}

//! One kind of separator at most, as IDs and phone numbers are printed: "1 2-3" is a list.
bool oneSeparatorKind(QStringView raw)
{
    const bool space = raw.contains(QLatin1Char(' '));
    const bool dash = raw.contains(QLatin1Char('-'));
    const bool dot = raw.contains(QLatin1Char('.'));
    return int(space) + int(dash) + int(dot) <= 1;
}

bool plausibleBirthDate(QStringView yymmdd)
{
    const int month = yymmdd.mid(2, 2).toInt();
    const int day = yymmdd.mid(4, 2).toInt();
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

//! Adds the spans `pattern` finds that `accept` approves and that overlap nothing taken yet.
void take(const QString &text, const QRegularExpression &pattern, int group,
          const std::function<bool(const QRegularExpressionMatch &)> &accept,
          std::vector<Span> &spans)
{
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        if (accept && !accept(match))
            continue;
        const int start = int(match.capturedStart(group));
        const int length = int(match.capturedLength(group));
        bool overlap = false;
        for (const Span &s : spans)
            overlap = overlap || (start < s.start + s.length && s.start < start + length);
        if (!overlap && length > 0)
            spans.push_back(Span{start, length});
    }
}

} // namespace

bool PiiMasker::chineseIdValid(QStringView id)
{
    static constexpr int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    if (id.size() != 18)
        return false;
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int d = id.at(i).unicode() - '0';
        if (d < 0 || d > 9)
            return false;
        sum += d * weights[i];
    }
    static constexpr char16_t checks[] = u"10X98765432";
    return id.at(17).toUpper() == QChar(checks[sum % 11]);
}

bool PiiMasker::thaiIdValid(QStringView digits)
{
    if (digits.size() != 13)
        return false;
    int sum = 0;
    for (int i = 0; i < 13; ++i) {
        const int d = digits.at(i).unicode() - '0';
        if (d < 0 || d > 9)
            return false;
        if (i < 12)
            sum += d * (13 - i);
    }
    return (11 - sum % 11) % 10 == digits.at(12).unicode() - '0';
}

bool PiiMasker::myNumberValid(QStringView digits)
{
    if (digits.size() != 12)
        return false;
    int sum = 0;
    for (int i = 0; i < 12; ++i) {
        const int d = digits.at(i).unicode() - '0';
        if (d < 0 || d > 9)
            return false;
    }
    // P(n) is the n-th digit from the right before the check digit; Q(n) = n+1 up to 6, n-5 after.
    for (int n = 1; n <= 11; ++n)
        sum += (digits.at(11 - n).unicode() - '0') * (n <= 6 ? n + 1 : n - 5);
    const int rest = sum % 11;
    return (rest <= 1 ? 0 : 11 - rest) == digits.at(11).unicode() - '0';
}

bool PiiMasker::luhnValid(QStringView digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).unicode() - '0';
        if (d < 0 || d > 9)
            return false;
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return !digits.isEmpty() && sum % 10 == 0;
}

MaskedText PiiMasker::mask(const QString &original)
{
    const QString text = matchable(original);
    static const QRegularExpression email(QStringLiteral(
        "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}"));
    // Said to be an ID: whatever its form or check digit.
    static const QRegularExpression idAfterWord(
        QStringLiteral(
            "(?:CCCD|CMND|căn cước|định danh|身份证|身分證|居民身份|マイナンバー|個人番号|"
            "บัตรประชาชน|เลขประจำตัวประชาชน|national id|id card|id number)"
            "[^0-9\\n]{0,20}?([0-9](?:[ \\-]?[0-9]){8,16}[0-9Xx]?)(?![0-9])"),
        QRegularExpression::CaseInsensitiveOption);
    // China: 6-digit region, birth date, 3 digits, check character.
    static const QRegularExpression chineseId(
        QStringLiteral("(?<![0-9A-Za-z+])[1-9][0-9]{5}[ \\-]?(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])"
                       "(?:0[1-9]|[12][0-9]|3[01])[ \\-]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])"));
    // Thailand: 13 digits, printed 1-2345-67890-12-1.
    static const QRegularExpression thaiId(
        QStringLiteral("(?<![0-9+])[1-8](?:[ \\-]?[0-9]){12}(?![ \\-]?[0-9])"));
    // Japan: My Number, 12 digits often in groups of four.
    static const QRegularExpression myNumber(
        QStringLiteral("(?<![0-9+])[0-9]{4}[ \\-]?[0-9]{4}[ \\-]?[0-9]{4}(?![ \\-]?[0-9])"));
    // Vietnam: CCCD, a province code 001-096, a century-and-sex digit, then 8 digits.
    static const QRegularExpression vietnameseId(
        QStringLiteral("(?<![0-9+])0[0-9]{2}[0-3](?:[ .]?[0-9]){8}(?![ .]?[0-9])"));
    static const QRegularExpression card(
        QStringLiteral("(?<![0-9+])[0-9](?:[ \\-]?[0-9]){12,18}(?![0-9])"));
    static const QRegularExpression rrn(
        QStringLiteral("(?<![0-9])([0-9]{6})\\s?-\\s?[1-8][0-9]{6}(?![0-9])|(?<![0-9])([0-9]{6})[1-"
                       "8][0-9]{6}(?![0-9])"));
    // +86 …, or 0086 … as dialled from abroad.
    static const QRegularExpression internationalPhone(
        QStringLiteral("(?:\\+|(?<![0-9.\\-])(?<![0-9] )00(?=[1-9]))[0-9]{1,3}(?:[ "
                       ".\\-]?\\(?[0-9]{1,4}\\)?){2,5}(?![0-9])"));
    // China's mobile numbers have no leading 0: 13800138000, 138-0013-8000.
    static const QRegularExpression chineseMobile(
        QStringLiteral("(?<![0-9.,:/+])1[3-9][0-9](?:[ \\-]?[0-9]{4}){2}(?![0-9])"));
    // 010-1234-5678, 03-1234-5678, 0755-12345678, (03) 1234-5678, 0912 345 678.
    static const QRegularExpression domesticPhone(
        QStringLiteral("(?<![0-9.,:/])(?:0[0-9]{1,3}|\\(0[0-9]{1,4}\\))[ .\\-]?[0-9]{3,4}[ "
                       ".\\-]?[0-9]{3,4}(?![0-9])"));
    static const QRegularExpression passport(QStringLiteral(
        "(?<![A-Za-z0-9])(?:[A-Z]{1,2}[0-9]{7,8}|[A-Z][0-9]{3}[A-Z][0-9]{4})(?![A-Za-z0-9])"));
    static const QRegularExpression passportAfterWord(
        QStringLiteral(
            "(?:passport|여권|パスポート|旅券|护照|護照|หนังสือเดินทาง|hộ chiếu)[^0-9\\n]{0,30}?"
            "([A-Z]{0,2}[0-9]{6,9})(?![0-9])"),
        QRegularExpression::CaseInsensitiveOption);

    auto digitsBetween = [](int low, int high) {
        return [low, high](const QRegularExpressionMatch &m) {
            const int digits = digitCount(m.capturedView());
            return digits >= low && digits <= high;
        };
    };

    std::vector<Span> spans;
    take(text, email, 0, {}, spans);
    take(
        text, idAfterWord, 1,
        [](const QRegularExpressionMatch &m) {
            const int digits = digitCount(m.capturedView(1));
            return digits >= 9 && digits <= 18 && oneSeparatorKind(m.capturedView(1));
        },
        spans);
    take(
        text, chineseId, 0,
        [](const QRegularExpressionMatch &m) {
            QString id;
            for (const QChar c : m.capturedView()) {
                if (c.isDigit() || c == QLatin1Char('X') || c == QLatin1Char('x'))
                    id += c;
            }
            return chineseIdValid(id);
        },
        spans);
    take(
        text, thaiId, 0,
        [](const QRegularExpressionMatch &m) {
            return oneSeparatorKind(m.capturedView()) && thaiIdValid(digitsOnly(m.capturedView()));
        },
        spans);
    take(
        text, myNumber, 0,
        [](const QRegularExpressionMatch &m) {
            return oneSeparatorKind(m.capturedView()) &&
                   myNumberValid(digitsOnly(m.capturedView()));
        },
        spans);
    take(
        text, vietnameseId, 0,
        [](const QRegularExpressionMatch &m) {
            const int province = m.capturedView().mid(0, 3).toInt();
            return province >= 1 && province <= 96 && oneSeparatorKind(m.capturedView());
        },
        spans);
    take(
        text, card, 0,
        [](const QRegularExpressionMatch &m) {
            const QString digits = digitsOnly(m.capturedView());
            const QStringView raw = m.capturedView();
            // One kind of separator, as printed on cards.
            if (raw.contains(QLatin1Char(' ')) && raw.contains(QLatin1Char('-')))
                return false;
            return digits.size() >= 13 && digits.size() <= 19 && luhnValid(digits);
        },
        spans);
    take(
        text, rrn, 0,
        [](const QRegularExpressionMatch &m) {
            const QStringView birth =
                m.capturedLength(1) > 0 ? m.capturedView(1) : m.capturedView(2);
            return plausibleBirthDate(birth);
        },
        spans);
    take(text, internationalPhone, 0, digitsBetween(8, 15), spans);
    take(text, chineseMobile, 0, digitsBetween(11, 11), spans);
    take(
        text, domesticPhone, 0,
        [](const QRegularExpressionMatch &m) {
            // Twelve digits (0755-12345678) only with a separator: bare, it may be any number.
            const int digits = digitCount(m.capturedView());
            return digits >= 9 && (digits <= 11 || (digits == 12 && m.capturedLength() > 12));
        },
        spans);
    take(text, passportAfterWord, 1, {}, spans);
    take(text, passport, 0, {}, spans);

    MaskedText masked;
    masked.text = original;
    masked.mask(std::move(spans), QLatin1Char('P'));
    return masked;
}

} // namespace medtranslate::relay
