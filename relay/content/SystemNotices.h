#pragma once

#include <QString>

namespace medtranslate::relay {

//! The relay's own notices in a room (agent joined, transferred, back in the queue, ended), in
//! Korean for the agent and with a vetted translation for the patient.
class SystemNotices final
{
public:
    enum class Kind {
        AgentJoined,
        Transferred,
        Requeued, //!< the agent's account was disabled: the room waits for another agent
        Ended
    };

    [[nodiscard]] static QString eventName(Kind kind);
    //! The notice in `lang`; `agentName` fills the name where the notice has one.
    [[nodiscard]] static QString text(Kind kind, const QString &lang, const QString &agentName);
};

} // namespace medtranslate::relay
