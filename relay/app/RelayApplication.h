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
    static int addAgent(const RelayOptions &options);
    static int listAgents(const RelayOptions &options);
};

} // namespace medtranslate::relay
