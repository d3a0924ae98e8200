#pragma once

#include "medtranslate/protocol/Types.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;

namespace medtranslate::console {

//! The status bar's presence: the counselor's own status (available or away), as the relay last
//! said it, and a count of colleagues online and away with each one's load in the tooltip.
class PresenceBar final : public QWidget
{
    Q_OBJECT

public:
    explicit PresenceBar(QWidget *parent = nullptr);

    //! The relay's `agents` list; `ownId` is this counselor, whose entry sets the chooser.
    void showAgents(const std::vector<protocol::AgentPresence> &agents, const QString &ownId);

signals:
    //! The counselor chose a status (not sent when the relay's list sets the chooser).
    void statusChosen(medtranslate::protocol::AgentStatus status);

private:
    QComboBox *m_status;
    QLabel *m_colleagues;
};

} // namespace medtranslate::console
