#include "storage/SearchText.h"

namespace medtranslate::relay {

QString SearchText::folded(const QString &s)
{
    return s.normalized(QString::NormalizationForm_KC).toCaseFolded();
}

QString SearchText::of(const QString &text, const QString &translation)
{
    return folded(text) + QLatin1Char('\n') + folded(translation);
}

QString SearchText::likePattern(const QString &words)
{
    QString escaped;
    const QString f = folded(words);
    escaped.reserve(f.size() + 8);
    for (const QChar c : f) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('!'))
            escaped += QLatin1Char('!');
        escaped += c;
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

qsizetype SearchText::find(const QString &text, const QString &words)
{
    if (words.isEmpty())
        return -1;
    const qsizetype at = text.indexOf(words, 0, Qt::CaseInsensitive);
    if (at >= 0)
        return at;
    // The stored form matched after NFKC (full-width letters, say): look there too.
    return text.normalized(QString::NormalizationForm_KC)
        .indexOf(words.normalized(QString::NormalizationForm_KC), 0, Qt::CaseInsensitive);
}

} // namespace medtranslate::relay
