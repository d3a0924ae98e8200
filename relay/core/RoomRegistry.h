#pragma once

#include "medtranslate/protocol/ServerFrames.h"
#include "storage/Records.h"
#include "translation/TranslationRequest.h"

#include <QHash>
#include <QList>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace medtranslate::relay {

class Peer;

//! A room the relay is serving, with who is connected to it.
struct RoomState
{
    protocol::Room room; //!< agent, status and last_seq as stored; online flags are derived
    QString patientTokenHash;
    QList<Peer *> patients;
    //! The first patient message, for the agents' queue.
    std::string firstMessageText;
    std::string firstMessageTranslation;
    //! The last few turns, oldest first, for a provider's context; kept only when a provider
    //! reads them, and empty again after a restart.
    std::vector<ContextTurn> recentTurns;
    //! Back in the queue after its agent left or was disabled: it waits first in line.
    bool returnedToQueue = false;
    //! The note of the last transfer, shown to the receiving agent when it connects.
    std::optional<protocol::server::TransferNote> transferNote;
    bool changing = false;     //!< an accept/transfer/end is being stored; refuse another
    qint64 createdAtMs = 0;    //!< since the epoch; patient tokens expire from here
    qint64 waitingSinceMs = 0; //!< since the epoch: created, or back in the queue
    //! Since the epoch: the patient's oldest message the agent has not answered; 0 when none.
    qint64 unansweredSinceMs = 0;
    qint64 endedAtMs = 0; //!< since the epoch; 0 while open
    //! The closed (or unattended) period the patient was last told about; empty when none.
    QString deskNoticePeriod;
};

//! The rooms in memory (every waiting and active one, and ended ones someone is looking at)
//! and the agents' connections. Only the relay's thread touches it.
class RoomRegistry final
{
public:
    RoomState *find(const QString &roomId);
    RoomState *findByTokenHash(const QString &tokenHash);
    RoomState &insert(const RoomRecord &record);
    void remove(const QString &roomId);
    [[nodiscard]] int size() const { return int(m_rooms.size()); }

    //! Waiting rooms in the order they are served: urgent ones first, then patients waiting
    //! live before those who left contact details to be answered later, and within each those
    //! back in the queue first, then the oldest first.
    [[nodiscard]] std::vector<const RoomState *> waiting() const;
    [[nodiscard]] std::vector<RoomState *> assignedTo(const QString &agentId);
    //! Waiting rooms in queue order, then active ones, oldest first.
    [[nodiscard]] std::vector<const RoomState *> open() const;
    //! Every agent with an active room, once each.
    [[nodiscard]] std::vector<protocol::AgentRef> agentsWithRooms() const;

    void addAgentSession(const QString &agentId, Peer *session);
    void removeAgentSession(const QString &agentId, Peer *session);
    [[nodiscard]] QList<Peer *> agentSessions(const QString &agentId) const;
    [[nodiscard]] QList<Peer *> allAgentSessions() const;

    //! The room as clients see it, with presence filled in.
    [[nodiscard]] protocol::Room snapshot(const RoomState &state) const;
    //! Everyone who receives the room's frames: the patient's connections and the assigned agent's.
    [[nodiscard]] QList<Peer *> recipients(const RoomState &state) const;

private:
    QHash<QString, std::shared_ptr<RoomState>> m_rooms;
    QHash<QString, QString> m_byTokenHash;
    QHash<QString, QList<Peer *>> m_agentSessions;
};

} // namespace medtranslate::relay
