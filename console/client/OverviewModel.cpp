#include "client/OverviewModel.h"

#include "client/QueueModel.h"

#include <algorithm>

namespace medtranslate::console {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

OverviewModel::OverviewModel(QObject *parent) : QAbstractListModel(parent)
{
    m_sinceFrame.start();
}

int OverviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant OverviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const protocol::server::RoomOverview &entry = m_rooms[size_t(index.row())];
    const protocol::Room &room = entry.room;
    switch (role) {
    case Qt::DisplayRole:
    case RoomIdRole:
        return qs(room.roomId);
    case LanguageRole:
        return qs(room.patientLanguage);
    case ActiveRole:
        return room.status == protocol::RoomStatus::Active;
    case AgentIdRole:
        return room.agent ? qs(room.agent->id) : QString();
    case AgentNameRole:
        return room.agent ? qs(room.agent->name) : QString();
    case WaitingSecondsRole:
        // An active room whose counselor wrote last is not waiting for anyone.
        if (room.status == protocol::RoomStatus::Active && entry.waitingSeconds == 0)
            return qint64(0);
        return entry.waitingSeconds + m_sinceFrame.elapsed() / 1000;
    case UrgentRole:
        return room.urgent;
    case RedFlagsRole:
        return QueueModel::redFlagWords(room);
    case PatientOnlineRole:
        return room.patientOnline;
    default:
        return {};
    }
}

QHash<int, QByteArray> OverviewModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{RoomIdRole, "roomId"},
                  {LanguageRole, "language"},
                  {ActiveRole, "active"},
                  {AgentIdRole, "agentId"},
                  {AgentNameRole, "agentName"},
                  {WaitingSecondsRole, "waitingSeconds"},
                  {UrgentRole, "urgent"},
                  {RedFlagsRole, "redFlags"},
                  {PatientOnlineRole, "patientOnline"}});
    return names;
}

int OverviewModel::rowOf(const QString &roomId) const
{
    const std::string id = roomId.toStdString();
    const auto it = std::find_if(m_rooms.begin(), m_rooms.end(),
                                 [&id](const auto &r) { return r.room.roomId == id; });
    return it == m_rooms.end() ? -1 : int(it - m_rooms.begin());
}

const protocol::server::RoomOverview *OverviewModel::at(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rooms[size_t(row)] : nullptr;
}

void OverviewModel::setRooms(std::vector<protocol::server::RoomOverview> rooms)
{
    m_sinceFrame.restart();
    // Rooms that are gone (ended) leave first, from the bottom so the rows above keep their index.
    for (int row = rowCount() - 1; row >= 0; --row) {
        const auto &id = m_rooms[size_t(row)].room.roomId;
        const bool stays = std::any_of(rooms.begin(), rooms.end(),
                                       [&id](const auto &r) { return r.room.roomId == id; });
        if (!stays) {
            beginRemoveRows({}, row, row);
            m_rooms.erase(m_rooms.begin() + row);
            endRemoveRows();
        }
    }
    // Then row by row into the frame's order: a row already there moves up to its place.
    for (int target = 0; target < int(rooms.size()); ++target) {
        const int existing = rowOf(qs(rooms[size_t(target)].room.roomId));
        if (existing < 0) {
            beginInsertRows({}, target, target);
            m_rooms.insert(m_rooms.begin() + target, std::move(rooms[size_t(target)]));
            endInsertRows();
            continue;
        }
        if (existing != target) {
            // Rows above `target` are already in place, so an existing row is always below it.
            beginMoveRows({}, existing, existing, {}, target);
            auto moved = std::move(m_rooms[size_t(existing)]);
            m_rooms.erase(m_rooms.begin() + existing);
            m_rooms.insert(m_rooms.begin() + target, std::move(moved));
            endMoveRows();
        }
        m_rooms[size_t(target)] = std::move(rooms[size_t(target)]);
        emit dataChanged(index(target), index(target));
    }
}

void OverviewModel::refreshWaitingTimes()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {WaitingSecondsRole});
}

} // namespace medtranslate::console
