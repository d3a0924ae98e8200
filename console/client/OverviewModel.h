#pragma once

#include "medtranslate/protocol/ServerFrames.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <vector>

namespace medtranslate::console {

//! Every waiting and active room of the desk with its counselor, for supervisors (the relay's
//! `overview` frames, sent to agents with the admin role). Keeps the relay's order: waiting rooms
//! in queue order (urgent first), then the active ones.
class OverviewModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        RoomIdRole = Qt::UserRole + 1,
        LanguageRole,       //!< the patient's language code
        ActiveRole,         //!< bool: a counselor has it; otherwise it waits
        AgentIdRole,        //!< empty while waiting
        AgentNameRole,      //!< empty while waiting
        WaitingSecondsRole, //!< qint64: the frame's `waiting_s`, grown by the time since it came
        UrgentRole,
        RedFlagsRole, //!< QStringList: the patient's words that raised it
        PatientOnlineRole,
    };
    Q_ENUM(Roles)

    explicit OverviewModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    //! Takes a new frame's rooms; rows that stay are moved and updated, not recreated, so a
    //! selection survives the frames that come with every message.
    void setRooms(std::vector<protocol::server::RoomOverview> rooms);
    //! Waiting times grow between frames: the view calls this on a timer.
    void refreshWaitingTimes();
    [[nodiscard]] int rowOf(const QString &roomId) const;
    [[nodiscard]] const protocol::server::RoomOverview *at(int row) const;

private:
    std::vector<protocol::server::RoomOverview> m_rooms;
    QElapsedTimer m_sinceFrame; //!< `waiting_s` is as of the frame
};

} // namespace medtranslate::console
