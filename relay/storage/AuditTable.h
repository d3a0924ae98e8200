#pragma once

#include "storage/Records.h"

#include <vector>

namespace medtranslate::relay {

class StoreWorker;

//! The audit log: added to, read, never changed. Runs on the store thread.
class AuditTable final
{
public:
    explicit AuditTable(StoreWorker &db) : m_db(db) {}

    //! Fills in the id and the time when they are empty.
    void append(AuditEntry entry);
    //! Entries at or after `since` (ISO 8601 UTC; empty for all), oldest first.
    [[nodiscard]] std::vector<AuditEntry> since(const QString &since, int limit);

private:
    StoreWorker &m_db;
};

} // namespace medtranslate::relay
