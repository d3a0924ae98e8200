#pragma once

#include <QByteArray>
#include <QUrl>

namespace medtranslate::relay {

//! Where the hospital's systems are told about consultations, and how hard the relay tries.
struct WebhookConfig
{
    QUrl url;                  //!< http or https; empty turns webhooks off
    QByteArray secret;         //!< HMAC-SHA256 key; from a file or the environment, never argv
    int timeoutMs = 10000;     //!< one delivery attempt, from when it is sent
    int backoffBaseMs = 1000;  //!< first retry after about this long, then doubling
    int backoffCapMs = 300000; //!< retries never wait longer than this

    [[nodiscard]] bool enabled() const { return !url.isEmpty(); }
};

} // namespace medtranslate::relay
