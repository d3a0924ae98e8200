#include "client/TranslationWarning.h"

namespace medtranslate::console {

TranslationWarning TranslationWarning::from(const protocol::TranslationWarning &wire)
{
    using Wire = protocol::TranslationWarning::Kind;
    TranslationWarning warning;
    warning.raw = QString::fromStdString(wire.legacy());
    warning.source = QString::fromStdString(wire.source);
    warning.translation = QString::fromStdString(wire.translation);
    warning.expected = QString::fromStdString(wire.expected);
    switch (wire.kind) {
    case Wire::NumberMismatch:
        warning.kind = Kind::NumberMismatch;
        break;
    case Wire::UnitMismatch:
        warning.kind = Kind::UnitMismatch;
        break;
    case Wire::GlossaryMissing:
        warning.kind = Kind::GlossaryMissing;
        warning.term = warning.source;
        break;
    case Wire::DntMissing:
        warning.kind = Kind::DoNotTranslate;
        warning.term = warning.source;
        break;
    case Wire::PlaceholderMissing:
        warning.kind = Kind::PlaceholderMissing;
        break;
    case Wire::DeadlineExceeded:
        warning.kind = Kind::DeadlineExceeded;
        break;
    case Wire::NoVettedTranslation:
    case Wire::ProvidersFailed:
    case Wire::Overloaded:
        warning.kind = Kind::NoTranslation;
        break;
    case Wire::TimeMismatch:
        warning.kind = Kind::TimeMismatch;
        break;
    case Wire::NegationMismatch:
        warning.kind = Kind::NegationMismatch;
        break;
    case Wire::UnclearTerm:
        warning.kind = Kind::UnclearTerm;
        warning.term = warning.source;
        break;
    case Wire::Other:
        warning.kind = Kind::Other;
        warning.term = warning.source;
        break;
    }
    return warning;
}

std::vector<TranslationWarning> TranslationWarning::of(const protocol::Translation &t)
{
    std::vector<TranslationWarning> warnings;
    for (const auto &w : t.typedWarnings())
        warnings.push_back(from(w));
    return warnings;
}

TranslationWarning TranslationWarning::parse(const QString &wire)
{
    TranslationWarning warning = from(protocol::TranslationWarning::fromLegacy(wire.toStdString()));
    warning.raw = wire;
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
