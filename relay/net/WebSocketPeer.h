#pragma once

#include "config/RelayConfig.h"
#include "core/Peer.h"
#include "medtranslate/protocol/FrameCodec.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWebSocket>

namespace medtranslate::relay {

class PeerHandler;
class RelayMetrics;

//! A peer over one WebSocket connection: parses and polices what the client sends (size,
//! JSON, rate, hello within the deadline) and hands valid frames to the core.
class WebSocketPeer final : public Peer
{
    Q_OBJECT

public:
    WebSocketPeer(QWebSocket *socket, const RelayConfig &config, PeerHandler &handler,
                  RelayMetrics &metrics, QObject *parent = nullptr);
    ~WebSocketPeer() override;

    [[nodiscard]] QString address() const override;
    [[nodiscard]] QString host() const override;
    void closeForPolicy(const QString &reason) override;

    //! One round of the relay's keepalive: pings, or drops the connection if nothing (frame or
    //! pong) came from it for two rounds; a phone that vanished without closing goes offline.
    void keepAlive(int intervalMs);

protected:
    void transmit(const QString &frame) override;
    void authenticated() override { m_helloTimer.stop(); }

private:
    void onTextMessage(const QString &text);
    void onBinaryMessage(const QByteArray &data);
    void onDisconnected();
    void refuse(const protocol::FrameError &error);
    bool takeToken();

    QWebSocket *m_socket;
    const RelayConfig &m_config;
    PeerHandler &m_handler;
    RelayMetrics &m_metrics;
    protocol::Limits m_limits;
    QTimer m_helloTimer;
    QElapsedTimer m_lastHeard;
    int m_badFrames = 0;
    double m_tokens;
    QElapsedTimer m_lastRefill;
};

} // namespace medtranslate::relay
