#pragma once

#include "config/RelayConfig.h"
#include "storage/Records.h"

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
    ListFormat listFormat = ListFormat::Table; //!< --format
    bool demo = false;                         //!< --demo: create a demo agent if there is none
    QString helpText;

    //! Reads flags, the environment (MEDTRANSLATE_*) and an optional JSON config file.
    static std::optional<RelayOptions>
    parse(const QStringList &arguments, const QProcessEnvironment &environment, QString *error);
};

} // namespace medtranslate::relay
