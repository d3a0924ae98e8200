#include "SlowProvider.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A slow OpenAI-compatible translation provider on loopback for the relay benchmark. "
        "Prints 'listening on http://127.0.0.1:PORT' once ready."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port; 0: any free one."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption delay(QStringLiteral("delay-ms"),
                                   QStringLiteral("Time before each answer."), QStringLiteral("ms"),
                                   QStringLiteral("1000"));
    parser.addOptions({port, delay});
    parser.process(app);
    medtranslate::bench::SlowProvider provider(parser.value(delay).toInt());
    if (!provider.listen(quint16(parser.value(port).toUInt()))) {
        std::fprintf(stderr, "cannot listen on port %s\n", qPrintable(parser.value(port)));
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%u\n", unsigned(provider.port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
