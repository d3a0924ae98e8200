#include "storage/RoomTable.h"

#include "storage/SearchText.h"
#include "storage/StoreWorker.h"

#include <QDateTime>
#include <QDebug>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {
const QString kRoomColumns = QStringLiteral(
    "r.id, r.status, r.patient_language, r.agent_id, a.display_name, r.last_seq, "
    "r.patient_read_seq, r.agent_read_seq, r.created_at, r.patient_token_hash, r.origin, "
    "r.ended_at, r.urgent, r.red_flags, r.answer_later, r.contact_email, r.contact_phone, "
    "r.prechat "
    "FROM rooms r LEFT JOIN agents a ON a.id = r.agent_id");

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

RoomRecord RoomTable::read(const QSqlQuery &q)
{
    RoomRecord r;
    r.room.roomId = q.value(0).toString().toStdString();
    r.room.status = protocol::roomStatusFromString(q.value(1).toString().toStdString())
                        .value_or(protocol::RoomStatus::Ended);
    r.room.patientLanguage = q.value(2).toString().toStdString();
    if (!q.value(3).isNull() && !q.value(3).toString().isEmpty())
        r.room.agent = protocol::AgentRef{q.value(3).toString().toStdString(),
                                          q.value(4).toString().toStdString()};
    r.room.lastSeq = q.value(5).toLongLong();
    r.room.patientReadSeq = q.value(6).toLongLong();
    r.room.agentReadSeq = q.value(7).toLongLong();
    r.room.createdAt = q.value(8).toString().toStdString();
    r.patientTokenHash = q.value(9).toString();
    r.origin = q.value(10).toString();
    r.endedAt = q.value(11).toString();
    r.room.urgent = q.value(12).toInt() != 0;
    // The column is only ever written from the room object, so this is corruption; the room
    // stays urgent (what matters) even if its words are lost.
    try {
        r.room.redFlags = nlohmann::json::parse(q.value(13).toString().toStdString())
                              .get<std::vector<protocol::RedFlag>>();
    } catch (const nlohmann::json::exception &e) {
        qWarning() << "unreadable red_flags of room" << q.value(0).toString() << e.what();
    }
    r.room.answerLater = q.value(14).toInt() != 0;
    const protocol::Contact contact{q.value(15).toString().toStdString(),
                                    q.value(16).toString().toStdString()};
    if (!contact.empty())
        r.room.contact = contact;
    try {
        const auto prechat =
            nlohmann::json::parse(q.value(17).toString().toStdString()).get<protocol::Prechat>();
        if (!prechat.empty())
            r.room.prechat = prechat;
    } catch (const nlohmann::json::exception &e) {
        qWarning() << "unreadable prechat of room" << q.value(0).toString() << e.what();
    }
    return r;
}

void RoomTable::create(const RoomRecord &room)
{
    const nlohmann::json prechat = room.room.prechat.value_or(protocol::Prechat{});
    m_db.exec(QStringLiteral("INSERT INTO rooms (id, patient_token_hash, patient_language, "
                             "status, last_seq, origin, created_at, prechat) "
                             "VALUES (?, ?, ?, ?, 0, ?, ?, ?)"),
              {str(room.room.roomId), room.patientTokenHash, str(room.room.patientLanguage),
               str(std::string(toString(room.room.status))), room.origin, str(room.room.createdAt),
               QString::fromStdString(prechat.dump())});
    m_db.outboxTable().enqueue(
        str(room.room.roomId), QStringLiteral("consultation.created"), str(room.room.createdAt),
        {{"patient_language", room.room.patientLanguage}, {"created_at", room.room.createdAt}});
}

std::optional<RoomRecord> RoomTable::byTokenHash(const QString &tokenHash)
{
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kRoomColumns +
                            QStringLiteral(" WHERE r.patient_token_hash = ?"),
                        {tokenHash});
    std::optional<RoomRecord> room;
    if (q.next())
        room = read(q);
    q.finish();
    return room;
}

std::optional<RoomRecord> RoomTable::byId(const QString &roomId)
{
    auto &q = m_db.exec(
        QStringLiteral("SELECT ") + kRoomColumns + QStringLiteral(" WHERE r.id = ?"), {roomId});
    std::optional<RoomRecord> room;
    if (q.next())
        room = read(q);
    q.finish();
    return room;
}

std::vector<RoomRecord> RoomTable::createdBetween(const QString &from, const QString &until)
{
    // "~" sorts after every ISO date: an open upper bound.
    auto &q = m_db.exec(QStringLiteral("SELECT ") + kRoomColumns +
                            QStringLiteral(" WHERE r.created_at >= ? AND r.created_at < ? "
                                           "ORDER BY r.created_at, r.id"),
                        {from, until.isEmpty() ? QStringLiteral("~") : until});
    std::vector<RoomRecord> rooms;
    while (q.next())
        rooms.push_back(read(q));
    q.finish();
    return rooms;
}

std::vector<ConsultationMatch> RoomTable::search(const ConsultationQuery &query)
{
    // Fixed fragments chosen by which filters are set, every value bound: one prepared
    // statement per combination. The rooms' (created_at, id) index gives the order and the
    // date bounds; the words are a scan of the messages of the rooms in range, which the
    // limit ends early and the date range bounds.
    QString sql = QStringLiteral("SELECT ") + kRoomColumns +
                  QStringLiteral(" WHERE r.created_at >= ? AND r.created_at < ?");
    QVariantList values{query.from, query.until.isEmpty() ? QStringLiteral("~") : query.until};
    if (!query.language.isEmpty()) {
        sql += QStringLiteral(" AND r.patient_language = ?");
        values << query.language;
    }
    if (!query.beforeCreatedAt.isEmpty()) {
        sql += QStringLiteral(" AND (r.created_at < ? OR (r.created_at = ? AND r.id < ?))");
        values << query.beforeCreatedAt << query.beforeCreatedAt << query.beforeId;
    }
    const QString pattern =
        query.words.isEmpty() ? QString() : SearchText::likePattern(query.words);
    if (!pattern.isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM messages m WHERE m.room_id = r.id "
                              "AND m.search_text LIKE ? ESCAPE '!')");
        values << pattern;
    }
    sql += QStringLiteral(" ORDER BY r.created_at DESC, r.id DESC LIMIT ?");
    values << query.limit;
    auto &q = m_db.exec(sql, values);
    std::vector<ConsultationMatch> found;
    while (q.next()) {
        ConsultationMatch match;
        match.room = read(q);
        match.messageCount = match.room.room.lastSeq; // seqs are gapless from 1
        found.push_back(std::move(match));
    }
    q.finish();
    if (!pattern.isEmpty()) {
        for (ConsultationMatch &match : found)
            match.match = m_db.messageTable().firstMatching(
                QString::fromStdString(match.room.room.roomId), pattern);
    }
    return found;
}

std::vector<RoomRecord> RoomTable::open()
{
    auto &q =
        m_db.exec(QStringLiteral("SELECT ") + kRoomColumns +
                  QStringLiteral(" WHERE r.status IN ('waiting', 'active') ORDER BY r.created_at"));
    std::vector<RoomRecord> rooms;
    while (q.next())
        rooms.push_back(read(q));
    q.finish();
    return rooms;
}

bool RoomTable::assign(const QString &roomId, const QString &agentId, const QString &fromStatus)
{
    auto &q = m_db.exec(QStringLiteral("UPDATE rooms SET agent_id = ?, status = 'active' "
                                       "WHERE id = ? AND status = ?"),
                        {agentId, roomId, fromStatus});
    return q.numRowsAffected() == 1;
}

bool RoomTable::requeue(const QString &roomId, const QString &agentId)
{
    auto &q = m_db.exec(QStringLiteral("UPDATE rooms SET agent_id = NULL, status = 'waiting' "
                                       "WHERE id = ? AND agent_id = ? AND status = 'active'"),
                        {roomId, agentId});
    return q.numRowsAffected() == 1;
}

int RoomTable::requeueAllOf(const QString &agentId)
{
    auto &q = m_db.exec(QStringLiteral("UPDATE rooms SET agent_id = NULL, status = 'waiting' "
                                       "WHERE agent_id = ? AND status = 'active'"),
                        {agentId});
    return q.numRowsAffected();
}

bool RoomTable::end(const QString &roomId)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    // Only the first end is an event; ending an ended room again just moves ended_at.
    auto &first = m_db.exec(QStringLiteral("UPDATE rooms SET status = 'ended', ended_at = ? "
                                           "WHERE id = ? AND status <> 'ended'"),
                            {now, roomId});
    if (first.numRowsAffected() > 0) {
        m_db.outboxTable().enqueue(roomId, QStringLiteral("consultation.ended"), now,
                                   {{"ended_at", now.toStdString()}});
        return true;
    }
    auto &q =
        m_db.exec(QStringLiteral("UPDATE rooms SET status = 'ended', ended_at = ? WHERE id = ?"),
                  {now, roomId});
    return q.numRowsAffected() > 0;
}

bool RoomTable::markUrgent(const QString &roomId, const std::vector<protocol::RedFlag> &redFlags)
{
    const nlohmann::json flags = redFlags;
    auto &q = m_db.exec(QStringLiteral("UPDATE rooms SET urgent = 1, red_flags = ? WHERE id = ?"),
                        {QString::fromStdString(flags.dump()), roomId});
    return q.numRowsAffected() == 1;
}

bool RoomTable::setContact(const QString &roomId, const protocol::Contact &contact)
{
    auto &q = m_db.exec(QStringLiteral("UPDATE rooms SET answer_later = 1, contact_email = ?, "
                                       "contact_phone = ? WHERE id = ?"),
                        {str(contact.email), str(contact.phone), roomId});
    return q.numRowsAffected() == 1;
}

bool RoomTable::setLanguage(const QString &roomId, const QString &language)
{
    auto &q = m_db.exec(QStringLiteral("UPDATE rooms SET patient_language = ? "
                                       "WHERE id = ? AND status <> 'ended'"),
                        {language, roomId});
    return q.numRowsAffected() == 1;
}

void RoomTable::setReadSeq(const QString &roomId, protocol::Role role, qint64 seq)
{
    if (role == protocol::Role::Patient)
        m_db.exec(
            QStringLiteral(
                "UPDATE rooms SET patient_read_seq = ? WHERE id = ? AND patient_read_seq < ?"),
            {seq, roomId, seq});
    else
        m_db.exec(QStringLiteral(
                      "UPDATE rooms SET agent_read_seq = ? WHERE id = ? AND agent_read_seq < ?"),
                  {seq, roomId, seq});
}

} // namespace medtranslate::relay
