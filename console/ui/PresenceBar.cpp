#include "ui/PresenceBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace medtranslate::console {

using protocol::AgentStatus;

PresenceBar::PresenceBar(QWidget *parent)
    : QWidget(parent), m_status(new QComboBox(this)), m_colleagues(new QLabel(this))
{
    m_status->setObjectName(QStringLiteral("statusChooser"));
    m_colleagues->setObjectName(QStringLiteral("colleagues"));
    m_status->addItem(tr("Available"), int(AgentStatus::Online));
    m_status->addItem(tr("Away (no new chats)"), int(AgentStatus::Away));
    m_status->setToolTip(tr("Away keeps your chats but gives you no new ones."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_colleagues);
    connect(m_status, &QComboBox::activated, this, [this](int index) {
        emit statusChosen(AgentStatus(m_status->itemData(index).toInt()));
    });
}

void PresenceBar::showAgents(const std::vector<protocol::AgentPresence> &agents,
                             const QString &ownId)
{
    int online = 0;
    int away = 0;
    QStringList lines;
    for (const auto &agent : agents) {
        const QString name = QString::fromStdString(agent.name);
        if (QString::fromStdString(agent.id) == ownId) {
            const int index = m_status->findData(int(agent.status));
            if (index >= 0) {
                const QSignalBlocker quiet(m_status);
                m_status->setCurrentIndex(index);
            }
            continue;
        }
        QString status;
        switch (agent.status) {
        case AgentStatus::Online:
            ++online;
            status = tr("available");
            break;
        case AgentStatus::Away:
            ++away;
            status = tr("away");
            break;
        case AgentStatus::Offline:
            status = tr("offline");
            break;
        }
        lines << tr("%1 — %2, %n chat(s)", nullptr, int(agent.activeChats)).arg(name, status);
    }
    m_colleagues->setText(tr("Colleagues: %1 available, %2 away").arg(online).arg(away));
    m_colleagues->setToolTip(lines.join(QLatin1Char('\n')));
}

} // namespace medtranslate::console
