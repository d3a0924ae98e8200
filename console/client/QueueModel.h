#pragma once

#include "medtranslate/protocol/Types.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <vector>

namespace medtranslate::console {

//! The patients waiting for a counselor, from the relay's `queue` frames: urgent ones (a red
//! flag in their words) first, then the longest waiting.
class QueueModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        RoomIdRole = Qt::UserRole + 1,
        LanguageRole,                //!< the patient's language code
        CreatedAtRole,               //!< QDateTime, UTC
        WaitingSecondsRole,          //!< qint64, as of now()
        FirstMessageRole,            //!< the patient's first words, as written
        FirstMessageTranslationRole, //!< the same in Korean; empty until translated
        PatientOnlineRole,
        UrgentRole,   //!< bool: an emergency expression was found in the patient's words
        RedFlagsRole, //!< QStringList: the patient's words that raised it
        AnswerLaterRole, //!< bool: the patient left contact details to be answered later
        ContactRole,     //!< the e-mail address and phone number left, joined; may be empty
    };
    Q_ENUM(Roles)

    explicit QueueModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    //! Replaces the queue; rows that stay keep their place so a selection survives.
    void setRooms(std::vector<protocol::Room> rooms);
    //! Fixes the clock waiting times are measured against (tests, screenshots); by default
    //! it is the current time.
    void setNow(const QDateTime &now);
    //! Waiting times grow: the view calls this on a timer.
    void refreshWaitingTimes();
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] QString roomIdAt(int row) const;
    [[nodiscard]] int rowOf(const QString &roomId) const;
    //! The words of every red flag of the room, each once, for the queue and the chat tab.
    [[nodiscard]] static QStringList redFlagWords(const protocol::Room &room);
    //! The contact details the patient left ("anna@example.com · +84 90 123 4567").
    [[nodiscard]] static QString contactText(const protocol::Room &room);

signals:
    //! Rooms that were not in the queue before (for a notification).
    void patientsArrived(const QStringList &roomIds);
    //! Rooms that are urgent now and were not before (new urgent rooms among them).
    void urgentRaised(const QStringList &roomIds);

private:
    //! A row whose urgency changed goes to where the order puts it.
    void moveToItsPlace(int row);

    std::vector<protocol::Room> m_rooms;
    QDateTime m_now;
};

} // namespace medtranslate::console
