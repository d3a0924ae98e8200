#include "ui/ConnectionIndicator.h"

#include "client/RelayClient.h"

namespace medtranslate::console {

ConnectionIndicator::ConnectionIndicator(RelayClient &client, QWidget *parent)
    : QLabel(parent), m_client(client)
{
    setObjectName(QStringLiteral("connectionIndicator"));
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    connect(&client, &RelayClient::stateChanged, this, &ConnectionIndicator::refresh);
    connect(&client, &RelayClient::connectionProblem, this, &ConnectionIndicator::refresh);
    connect(&client, &RelayClient::unacknowledgedCountChanged, this, &ConnectionIndicator::refresh);
    refresh();
}

void ConnectionIndicator::refresh()
{
    QString text;
    QString color;
    using State = RelayClient::State;
    switch (m_client.state()) {
    case State::Connected:
        text = tr("● Connected");
        color = QStringLiteral("#1b6e3a");
        break;
    case State::Connecting:
        text = tr("● Connecting…");
        color = QStringLiteral("#8a5200");
        break;
    case State::Reconnecting: {
        const int ms = m_client.reconnectInMs();
        text = ms >= 0 ? tr("● Connection lost — retrying in %1 s").arg((ms + 999) / 1000)
                       : tr("● Connection lost — reconnecting…");
        color = QStringLiteral("#b31b1b");
        break;
    }
    case State::Offline:
        text = tr("● Offline");
        color = QStringLiteral("#b31b1b");
        break;
    }
    if (const int waiting = m_client.unacknowledgedCount(); waiting > 0)
        text +=
            QStringLiteral("  ·  ") + tr("%n message(s) waiting to be delivered", nullptr, waiting);
    setText(text);
    setStyleSheet(QStringLiteral("color: %1; font-weight: bold; padding: 0 6px;").arg(color));
    setToolTip(m_client.lastProblem());
    if (m_client.state() == State::Reconnecting)
        m_countdown.start();
    else
        m_countdown.stop();
}

} // namespace medtranslate::console
