#pragma once

#include <QString>

namespace medtranslate::relay {

//! Bearer tokens: 32 random bytes from OpenSSL, base64url. Only their SHA-256 is stored,
//! so a copy of the database does not let anyone into a room.
class TokenGenerator final
{
public:
    [[nodiscard]] static QString newToken();
    [[nodiscard]] static QString hashToken(const QString &token);
    //! Random id for rooms: 16 bytes, hex, unguessable.
    [[nodiscard]] static QString newRoomId();
};

} // namespace medtranslate::relay
