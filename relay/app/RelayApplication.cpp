#include "app/RelayApplication.h"

#include "admin/AgentAdmin.h"
#include "app/RecordCommands.h"
#include "app/RelayServer.h"
#include "storage/Store.h"
#include "translation/Translator.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QTextStream>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace medtranslate::relay {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// Reads one line from stdin without echo when it is a terminal; never from argv.
QString readPassword(const QString &prompt)
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        err() << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    return line;
}

void quitOnSignal(int)
{
    QCoreApplication::quit();
}

} // namespace

int RelayApplication::run(const RelayOptions &options)
{
    switch (options.command) {
    case RelayOptions::Command::Help:
        out() << options.helpText << Qt::flush;
        return 0;
    case RelayOptions::Command::Version:
        out() << "medtranslate-relay " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    case RelayOptions::Command::AddAgent:
        return addAgent(options);
    case RelayOptions::Command::ListAgents:
        return listAgents(options);
    case RelayOptions::Command::Export:
        return RecordCommands::exportTranscripts(options);
    case RelayOptions::Command::PurgeEnded:
        return RecordCommands::purgeEnded(options);
    case RelayOptions::Command::Audit:
        return RecordCommands::printAudit(options);
    case RelayOptions::Command::Serve:
        break;
    }
    return serve(options);
}

int RelayApplication::addAgent(const RelayOptions &options)
{
    Store store(options.config.store);
    if (const auto opened = store.openBlocking(); !opened.ok()) {
        err() << "error: " << opened.error().message << Qt::endl;
        return 1;
    }
    QString error;
    const QString password =
        readPassword(QStringLiteral("Password for %1: ").arg(options.agentUsername));
    AgentAdmin admin(store);
    if (!admin.addAgent(options.agentUsername, options.agentName, options.agentRole,
                        options.agentLanguages, password, &error)) {
        err() << "error: " << error << Qt::endl;
        return 1;
    }
    out() << "agent '" << options.agentUsername << "' created" << Qt::endl;
    return 0;
}

int RelayApplication::listAgents(const RelayOptions &options)
{
    Store store(options.config.store);
    if (const auto opened = store.openBlocking(); !opened.ok()) {
        err() << "error: " << opened.error().message << Qt::endl;
        return 1;
    }
    QString error;
    AgentAdmin admin(store);
    const auto agents = admin.list(&error);
    if (!agents) {
        err() << "error: " << error << Qt::endl;
        return 1;
    }
    for (const auto &a : *agents)
        out() << a.username << '\t' << a.displayName << '\t' << a.role << '\t'
              << a.languages.join(QLatin1Char(',')) << '\t' << a.id << Qt::endl;
    return 0;
}

int RelayApplication::serve(const RelayOptions &options)
{
    RelayServer server(options.config);
    QString error;
    if (!server.start(&error)) {
        err() << "error: " << error << Qt::endl;
        return 1;
    }
    if (options.demo) {
        AgentAdmin admin(server.store());
        if (const auto password = admin.ensureDemoAgent(&error)) {
            out() << "Demo agent created (shown once): username demo, password " << *password
                  << Qt::endl;
        } else if (!error.isEmpty()) {
            err() << "error: cannot create the demo agent: " << error << Qt::endl;
            return 1;
        }
    }
    const QUrl url = server.httpUrl();
    out() << "MedTranslate relay listening on " << url.toString() << Qt::endl
          << "  database:    " << options.config.store.driver << " "
          << options.config.store.database << Qt::endl
          << "  translation: " << server.translator().describe() << Qt::endl
          << "  event loop:  " << QAbstractEventDispatcher::instance()->metaObject()->className()
          << Qt::endl
          << "  patient demo page: " << url.toString() << "/demo" << Qt::endl
          << "  operators:   "
          << (server.adminUrl().isEmpty()
                  ? QStringLiteral("off (--admin-listen)")
                  : server.adminUrl().toString() + QStringLiteral("/metrics and /health"))
          << Qt::endl
          << "  WebSocket:   " << server.webSocketUrl().toString() << Qt::endl
          << Qt::flush;
    std::signal(SIGINT, quitOnSignal);
    std::signal(SIGTERM, quitOnSignal);
    return QCoreApplication::exec();
}

} // namespace medtranslate::relay
