#include "translation/AnswerScreen.h"

#include <QRegularExpression>

namespace medtranslate::relay {

namespace {

using RE = QRegularExpression;

//! A provider declining, in any of our languages.
const RE &refusal()
{
    static const RE pattern(
        QStringLiteral(
            "i(?:'m| am) sorry,? (?:but )?i (?:can(?:'|no)t|am unable|won't)|i (?:can(?:'|no)t|am "
            "unable to|'m unable to) (?:translate|help|assist|provide|comply)|as an ai|language "
            "model|i (?:must|have to) decline|"
            "번역(?:해\\s*드릴|할|하는 것은|을 "
            "도와\\s*드릴)\\s*수\\s*없|도와\\s*드릴\\s*수\\s*없|AI "
            "언어\\s*모델|"
            "翻訳(?:することは)?できません|お手伝いできません|AI(?:アシスタント|言語モデル)として|"
            "无法(?:翻译|提供|协助|帮助)|不能(?:翻译|提供)|作为(?:一个)?(?:AI|人工智能)|"
            "ไม่สามารถ(?:แปล|ช่วย)|"
            "không thể (?:dịch|giúp|hỗ trợ)|là một (?:AI|mô hình ngôn ngữ)"),
        RE::CaseInsensitiveOption | RE::UseUnicodePropertiesOption);
    return pattern;
}

//! Words a provider puts before the translation, or a note it adds on a line of its own.
const RE &preamble()
{
    static const RE pattern(
        QStringLiteral(
            "^\\s*(?:here(?:'s| is) (?:the|your|my) "
            "translation|(?:the )?translation(?: into \\w+)?\\s*[:：]|translated(?: "
            "text)?\\s*[:：]|"
            "번역\\s*(?:결과|문)?\\s*[:：]|다음은 .{0,20}번역|번역해\\s*드리겠습니다|"
            "翻訳(?:文|結果)?\\s*[:：]|以下は.{0,20}翻訳|"
            "(?:翻译|译文)(?:结果)?\\s*[:：]|以下是.{0,20}翻译|"
            "คำแปล\\s*[:：]|แปลว่า\\s*[:：]?|"
            "(?:bản )?dịch\\s*[:：]|đây là bản dịch)|"
            "(?:^|\\n)\\s*[(（]?(?:note|notes|explanation|caution|warning|important|참고|설명|"
            "주의|경고|중요|注|注意|注释|説明|重要|警告|หมายเหตุ|คำเตือน|ghi chú|lưu ý|chú ý|cảnh "
            "báo|quan trọng)\\s*[:：]"),
        RE::CaseInsensitiveOption | RE::UseUnicodePropertiesOption);
    return pattern;
}

//! Characters without the ⟦P1⟧ tokens and spaces, which say nothing about length.
double letters(const QString &text)
{
    static const RE token(QStringLiteral("⟦[^⟧]{0,12}⟧|\\s+"));
    QString rest = text;
    rest.remove(token);
    return double(rest.size());
}

} // namespace

double AnswerScreen::density(const QString &lang)
{
    // Median characters per English character over the vetted phrases.
    if (lang == u"ko")
        return 0.44;
    if (lang == u"ja")
        return 0.41;
    if (lang == u"zh")
        return 0.28;
    if (lang == u"th")
        return 0.77;
    return 1.0;
}

QString AnswerScreen::problem(const QString &source, const QString &answer,
                              const QString &sourceLang, const QString &targetLang)
{
    const QString composed = answer.normalized(QString::NormalizationForm_C);
    const QString original = source.normalized(QString::NormalizationForm_C);
    if (const auto m = refusal().match(composed);
        m.hasMatch() && !refusal().match(original).hasMatch())
        return QStringLiteral("answer is a refusal");
    if (const auto m = preamble().match(composed);
        m.hasMatch() && !preamble().match(original).hasMatch())
        return QStringLiteral("answer has a preamble or a note");
    // In English characters: 3 times its source and 40 more is an explanation, not a translation.
    const double from = letters(original) / density(sourceLang);
    const double to = letters(composed) / density(targetLang);
    if (to > 3.0 * from && to - from > 40.0)
        return QStringLiteral("answer is %1 times as long as its source").arg(to / from, 0, 'f', 1);
    return {};
}

} // namespace medtranslate::relay
