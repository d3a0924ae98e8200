#pragma once

#include <QString>

namespace medtranslate::relay {

//! Password hashes as PBKDF2-HMAC-SHA256 from OpenSSL, stored as
//! "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>" so the cost can grow later.
class PasswordHasher final
{
public:
    static constexpr int kDefaultIterations = 210000; // OWASP's 2023 figure for PBKDF2-SHA256

    [[nodiscard]] static QString hash(const QString &password, int iterations = kDefaultIterations);
    //! Constant-time comparison; false for anything malformed.
    [[nodiscard]] static bool verify(const QString &password, const QString &encoded);
};

} // namespace medtranslate::relay
