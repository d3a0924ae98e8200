#include "ui/TranslationBadges.h"

#include "client/TranslationWarning.h"

namespace medtranslate::console {

namespace {

using Badge = TranslationBadges::Badge;

const QColor kRed(0xc6, 0x28, 0x28);
const QColor kRedBg(0xfd, 0xe7, 0xe7);
const QColor kAmber(0x8a, 0x52, 0x00);
const QColor kAmberBg(0xff, 0xf1, 0xd6);
const QColor kGreen(0x1b, 0x6e, 0x3a);
const QColor kGreenBg(0xe2, 0xf4, 0xe8);
const QColor kGrey(0x55, 0x5b, 0x66);
const QColor kGreyBg(0xec, 0xee, 0xf1);
const QColor kBlue(0x1f, 0x4f, 0x99);
const QColor kBlueBg(0xe4, 0xed, 0xfb);

} // namespace

std::vector<Badge> TranslationBadges::forMessage(protocol::TranslationStatus status,
                                                 const std::vector<TranslationWarning> &warnings,
                                                 bool fromTemplate)
{
    std::vector<Badge> badges;
    using S = protocol::TranslationStatus;
    switch (status) {
    case S::Vetted:
        badges.push_back({fromTemplate ? tr("Vetted template") : tr("Vetted"), kGreenBg, kGreen});
        break;
    case S::Cached:
        badges.push_back({tr("Cached"), kGreyBg, kGrey});
        break;
    case S::Fallback:
        badges.push_back({tr("Fallback translator"), kAmberBg, kAmber, true});
        break;
    case S::Pending:
        badges.push_back({tr("Translating…"), kBlueBg, kBlue});
        break;
    case S::Unavailable:
        badges.push_back({tr("Not translated"), kRedBg, kRed, true});
        break;
    case S::Ok:
        break;
    }
    for (const auto &w : warnings) {
        using K = TranslationWarning::Kind;
        switch (w.kind) {
        case K::NumberMismatch:
            badges.push_back({tr("Check numbers"), kRedBg, kRed, true});
            break;
        case K::GlossaryMissing:
            badges.push_back({tr("Term missing: %1").arg(w.term), kRedBg, kRed, true});
            break;
        case K::DoNotTranslate:
            badges.push_back({tr("Name changed: %1").arg(w.term), kRedBg, kRed, true});
            break;
        case K::DeadlineExceeded:
            badges.push_back({tr("Translation timed out"), kAmberBg, kAmber, true});
            break;
        case K::UnitMismatch:
            badges.push_back({tr("Check units"), kRedBg, kRed, true});
            break;
        case K::PlaceholderMissing:
            badges.push_back({tr("Personal data changed"), kRedBg, kRed, true});
            break;
        case K::TimeMismatch:
            badges.push_back({tr("Check the time"), kRedBg, kRed, true});
            break;
        case K::NegationMismatch:
            badges.push_back({tr("Check \"not\""), kRedBg, kRed, true});
            break;
        case K::UnclearTerm:
            badges.push_back({tr("Unclear: %1").arg(w.term), kAmberBg, kAmber, true});
            break;
        case K::NoTranslation:
            break; // the "Not translated" badge says it; the reason is in the explanation
        case K::Other:
            badges.push_back({w.raw, kAmberBg, kAmber, true});
            break;
        }
    }
    return badges;
}

QStringList TranslationBadges::explainWarnings(const std::vector<TranslationWarning> &warnings)
{
    QStringList lines;
    for (const auto &w : warnings) {
        using K = TranslationWarning::Kind;
        switch (w.kind) {
        case K::NumberMismatch:
            if (!w.source.isEmpty() && !w.translation.isEmpty())
                lines << tr("The number %1 of the original is %2 in the translation.")
                             .arg(w.source, w.translation);
            else if (!w.source.isEmpty())
                lines << tr("The number %1 of the original is missing from the translation.")
                             .arg(w.source);
            else
                lines << tr("A number, dose, date or time is different in the translation.");
            break;
        case K::GlossaryMissing:
            if (!w.expected.isEmpty())
                lines << tr("The approved translation \"%2\" of the medical term \"%1\" is "
                            "missing.")
                             .arg(w.term, w.expected);
            else
                lines << tr("The approved translation of the medical term \"%1\" is missing.")
                             .arg(w.term);
            break;
        case K::DoNotTranslate:
            lines << tr("\"%1\" must stay as written but is missing from the translation.")
                         .arg(w.term);
            break;
        case K::DeadlineExceeded:
            lines << tr("The translator did not answer in time. The relay tries again by "
                        "itself; \"Translate again\" in the message's menu tries now.");
            break;
        case K::UnitMismatch:
            if (!w.source.isEmpty() && !w.translation.isEmpty())
                lines << tr("%1 of the original became %2 in the translation.")
                             .arg(w.source, w.translation);
            else
                lines << tr("A unit (mg, ml, days, …) is different in the translation.");
            break;
        case K::PlaceholderMissing:
            lines << tr("A phone number, e-mail or ID number did not come back unchanged.");
            break;
        case K::TimeMismatch:
            if (!w.source.isEmpty() && !w.translation.isEmpty())
                lines << tr("The time %1 of the original is %2 in the translation (morning and "
                            "evening swapped?).")
                             .arg(w.source, w.translation);
            else
                lines << tr("A time of day is in the other half of the day in the translation.");
            break;
        case K::NegationMismatch:
            lines << tr("One side says \"not\" and the other does not: the translation may say "
                        "the opposite.");
            break;
        case K::UnclearTerm:
            lines << tr("The translator was unsure what \"%1\" means; ask the patient if it "
                        "matters.")
                         .arg(w.term);
            break;
        case K::NoTranslation:
            if (w.raw == QLatin1String("providers_failed"))
                lines << tr("No translation service could translate this text. The relay tries "
                            "again by itself; \"Translate again\" in the message's menu tries "
                            "now.");
            else if (w.raw == QLatin1String("overloaded"))
                lines << tr("Too many translations were waiting at once. The relay tries again "
                            "by itself; \"Translate again\" in the message's menu tries now.");
            else
                lines << tr("Without a translation service only vetted sentences are "
                            "translated.");
            break;
        case K::Other:
            lines << tr("Translation warning: %1").arg(w.raw);
            break;
        }
    }
    return lines;
}

} // namespace medtranslate::console
