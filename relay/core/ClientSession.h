#pragma once

#include "config/RelayConfig.h"
#include "medtranslate/protocol/FrameCodec.h"
#include "storage/Records.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QWebSocket>
#include <vector>

namespace medtranslate::relay {

class SessionHandler;
class RelayMetrics;

//! One WebSocket connection: parses and polices what the client sends (size, JSON, rate,
//! hello within the deadline) and sends frames, holding back a room's live frames while that
//! room's history is being replayed so the client sees every seq once and in order.
class ClientSession final : public QObject
{
    Q_OBJECT

public:
    ClientSession(QWebSocket *socket, const RelayConfig &config, SessionHandler &handler,
                  RelayMetrics &metrics, QObject *parent = nullptr);
    ~ClientSession() override;

    [[nodiscard]] bool isAuthenticated() const { return m_authenticated; }
    [[nodiscard]] protocol::Role role() const { return m_role; }
    //! A patient's room.
    [[nodiscard]] const QString &roomId() const { return m_roomId; }
    //! An agent's account.
    [[nodiscard]] const AgentRecord &agent() const { return m_agent; }
    [[nodiscard]] QString peer() const;

    void authenticatePatient(const QString &roomId);
    void authenticateAgent(const AgentRecord &agent);

    void send(const protocol::ServerFrame &frame);
    //! Sends a frame already encoded for many recipients.
    void sendEncoded(const QString &frame);
    //! A live frame of a room; held back while that room is replaying (`seq` 0: not a message).
    void deliver(const QString &roomId, qint64 seq, const QString &frame);
    void sendError(protocol::ErrorCode code, const QString &message, const QString &ref = {});
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);

    //! One round of the relay's keepalive: pings, or drops the connection if nothing (frame or
    //! pong) came from it for two rounds; a phone that vanished without closing goes offline.
    void keepAlive(int intervalMs);

    //! Starts holding back live frames of `roomId` until `endReplay`.
    void beginReplay(const QString &roomId);
    //! Sends the held-back frames, skipping messages with seq <= `replayedUpTo`.
    void endReplay(const QString &roomId, qint64 replayedUpTo);

private:
    void onTextMessage(const QString &text);
    void onBinaryMessage(const QByteArray &data);
    void onDisconnected();
    void refuse(const protocol::FrameError &error);
    bool takeToken();

    struct HeldFrame
    {
        qint64 seq;
        QString frame;
    };

    QWebSocket *m_socket;
    const RelayConfig &m_config;
    SessionHandler &m_handler;
    RelayMetrics &m_metrics;
    protocol::Limits m_limits;
    QTimer m_helloTimer;
    QElapsedTimer m_lastHeard;
    bool m_authenticated = false;
    bool m_closed = false;
    protocol::Role m_role = protocol::Role::Patient;
    QString m_roomId;
    AgentRecord m_agent;
    int m_badFrames = 0;
    double m_tokens;
    QElapsedTimer m_lastRefill;
    QHash<QString, std::vector<HeldFrame>> m_replaying;
};

} // namespace medtranslate::relay
