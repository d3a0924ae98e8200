#include "storage/RecordChainTable.h"

#include "storage/ChainEncoding.h"
#include "storage/ChainVerifier.h"
#include "storage/StoreWorker.h"

#include <QDateTime>
#include <QSqlQuery>

namespace medtranslate::relay {

namespace {

const QString kInsert = QStringLiteral(
    "INSERT INTO record_chain (room_id, link, kind, seq, msg_id, at, translation, text_sha256, "
    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

std::string nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
}

QString textHash(const std::string &text)
{
    return QString::fromStdString(ChainEncoding::sha256(QByteArray::fromStdString(text)));
}

std::string utf8(const QSqlQuery &q, int column)
{
    return q.value(column).toString().toStdString();
}

} // namespace

RecordChainTable::Head &RecordChainTable::head(const QString &roomId)
{
    auto it = m_heads.find(roomId);
    if (it != m_heads.end())
        return *it;
    auto &q = m_db.exec(QStringLiteral("SELECT link, hash FROM record_chain WHERE room_id = ? "
                                       "ORDER BY link DESC LIMIT 1"),
                        {roomId});
    Head head{0, std::string(ChainEncoding::kGenesis)};
    if (q.next())
        head = Head{q.value(0).toLongLong(), utf8(q, 1)};
    q.finish();
    return *m_heads.insert(roomId, head);
}

void RecordChainTable::write(const QString &roomId, const ChainLinkHeader &header,
                             const QString &msgId, const QString &translationJson,
                             const QString &textSha256, const QByteArray &encoding, Head &head)
{
    const std::string hash = ChainEncoding::sha256(encoding);
    m_db.exec(kInsert, {roomId, header.link, QString::fromStdString(header.kind), header.seq, msgId,
                        QString::fromStdString(header.at), translationJson, textSha256,
                        QString::fromStdString(header.prevHash), QString::fromStdString(hash)})
        .finish();
    // Only a stored link moves the head, so a failed insert leaves no gap.
    if (!m_headsBeforeTransaction.contains(roomId))
        m_headsBeforeTransaction.insert(roomId, head);
    head = Head{header.link, hash};
}

void RecordChainTable::recordMessage(const protocol::Message &m, const QString &translationJson)
{
    const QString roomId = QString::fromStdString(m.roomId);
    Head &h = head(roomId);
    // A live message is chained when it is stored: the link's time is the message's.
    const ChainLinkHeader header{
        std::string(ChainEncoding::kMessage), m.roomId, h.link + 1, m.seq, m.createdAt, h.hash};
    write(roomId, header, QString::fromStdString(m.msgId), translationJson, textHash(m.text),
          ChainEncoding::message(header, m, protocol::toString(m.sender), m.translation), h);
}

void RecordChainTable::recordTranslation(const QString &roomId, qint64 seq,
                                         const protocol::Translation &t,
                                         const QString &translationJson)
{
    Head &h = head(roomId);
    const ChainLinkHeader header{std::string(ChainEncoding::kTranslation),
                                 roomId.toStdString(),
                                 h.link + 1,
                                 seq,
                                 nowIso(),
                                 h.hash};
    write(roomId, header, QString(), translationJson, textHash(t.text),
          ChainEncoding::translation(header, t), h);
}

int RecordChainTable::backfill()
{
    int chained = 0;
    const std::string at = nowIso();
    for (const QString &roomId : rooms()) {
        const std::vector<StoredMessageRow> rows = messageRows(roomId);
        Head &h = head(roomId);
        for (const StoredMessageRow &row : rows) {
            // A row the relay could not read either is chained as it reads: --verify names it.
            const protocol::Message m = row.decode().value_or(protocol::Message{});
            const ChainLinkHeader header{std::string(ChainEncoding::kBackfill),
                                         roomId.toStdString(),
                                         h.link + 1,
                                         row.seq,
                                         at,
                                         h.hash};
            write(roomId, header, QString::fromStdString(row.msgId),
                  QString::fromStdString(row.translation), textHash(row.text),
                  ChainEncoding::message(header, m, row.sender, m.translation), h);
            ++chained;
        }
    }
    return chained;
}

void RecordChainTable::committed()
{
    m_headsBeforeTransaction.clear();
}

void RecordChainTable::abandon()
{
    for (auto it = m_headsBeforeTransaction.constBegin(); it != m_headsBeforeTransaction.constEnd();
         ++it)
        m_heads.insert(it.key(), it.value());
    m_headsBeforeTransaction.clear();
}

void RecordChainTable::forget(const QString &roomId)
{
    m_heads.remove(roomId);
    m_headsBeforeTransaction.remove(roomId);
}

std::vector<StoredMessageRow> RecordChainTable::messageRows(const QString &roomId)
{
    auto &q = m_db.exec(QStringLiteral("SELECT seq, msg_id, sender, sender_name, body, lang, "
                                       "translation, event, template_id, created_at, attachment "
                                       "FROM messages WHERE room_id = ? ORDER BY seq"),
                        {roomId});
    std::vector<StoredMessageRow> rows;
    while (q.next())
        rows.push_back(StoredMessageRow{q.value(0).toLongLong(), utf8(q, 1), utf8(q, 2), utf8(q, 3),
                                        utf8(q, 4), utf8(q, 5), utf8(q, 6), utf8(q, 7), utf8(q, 8),
                                        utf8(q, 9), utf8(q, 10)});
    q.finish();
    return rows;
}

std::vector<QString> RecordChainTable::rooms()
{
    auto &q = m_db.exec(QStringLiteral("SELECT id FROM rooms ORDER BY created_at, id"));
    std::vector<QString> ids;
    while (q.next())
        ids.push_back(q.value(0).toString());
    q.finish();
    return ids;
}

std::optional<ChainCheck> RecordChainTable::verify(const QString &roomId)
{
    // The links and the messages from one snapshot: a relay writing meanwhile changes neither.
    m_db.beginSnapshot();
    try {
        auto &room = m_db.exec(QStringLiteral("SELECT last_seq FROM rooms WHERE id = ?"), {roomId});
        const std::optional<qint64> lastSeq =
            room.next() ? std::optional<qint64>(room.value(0).toLongLong()) : std::nullopt;
        room.finish();
        if (!lastSeq) {
            m_db.rollback();
            return std::nullopt;
        }
        auto &l = m_db.exec(QStringLiteral("SELECT link, kind, seq, msg_id, at, translation, "
                                           "text_sha256, prev_hash, hash FROM record_chain WHERE "
                                           "room_id = ? ORDER BY link"),
                            {roomId});
        std::vector<ChainRow> links;
        while (l.next())
            links.push_back(ChainRow{l.value(0).toLongLong(), utf8(l, 1), l.value(2).toLongLong(),
                                     utf8(l, 3), utf8(l, 4), utf8(l, 5), utf8(l, 6), utf8(l, 7),
                                     utf8(l, 8)});
        l.finish();
        const std::vector<StoredMessageRow> messages = messageRows(roomId);
        m_db.rollback();
        return ChainVerifier::check(roomId, *lastSeq, links, messages);
    } catch (...) {
        m_db.rollback();
        throw;
    }
}

} // namespace medtranslate::relay
