#pragma once

#include "storage/Records.h"
#include "storage/StoreConfig.h"

#include <QHash>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>
#include <memory>
#include <optional>
#include <vector>

namespace medtranslate::relay {

//! The database side of `Store`: lives on the store thread and owns the connection.
//! Every method runs on that thread and throws `StoreError` when the database refuses.
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

    //! Stores a batch of messages in one transaction. Assigns seq per room.
    //! On failure nothing of the batch is kept and the exception propagates.
    std::vector<AppendResult> appendMessages(const std::vector<NewMessage> &batch);
    //! Stores one message inside the caller's transaction; a client_msg_id already stored in
    //! the room returns that message, marked duplicate. Call finishAppends() before commit.
    AppendResult appendMessage(const NewMessage &item);
    //! Writes the rooms' last seq for the messages appended in this transaction.
    void finishAppends();
    //! Forgets the seqs handed out in a transaction that was rolled back.
    void abandonAppends();

    void updateTranslation(const QString &roomId, qint64 seq, const protocol::Translation &t);
    [[nodiscard]] std::vector<protocol::Message> messagesAfter(const QString &roomId,
                                                               qint64 afterSeq, int limit);

    void createRoom(const RoomRecord &room);
    [[nodiscard]] std::optional<RoomRecord> roomByTokenHash(const QString &tokenHash);
    [[nodiscard]] std::optional<RoomRecord> roomById(const QString &roomId);
    //! Rooms that are waiting or active: the relay's working set.
    [[nodiscard]] std::vector<RoomRecord> openRooms();
    //! Moves a room to an agent; `fromStatus` guards against a concurrent change.
    bool assignRoom(const QString &roomId, const QString &agentId, const QString &fromStatus);
    void endRoom(const QString &roomId);
    void setReadSeq(const QString &roomId, protocol::Role role, qint64 seq);

    void createAgent(const AgentRecord &agent, const QString &passwordHash);
    [[nodiscard]] std::optional<std::pair<AgentRecord, QString>>
    agentByUsername(const QString &username);
    [[nodiscard]] std::optional<AgentRecord> agentById(const QString &id);
    [[nodiscard]] std::vector<AgentRecord> agents();
    void setAgentPassword(const QString &agentId, const QString &passwordHash);
    void createSession(const QString &tokenHash, const QString &agentId, qint64 expiresAtSecs);
    [[nodiscard]] std::optional<AgentRecord> agentBySession(const QString &tokenHash,
                                                            qint64 nowSecs);

    //! Runs one statement with positional values; for jobs outside this class (e.g. caches).
    QSqlQuery &exec(const QString &sql, const QVariantList &values = {});
    void begin();
    void commit();
    void rollback();
    //! Savepoints isolate one write of a group commit from the others.
    void savepoint();
    void releaseSavepoint();
    void rollbackToSavepoint();

private:
    QSqlQuery &prepared(const QString &sql);
    //! Makes sure no other relay serves this database (StoreConfig::exclusive).
    void claim();
    void migrate();
    protocol::Message readMessage(const QSqlQuery &q) const;
    RoomRecord readRoom(const QSqlQuery &q) const;
    AgentRecord readAgent(const QSqlQuery &q, int offset = 0) const;
    qint64 lastSeq(const QString &roomId);

    StoreConfig m_config;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<QLockFile> m_claim; //!< SQLite: held while this relay serves the file
    QHash<QString, QSqlQuery> m_statements;
    void execDirect(const QString &sql);

    //! Last assigned seq per room; rooms.last_seq is the durable copy.
    QHash<QString, qint64> m_lastSeq;
    //! Rooms appended to in the open transaction, with their last seq before it.
    QHash<QString, qint64> m_seqBeforeTransaction;
};

} // namespace medtranslate::relay
