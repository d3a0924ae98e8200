#pragma once

#include "config/RelayOptions.h"

namespace medtranslate::relay {

//! The records commands: --export / --export-since, --purge-ended-before, --audit, --stats,
//! --webhook-log,
//! --verify. Each opens the database beside a running relay, does its work on the event loop
//! with a deadline,
//! prints what it did and returns the exit code (0 done, 1 failed, with the reason on stderr).
class RecordCommands final
{
public:
    static int exportTranscripts(const RelayOptions &options);
    static int purgeEnded(const RelayOptions &options);
    static int printAudit(const RelayOptions &options);
    //! --webhook-log: every delivery attempt (time, event, room, outcome) and what still waits.
    static int printWebhookLog(const RelayOptions &options);
    //! Exits 1 when a chain is broken, as when the check could not be done.
    static int verifyChains(const RelayOptions &options);
    static int printStats(const RelayOptions &options);

    //! Who ran a command, for the audit log: "admin:<operating system user>".
    [[nodiscard]] static QString commandActor();

    //! True when the command line asks for what needs a QGuiApplication (a PDF export);
    //! read before the application exists, so from argv.
    [[nodiscard]] static bool needsGui(int argc, char **argv);
};

} // namespace medtranslate::relay
