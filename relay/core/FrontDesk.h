#pragma once

#include "medtranslate/protocol/ClientFrames.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <optional>

namespace medtranslate::relay {

struct RelayConfig;

class AgentRoster;
class DeskHours;
class FanOut;
class MessageFlow;
class Peer;
class RoomAccess;
class RoomRegistry;
class Store;
struct RoomState;

//! The hospital's desk as a patient meets it (docs/desk.md). A patient whose consultation opens
//! (or who writes) while the desk is closed, or while no counselor is online, is told so once
//! per room and closed period, with when it opens, 119, and that they may leave contact
//! details; the `contact` frame keeps those with the room, which then waits in the queue as
//! "answer later" and is not routed on its own while the desk is closed.
class FrontDesk final : public QObject
{
    Q_OBJECT

public:
    FrontDesk(const RelayConfig &config, const DeskHours &hours, Store &store, RoomRegistry &rooms,
              const RoomAccess &access, FanOut &fanOut, MessageFlow &messages,
              const AgentRoster &roster, QObject *parent = nullptr);

    //! Within opening hours at `now`.
    [[nodiscard]] bool isOpen(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    //! When the desk opens next, if it is closed at `now` (UTC); nothing while open or never.
    [[nodiscard]] std::optional<QDateTime>
    nextOpening(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    //! A counselor is connected and `online`.
    [[nodiscard]] bool attended() const;
    [[nodiscard]] const DeskHours &hours() const { return m_hours; }

    //! A room opened or its patient wrote: tells the patient if nobody can answer, once per
    //! closed period.
    void check(const QString &roomId);
    //! The `contact` frame.
    void contact(Peer &peer, const protocol::client::ContactDetails &details);
    //! The roster's available agents may have changed.
    void availabilityChanged();

signals:
    //! The desk just opened (its hours began): waiting rooms may be routed again.
    void opened();

private:
    void watchHours();

    const RelayConfig &m_config;
    const DeskHours &m_hours;
    Store &m_store;
    RoomRegistry &m_rooms;
    const RoomAccess &m_access;
    FanOut &m_fanOut;
    MessageFlow &m_messages;
    const AgentRoster &m_roster;
    //! Counts the times counselors came back after nobody was online: a new unattended period.
    int m_attendedPeriod = 0;
    bool m_wasAttended = false;
    bool m_wasOpen = true;
    QTimer m_hoursTimer; //!< looks at the clock for the desk's opening
};

} // namespace medtranslate::relay
