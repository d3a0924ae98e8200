#pragma once

#include "medtranslate/protocol/HttpBodies.h"

#include <QString>
#include <optional>

namespace medtranslate::relay {

//! The hospital's optional pre-chat step (resources/desk/prechat.json, or --prechat): which of
//! name, contact and reason the widget asks before the first message, and the check of what a
//! patient sent with `POST /api/rooms`.
class PrechatForm final
{
public:
    enum class Ask { Off, Optional, Required };

    static constexpr int kMaxNameChars = 100;
    static constexpr int kMaxReasonChars = 500;

    //! Every field off: no pre-chat step.
    PrechatForm() = default;

    //! Reads a file: {"name", "contact", "reason"}, each "off", "optional" or "required"; a
    //! missing field is off.
    [[nodiscard]] static std::optional<PrechatForm> load(const QString &path, QString *error);
    [[nodiscard]] static std::optional<PrechatForm> parse(const QByteArray &json, QString *error);

    void set(Ask name, Ask contact, Ask reason);
    [[nodiscard]] bool enabled() const;
    //! What GET /api/desk tells the widget.
    [[nodiscard]] protocol::http::PrechatFields fields() const;

    //! The answers trimmed, or an error (for a 400) naming the field: a required one missing,
    //! one the hospital does not ask, one too long, a contact that is neither an e-mail address
    //! nor a phone number. Nothing sent and nothing required is no pre-chat data.
    [[nodiscard]] std::optional<protocol::Prechat>
    check(const std::optional<protocol::Prechat> &sent, QString *error) const;

private:
    Ask m_name = Ask::Off;
    Ask m_contact = Ask::Off;
    Ask m_reason = Ask::Off;
};

} // namespace medtranslate::relay
