#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace medtranslate::relay {

struct RelayConfig;

//! Which web pages may call the relay, decided from the Origin header alone. The Host header
//! is never trusted for it: a DNS-rebinding page names its own host there, and would pass a
//! comparison of Origin with Host.
//!
//! - The relay's own origins (its pages: /chat, /demo) are the listen address (with localhost
//!   and 127.0.0.1 for loopback) and every --public-url.
//! - Patients' routes (open a consultation, its history, the WebSocket) accept those and the
//!   --allowed-origins (every origin when that list is empty).
//! - Agents' routes (login, translate, templates, the agent directory) are for the console, a
//!   native program that sends no Origin: a page of any other site is refused.
//! - No Origin at all is a native client (the console, curl, a test): allowed; the token and
//!   the rate limits are what guard those.
class OriginPolicy final
{
public:
    enum class Audience { Patients, Agents };

    explicit OriginPolicy(const RelayConfig &config);

    //! Called once the port is known (a configured port 0 picks one).
    void setListening(const QHostAddress &address, quint16 port, bool tls);

    [[nodiscard]] bool allows(const QString &origin, Audience audience) const;
    [[nodiscard]] bool isOwn(const QString &origin) const;
    [[nodiscard]] const QStringList &ownOrigins() const { return m_own; }

private:
    QStringList m_configuredOwn; //!< --public-url, as origins
    QStringList m_allowed;       //!< --allowed-origins; empty: any
    QStringList m_own;
};

} // namespace medtranslate::relay
