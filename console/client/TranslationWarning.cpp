#include "client/TranslationWarning.h"

namespace medtranslate::console {

TranslationWarning TranslationWarning::parse(const QString &wire)
{
    TranslationWarning warning;
    warning.raw = wire;
    const qsizetype colon = wire.indexOf(QLatin1Char(':'));
    const QString name = colon < 0 ? wire : wire.left(colon);
    warning.term = colon < 0 ? QString() : wire.mid(colon + 1);
    if (name == QLatin1String("number_mismatch"))
        warning.kind = Kind::NumberMismatch;
    else if (name == QLatin1String("glossary_missing"))
        warning.kind = Kind::GlossaryMissing;
    else if (name == QLatin1String("dnt_missing"))
        warning.kind = Kind::DoNotTranslate;
    else if (name == QLatin1String("deadline_exceeded"))
        warning.kind = Kind::DeadlineExceeded;
    else if (name == QLatin1String("unit_mismatch"))
        warning.kind = Kind::UnitMismatch;
    else if (name == QLatin1String("placeholder_missing"))
        warning.kind = Kind::PlaceholderMissing;
    else if (name == QLatin1String("no_vetted_translation") ||
             name == QLatin1String("providers_failed"))
        warning.kind = Kind::NoTranslation;
    return warning;
}

std::vector<TranslationWarning> TranslationWarning::parseAll(const std::vector<std::string> &wire)
{
    std::vector<TranslationWarning> warnings;
    warnings.reserve(wire.size());
    for (const auto &w : wire)
        warnings.push_back(parse(QString::fromStdString(w)));
    return warnings;
}

std::vector<TranslationWarning> TranslationWarning::parseAll(const QStringList &wire)
{
    std::vector<TranslationWarning> warnings;
    warnings.reserve(wire.size());
    for (const auto &w : wire)
        warnings.push_back(parse(w));
    return warnings;
}

bool TranslationWarning::needsConfirmation() const
{
    // Unknown kinds count too: a warning the console cannot explain is still a warning.
    // Reasons for "not translated" are shown with that status; they are not about the content.
    return kind != Kind::DeadlineExceeded && kind != Kind::NoTranslation;
}

bool TranslationWarning::anyNeedsConfirmation(const std::vector<TranslationWarning> &warnings)
{
    for (const auto &w : warnings) {
        if (w.needsConfirmation())
            return true;
    }
    return false;
}

} // namespace medtranslate::console
