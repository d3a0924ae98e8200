#pragma once

#include "storage/Records.h"

#include <optional>
#include <string>
#include <vector>

namespace medtranslate::relay {

//! One row of record_chain, as stored.
struct ChainRow
{
    qint64 link = 0;
    std::string kind;
    qint64 seq = 0;
    std::string msgId;
    std::string at;
    std::string translation; //!< JSON
    std::string textSha256;
    std::string prevHash;
    std::string hash;
};

//! One row of messages, its columns as stored (the sender unparsed, JSON as text).
struct StoredMessageRow
{
    qint64 seq = 0;
    std::string msgId;
    std::string sender;
    std::string senderName;
    std::string text;
    std::string lang;
    std::string translation;
    std::string event;
    std::string templateId;
    std::string createdAt;
    std::string attachment;

    //! The message the row holds, with its translation; nothing when its JSON is unreadable.
    [[nodiscard]] std::optional<protocol::Message> decode() const;
};

//! Checks a room's chain against its messages: each link follows the one before, every hash
//! is recomputed from the data (the message rows, and the translations the links hold), the
//! messages table holds the latest recorded translation of each message, and no message is
//! outside the chain. Pure: the rows come from one snapshot of the database.
class ChainVerifier final
{
public:
    //! `links` ordered by link, `messages` by seq; `lastSeq` is the room's counter.
    [[nodiscard]] static ChainCheck check(const QString &roomId, qint64 lastSeq,
                                          const std::vector<ChainRow> &links,
                                          const std::vector<StoredMessageRow> &messages);

    //! A translation as stored (JSON); nothing when it is unreadable.
    [[nodiscard]] static std::optional<protocol::Translation>
    translationOf(const std::string &json);
};

} // namespace medtranslate::relay
