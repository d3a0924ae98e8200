#pragma once

#include "config/RelayConfig.h"
#include "storage/Records.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QStringList>
#include <optional>

namespace medtranslate::relay {

//! What the command line asks the relay to do.
struct RelayOptions
{
    enum class Command {
        Serve,
        AddAgent,
        SetAgent,
        DisableAgent,
        EnableAgent,
        ResetPassword,
        ListAgents,
        Export,
        PurgeEnded,
        Audit,
        Verify,
        Stats,
        WebhookLog,
        Help,
        Version
    };
    enum class ListFormat { Table, Json };
    Command command = Command::Serve;
    RelayConfig config;
    //! The account an account command is about (--add-agent, --set-agent, ...).
    QString agentUsername;
    //! --agent-name, --agent-display-name, --agent-role, --agent-languages,
    //! --agent-max-chats: each set only when its flag is given.
    AgentChanges agentFields;
    ListFormat listFormat = ListFormat::Table; //!< --format with --list-agents
    bool demo = false;                         //!< --demo: create a demo agent if there is none
    QString exportRoom;                        //!< --export
    QDateTime exportSince;                     //!< --export-since
    QDateTime exportUntil;                     //!< --until; invalid: now
    QString format;                            //!< --format with an export, --audit or --stats
    QString output;                            //!< --output; empty: standard output
    QDateTime purgeBefore;                     //!< --purge-ended-before
    bool dryRun = false;                       //!< --dry-run
    QDateTime auditSince;                      //!< --since (--audit, --stats, --webhook-log)
    QString verifyRoom;                        //!< --verify [ROOM]; empty: every room
    QString helpText;

    //! "2026-03-01" (that day's start, UTC) or an ISO 8601 time; invalid, with `error` set,
    //! for anything else.
    [[nodiscard]] static QDateTime parseDate(const QString &flag, const QString &text,
                                             QString *error);

    //! Reads flags, the environment (MEDTRANSLATE_*) and an optional JSON config file.
    static std::optional<RelayOptions>
    parse(const QStringList &arguments, const QProcessEnvironment &environment, QString *error);
};

} // namespace medtranslate::relay
