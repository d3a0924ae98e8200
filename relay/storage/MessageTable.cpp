#include "storage/MessageTable.h"

#include "storage/RecordChainTable.h"
#include "storage/SearchText.h"
#include "storage/StoreError.h"
#include "storage/StoreWorker.h"

#include <QDateTime>
#include <QUuid>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {
const QString kMessageColumns = QStringLiteral(
    "room_id, seq, msg_id, client_msg_id, sender, sender_name, body, lang, translation, event, "
    "template_id, created_at, attachment FROM messages");

std::string translationJson(const protocol::Translation &t)
{
    return nlohmann::json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string attachmentJson(const protocol::Attachment &a)
{
    return nlohmann::json(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

qint64 MessageTable::lastSeq(const QString &roomId)
{
    const auto it = m_lastSeq.constFind(roomId);
    if (it != m_lastSeq.constEnd())
        return *it;
    auto &q = m_db.exec(QStringLiteral("SELECT last_seq FROM rooms WHERE id = ?"), {roomId});
    if (!q.next())
        throw StoreError(QStringLiteral("no room '%1'").arg(roomId), StoreFailureKind::NotFound);
    const qint64 seq = q.value(0).toLongLong();
    q.finish();
    m_lastSeq.insert(roomId, seq);
    return seq;
}

AppendResult MessageTable::append(const NewMessage &item)
{
    protocol::Message m = item.message;
    const QString roomId = str(m.roomId);
    auto &existing = m_db.exec(QStringLiteral("SELECT ") + kMessageColumns +
                                   QStringLiteral(" WHERE room_id = ? AND client_msg_id = ?"),
                               {roomId, str(m.clientMsgId)});
    if (existing.next()) {
        AppendResult duplicate{read(existing), true};
        existing.finish();
        return duplicate;
    }
    existing.finish();
    const qint64 previous = lastSeq(roomId);
    m.seq = previous + 1;
    m.msgId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    m.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    const QString translation = str(translationJson(m.translation));
    m_db.exec(
        QStringLiteral("INSERT INTO messages (room_id, seq, msg_id, client_msg_id, sender, "
                       "sender_name, body, lang, translation, event, template_id, "
                       "created_at, attachment, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?)"),
        {roomId, qint64(m.seq), str(m.msgId), str(m.clientMsgId),
         str(std::string(toString(m.sender))), str(m.senderName), str(m.text), str(m.lang),
         translation, str(m.event), str(m.templateId), str(m.createdAt),
         m.attachment ? str(attachmentJson(*m.attachment)) : QString(),
         SearchText::of(str(m.text), str(m.translation.text))});
    if (m.attachment) {
        const protocol::Attachment &a = *m.attachment;
        m_db.exec(QStringLiteral("INSERT INTO attachments (id, room_id, seq, blob_key, "
                                 "thumbnail_key, name, content_type, size, created_at) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {str(a.id), roomId, qint64(m.seq), item.blobKey, item.thumbnailKey, str(a.name),
                   str(a.type), qint64(a.size), str(m.createdAt)});
    }
    if (m_db.outboxTable().enabled()) {
        // Metadata only: the bytes and the room's download link stay in the relay.
        nlohmann::json attachment = nullptr;
        if (m.attachment)
            attachment = {{"id", m.attachment->id},
                          {"name", m.attachment->name},
                          {"type", m.attachment->type},
                          {"size", m.attachment->size},
                          {"sha256", m.attachment->sha256}};
        m_db.outboxTable().enqueue(
            roomId, QStringLiteral("message.created"), str(m.createdAt),
            {{"seq", m.seq},
             {"sender_role", std::string(toString(m.sender))},
             {"kind", m.attachment ? "attachment" : (m.event.empty() ? "text" : "event")},
             {"language", m.lang},
             {"text", m.text},
             {"sent_at", m.createdAt},
             {"attachment", attachment}});
    }
    m_chain.recordMessage(m, translation);
    // Only a stored (and chained) message moves the counter, so a failed insert leaves no gap.
    if (!m_seqBeforeTransaction.contains(roomId))
        m_seqBeforeTransaction.insert(roomId, previous);
    m_lastSeq.insert(roomId, m.seq);
    return {std::move(m), false};
}

void MessageTable::finish()
{
    for (auto it = m_seqBeforeTransaction.constBegin(); it != m_seqBeforeTransaction.constEnd();
         ++it)
        m_db.exec(QStringLiteral("UPDATE rooms SET last_seq = ? WHERE id = ?"),
                  {m_lastSeq.value(it.key()), it.key()});
}

void MessageTable::committed()
{
    m_seqBeforeTransaction.clear();
    m_chain.committed();
}

void MessageTable::abandon()
{
    for (auto it = m_seqBeforeTransaction.constBegin(); it != m_seqBeforeTransaction.constEnd();
         ++it)
        m_lastSeq.insert(it.key(), it.value());
    m_seqBeforeTransaction.clear();
    m_chain.abandon();
}

bool MessageTable::updateTranslation(const QString &roomId, qint64 seq,
                                     const protocol::Translation &t)
{
    auto &text = m_db.exec(
        QStringLiteral("SELECT body FROM messages WHERE room_id = ? AND seq = ?"), {roomId, seq});
    if (!text.next())
        return false;
    const QString body = text.value(0).toString();
    text.finish();
    const QString translation = str(translationJson(t));
    auto &q = m_db.exec(QStringLiteral("UPDATE messages SET translation = ?, search_text = ? "
                                       "WHERE room_id = ? AND seq = ?"),
                        {translation, SearchText::of(body, str(t.text)), roomId, seq});
    if (q.numRowsAffected() <= 0)
        return false;
    m_chain.recordTranslation(roomId, seq, t, translation);
    return true;
}

std::optional<AttachmentRecord> MessageTable::attachment(const QString &roomId,
                                                         const QString &attachmentId)
{
    auto &q = m_db.exec(QStringLiteral("SELECT id, room_id, seq, blob_key, thumbnail_key, name, "
                                       "content_type, size FROM attachments WHERE id = ? AND "
                                       "room_id = ?"),
                        {attachmentId, roomId});
    std::optional<AttachmentRecord> found;
    if (q.next())
        found =
            AttachmentRecord{q.value(0).toString(), q.value(1).toString(),  q.value(2).toLongLong(),
                             q.value(3).toString(), q.value(4).toString(),  q.value(5).toString(),
                             q.value(6).toString(), q.value(7).toLongLong()};
    q.finish();
    return found;
}

std::vector<protocol::Message> MessageTable::after(const QString &roomId, qint64 afterSeq,
                                                   int limit)
{
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kMessageColumns +
                            QStringLiteral(" WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
                        {roomId, afterSeq, limit});
    std::vector<protocol::Message> messages;
    while (q.next())
        messages.push_back(read(q));
    q.finish();
    return messages;
}

std::optional<protocol::Message> MessageTable::firstMatching(const QString &roomId,
                                                             const QString &likePattern)
{
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kMessageColumns +
                            QStringLiteral(" WHERE room_id = ? AND search_text LIKE ? ESCAPE '!' "
                                           "ORDER BY seq LIMIT 1"),
                        {roomId, likePattern});
    std::optional<protocol::Message> found;
    if (q.next())
        found = read(q);
    q.finish();
    return found;
}

void MessageTable::backfillSearchText()
{
    // Room by room (the primary key's prefix), so a big database never sits in memory at once.
    QStringList rooms;
    auto &ids = m_db.exec(QStringLiteral("SELECT id FROM rooms ORDER BY id"));
    while (ids.next())
        rooms << ids.value(0).toString();
    ids.finish();
    for (const QString &roomId : std::as_const(rooms)) {
        auto &q = m_db.exec(
            QStringLiteral("SELECT seq, body, translation FROM messages WHERE room_id = ?"),
            {roomId});
        std::vector<std::pair<qint64, QString>> rows;
        while (q.next()) {
            const auto translation =
                nlohmann::json::parse(q.value(2).toString().toStdString(), nullptr, false);
            std::string translated;
            if (translation.is_object() && translation.contains("text") &&
                translation["text"].is_string())
                translated = translation["text"].get<std::string>();
            rows.emplace_back(q.value(0).toLongLong(),
                              SearchText::of(q.value(1).toString(), str(translated)));
        }
        q.finish();
        for (const auto &[seq, searchText] : rows)
            m_db.exec(QStringLiteral(
                          "UPDATE messages SET search_text = ? WHERE room_id = ? AND seq = ?"),
                      {searchText, roomId, seq})
                .finish();
    }
}

protocol::Message MessageTable::read(const QSqlQuery &q)
{
    protocol::Message m;
    m.roomId = q.value(0).toString().toStdString();
    m.seq = q.value(1).toLongLong();
    m.msgId = q.value(2).toString().toStdString();
    m.clientMsgId = q.value(3).toString().toStdString();
    m.sender = protocol::senderFromString(q.value(4).toString().toStdString())
                   .value_or(protocol::Sender::System);
    m.senderName = q.value(5).toString().toStdString();
    m.text = q.value(6).toString().toStdString();
    m.lang = q.value(7).toString().toStdString();
    const auto translation =
        nlohmann::json::parse(q.value(8).toString().toStdString(), nullptr, false);
    try {
        m.translation = translation.get<protocol::Translation>();
    } catch (const nlohmann::json::exception &) {
        m.translation = {};
        m.translation.status = protocol::TranslationStatus::Unavailable;
    }
    m.event = q.value(9).toString().toStdString();
    m.templateId = q.value(10).toString().toStdString();
    m.createdAt = q.value(11).toString().toStdString();
    const QString attachment = q.value(12).toString();
    if (!attachment.isEmpty()) {
        const auto json = nlohmann::json::parse(attachment.toStdString(), nullptr, false);
        try {
            m.attachment = json.get<protocol::Attachment>();
        } catch (const nlohmann::json::exception &) {
            // Never seen: the relay wrote it. Shown as a file that cannot be opened.
            m.attachment = protocol::Attachment{};
        }
    }
    return m;
}

} // namespace medtranslate::relay
