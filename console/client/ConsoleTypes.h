#pragma once

#include "medtranslate/protocol/HttpBodies.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <string>

//! Small value types the console's client layer hands to its widgets.
namespace medtranslate::console {

//! The logged-in counselor, as `POST /api/auth/login` describes them.
struct AgentAccount
{
    QString id;
    QString name;
    QString role;
    QStringList languages;
};

//! A vetted quick reply from `GET /api/templates`, the relay's own type; "ko" is what the agent
//! reads.
using QuickReply = protocol::http::QuickReply;

//! A counselor from `GET /api/agents`, offered when a chat is transferred.
struct Colleague
{
    QString id;
    QString name;
    bool online = false;
};

//! Why a login did not succeed; each kind gets its own message so the agent knows what to fix.
enum class LoginFailure {
    WrongCredentials, //!< 401: username or password
    Unreachable,      //!< no answer: address, network, relay down, timeout
    Tls,              //!< the relay's certificate or TLS handshake was refused
    BadAddress,       //!< not an http(s) URL
    Server,           //!< the relay answered with an error of its own
    TooManyAttempts,  //!< 429 after failed logins; the detail is the wait in seconds
};

inline QString toQString(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace medtranslate::console
