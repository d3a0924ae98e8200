#pragma once

#include "medtranslate/protocol/Types.h"

#include <QByteArray>
#include <QtGlobal>
#include <string>
#include <string_view>

namespace medtranslate::relay {

//! What every link of a room's record chain says of itself: its place and its predecessor.
struct ChainLinkHeader
{
    std::string kind; //!< ChainEncoding::kMessage, kTranslation or kBackfill
    std::string roomId;
    qint64 link = 0; //!< 1 for a room's first link
    qint64 seq = 0;  //!< the message the link is about
    std::string at;  //!< ISO 8601 UTC
    std::string prevHash;
};

//! The canonical bytes a chain link's SHA-256 covers, version 1 (docs/records.md): fields in a
//! fixed order, each a 4-byte big-endian length and its UTF-8 bytes, numbers in decimal. The
//! writer and `--verify` both hash through here, so they cannot drift apart.
class ChainEncoding final
{
public:
    static constexpr std::string_view kVersion = "medtranslate-chain-1";
    //! The previous hash of a room's first link.
    static constexpr std::string_view kGenesis =
        "0000000000000000000000000000000000000000000000000000000000000000";
    static constexpr std::string_view kMessage = "message";
    static constexpr std::string_view kTranslation = "translation";
    //! A message stored before chaining existed, chained later with what it held then.
    static constexpr std::string_view kBackfill = "backfill";

    //! A message link: the message as both sides saw it, with `translation`, the one it
    //! carried when the link was written; `sender` as the database spells it.
    [[nodiscard]] static QByteArray message(const ChainLinkHeader &header,
                                            const protocol::Message &message,
                                            std::string_view sender,
                                            const protocol::Translation &translation);
    //! A translation stored after its message.
    [[nodiscard]] static QByteArray translation(const ChainLinkHeader &header,
                                                const protocol::Translation &translation);
    //! Lower-case hex SHA-256 of `bytes`.
    [[nodiscard]] static std::string sha256(const QByteArray &bytes);
};

} // namespace medtranslate::relay
