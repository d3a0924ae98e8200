#pragma once

#include <QByteArray>

namespace medtranslate::relay {

//! Signs webhook bodies so a hospital system can tell they come from this relay and are
//! fresh: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. The timestamp is
//! inside the MAC, so a captured request cannot be replayed later with a new time.
class WebhookSigner final
{
public:
    explicit WebhookSigner(QByteArray secret);

    //! The lowercase hex MAC over "<unixSeconds>.<body>".
    [[nodiscard]] QByteArray mac(const QByteArray &body, qint64 unixSeconds) const;

    //! The X-MedTranslate-Signature header value.
    [[nodiscard]] QByteArray signatureHeader(const QByteArray &body, qint64 unixSeconds) const;

    //! What a receiver does: the header parses, one v1 MAC matches (compared in constant
    //! time) and its timestamp is within toleranceSeconds of nowSeconds.
    [[nodiscard]] bool verify(const QByteArray &header, const QByteArray &body, qint64 nowSeconds,
                              int toleranceSeconds) const;

private:
    QByteArray m_secret;
};

} // namespace medtranslate::relay
