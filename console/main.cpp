#include "ui/ConsoleController.h"
#include "ui/UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MedTranslate"));
    QApplication::setApplicationName(QStringLiteral("medtranslate-console"));
    QApplication::setApplicationVersion(QStringLiteral(MEDTRANSLATE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MedTranslate counselor console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("Interface language: ko (default) or en."),
                                      QStringLiteral("code"), QStringLiteral("ko"));
    parser.addOption(language);
    parser.process(app);
    if (!medtranslate::console::UiLanguage::install(parser.value(language)))
        qWarning("The Korean interface texts are missing; the console speaks English.");

    medtranslate::console::ConsoleController controller;
    controller.start();
    return QApplication::exec();
}
