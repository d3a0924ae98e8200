#include "auth/TokenGenerator.h"

#include <QByteArray>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace medtranslate::relay {

namespace {
QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), n) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return bytes;
}
} // namespace

QString TokenGenerator::newToken()
{
    return QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString TokenGenerator::hashToken(const QString &token)
{
    const QByteArray data = token.toUtf8();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), std::size_t(data.size()), digest, &length, EVP_sha256(),
                   nullptr) != 1)
        throw std::runtime_error("EVP_Digest failed");
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

QString TokenGenerator::newRoomId()
{
    return QString::fromLatin1(randomBytes(16).toHex());
}

} // namespace medtranslate::relay
