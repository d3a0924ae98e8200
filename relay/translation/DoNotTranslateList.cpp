#include "translation/DoNotTranslateList.h"

#include <QFile>
#include <algorithm>

namespace medtranslate::relay {

namespace {

bool isLatinWordChar(QChar c)
{
    const char16_t u = c.unicode();
    return c.isDigit() ||
           ((c.isLetter() || c.isMark()) && (u < 0x0370 || (u >= 0x1E00 && u <= 0x1EFF)));
}

} // namespace

bool DoNotTranslateList::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read '%1'").arg(path);
        return false;
    }
    Kind kind = Kind::Medicine;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString term = QString::fromUtf8(line).trimmed();
        if (term == QLatin1String("[names]"))
            kind = Kind::Name;
        else if (term == QLatin1String("[medicines]"))
            kind = Kind::Medicine;
        else if (!term.isEmpty() && !term.startsWith(QLatin1Char('#')))
            add(term, kind);
    }
    return true;
}

void DoNotTranslateList::add(const QString &term, Kind kind)
{
    const QString composed = term.normalized(QString::NormalizationForm_C);
    if (composed.isEmpty() || m_terms.contains(composed, Qt::CaseInsensitive))
        return;
    // Longest first, the order kept among names of one length.
    qsizetype at = 0;
    while (at < m_terms.size() && m_terms.at(at).size() >= composed.size())
        ++at;
    m_terms.insert(at, composed);
    m_kinds.insert(m_kinds.begin() + at, kind);
    m_byFirstChar.clear();
    for (int i = 0; i < int(m_terms.size()); ++i)
        m_byFirstChar[m_terms.at(i).front().toCaseFolded().unicode()].push_back(i);
}

void DoNotTranslateList::protect(MaskedText &masked) const
{
    const QString &text = masked.text;
    // Every place a listed name occurs (any case), found in one pass over the text...
    std::vector<std::pair<int, qsizetype>> found; // (term, position)
    for (qsizetype at = 0; at < text.size(); ++at) {
        const auto it = m_byFirstChar.constFind(text.at(at).toCaseFolded().unicode());
        if (it == m_byFirstChar.constEnd())
            continue;
        for (const int term : *it) {
            const QString &name = m_terms.at(term);
            if (at + name.size() <= text.size() &&
                QStringView(text).mid(at, name.size()).compare(name, Qt::CaseInsensitive) == 0)
                found.emplace_back(term, at);
        }
    }
    // ... then taken longest name first, left to right, never overlapping.
    std::sort(found.begin(), found.end());
    std::vector<MaskedText::Span> spans;
    std::vector<bool> taken(size_t(text.size()), false);
    for (const auto &[term, at] : found) {
        const QString &name = m_terms.at(term);
        const qsizetype end = at + name.size();
        if (isLatinWordChar(name.front()) && at > 0 && isLatinWordChar(text.at(at - 1)))
            continue;
        if (isLatinWordChar(name.back()) && end < text.size() && isLatinWordChar(text.at(end)))
            continue;
        bool free = true;
        for (qsizetype i = at; i < end; ++i)
            free = free && !taken[size_t(i)];
        // Never inside a token that already hides personal data.
        const qsizetype open = text.lastIndexOf(QStringLiteral("⟦"), at);
        if (open >= 0 && text.indexOf(QStringLiteral("⟧"), open) >= at)
            free = false;
        if (!free)
            continue;
        for (qsizetype i = at; i < end; ++i)
            taken[size_t(i)] = true;
        spans.push_back(MaskedText::Span{
            int(at), int(name.size()),
            m_kinds[size_t(term)] == Kind::Medicine ? QLatin1Char('M') : QLatin1Char('T')});
    }
    masked.mask(std::move(spans), QLatin1Char('T'));
}

} // namespace medtranslate::relay
