#include "RelayLoad.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Load generator for a running MedTranslate relay."));
    parser.addHelpOption();
    const QCommandLineOption relay(QStringLiteral("relay"), QStringLiteral("Relay base URL."),
                                   QStringLiteral("url"));
    const QCommandLineOption user(QStringLiteral("agent"), QStringLiteral("Agent username."),
                                  QStringLiteral("user"));
    const QCommandLineOption rooms(QStringLiteral("rooms"),
                                   QStringLiteral("Rooms (one patient each)."), QStringLiteral("n"),
                                   QStringLiteral("100"));
    const QCommandLineOption messages(QStringLiteral("messages"),
                                      QStringLiteral("Messages per room."), QStringLiteral("n"),
                                      QStringLiteral("100"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Unacked messages per patient."),
                                    QStringLiteral("n"), QStringLiteral("8"));
    const QCommandLineOption idle(
        QStringLiteral("idle"),
        QStringLiteral("Extra idle patient connections, in waiting rooms of their own."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption pid(QStringLiteral("relay-pid"),
                                 QStringLiteral("Relay process id, for memory figures."),
                                 QStringLiteral("pid"), QStringLiteral("0"));
    parser.addOptions({relay, user, rooms, messages, window, idle, pid});
    parser.process(app);
    medtranslate::bench::RelayLoad::Options options;
    options.relay = QUrl(parser.value(relay));
    options.agentUser = parser.value(user);
    options.agentPassword = qEnvironmentVariable("MEDTRANSLATE_BENCH_PASSWORD");
    options.rooms = parser.value(rooms).toInt();
    options.messagesPerRoom = parser.value(messages).toInt();
    options.window = parser.value(window).toInt();
    options.idleConnections = parser.value(idle).toInt();
    options.relayPid = parser.value(pid).toLongLong();
    medtranslate::bench::RelayLoad load(options);
    QObject::connect(&load, &medtranslate::bench::RelayLoad::finished, &app,
                     &QCoreApplication::exit);
    load.start();
    return QCoreApplication::exec();
}
