#pragma once

#include <QLabel>
#include <QTimer>

namespace medtranslate::console {

class RelayClient;

//! The status bar's account of the connection: connected, connecting, reconnecting in N s
//! (with the last problem), offline, and how many messages wait for the relay's ack.
class ConnectionIndicator final : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionIndicator(RelayClient &client, QWidget *parent = nullptr);

private:
    void refresh();

    RelayClient &m_client;
    QTimer m_countdown;
};

} // namespace medtranslate::console
