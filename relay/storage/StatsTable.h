#pragma once

#include "storage/Records.h"

namespace medtranslate::relay {

class StoreWorker;

//! What --stats reads: the consultations opened in a period and their messages' metadata
//! (sender, notice kind, time, stored translation; never the texts). The figures are computed
//! in C++ (records/StatsReport) so the SQL stays plain and runs on SQLite and PostgreSQL.
class StatsTable final
{
public:
    explicit StatsTable(StoreWorker &db) : m_db(db) {}

    //! Rooms created at or after `since` (ISO 8601 UTC; empty for all) and their messages.
    [[nodiscard]] StatsRows since(const QString &since);

private:
    StoreWorker &m_db;
};

} // namespace medtranslate::relay
