#include "ui/UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace medtranslate::console {

namespace {

//! lupdate's parser does not read `namespace a::b {` and files every text under the bare class
//! name, while tr() asks with the namespace: look texts up without it.
class ConsoleTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        static const QByteArray prefix("medtranslate::console::");
        const QByteArray name(context ? context : "");
        const char *bare = name.startsWith(prefix) ? context + prefix.size() : context;
        return QTranslator::translate(bare, sourceText, disambiguation, n);
    }
};

} // namespace

bool UiLanguage::install(const QString &code)
{
    // Installed translators must outlive every tr() call: they live as long as the process.
    static QTranslator qtTranslator;
    static ConsoleTranslator consoleTranslator;
    QCoreApplication::removeTranslator(&qtTranslator);
    QCoreApplication::removeTranslator(&consoleTranslator);
    if (code == QLatin1String("en"))
        return true;
    // Qt's own dialog buttons; absent unless Qt's translations are installed.
    if (qtTranslator.load(QStringLiteral("qtbase_") + code,
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    if (!consoleTranslator.load(QStringLiteral(":/i18n/medtranslate_console_") + code))
        return false;
    QCoreApplication::installTranslator(&consoleTranslator);
    return true;
}

} // namespace medtranslate::console
