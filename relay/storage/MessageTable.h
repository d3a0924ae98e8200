#pragma once

#include "storage/Records.h"

#include <QHash>
#include <optional>
#include <vector>

class QSqlQuery;

namespace medtranslate::relay {

class RecordChainTable;
class StoreWorker;

//! Messages and each room's gapless seq. Runs on the store thread, inside the caller's
//! transaction; keeps the last seq per room in memory, so only one relay may use a database.
//! Every message and translation it stores is chained in the same transaction (RecordChainTable).
class MessageTable final
{
public:
    MessageTable(StoreWorker &db, RecordChainTable &chain) : m_db(db), m_chain(chain) {}

    //! Stores one message; a client_msg_id already stored in the room returns that message,
    //! marked duplicate. Throws a `NotFound` StoreError for an unknown room. Call finish()
    //! before the transaction commits, then committed() once it has, or abandon() if it failed.
    AppendResult append(const NewMessage &item);
    //! Writes the rooms' last seq for the messages appended in this transaction.
    void finish();
    //! The transaction committed: its seqs (and chain links) are taken for good.
    void committed();
    //! Forgets the seqs handed out in a transaction that was rolled back (even one whose
    //! commit failed after finish()), so the next message takes the first of them again;
    //! the same for the chain links.
    void abandon();

    //! False when the room has no message `seq`.
    bool updateTranslation(const QString &roomId, qint64 seq, const protocol::Translation &t);
    //! The attachment `attachmentId` of the room; nothing for another room's.
    [[nodiscard]] std::optional<AttachmentRecord> attachment(const QString &roomId,
                                                             const QString &attachmentId);
    [[nodiscard]] std::vector<protocol::Message> after(const QString &roomId, qint64 afterSeq,
                                                       int limit);
    //! The room's first message whose search_text is LIKE `likePattern` (SearchText).
    [[nodiscard]] std::optional<protocol::Message> firstMatching(const QString &roomId,
                                                                 const QString &likePattern);
    //! Fills search_text for the messages stored before it existed (migration 010).
    void backfillSearchText();

private:
    static protocol::Message read(const QSqlQuery &q);
    qint64 lastSeq(const QString &roomId);

    StoreWorker &m_db;
    RecordChainTable &m_chain;
    //! Last assigned seq per room; rooms.last_seq is the durable copy.
    QHash<QString, qint64> m_lastSeq;
    //! Rooms appended to in the open transaction, with their last seq before it.
    QHash<QString, qint64> m_seqBeforeTransaction;
};

} // namespace medtranslate::relay
