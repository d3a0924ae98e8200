#include "storage/ChainVerifier.h"

#include "storage/ChainEncoding.h"

#include <QHash>
#include <QSet>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {

bool isMessageKind(const std::string &kind)
{
    return kind == ChainEncoding::kMessage || kind == ChainEncoding::kBackfill;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

std::optional<protocol::Translation> ChainVerifier::translationOf(const std::string &json)
{
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded())
        return std::nullopt;
    try {
        return parsed.get<protocol::Translation>();
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
}

std::optional<protocol::Message> StoredMessageRow::decode() const
{
    protocol::Message m;
    m.seq = seq;
    m.msgId = msgId;
    m.senderName = senderName;
    m.text = text;
    m.lang = lang;
    m.event = event;
    m.templateId = templateId;
    m.createdAt = createdAt;
    const auto t = ChainVerifier::translationOf(translation);
    if (!t)
        return std::nullopt;
    m.translation = *t;
    if (!attachment.empty()) {
        const auto json = nlohmann::json::parse(attachment, nullptr, false);
        try {
            m.attachment = json.get<protocol::Attachment>();
        } catch (const nlohmann::json::exception &) {
            return std::nullopt;
        }
    }
    return m;
}

ChainCheck ChainVerifier::check(const QString &roomId, qint64 lastSeq,
                                const std::vector<ChainRow> &links,
                                const std::vector<StoredMessageRow> &messages)
{
    ChainCheck result;
    result.roomId = roomId;
    result.links = qint64(links.size());
    if (!links.empty())
        result.headHash = qs(links.back().hash);
    const auto broken = [&result](qint64 link, qint64 seq, QString reason) {
        result.broken = ChainBreak{link, seq, std::move(reason)};
        return result;
    };

    QHash<qint64, const StoredMessageRow *> bySeq;
    QHash<QString, qint64> seqOfMsgId;
    for (const StoredMessageRow &row : messages) {
        bySeq.insert(row.seq, &row);
        seqOfMsgId.insert(qs(row.msgId), row.seq);
    }
    // The link whose translation the messages table must hold now: each message's last one.
    QHash<qint64, qint64> lastTranslationLink;
    for (const ChainRow &row : links)
        lastTranslationLink.insert(row.seq, row.link);

    const std::string roomIdUtf8 = roomId.toStdString();
    std::string previous(ChainEncoding::kGenesis);
    qint64 expected = 1;
    qint64 lastChainedSeq = 0;
    QSet<qint64> chained;
    for (const ChainRow &row : links) {
        if (row.link != expected)
            return broken(expected, 0, QStringLiteral("link missing"));
        if (row.prevHash != previous)
            return broken(row.link, row.seq,
                          QStringLiteral("previous hash does not match link %1").arg(expected - 1));
        const ChainLinkHeader header{row.kind, roomIdUtf8, row.link, row.seq, row.at, row.prevHash};
        const auto recorded = translationOf(row.translation);
        if (!recorded)
            return broken(row.link, row.seq, QStringLiteral("hash mismatch (link changed)"));
        const StoredMessageRow *stored = bySeq.value(row.seq);
        if (isMessageKind(row.kind)) {
            if (row.seq <= lastChainedSeq)
                return broken(row.link, row.seq, QStringLiteral("seq out of order"));
            const QString msgId = qs(row.msgId);
            if (!stored || stored->msgId != row.msgId) {
                const auto moved = seqOfMsgId.constFind(msgId);
                if (moved != seqOfMsgId.constEnd())
                    return broken(row.link, row.seq,
                                  QStringLiteral("messages reordered: this message is now seq %1")
                                      .arg(*moved));
                return broken(row.link, row.seq,
                              stored ? QStringLiteral("message replaced")
                                     : QStringLiteral("message missing"));
            }
            const auto message = stored->decode();
            if (!message)
                return broken(row.link, row.seq, QStringLiteral("message changed (unreadable)"));
            if (ChainEncoding::sha256(QByteArray::fromStdString(stored->text)) != row.textSha256)
                return broken(row.link, row.seq, QStringLiteral("message text changed"));
            const QByteArray bytes =
                ChainEncoding::message(header, *message, stored->sender, *recorded);
            if (ChainEncoding::sha256(bytes) != row.hash)
                return broken(row.link, row.seq, QStringLiteral("hash mismatch"));
            chained.insert(row.seq);
            lastChainedSeq = row.seq;
        } else if (row.kind == ChainEncoding::kTranslation) {
            if (!chained.contains(row.seq))
                return broken(row.link, row.seq,
                              QStringLiteral("translation of a message not in the chain"));
            if (ChainEncoding::sha256(ChainEncoding::translation(header, *recorded)) != row.hash)
                return broken(row.link, row.seq, QStringLiteral("hash mismatch"));
            if (!stored)
                return broken(row.link, row.seq, QStringLiteral("message missing"));
        } else {
            return broken(row.link, row.seq, QStringLiteral("unknown kind '%1'").arg(qs(row.kind)));
        }
        if (lastTranslationLink.value(row.seq) == row.link &&
            ChainVerifier::translationOf(stored->translation) != recorded)
            return broken(row.link, row.seq, QStringLiteral("translation changed"));
        previous = row.hash;
        ++expected;
    }
    for (const StoredMessageRow &row : messages) {
        if (!chained.contains(row.seq))
            return broken(expected, row.seq, QStringLiteral("message not in the chain"));
    }
    if (lastSeq > lastChainedSeq)
        return broken(expected, lastChainedSeq + 1,
                      QStringLiteral("message missing (the room's last seq is %1, the chain "
                                     "ends at seq %2)")
                          .arg(lastSeq)
                          .arg(lastChainedSeq));
    return result;
}

} // namespace medtranslate::relay
