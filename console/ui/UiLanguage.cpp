#include "ui/UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace medtranslate::console {

namespace {

//! Depending on what it can resolve, lupdate files a text under the class's full name or
//! under the bare one, while tr() always asks with the namespace: look a text up both ways.
class ConsoleTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        const QString found = QTranslator::translate(context, sourceText, disambiguation, n);
        static const QByteArray prefix("medtranslate::console::");
        if (!found.isEmpty() || !context || !QByteArray(context).startsWith(prefix))
            return found;
        return QTranslator::translate(context + prefix.size(), sourceText, disambiguation, n);
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
