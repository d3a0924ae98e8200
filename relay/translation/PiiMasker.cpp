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

MaskedText PiiMasker::mask(const QString &text)
{
    static const QRegularExpression email(QStringLiteral(
        "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}"));
    static const QRegularExpression card(
        QStringLiteral("(?<![0-9])[0-9](?:[ \\-]?[0-9]){12,18}(?![0-9])"));
    static const QRegularExpression rrn(
        QStringLiteral("(?<![0-9])([0-9]{6})\\s?-\\s?[1-8][0-9]{6}(?![0-9])|(?<![0-9])([0-9]{6})[1-"
                       "8][0-9]{6}(?![0-9])"));
    static const QRegularExpression internationalPhone(
        QStringLiteral("\\+[0-9]{1,3}(?:[ .\\-]?\\(?[0-9]{1,4}\\)?){2,5}(?![0-9])"));
    static const QRegularExpression domesticPhone(
        QStringLiteral("(?<![0-9.,:/])0[0-9]{1,3}[ .\\-]?[0-9]{3,4}[ .\\-]?[0-9]{3,4}(?![0-9])"));
    static const QRegularExpression passport(QStringLiteral(
        "(?<![A-Za-z0-9])(?:[A-Z]{1,2}[0-9]{7,8}|[A-Z][0-9]{3}[A-Z][0-9]{4})(?![A-Za-z0-9])"));
    static const QRegularExpression passportAfterWord(
        QStringLiteral(
            "(?:passport|여권|パスポート|旅券|护照|護照|หนังสือเดินทาง|hộ chiếu)[^0-9\\n]{0,30}?"
            "([A-Z]{0,2}[0-9]{6,9})(?![0-9])"),
        QRegularExpression::CaseInsensitiveOption);

    std::vector<Span> spans;
    take(text, email, 0, {}, spans);
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
    take(
        text, internationalPhone, 0,
        [](const QRegularExpressionMatch &m) {
            const int digits = digitCount(m.capturedView());
            return digits >= 8 && digits <= 15;
        },
        spans);
    take(
        text, domesticPhone, 0,
        [](const QRegularExpressionMatch &m) {
            const int digits = digitCount(m.capturedView());
            return digits >= 9 && digits <= 11;
        },
        spans);
    take(text, passportAfterWord, 1, {}, spans);
    take(text, passport, 0, {}, spans);

    MaskedText masked;
    masked.text = text;
    masked.mask(std::move(spans), QLatin1Char('P'));
    return masked;
}

} // namespace medtranslate::relay
