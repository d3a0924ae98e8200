#include "app/RecordCommands.h"
#include "app/RelayApplication.h"

#include <QGuiApplication>
#include <QTextStream>
#include <memory>

int main(int argc, char *argv[])
{
    // Qt's GLib event loop slows down with the number of sockets (unregistering one costs
    // O(n)); the UNIX one scales to tens of thousands of connections. Chosen at construction.
    qputenv("QT_NO_GLIB", "1");
    // A PDF export lays text out with fonts, which takes a QGuiApplication; no display.
    std::unique_ptr<QCoreApplication> app;
    if (medtranslate::relay::RecordCommands::needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("medtranslate-relay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEDTRANSLATE_VERSION));
    QString error;
    const auto options = medtranslate::relay::RelayOptions::parse(
        QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment(), &error);
    if (!options) {
        QTextStream(stderr) << "error: " << error << "\nTry --help.\n";
        return 2;
    }
    return medtranslate::relay::RelayApplication::run(*options);
}
