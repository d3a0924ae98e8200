#pragma once

#include "storage/Records.h"

#include <vector>

namespace medtranslate::relay {

class StoreWorker;

//! Removing ended consultations for retention. Runs on the store thread.
class RetentionTable final
{
public:
    explicit RetentionTable(StoreWorker &db) : m_db(db) {}

    //! Ended rooms whose end is before `endedBefore` (ISO 8601 UTC), oldest first.
    [[nodiscard]] std::vector<PurgeCandidate> endedBefore(const QString &endedBefore);
    //! Removes an ended room with its messages, attachment rows and record chain in one
    //! transaction; a room
    //! that is not ended (or not there) is left alone and gives nothing.
    [[nodiscard]] std::optional<PurgedRoom> purge(const QString &roomId);

private:
    StoreWorker &m_db;
};

} // namespace medtranslate::relay
