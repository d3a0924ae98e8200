#include "translation/MaskedText.h"

#include <QRegularExpression>
#include <QSet>

namespace medtranslate::relay {

void MaskedText::replace(int start, int length, QChar kind)
{
    const QString original = text.mid(start, length);
    QString token;
    int sameKind = 0;
    for (const Placeholder &p : placeholders) {
        if (p.token.at(1) != kind)
            continue;
        ++sameKind;
        if (p.original == original)
            token = p.token;
    }
    if (token.isEmpty()) {
        token = QStringLiteral("⟦%1%2⟧").arg(kind).arg(sameKind + 1);
        placeholders.push_back(Placeholder{token, original, kind == QLatin1Char('P')});
    }
    text.replace(start, length, token);
}

QString MaskedText::restore(const QString &translated, std::vector<Placeholder> *lost) const
{
    static const QRegularExpression tokenPattern(
        QStringLiteral("(?:⟦|\\[\\[)\\s*([PT])\\s*(\\d+)\\s*(?:⟧|\\]\\])"));
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

bool MaskedText::isToken(QStringView text)
{
    static const QRegularExpression exact(QStringLiteral("^⟦[PT]\\d+⟧$"));
    return exact.matchView(text).hasMatch();
}

} // namespace medtranslate::relay
