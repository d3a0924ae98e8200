#pragma once

#include "storage/AgentTable.h"
#include "storage/AuditTable.h"
#include "storage/MessageTable.h"
#include "storage/OutboxTable.h"
#include "storage/RecordChainTable.h"
#include "storage/Records.h"
#include "storage/RetentionTable.h"
#include "storage/RoomTable.h"
#include "storage/StatsTable.h"
#include "storage/StoreConfig.h"
#include "storage/TranslationCacheTable.h"

#include <QHash>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace medtranslate::relay {

//! The database side of `Store`: lives on the store thread and owns the connection, the
//! transactions, the migrations and the prepared statements; the SQL of each concern is in its
//! table class. Every method runs on that thread and throws `StoreError` when the database
//! refuses.
class StoreWorker final
{
public:
    explicit StoreWorker(StoreConfig config);
    ~StoreWorker();
    StoreWorker(const StoreWorker &) = delete;
    StoreWorker &operator=(const StoreWorker &) = delete;

    //! Opens the connection, sets SQLite pragmas and applies pending migrations.
    void open();
    [[nodiscard]] int schemaVersion();
    [[nodiscard]] bool isPostgres() const;

    [[nodiscard]] RoomTable &roomTable() { return m_rooms; }
    [[nodiscard]] MessageTable &messageTable() { return m_messages; }
    [[nodiscard]] AgentTable &agentTable() { return m_agents; }
    [[nodiscard]] TranslationCacheTable &translationCacheTable() { return m_translationCache; }
    [[nodiscard]] RetentionTable &retentionTable() { return m_retention; }
    [[nodiscard]] AuditTable &auditTable() { return m_audit; }
    [[nodiscard]] OutboxTable &outboxTable() { return m_outbox; }
    [[nodiscard]] RecordChainTable &recordChainTable() { return m_chain; }
    [[nodiscard]] StatsTable &statsTable() { return m_stats; }

    //! Prepares (once) and runs one statement, binding `values` in order; for the table classes.
    QSqlQuery &exec(const QString &sql, const QVariantList &values = {});
    void begin();
    //! A read-only transaction that sees one state of the database throughout (PostgreSQL
    //! otherwise gives each statement its own); ended by rollback().
    void beginSnapshot();
    void commit();
    void rollback();
    //! Runs `work` in a transaction of its own: all of it is stored, or nothing.
    void inTransaction(const std::function<void()> &work);
    //! Savepoints isolate one write of a group commit from the others.
    void savepoint();
    void releaseSavepoint();
    void rollbackToSavepoint();

    //! @name Forwarders for the `Store::submit`/`runSync`/`write` jobs still in core/ and http/;
    //! to be removed with those once they use the typed `Store` methods.
    //! @{
    void updateTranslation(const QString &roomId, qint64 seq, const protocol::Translation &t)
    {
        m_messages.updateTranslation(roomId, seq, t);
    }
    [[nodiscard]] std::vector<protocol::Message> messagesAfter(const QString &roomId,
                                                               qint64 afterSeq, int limit)
    {
        return m_messages.after(roomId, afterSeq, limit);
    }
    void createRoom(const RoomRecord &room) { m_rooms.create(room); }
    [[nodiscard]] std::optional<RoomRecord> roomById(const QString &roomId)
    {
        return m_rooms.byId(roomId);
    }
    [[nodiscard]] std::vector<RoomRecord> openRooms() { return m_rooms.open(); }
    bool assignRoom(const QString &roomId, const QString &agentId, const QString &fromStatus)
    {
        return m_rooms.assign(roomId, agentId, fromStatus);
    }
    void endRoom(const QString &roomId) { m_rooms.end(roomId); }
    void setReadSeq(const QString &roomId, protocol::Role role, qint64 seq)
    {
        m_rooms.setReadSeq(roomId, role, seq);
    }
    [[nodiscard]] std::optional<AgentRecord> agentById(const QString &id)
    {
        return m_agents.byId(id);
    }
    [[nodiscard]] std::vector<AgentRecord> agents() { return m_agents.all(); }
    //! @}

private:
    QSqlQuery &prepared(const QString &sql);
    //! Makes sure no other relay serves this database (StoreConfig::exclusive).
    void claim();
    void migrate();
    void execDirect(const QString &sql);
    void savepointControl(const QString &sql);

    StoreConfig m_config;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QLockFile> m_claim; //!< SQLite: held while this relay serves the file
    QHash<QString, QSqlQuery> m_statements;
    RoomTable m_rooms{*this};
    RecordChainTable m_chain{*this};
    MessageTable m_messages{*this, m_chain};
    AgentTable m_agents{*this};
    TranslationCacheTable m_translationCache{*this};
    RetentionTable m_retention{*this};
    AuditTable m_audit{*this};
    OutboxTable m_outbox{*this, m_config.webhookOutbox};
    StatsTable m_stats{*this};
};

} // namespace medtranslate::relay
