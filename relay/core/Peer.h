#pragma once

#include "medtranslate/protocol/ServerFrames.h"
#include "storage/Records.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <vector>

namespace medtranslate::relay {

class RelayMetrics;

//! One client as the relay core sees it: it speaks typed frames, whatever carries them. A
//! WebSocket connection is one implementation; tests use an in-process one. The core never
//! touches a socket, so its rules can be tested without one.
//!
//! The peer holds back a room's live frames while that room's history is being replayed, so
//! the client sees every seq once and in order.
class Peer : public QObject
{
    Q_OBJECT

public:
    explicit Peer(RelayMetrics *metrics = nullptr, QObject *parent = nullptr);
    ~Peer() override;

    [[nodiscard]] bool isAuthenticated() const { return m_authenticated; }
    [[nodiscard]] protocol::Role role() const { return m_role; }
    //! A patient's room.
    [[nodiscard]] const QString &roomId() const { return m_roomId; }
    //! An agent's account.
    [[nodiscard]] const AgentRecord &agent() const { return m_agent; }
    //! Where the client is, for logs ("host:port").
    [[nodiscard]] virtual QString address() const = 0;
    //! The client's host alone, what per-address budgets are kept by.
    [[nodiscard]] virtual QString host() const = 0;

    void authenticatePatient(const QString &roomId);
    void authenticateAgent(const AgentRecord &agent);
    //! An administrator changed the agent's account (a role, a name) while it is connected.
    void updateAgent(const AgentRecord &agent);

    void send(const protocol::ServerFrame &frame);
    //! Sends a frame already encoded for many recipients.
    void sendEncoded(const QString &frame);
    //! A live frame of a room; held back while that room is replaying (`seq` 0: not a message).
    void deliver(const QString &roomId, qint64 seq, const QString &frame);
    void sendError(protocol::ErrorCode code, const QString &message, const QString &ref = {});
    //! Ends the connection for breaking the rules (WebSocket close code 1008).
    virtual void closeForPolicy(const QString &reason) = 0;

    //! Starts holding back live frames of `roomId` until `endReplay`.
    void beginReplay(const QString &roomId);
    //! Sends the held-back frames, skipping messages with seq <= `replayedUpTo`.
    void endReplay(const QString &roomId, qint64 replayedUpTo);

protected:
    //! Puts one encoded frame on the wire; not called once the peer is closed.
    virtual void transmit(const QString &frame) = 0;
    //! Hello was accepted (e.g. stop the hello deadline).
    virtual void authenticated() {}
    void markClosed() { m_closed = true; }
    [[nodiscard]] bool isClosed() const { return m_closed; }
    [[nodiscard]] RelayMetrics *metrics() const { return m_metrics; }

private:
    struct HeldFrame
    {
        qint64 seq;
        QString frame;
    };

    RelayMetrics *m_metrics;
    bool m_authenticated = false;
    bool m_closed = false;
    protocol::Role m_role = protocol::Role::Patient;
    QString m_roomId;
    AgentRecord m_agent;
    QHash<QString, std::vector<HeldFrame>> m_replaying;
};

} // namespace medtranslate::relay
