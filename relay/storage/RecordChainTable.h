#pragma once

#include "storage/Records.h"

#include <QByteArray>
#include <QHash>
#include <optional>
#include <string>
#include <vector>

namespace medtranslate::relay {

class StoreWorker;
struct ChainLinkHeader;
struct StoredMessageRow;

//! The record chain (docs/records.md): a link per stored message and per translation stored
//! after it, each hashed over its canonical fields and the link before it. Runs on the store
//! thread, inside the transaction of the write it records; keeps each room's last link in
//! memory (read once per room), so chaining adds one INSERT and no read per message.
class RecordChainTable final
{
public:
    explicit RecordChainTable(StoreWorker &db) : m_db(db) {}

    //! Chains a message just stored; `translationJson` is its translation column.
    void recordMessage(const protocol::Message &message, const QString &translationJson);
    //! Chains a translation just stored for message `seq`.
    void recordTranslation(const QString &roomId, qint64 seq, const protocol::Translation &t,
                           const QString &translationJson);
    //! Chains every message stored before chaining existed, as it is now; for the migration
    //! that adds the chain. Gives how many.
    int backfill();

    //! The transaction committed: its links are taken for good.
    void committed();
    //! Forgets the links of a transaction that was rolled back.
    void abandon();
    //! Forgets a room removed from the database.
    void forget(const QString &roomId);

    //! Every room, oldest first.
    [[nodiscard]] std::vector<QString> rooms();
    //! Checks a room's chain in one snapshot of the database; nothing for an unknown room.
    [[nodiscard]] std::optional<ChainCheck> verify(const QString &roomId);

private:
    struct Head
    {
        qint64 link = 0;
        std::string hash;
    };

    Head &head(const QString &roomId);
    [[nodiscard]] std::vector<StoredMessageRow> messageRows(const QString &roomId);
    //! Stores the link `header` describes, hashed over `encoding`, and moves `head` to it.
    void write(const QString &roomId, const ChainLinkHeader &header, const QString &msgId,
               const QString &translationJson, const QString &textSha256,
               const QByteArray &encoding, Head &head);

    StoreWorker &m_db;
    QHash<QString, Head> m_heads;
    //! Rooms chained to in the open transaction, with their head before it.
    QHash<QString, Head> m_headsBeforeTransaction;
};

} // namespace medtranslate::relay
