#include "translation/GlossaryMatcher.h"

#include <QSet>
#include <algorithm>

namespace medtranslate::relay {

namespace {

bool isHangul(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0x1100 && u <= 0x11FF) ||
           (u >= 0x3130 && u <= 0x318F);
}
bool isHan(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) ||
           (u >= 0xF900 && u <= 0xFAFF);
}
bool isKana(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3040 && u <= 0x30FF) || (u >= 0x31F0 && u <= 0x31FF);
}
bool isThai(QChar c)
{
    return c.unicode() >= 0x0E00 && c.unicode() <= 0x0E7F;
}
//! Letters and digits that glue a Latin word together (Vietnamese letters included).
bool isLatinWordChar(QChar c)
{
    if (c.isDigit())
        return true;
    if (!c.isLetter() && !c.isMark())
        return false;
    const char16_t u = c.unicode();
    return u < 0x0370 || (u >= 0x1E00 && u <= 0x1EFF);
}

int hangulSyllables(const QString &term)
{
    int n = 0;
    for (const QChar c : term)
        n += (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) ? 1 : 0;
    return n;
}

// Particles and endings that follow a Korean noun inside the same word, longest first.
const QStringList &particles()
{
    static const QStringList list = [] {
        QStringList l = {
            QStringLiteral("에서부터"), QStringLiteral("에게서"), QStringLiteral("으로는"),
            QStringLiteral("으로도"),   QStringLiteral("에서는"), QStringLiteral("에서도"),
            QStringLiteral("이라도"),   QStringLiteral("에서"),   QStringLiteral("에게"),
            QStringLiteral("께서"),     QStringLiteral("한테"),   QStringLiteral("으로"),
            QStringLiteral("부터"),     QStringLiteral("까지"),   QStringLiteral("이나"),
            QStringLiteral("이랑"),     QStringLiteral("하고"),   QStringLiteral("보다"),
            QStringLiteral("처럼"),     QStringLiteral("만큼"),   QStringLiteral("밖에"),
            QStringLiteral("이요"),     QStringLiteral("이"),     QStringLiteral("가"),
            QStringLiteral("을"),       QStringLiteral("를"),     QStringLiteral("은"),
            QStringLiteral("는"),       QStringLiteral("에"),     QStringLiteral("로"),
            QStringLiteral("와"),       QStringLiteral("과"),     QStringLiteral("도"),
            QStringLiteral("만"),       QStringLiteral("의"),     QStringLiteral("께"),
            QStringLiteral("나"),       QStringLiteral("랑"),     QStringLiteral("씩"),
            QStringLiteral("쯤"),       QStringLiteral("요"),
        };
        std::stable_sort(l.begin(), l.end(),
                         [](const QString &a, const QString &b) { return a.size() > b.size(); });
        return l;
    }();
    return list;
}

// Whether `rest` is one to four particles, e.g. 에서 + 도 + 요. "에요" is not: 중이에요 is
// "is in the middle of", not "middle ear" + particle.
bool isParticles(QStringView rest, const QString &previous = {}, int depth = 0)
{
    if (rest.isEmpty())
        return depth > 0;
    if (depth >= 4)
        return false;
    for (const QString &p : particles()) {
        if (!rest.startsWith(p))
            continue;
        if (p == u"요" && (depth == 0 || previous == u"에"))
            continue;
        if (isParticles(rest.mid(p.size()), p, depth + 1))
            return true;
    }
    return false;
}

// The copula and its common endings after a noun: 두통이에요, 눈입니다, 코피였어요.
bool startsWithCopula(QStringView rest)
{
    static const QStringList copulas = {
        QStringLiteral("이에요"), QStringLiteral("이예요"), QStringLiteral("예요"),
        QStringLiteral("입니다"), QStringLiteral("입니까"), QStringLiteral("이었"),
        QStringLiteral("였"),     QStringLiteral("이고"),   QStringLiteral("인데"),
        QStringLiteral("이라"),   QStringLiteral("이야"),   QStringLiteral("이지"),
        QStringLiteral("이죠"),   QStringLiteral("이다"),   QStringLiteral("이네"),
        QStringLiteral("인가"),   QStringLiteral("인지"),   QStringLiteral("일까"),
    };
    for (const QString &c : copulas) {
        if (rest.startsWith(c))
            return true;
    }
    return false;
}

// A noun of two or more syllables turned into a verb: 기침해요, 설사했어요, 입원시키다.
bool startsWithVerbSuffix(QStringView rest)
{
    static const QStringList suffixes = {
        QStringLiteral("시키"), QStringLiteral("하"), QStringLiteral("해"), QStringLiteral("했"),
        QStringLiteral("합"),   QStringLiteral("한"), QStringLiteral("할"), QStringLiteral("함"),
        QStringLiteral("되"),   QStringLiteral("돼"), QStringLiteral("됐"), QStringLiteral("된"),
        QStringLiteral("될"),   QStringLiteral("됨"), QStringLiteral("됩"),
    };
    for (const QString &s : suffixes) {
        if (rest.startsWith(s))
            return true;
    }
    return false;
}

// One-syllable suffixes that make a compound of the same meaning: 두통약, 피로감, 수술후.
bool isNounSuffix(QChar c)
{
    static const QString suffixes =
        QStringLiteral("감약제증성통과실기쪽부상액량형균염병선술후전중시때");
    return suffixes.contains(c);
}

// One-syllable terms that, standing alone, usually mean something else:
// 등 "etc.", 위 "above", 간 "went", 질 "quality", 옴 "comes", 혹 "perhaps", 키 "key".
const QSet<QString> &bareAmbiguous()
{
    static const QSet<QString> set = {
        QStringLiteral("등"), QStringLiteral("위"), QStringLiteral("간"), QStringLiteral("질"),
        QStringLiteral("옴"), QStringLiteral("혹"), QStringLiteral("키")};
    return set;
}

// Particles after which a one-syllable term takes its other sense: 위에 "on top", 간이 "simple",
// 질이 "quality", 등에서 "in ... etc.".
bool particleChangesSense(const QString &term, QStringView rest)
{
    static const QHash<QString, QStringList> table = {
        {QStringLiteral("위"),
         {QStringLiteral("에"), QStringLiteral("로"), QStringLiteral("으로"),
          QStringLiteral("의")}},
        {QStringLiteral("간"),
         {QStringLiteral("이"), QStringLiteral("에"), QStringLiteral("의"), QStringLiteral("을")}},
        {QStringLiteral("질"),
         {QStringLiteral("이"), QStringLiteral("은"), QStringLiteral("을"), QStringLiteral("의"),
          QStringLiteral("도")}},
        {QStringLiteral("등"),
         {QStringLiteral("에서"), QStringLiteral("의"), QStringLiteral("과"),
          QStringLiteral("이나")}},
    };
    const auto it = table.constFind(term);
    if (it == table.constEnd())
        return false;
    for (const QString &p : *it) {
        if (rest.startsWith(p))
            return true;
    }
    return false;
}

bool isKoreanNumeral(QStringView word)
{
    static const QSet<QString> numerals = {
        QStringLiteral("한"),   QStringLiteral("두"),   QStringLiteral("세"),
        QStringLiteral("네"),   QStringLiteral("다섯"), QStringLiteral("여섯"),
        QStringLiteral("일곱"), QStringLiteral("여덟"), QStringLiteral("아홉"),
        QStringLiteral("열"),   QStringLiteral("몇"),   QStringLiteral("일"),
        QStringLiteral("이"),   QStringLiteral("삼"),   QStringLiteral("사"),
        QStringLiteral("오"),   QStringLiteral("육"),   QStringLiteral("칠"),
        QStringLiteral("팔"),   QStringLiteral("구"),   QStringLiteral("십"),
        QStringLiteral("백"),
    };
    if (word.isEmpty())
        return false;
    bool digits = true;
    for (const QChar c : word)
        digits = digits && c.isDigit();
    return digits || numerals.contains(word.toString());
}

// "두 배", "약 3일": a lone one-syllable word next to a number is a counter or "about".
bool besideNumeral(const QString &text, int start, int end)
{
    int wordEnd = start - 1; // the space before the term
    if (wordEnd > 0 && text.at(wordEnd) == QLatin1Char(' ')) {
        int wordStart = wordEnd;
        while (wordStart > 0 && text.at(wordStart - 1) != QLatin1Char(' '))
            --wordStart;
        if (isKoreanNumeral(QStringView(text).mid(wordStart, wordEnd - wordStart)))
            return true;
    }
    return end + 1 < text.size() && text.at(end) == QLatin1Char(' ') && text.at(end + 1).isDigit();
}

quint32 pairKey(QChar first, QChar second)
{
    return (quint32(first.unicode()) << 16) | second.unicode();
}

enum class Edge { Hangul, Latin, Han, Kana, Thai, Other };

Edge edgeOf(QChar c)
{
    if (isHangul(c))
        return Edge::Hangul;
    if (isHan(c))
        return Edge::Han;
    if (isKana(c))
        return Edge::Kana;
    if (isThai(c))
        return Edge::Thai;
    if (isLatinWordChar(c))
        return Edge::Latin;
    return Edge::Other;
}

} // namespace

QString GlossaryMatcher::normalize(const QString &text)
{
    QString out = text.normalized(QString::NormalizationForm_C).toLower();
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u == '-' || u == 0x2010 || u == 0x2011 || u == 0x2013 || u == 0x2212)
            c = QLatin1Char(' ');
    }
    return out.simplified();
}

GlossaryMatcher::GlossaryMatcher(const Glossary &glossary) : m_glossary(glossary)
{
    const auto &entries = glossary.entries();
    for (const GlossaryEntry &entry : entries) {
        for (auto it = entry.alternatives.constBegin(); it != entry.alternatives.constEnd(); ++it)
            m_alternatives[it.key() + u'\t' + entry.terms.value(it.key())] << it.value();
    }
    for (int i = 0; i < int(entries.size()); ++i) {
        for (auto it = entries[size_t(i)].terms.constBegin();
             it != entries[size_t(i)].terms.constEnd(); ++it) {
            const QString term = normalize(it.value());
            if (term.isEmpty())
                continue;
            LanguageIndex &index = m_index[it.key()];
            if (index.whole.contains(term))
                continue; // the first row with a term wins, as in the phrase book
            index.whole.insert(term, i);
            Term entry{term, i, hangulSyllables(term)};
            if (term.size() == 1)
                index.singles[term.front()].push_back(std::move(entry));
            else
                index.byFirstTwo[pairKey(term.at(0), term.at(1))].push_back(std::move(entry));
        }
    }
    for (auto &index : m_index) {
        for (auto &terms : index.byFirstTwo)
            std::stable_sort(terms.begin(), terms.end(), [](const Term &a, const Term &b) {
                return a.text.size() > b.text.size();
            });
    }
}

const std::vector<GlossaryMatcher::Term> *GlossaryMatcher::termsAt(const LanguageIndex &index,
                                                                   const QString &text, int pos)
{
    if (pos + 1 >= text.size())
        return nullptr;
    const auto it = index.byFirstTwo.constFind(pairKey(text.at(pos), text.at(pos + 1)));
    return it == index.byFirstTwo.constEnd() ? nullptr : &*it;
}

bool GlossaryMatcher::startsWithKoreanTerm(const QString &text, int pos,
                                           const LanguageIndex &index) const
{
    const std::vector<Term> *terms = termsAt(index, text, pos);
    if (!terms)
        return false;
    for (const Term &term : *terms) {
        if (term.syllables >= 2 && QStringView(text).mid(pos).startsWith(term.text))
            return true;
    }
    return false;
}

bool GlossaryMatcher::koreanRightEdgeOk(const QString &text, int end, const Term &term,
                                        const LanguageIndex &index) const
{
    if (term.syllables >= 3)
        return true; // long terms are specific enough to match inside compounds
    int restEnd = end;
    while (restEnd < text.size() && isHangul(text.at(restEnd)))
        ++restEnd;
    const QStringView rest = QStringView(text).mid(end, restEnd - end);
    const bool oneSyllable = term.syllables == 1 && term.text.size() == 1;
    if (rest.isEmpty()) {
        if (!oneSyllable)
            return true;
        const int start = end - int(term.text.size());
        return !bareAmbiguous().contains(term.text) && !besideNumeral(text, start, end);
    }
    if (isParticles(rest) || startsWithCopula(rest))
        return !(oneSyllable && particleChangesSense(term.text, rest));
    if (oneSyllable)
        return false; // 발목, 눈물, 약해요: another word, not this term
    if (startsWithVerbSuffix(rest))
        return true;
    if (isNounSuffix(rest.front())) {
        const QStringView after = rest.mid(1);
        if (after.isEmpty() || isParticles(after) || startsWithCopula(after))
            return true;
    }
    return startsWithKoreanTerm(text, end, index); // a compound of two terms: 복부초음파
}

void GlossaryMatcher::collect(const QString &text, int pos, const QString &lang,
                              const LanguageIndex &index, std::vector<Candidate> &out) const
{
    const std::vector<Term> *longer = termsAt(index, text, pos);
    const auto single = index.singles.constFind(text.at(pos));
    const std::vector<Term> *singles = single == index.singles.constEnd() ? nullptr : &*single;
    if (!longer && !singles)
        return;
    const QChar before = pos > 0 ? text.at(pos - 1) : QChar(u' ');
    // Longest first, as the candidates' order breaks ties: longer terms, then one-character ones.
    for (const std::vector<Term> *bucket : {longer, singles}) {
        if (!bucket)
            continue;
        for (const Term &term : *bucket) {
            const int length = int(term.text.size());
            if (pos + length > text.size() || QStringView(text).mid(pos, length) != term.text)
                continue;
            const int end = pos + length;
            const QChar after = end < text.size() ? text.at(end) : QChar(u' ');
            const Edge first = edgeOf(term.text.front());
            const Edge last = edgeOf(term.text.back());
            Candidate candidate{pos, length, term.entry, false};

            // Left edge.
            if (first == Edge::Hangul) {
                if (isHangul(before) && term.syllables < 3)
                    candidate.needsPredecessor = true;
            } else if (first == Edge::Latin || first == Edge::Other) {
                if (isLatinWordChar(before))
                    continue;
            } else if (first == Edge::Han && lang == QLatin1String("ja") && length == 1) {
                if (isHan(before))
                    continue; // 手 in 手続き, 目 in 二日目
            } else if (first == Edge::Thai && length <= 3) {
                if (isThai(before))
                    continue; // ยา in พยาบาล
            }

            // Right edge.
            if (last == Edge::Hangul) {
                if (!koreanRightEdgeOk(text, end, term, index))
                    continue;
            } else if (last == Edge::Latin || last == Edge::Other) {
                if (isLatinWordChar(after)) {
                    // English plurals: headaches, rashes.
                    bool plural = false;
                    if (lang == QLatin1String("en") && term.text.back().isLetter()) {
                        for (const QLatin1String suffix :
                             {QLatin1String("s"), QLatin1String("es")}) {
                            const int suffixEnd = end + int(suffix.size());
                            if (QStringView(text).mid(end).startsWith(suffix) &&
                                (suffixEnd >= text.size() ||
                                 !isLatinWordChar(text.at(suffixEnd)))) {
                                candidate.length += int(suffix.size());
                                plural = true;
                                break;
                            }
                        }
                    }
                    if (!plural)
                        continue;
                }
            } else if (last == Edge::Han && lang == QLatin1String("ja") && length == 1) {
                if (isHan(after))
                    continue;
            } else if (last == Edge::Thai && length <= 3) {
                if (isThai(after))
                    continue;
            }
            out.push_back(candidate);
        }
    }
    // English words ending in y: injury → injuries.
    if (lang == QLatin1String("en") && longer) {
        for (const Term &term : *longer) {
            if (term.text.size() < 3 || term.text.back() != QLatin1Char('y'))
                continue;
            const QString plural = term.text.chopped(1) + QStringLiteral("ies");
            const int end = pos + int(plural.size());
            if (QStringView(text).mid(pos).startsWith(plural) && !isLatinWordChar(before) &&
                (end >= text.size() || !isLatinWordChar(text.at(end))))
                out.push_back(Candidate{pos, int(plural.size()), term.entry, false});
        }
    }
}

std::vector<GlossaryMatch> GlossaryMatcher::find(const QString &rawText, const QString &lang) const
{
    std::vector<GlossaryMatch> accepted;
    const auto index = m_index.constFind(lang);
    if (index == m_index.constEnd())
        return accepted;
    const QString text = normalize(rawText);
    std::vector<Candidate> candidates;
    for (int pos = 0; pos < text.size(); ++pos)
        collect(text, pos, lang, *index, candidates);

    std::vector<bool> covered(size_t(text.size()) + 1, false);
    std::vector<bool> koreanEnd(size_t(text.size()) + 1, false); // a Korean term ends here
    auto overlaps = [&covered](const Candidate &c) {
        for (int i = c.start; i < c.start + c.length; ++i) {
            if (covered[size_t(i)])
                return true;
        }
        return false;
    };
    auto accept = [&](const Candidate &c) {
        for (int i = c.start; i < c.start + c.length; ++i)
            covered[size_t(i)] = true;
        if (isHangul(text.at(c.start + c.length - 1)))
            koreanEnd[size_t(c.start + c.length)] = true;
        accepted.push_back(GlossaryMatch{c.entry, c.start, c.length});
    };
    // Longest first over the whole text, then short Korean terms that continue a compound.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         return a.length != b.length ? a.length > b.length : a.start < b.start;
                     });
    for (const Candidate &c : candidates) {
        if (!c.needsPredecessor && !overlaps(c))
            accept(c);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         return a.start != b.start ? a.start < b.start : a.length > b.length;
                     });
    for (const Candidate &c : candidates) {
        if (c.needsPredecessor && koreanEnd[size_t(c.start)] && !overlaps(c))
            accept(c);
    }
    std::sort(accepted.begin(), accepted.end(),
              [](const GlossaryMatch &a, const GlossaryMatch &b) { return a.start < b.start; });
    return accepted;
}

std::vector<protocol::GlossaryHit> GlossaryMatcher::hits(const QString &text,
                                                         const QString &sourceLang,
                                                         const QString &targetLang) const
{
    std::vector<protocol::GlossaryHit> out;
    QSet<int> seen;
    for (const GlossaryMatch &match : find(text, sourceLang)) {
        if (seen.contains(match.entry))
            continue;
        seen.insert(match.entry);
        const GlossaryEntry &entry = m_glossary.entries()[size_t(match.entry)];
        const QString target = entry.terms.value(targetLang);
        if (target.isEmpty())
            continue;
        out.push_back(protocol::GlossaryHit{entry.terms.value(sourceLang).toStdString(),
                                            target.toStdString()});
    }
    return out;
}

std::optional<int> GlossaryMatcher::wholeTerm(const QString &text, const QString &lang) const
{
    const auto index = m_index.constFind(lang);
    if (index == m_index.constEnd())
        return std::nullopt;
    QString key = normalize(text);
    static const QString endPunctuation = QStringLiteral(".?!。？！…~·,，、 ");
    while (!key.isEmpty() && endPunctuation.contains(key.back()))
        key.chop(1);
    const auto it = index->whole.constFind(key);
    if (it == index->whole.constEnd())
        return std::nullopt;
    return *it;
}

bool GlossaryMatcher::translated(const QString &translation, const protocol::GlossaryHit &hit,
                                 const QString &targetLang) const
{
    const QString target = QString::fromStdString(hit.target);
    if (contains(translation, target))
        return true;
    const QStringList others = m_alternatives.value(targetLang + u'\t' + target);
    return std::any_of(others.begin(), others.end(),
                       [&](const QString &other) { return contains(translation, other); });
}

bool GlossaryMatcher::contains(const QString &translation, const QString &term)
{
    const QString needle = normalize(term);
    return !needle.isEmpty() && normalize(translation).contains(needle);
}

} // namespace medtranslate::relay
