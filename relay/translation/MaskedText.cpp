#include "translation/MaskedText.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace medtranslate::relay {

void MaskedText::mask(std::vector<Span> spans, QChar kind)
{
    std::sort(spans.begin(), spans.end(),
              [](const Span &a, const Span &b) { return a.start < b.start; });
    auto countOf = [this](QChar k) {
        int n = 0;
        for (const Placeholder &p : placeholders)
            n += p.token.at(1) == k ? 1 : 0;
        return n;
    };
    QString out;
    out.reserve(text.size());
    int last = 0;
    for (const Span &span : spans) {
        const QChar spanKind = span.kind.isNull() ? kind : span.kind;
        const QString original = text.mid(span.start, span.length);
        QString token;
        for (const Placeholder &p : placeholders) {
            if (p.token.at(1) == spanKind && p.original == original)
                token = p.token;
        }
        if (token.isEmpty()) {
            token = QStringLiteral("⟦") + spanKind + QString::number(countOf(spanKind) + 1) +
                    QStringLiteral("⟧");
            placeholders.push_back(Placeholder{token, original, spanKind == QLatin1Char('P')});
        }
        out += QStringView(text).mid(last, span.start - last);
        out += token;
        last = span.start + span.length;
    }
    out += QStringView(text).mid(last);
    text = out;
}

QString MaskedText::restore(const QString &translated, std::vector<Placeholder> *lost) const
{
    static const QRegularExpression tokenPattern(
        QStringLiteral("(?:⟦|\\[\\[)\\s*([PMT])\\s*(\\d+)\\s*(?:⟧|\\]\\])"));
    QString out;
    out.reserve(translated.size());
    QSet<QString> seen;
    qsizetype last = 0;
    auto it = tokenPattern.globalMatch(translated);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString token = QStringLiteral("⟦%1%2⟧").arg(match.captured(1), match.captured(2));
        const Placeholder *found = nullptr;
        for (const Placeholder &p : placeholders) {
            if (p.token == token)
                found = &p;
        }
        if (!found)
            continue; // not ours: leave as written
        out += QStringView(translated).mid(last, match.capturedStart() - last);
        out += found->original;
        last = match.capturedEnd();
        seen.insert(token);
    }
    out += QStringView(translated).mid(last);
    if (lost) {
        for (const Placeholder &p : placeholders) {
            if (!seen.contains(p.token))
                lost->push_back(p);
        }
    }
    return out;
}

} // namespace medtranslate::relay
