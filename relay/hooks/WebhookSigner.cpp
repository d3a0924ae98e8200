#include "hooks/WebhookSigner.h"

#include <QList>
#include <QMessageAuthenticationCode>
#include <openssl/crypto.h>
#include <utility>

namespace medtranslate::relay {

WebhookSigner::WebhookSigner(QByteArray secret) : m_secret(std::move(secret)) {}

QByteArray WebhookSigner::mac(const QByteArray &body, qint64 unixSeconds) const
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, m_secret);
    code.addData(QByteArray::number(unixSeconds));
    code.addData(QByteArrayLiteral("."));
    code.addData(body);
    return code.result().toHex();
}

QByteArray WebhookSigner::signatureHeader(const QByteArray &body, qint64 unixSeconds) const
{
    return "t=" + QByteArray::number(unixSeconds) + ",v1=" + mac(body, unixSeconds);
}

bool WebhookSigner::verify(const QByteArray &header, const QByteArray &body, qint64 nowSeconds,
                           int toleranceSeconds) const
{
    bool haveTime = false;
    qint64 time = 0;
    QList<QByteArray> macs;
    for (const QByteArray &part : header.split(',')) {
        const QByteArray item = part.trimmed();
        if (item.startsWith("t=")) {
            time = item.mid(2).toLongLong(&haveTime);
        } else if (item.startsWith("v1=")) {
            macs << item.mid(3);
        }
    }
    if (!haveTime || macs.isEmpty())
        return false;
    if (time > nowSeconds + toleranceSeconds || time < nowSeconds - toleranceSeconds)
        return false;
    const QByteArray expected = mac(body, time);
    for (const QByteArray &candidate : std::as_const(macs)) {
        if (candidate.size() == expected.size() &&
            CRYPTO_memcmp(candidate.constData(), expected.constData(), expected.size()) == 0)
            return true;
    }
    return false;
}

} // namespace medtranslate::relay
