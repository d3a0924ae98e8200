#include "ui/LanguageNames.h"

#include "medtranslate/Language.h"

namespace medtranslate::console {

QString LanguageNames::name(const QString &code)
{
    if (code == QLatin1String("ko"))
        return tr("Korean");
    if (code == QLatin1String("en"))
        return tr("English");
    if (code == QLatin1String("ja"))
        return tr("Japanese");
    if (code == QLatin1String("zh"))
        return tr("Chinese");
    if (code == QLatin1String("th"))
        return tr("Thai");
    if (code == QLatin1String("vi"))
        return tr("Vietnamese");
    return code;
}

QString LanguageNames::nativeName(const QString &code)
{
    const auto language = findLanguage(code.toStdString());
    if (!language)
        return code;
    return QString::fromUtf8(language->nativeName.data(), qsizetype(language->nativeName.size()));
}

QString LanguageNames::category(const QString &category)
{
    if (category == QLatin1String("greeting"))
        return tr("Greeting");
    if (category == QLatin1String("appointment"))
        return tr("Appointments");
    if (category == QLatin1String("visit"))
        return tr("Visiting");
    if (category == QLatin1String("payment"))
        return tr("Payment");
    if (category == QLatin1String("insurance"))
        return tr("Insurance");
    if (category == QLatin1String("aftercare"))
        return tr("Aftercare");
    if (category == QLatin1String("closing"))
        return tr("Closing");
    return category;
}

} // namespace medtranslate::console
