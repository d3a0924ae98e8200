#pragma once

#include <QString>
#include <optional>

namespace medtranslate::relay {

//! What an agent's password must be, in one place: the admin commands check it, and --help and
//! every refusal state the same rules.
class PasswordPolicy final
{
public:
    static constexpr int kMinLength = 8;
    static constexpr int kMaxLength = 128;

    //! The rules in one sentence.
    [[nodiscard]] static QString rules();
    //! Why `password` is refused for `username`; nothing when it is acceptable.
    [[nodiscard]] static std::optional<QString> refusal(const QString &password,
                                                        const QString &username);
};

} // namespace medtranslate::relay
