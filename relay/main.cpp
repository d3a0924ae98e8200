#include "app/RelayApplication.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // Qt's GLib event loop slows down with the number of sockets (unregistering one costs
    // O(n)); the UNIX one scales to tens of thousands of connections. Chosen at construction.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
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
