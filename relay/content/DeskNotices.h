#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace medtranslate::relay {

//! The desk's vetted notices: closed (with when it opens), nobody online, and contact details
//! received. Korean for the agent, and the patient's language; every one gives 119.
class DeskNotices final
{
public:
    enum class Kind {
        Closed,      //!< outside opening hours
        Unattended,  //!< within them, but no counselor is online
        ContactSaved //!< the patient left contact details (answer later)
    };

    [[nodiscard]] static QString eventName(Kind kind);
    //! The notice in `lang` (English when the language has none). `opensAt` fills in when a
    //! closed desk opens, in the hospital's time zone `zone`; without it that sentence is left
    //! out.
    [[nodiscard]] static QString text(Kind kind, const QString &lang,
                                      const std::optional<QDateTime> &opensAt,
                                      const QTimeZone &zone);
    //! When the desk opens, as a reader of `lang` writes a date and time, in `zone`'s local time
    //! and naming it (e.g. "Monday 2 March at 09:00 (Korea time)").
    [[nodiscard]] static QString formatOpening(const QString &lang, const QDateTime &opensAt,
                                               const QTimeZone &zone);
};

} // namespace medtranslate::relay
