#pragma once

#include "config/RelayConfig.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <optional>

namespace medtranslate::relay {

//! What the command line asks the relay to do.
struct RelayOptions
{
    enum class Command { Serve, AddAgent, ListAgents, Help, Version };
    Command command = Command::Serve;
    RelayConfig config;
    QString agentUsername; //!< --add-agent
    QString agentName;     //!< --agent-name
    QString agentRole = QStringLiteral("agent");
    QStringList agentLanguages;
    bool demo = false; //!< --demo: create a demo agent if there is none
    QString helpText;

    //! Reads flags, the environment (MEDTRANSLATE_*) and an optional JSON config file.
    static std::optional<RelayOptions>
    parse(const QStringList &arguments, const QProcessEnvironment &environment, QString *error);
};

} // namespace medtranslate::relay
