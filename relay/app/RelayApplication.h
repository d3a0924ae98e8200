#pragma once

#include "config/RelayOptions.h"

namespace medtranslate::relay {

//! Runs what the command line asked for: serve, or an admin command. Returns the exit code.
class RelayApplication final
{
public:
    static int run(const RelayOptions &options);

private:
    static int serve(const RelayOptions &options);
    //! The account commands; each opens the database beside a running relay (no claim).
    static int addAgent(const RelayOptions &options);
    static int setAgent(const RelayOptions &options);
    static int setAgentEnabled(const RelayOptions &options, bool enabled);
    static int resetPassword(const RelayOptions &options);
    static int listAgents(const RelayOptions &options);
};

} // namespace medtranslate::relay
