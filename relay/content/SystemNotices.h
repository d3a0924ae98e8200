#pragma once

#include <QString>

namespace medtranslate::relay {

//! The relay's own notices in a room (agent joined, transferred, back in the queue, language
//! corrected, ended), in Korean for the agent and with a vetted translation for the patient.
class SystemNotices final
{
public:
    enum class Kind {
        AgentJoined,
        Transferred,
        Requeued, //!< the agent's account was disabled: the room waits for another agent
        //! The room's patient language was corrected; the patient's text is in the new one.
        LanguageChanged,
        Ended
    };

    [[nodiscard]] static QString eventName(Kind kind);
    //! The notice in `lang`. `detail` fills the agent's name where the notice has one; for
    //! LanguageChanged it is the new language's code, which the Korean text names.
    [[nodiscard]] static QString text(Kind kind, const QString &lang, const QString &detail);
};

} // namespace medtranslate::relay
