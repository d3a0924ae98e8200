#include "RelayLoad.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Open-loop load generator for a running MedTranslate relay. Prints one table row per "
        "run on stdout (| patient msg/s | delivered/s | lost | p50 ms | p99 ms |; with "
        "--slow-provider | patient msg/s | delivered/s | lost | translation frames | within "
        "deadline | p99 ms |; idle | connections | held | connections/s | KiB/connection | "
        "relay RSS MiB |) and the details on stderr. Exits 1 on any loss, duplicate, seq out of "
        "order, missing ack or error frame. The agents' password is read from "
        "MEDTRANSLATE_BENCH_PASSWORD."));
    parser.addHelpOption();
    auto option = [&parser](const char *name, const char *help, const char *valueName,
                            const char *defaultValue) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help),
                             QString::fromLatin1(valueName), QString::fromLatin1(defaultValue));
        parser.addOption(o);
        return o;
    };
    const auto relay = option("relay", "Relay base URL.", "url", "");
    const auto agents = option("agents",
                               "Agent usernames, comma-separated; the pairs' rooms are shared out "
                               "among them round-robin.",
                               "users", "bench");
    const auto pairs = option("pairs", "Rooms, each one patient and its agent.", "n", "100");
    const auto rate = option("rate",
                             "Patient messages per second over all pairs, sent on an even schedule "
                             "whatever the relay answers; 0: no load (idle connections only).",
                             "msg/s", "1000");
    const auto duration = option("duration-s", "How long the patients send.", "s", "10");
    const auto replyEvery =
        option("reply-every", "The agent answers every n-th patient message; 0: never.", "n", "4");
    const auto drain = option("drain-s",
                              "A run ends when everything arrived, or this long after the last "
                              "frame that arrived; what is missing then is lost.",
                              "s", "5");
    const auto idle = option("idle",
                             "Idle patient connections held before the load (25 to a waiting "
                             "room), for memory per connection and the connect rate.",
                             "n", "0");
    const auto window =
        option("connect-window", "Idle connections being opened at once.", "n", "256");
    const QCommandLineOption slow(
        QStringLiteral("slow-provider"),
        QStringLiteral("The relay translates through a slow provider: count the translation "
                       "frames and those within the deadline."));
    parser.addOption(slow);
    const auto deadline =
        option("translation-deadline-ms", "The relay's translation deadline, with --slow-provider.",
               "ms", "15000");
    const auto pid = option("relay-pid", "Relay process id, for memory figures.", "pid", "0");
    parser.process(app);

    medtranslate::bench::RelayLoad::Options options;
    options.relay = QUrl(parser.value(relay));
    options.agentUsers = parser.value(agents).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.agentPassword = qEnvironmentVariable("MEDTRANSLATE_BENCH_PASSWORD");
    options.pairs = parser.value(pairs).toInt();
    options.rate = parser.value(rate).toDouble();
    options.durationS = parser.value(duration).toDouble();
    options.replyEvery = parser.value(replyEvery).toInt();
    options.drainS = parser.value(drain).toDouble();
    options.idleConnections = parser.value(idle).toInt();
    options.connectWindow = parser.value(window).toInt();
    if (parser.isSet(slow))
        options.translationDeadlineMs = parser.value(deadline).toInt();
    options.relayPid = parser.value(pid).toLongLong();
    if (!options.relay.isValid() || options.relay.scheme().isEmpty()) {
        std::fprintf(stderr, "--relay wants the relay's base URL, e.g. http://127.0.0.1:8080\n");
        return 2;
    }
    if (options.pairs < 1 || options.agentUsers.isEmpty() || options.rate < 0 ||
        options.durationS <= 0 || options.replyEvery < 0 || options.idleConnections < 0 ||
        options.connectWindow < 1 || (options.rate == 0 && options.idleConnections == 0)) {
        std::fprintf(stderr, "bad options: see --help\n");
        return 2;
    }
    medtranslate::bench::RelayLoad load(options);
    QObject::connect(&load, &medtranslate::bench::RelayLoad::finished, &app,
                     &QCoreApplication::exit);
    load.start();
    return QCoreApplication::exec();
}
