#pragma once

#include "storage/Records.h"
#include "translation/TranslationRequest.h"

#include <QHash>
#include <QList>
#include <QString>
#include <memory>
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
    bool changing = false;  //!< an accept/transfer/end is being stored; refuse another
    qint64 createdAtMs = 0; //!< since the epoch; patient tokens expire from here
    qint64 endedAtMs = 0;   //!< since the epoch; 0 while open
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

    //! Waiting rooms, urgent ones first, each group oldest first.
    [[nodiscard]] std::vector<const RoomState *> waiting() const;
    [[nodiscard]] std::vector<RoomState *> assignedTo(const QString &agentId);

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
