#include "translation/LanguageDetector.h"

#include "medtranslate/Language.h"

#include <QRegularExpression>
#include <QSet>

namespace medtranslate::relay {

namespace {

bool isVietnameseOnly(char32_t c)
{
    switch (c) {
    case 0x0103:
    case 0x0102: // ă Ă
    case 0x0111:
    case 0x0110: // đ Đ
    case 0x01A1:
    case 0x01A0: // ơ Ơ
    case 0x01B0:
    case 0x01AF: // ư Ư
    case 0x0129:
    case 0x0128: // ĩ Ĩ
    case 0x0169:
    case 0x0168: // ũ Ũ
        return true;
    default:
        // Latin Extended Additional from Ạ to ỹ is the Vietnamese tone-mark block.
        return c >= 0x1EA0 && c <= 0x1EF9;
    }
}

//! Accents French or Spanish also use; with them Vietnamese is likely but not certain.
bool isSharedAccent(char32_t c)
{
    static const QString shared = QStringLiteral("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ");
    return c < 0x10000 && shared.contains(QChar(char16_t(c)));
}

// Unaccented chat Vietnamese ("toi bi dau dau") against English, by frequent words.
int wordScore(const QStringList &words, const QSet<QString> &frequent)
{
    int score = 0;
    for (const QString &word : words)
        score += frequent.contains(word) ? 1 : 0;
    return score;
}

QString latinLanguage(const QString &text, const QString &declared)
{
    int specific = 0;
    int shared = 0;
    for (const char32_t c : text.toUcs4()) {
        if (isVietnameseOnly(c))
            ++specific;
        else if (isSharedAccent(c))
            ++shared;
    }
    if (specific > 0)
        return QStringLiteral("vi");
    if (shared > 0 && declared == QLatin1String("vi"))
        return QStringLiteral("vi");
    static const QSet<QString> english = {
        QStringLiteral("i"),      QStringLiteral("my"),    QStringLiteral("the"),
        QStringLiteral("is"),     QStringLiteral("am"),    QStringLiteral("are"),
        QStringLiteral("have"),   QStringLiteral("has"),   QStringLiteral("it"),
        QStringLiteral("and"),    QStringLiteral("to"),    QStringLiteral("of"),
        QStringLiteral("in"),     QStringLiteral("pain"),  QStringLiteral("please"),
        QStringLiteral("what"),   QStringLiteral("when"),  QStringLiteral("where"),
        QStringLiteral("how"),    QStringLiteral("do"),    QStringLiteral("can"),
        QStringLiteral("you"),    QStringLiteral("me"),    QStringLiteral("this"),
        QStringLiteral("that"),   QStringLiteral("with"),  QStringLiteral("for"),
        QStringLiteral("not"),    QStringLiteral("yes"),   QStringLiteral("hurts"),
        QStringLiteral("doctor"), QStringLiteral("hello"), QStringLiteral("thank"),
        QStringLiteral("i'm"),    QStringLiteral("since"), QStringLiteral("hospital"),
    };
    static const QSet<QString> vietnamese = {
        QStringLiteral("toi"),   QStringLiteral("bi"),    QStringLiteral("dau"),
        QStringLiteral("khong"), QStringLiteral("co"),    QStringLiteral("la"),
        QStringLiteral("cua"),   QStringLiteral("va"),    QStringLiteral("mot"),
        QStringLiteral("nay"),   QStringLiteral("duoc"),  QStringLiteral("benh"),
        QStringLiteral("vien"),  QStringLiteral("bac"),   QStringLiteral("si"),
        QStringLiteral("thuoc"), QStringLiteral("em"),    QStringLiteral("chi"),
        QStringLiteral("oi"),    QStringLiteral("ban"),   QStringLiteral("cho"),
        QStringLiteral("xin"),   QStringLiteral("chao"),  QStringLiteral("cam"),
        QStringLiteral("on"),    QStringLiteral("bung"),  QStringLiteral("sot"),
        QStringLiteral("ngay"),  QStringLiteral("hom"),   QStringLiteral("qua"),
        QStringLiteral("rat"),   QStringLiteral("nhieu"), QStringLiteral("minh"),
    };
    // Split once for both languages: this runs on every message.
    static const QRegularExpression splitter(QStringLiteral("[^a-z']+"));
    const QStringList words = text.toLower().split(splitter, Qt::SkipEmptyParts);
    const int en = wordScore(words, english);
    const int vi = wordScore(words, vietnamese);
    if (vi > en && vi >= 2)
        return QStringLiteral("vi");
    if (en > vi)
        return QStringLiteral("en");
    return declared == QLatin1String("vi") ? QStringLiteral("vi") : QStringLiteral("en");
}

} // namespace

bool LanguageDetector::hasVietnameseLetters(const QString &text)
{
    for (const char32_t c : text.normalized(QString::NormalizationForm_C).toUcs4()) {
        if (isVietnameseOnly(c))
            return true;
    }
    return false;
}

bool LanguageDetector::fitsScript(const QString &text, const QString &lang)
{
    static const QRegularExpression token(QStringLiteral("⟦[^⟧]{0,12}⟧"));
    QString letters = text;
    letters.remove(token);
    const Script script = detectScript(letters.toStdString());
    switch (script) {
    case Script::Unknown:
        return true;
    case Script::Hangul:
        return lang == QLatin1String("ko");
    case Script::Kana:
        return lang == QLatin1String("ja");
    case Script::Han:
        return lang == QLatin1String("zh") || lang == QLatin1String("ja");
    case Script::Thai:
        return lang == QLatin1String("th");
    case Script::Latin:
        return lang == QLatin1String("en") || lang == QLatin1String("vi");
    }
    return true;
}

QString LanguageDetector::detect(const QString &text, const QString &declared)
{
    const QString composed = text.normalized(QString::NormalizationForm_C);
    const Script script = detectScript(composed.toStdString());
    if (script == Script::Latin)
        return latinLanguage(composed, declared);
    const auto code = languageForScript(script, declared.toStdString());
    return QString::fromUtf8(code.data(), qsizetype(code.size()));
}

bool LanguageDetector::fitsLanguage(const QString &text, const QString &lang)
{
    if (!fitsScript(text, lang))
        return false;
    static const QRegularExpression token(QStringLiteral("⟦[^⟧]{0,12}⟧"));
    QString letters = text.normalized(QString::NormalizationForm_C);
    letters.remove(token);
    if (lang == QLatin1String("ja") || lang == QLatin1String("zh")) {
        int kana = 0;
        int han = 0;
        for (const char32_t c : letters.toUcs4()) {
            const Script script = detectScript(QString::fromUcs4(&c, 1).toStdString());
            kana += script == Script::Kana ? 1 : 0;
            han += script == Script::Han ? 1 : 0;
        }
        // A Japanese sentence without a single kana is Chinese; a short term may be kanji only.
        if (lang == QLatin1String("ja"))
            return kana > 0 || han < 6;
        return kana < 2;
    }
    if (lang != QLatin1String("en") && lang != QLatin1String("vi"))
        return true;
    static const QRegularExpression word(QStringLiteral("[\\p{L}']+"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    int words = 0;
    int accented = 0;
    bool vietnamese = false;
    for (auto it = word.globalMatch(letters); it.hasNext();) {
        const QString w = it.next().captured();
        if (detectScript(w.toStdString()) != Script::Latin)
            continue;
        ++words;
        bool marked = false;
        for (const char32_t c : w.toUcs4()) {
            const bool only = isVietnameseOnly(c);
            vietnamese = vietnamese || only;
            marked = marked || only || isSharedAccent(c);
        }
        accented += marked ? 1 : 0;
    }
    // Vietnamese as a model writes it marks most words (Phí khám là: accents French shares);
    // an English sentence may carry a Vietnamese name or a café, but then such words are few.
    if (lang == QLatin1String("vi"))
        return words < 4 || accented > 0;
    return !(accented * 2 > words && (vietnamese || accented >= 3));
}

} // namespace medtranslate::relay
