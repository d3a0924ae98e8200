#include "app/RelayApplication.h"

#include "admin/AgentAdmin.h"
#include "admin/AgentListing.h"
#include "admin/PasswordPolicy.h"
#include "app/RecordCommands.h"
#include "app/RelayServer.h"
#include "storage/Store.h"
#include "translation/Translator.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QTextStream>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
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

//! An account command's entry in the audit log; `detail` says what changed, never a password.
void auditAccount(Store &store, const QString &action, const QString &username,
                  const QString &detail)
{
    AuditEntry entry;
    entry.actor = RecordCommands::commandActor();
    entry.action = action;
    entry.target = QStringLiteral("agent:") + username;
    entry.detail = detail;
    entry.origin = QStringLiteral("command line");
    if (const auto written = store.appendAuditBlocking(std::move(entry)); !written.ok())
        err() << "warning: not written to the audit log: " << written.error().message << Qt::endl;
}

//! What `--set-agent` or `--add-agent` set, for the audit log.
QString describeFields(const AgentChanges &fields)
{
    QStringList parts;
    if (fields.displayName)
        parts << QStringLiteral("name '%1'").arg(*fields.displayName);
    if (fields.patientFacingName)
        parts << QStringLiteral("patient-facing name '%1'").arg(*fields.patientFacingName);
    if (fields.role)
        parts << QStringLiteral("role %1").arg(*fields.role);
    if (fields.languages)
        parts << QStringLiteral("languages %1").arg(fields.languages->join(QLatin1Char(',')));
    if (fields.maxChats)
        parts << QStringLiteral("max chats %1").arg(*fields.maxChats);
    return parts.join(QStringLiteral(", "));
}

// Reads one line from stdin without echo when it is a terminal; never from argv.
QString readLine(const QString &prompt, bool tty)
{
    termios saved{};
    if (tty) {
        err() << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    static QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    return line;
}

//! The new password: typed twice on a terminal (nobody sees a typo), one line from a pipe.
std::optional<QString> readPassword(const QString &username, QString *error)
{
    const bool tty = isatty(STDIN_FILENO);
    const QString password = readLine(QStringLiteral("New password for %1: ").arg(username), tty);
    if (tty && readLine(QStringLiteral("Repeat it: "), tty) != password) {
        *error = QStringLiteral("the two passwords differ; nothing was changed");
        return std::nullopt;
    }
    return password;
}

//! The database, opened beside a running relay (admin commands never claim it).
std::unique_ptr<Store> openStore(const RelayOptions &options)
{
    auto store = std::make_unique<Store>(options.config.store);
    if (const auto opened = store->openBlocking(); !opened.ok()) {
        err() << "error: " << opened.error().message << Qt::endl;
        return nullptr;
    }
    return store;
}

int refuse(const QString &why)
{
    err() << "error: " << why << Qt::endl;
    return 1;
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
        out() << options.helpText << "\nPasswords:\n  " << PasswordPolicy::rules() << ".\n"
              << Qt::flush;
        return 0;
    case RelayOptions::Command::Version:
        out() << "medtranslate-relay " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    case RelayOptions::Command::AddAgent:
        return addAgent(options);
    case RelayOptions::Command::SetAgent:
        return setAgent(options);
    case RelayOptions::Command::DisableAgent:
        return setAgentEnabled(options, false);
    case RelayOptions::Command::EnableAgent:
        return setAgentEnabled(options, true);
    case RelayOptions::Command::ResetPassword:
        return resetPassword(options);
    case RelayOptions::Command::ListAgents:
        return listAgents(options);
    case RelayOptions::Command::Export:
        return RecordCommands::exportTranscripts(options);
    case RelayOptions::Command::PurgeEnded:
        return RecordCommands::purgeEnded(options);
    case RelayOptions::Command::Audit:
        return RecordCommands::printAudit(options);
    case RelayOptions::Command::Verify:
        return RecordCommands::verifyChains(options);
    case RelayOptions::Command::Stats:
        return RecordCommands::printStats(options);
    case RelayOptions::Command::WebhookLog:
        return RecordCommands::printWebhookLog(options);
    case RelayOptions::Command::Serve:
        break;
    }
    return serve(options);
}

int RelayApplication::addAgent(const RelayOptions &options)
{
    const auto store = openStore(options);
    if (!store)
        return 1;
    const AgentChanges &fields = options.agentFields;
    AgentRecord agent;
    agent.username = options.agentUsername;
    agent.displayName = fields.displayName.value_or(options.agentUsername);
    agent.patientFacingName = fields.patientFacingName.value_or(QString());
    agent.role = fields.role.value_or(QStringLiteral("agent"));
    agent.languages = fields.languages.value_or(QStringList());
    agent.maxChats = fields.maxChats.value_or(0);
    QString error;
    const auto password = readPassword(options.agentUsername, &error);
    if (!password)
        return refuse(error);
    AgentAdmin admin(*store);
    if (!admin.addAgent(agent, *password, &error))
        return refuse(error);
    auditAccount(*store, QStringLiteral("agent_added"), options.agentUsername,
                 describeFields(fields));
    out() << "agent '" << options.agentUsername << "' created" << Qt::endl;
    return 0;
}

int RelayApplication::setAgent(const RelayOptions &options)
{
    const auto store = openStore(options);
    if (!store)
        return 1;
    QString error;
    AgentAdmin admin(*store);
    if (!admin.update(options.agentUsername, options.agentFields, &error))
        return refuse(error);
    auditAccount(*store, QStringLiteral("agent_changed"), options.agentUsername,
                 describeFields(options.agentFields));
    out() << "agent '" << options.agentUsername << "' updated" << Qt::endl;
    return 0;
}

int RelayApplication::setAgentEnabled(const RelayOptions &options, bool enabled)
{
    const auto store = openStore(options);
    if (!store)
        return 1;
    QString error;
    AgentAdmin admin(*store);
    const auto update = admin.setEnabled(options.agentUsername, enabled, &error);
    if (!update)
        return refuse(error);
    const QString state = enabled ? QStringLiteral("enabled") : QStringLiteral("disabled");
    if (!update->changed) {
        out() << "agent '" << options.agentUsername << "' was already " << state << Qt::endl;
        return 0;
    }
    auditAccount(*store,
                 enabled ? QStringLiteral("agent_enabled") : QStringLiteral("agent_disabled"),
                 options.agentUsername,
                 QStringLiteral("%1 session(s) ended, %2 consultation(s) back in the queue")
                     .arg(update->sessionsEnded)
                     .arg(update->roomsRequeued));
    out() << "agent '" << options.agentUsername << "' " << state;
    if (!enabled)
        out() << ": " << update->sessionsEnded << " session(s) ended, " << update->roomsRequeued
              << " consultation(s) back in the waiting queue; a running relay closes its "
                 "connections";
    out() << Qt::endl;
    return 0;
}

int RelayApplication::resetPassword(const RelayOptions &options)
{
    const auto store = openStore(options);
    if (!store)
        return 1;
    QString error;
    const auto password = readPassword(options.agentUsername, &error);
    if (!password)
        return refuse(error);
    AgentAdmin admin(*store);
    const auto update = admin.resetPassword(options.agentUsername, *password, &error);
    if (!update)
        return refuse(error);
    auditAccount(*store, QStringLiteral("password_reset"), options.agentUsername,
                 QStringLiteral("%1 session(s) ended").arg(update->sessionsEnded));
    out() << "password of agent '" << options.agentUsername
          << "' changed: " << update->sessionsEnded
          << " session(s) ended; a running relay closes its connections" << Qt::endl;
    return 0;
}

int RelayApplication::listAgents(const RelayOptions &options)
{
    const auto store = openStore(options);
    if (!store)
        return 1;
    QString error;
    AgentAdmin admin(*store);
    const auto agents = admin.list(&error);
    if (!agents)
        return refuse(error);
    out() << (options.listFormat == RelayOptions::ListFormat::Json ? AgentListing::json(*agents)
                                                                   : AgentListing::table(*agents))
          << Qt::flush;
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
          << "  webhooks:    "
          << (options.config.webhooks.enabled()
                  ? options.config.webhooks.url.toString() +
                        QStringLiteral(" (signed; attempts: --webhook-log)")
                  : QStringLiteral("off (--webhook-url)"))
          << Qt::endl
          << "  WebSocket:   " << server.webSocketUrl().toString() << Qt::endl
          << Qt::flush;
    std::signal(SIGINT, quitOnSignal);
    std::signal(SIGTERM, quitOnSignal);
    return QCoreApplication::exec();
}

} // namespace medtranslate::relay
