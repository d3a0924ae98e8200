#include "client/QueueModel.h"

#include <algorithm>

namespace medtranslate::console {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool comesFirst(const protocol::Room &a, const protocol::Room &b)
{
    // Urgent first, then those still at the screen before those who left contact details (as
    // the relay orders them); ISO 8601 UTC strings sort as times do; ties keep the relay's order.
    if (a.urgent != b.urgent)
        return a.urgent;
    if (a.answerLater != b.answerLater)
        return !a.answerLater;
    return a.createdAt < b.createdAt;
}
} // namespace

QueueModel::QueueModel(QObject *parent) : QAbstractListModel(parent) {}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QDateTime QueueModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const protocol::Room &room = m_rooms[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return room.firstMessageTranslation.empty() ? qs(room.firstMessage)
                                                    : qs(room.firstMessageTranslation);
    case RoomIdRole:
        return qs(room.roomId);
    case LanguageRole:
        return qs(room.patientLanguage);
    case CreatedAtRole:
        return QDateTime::fromString(qs(room.createdAt), Qt::ISODate);
    case WaitingSecondsRole: {
        const QDateTime created = QDateTime::fromString(qs(room.createdAt), Qt::ISODate);
        return created.isValid() ? std::max<qint64>(0, created.secsTo(now())) : qint64(0);
    }
    case FirstMessageRole:
        return qs(room.firstMessage);
    case FirstMessageTranslationRole:
        return qs(room.firstMessageTranslation);
    case PatientOnlineRole:
        return room.patientOnline;
    case UrgentRole:
        return room.urgent;
    case RedFlagsRole:
        return redFlagWords(room);
    case AnswerLaterRole:
        return room.answerLater;
    case ContactRole:
        return contactText(room);
    default:
        return {};
    }
}

QHash<int, QByteArray> QueueModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{RoomIdRole, "roomId"},
                  {LanguageRole, "language"},
                  {CreatedAtRole, "createdAt"},
                  {WaitingSecondsRole, "waitingSeconds"},
                  {FirstMessageRole, "firstMessage"},
                  {FirstMessageTranslationRole, "firstMessageTranslation"},
                  {PatientOnlineRole, "patientOnline"},
                  {UrgentRole, "urgent"},
                  {RedFlagsRole, "redFlags"},
                  {AnswerLaterRole, "answerLater"},
                  {ContactRole, "contact"}});
    return names;
}

QString QueueModel::roomIdAt(int row) const
{
    return row >= 0 && row < rowCount() ? qs(m_rooms[size_t(row)].roomId) : QString();
}

int QueueModel::rowOf(const QString &roomId) const
{
    const std::string id = roomId.toStdString();
    for (int row = 0; row < rowCount(); ++row) {
        if (m_rooms[size_t(row)].roomId == id)
            return row;
    }
    return -1;
}

void QueueModel::setRooms(std::vector<protocol::Room> rooms)
{
    std::stable_sort(rooms.begin(), rooms.end(), comesFirst);
    // Rows that left the queue go first, from the bottom so the rows above keep their index.
    for (int row = rowCount() - 1; row >= 0; --row) {
        const auto &id = m_rooms[size_t(row)].roomId;
        const bool stays = std::any_of(rooms.begin(), rooms.end(),
                                       [&id](const protocol::Room &r) { return r.roomId == id; });
        if (!stays) {
            beginRemoveRows({}, row, row);
            m_rooms.erase(m_rooms.begin() + row);
            endRemoveRows();
        }
    }
    QStringList arrived;
    QStringList raised;
    for (auto &room : rooms) {
        const int existing = rowOf(qs(room.roomId));
        if (existing >= 0) {
            const protocol::Room &before = m_rooms[size_t(existing)];
            const bool becameUrgent = room.urgent != before.urgent;
            const bool moves = becameUrgent || room.answerLater != before.answerLater;
            if (becameUrgent && room.urgent)
                raised << qs(room.roomId);
            m_rooms[size_t(existing)] = std::move(room);
            emit dataChanged(index(existing), index(existing));
            if (moves)
                moveToItsPlace(existing);
            continue;
        }
        const auto at = std::upper_bound(m_rooms.begin(), m_rooms.end(), room, comesFirst);
        const int row = int(at - m_rooms.begin());
        arrived << qs(room.roomId);
        if (room.urgent)
            raised << qs(room.roomId);
        beginInsertRows({}, row, row);
        m_rooms.insert(m_rooms.begin() + row, std::move(room));
        endInsertRows();
    }
    if (!arrived.isEmpty())
        emit patientsArrived(arrived);
    if (!raised.isEmpty())
        emit urgentRaised(raised);
}

void QueueModel::moveToItsPlace(int row)
{
    protocol::Room room = m_rooms[size_t(row)];
    std::vector<protocol::Room> others = m_rooms;
    others.erase(others.begin() + row);
    const int to =
        int(std::upper_bound(others.begin(), others.end(), room, comesFirst) - others.begin());
    if (to == row)
        return;
    // A move, not a removal and insertion: the view keeps the row selected.
    beginMoveRows({}, row, row, {}, to > row ? to + 1 : to);
    m_rooms = std::move(others);
    m_rooms.insert(m_rooms.begin() + to, std::move(room));
    endMoveRows();
}

QStringList QueueModel::redFlagWords(const protocol::Room &room)
{
    QStringList words;
    for (const auto &flag : room.redFlags) {
        for (const auto &w : flag.words) {
            if (!words.contains(qs(w)))
                words << qs(w);
        }
    }
    return words;
}

QString QueueModel::contactText(const protocol::Room &room)
{
    QStringList parts;
    if (room.contact && !room.contact->email.empty())
        parts << qs(room.contact->email);
    if (room.contact && !room.contact->phone.empty())
        parts << qs(room.contact->phone);
    return parts.join(QStringLiteral(" · "));
}

void QueueModel::setNow(const QDateTime &now)
{
    m_now = now;
    refreshWaitingTimes();
}

void QueueModel::refreshWaitingTimes()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {WaitingSecondsRole});
}

} // namespace medtranslate::console
