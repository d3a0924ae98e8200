#include "admin/PasswordPolicy.h"

#include <QList>

namespace medtranslate::relay {

QString PasswordPolicy::rules()
{
    return QStringLiteral("a password has %1 to %2 characters, is not the username and is not "
                          "one character repeated; it is read from a prompt (no echo) or from "
                          "standard input, never from the command line")
        .arg(kMinLength)
        .arg(kMaxLength);
}

std::optional<QString> PasswordPolicy::refusal(const QString &password, const QString &username)
{
    // Counted in code points, as a person counts characters.
    const qsizetype length = password.toUcs4().size();
    QString why;
    if (password.isEmpty())
        why = QStringLiteral("no password was given");
    else if (length < kMinLength)
        why = QStringLiteral("the password is too short (%1 characters)").arg(length);
    else if (length > kMaxLength)
        why = QStringLiteral("the password is too long (%1 characters)").arg(length);
    else if (password.compare(username, Qt::CaseInsensitive) == 0)
        why = QStringLiteral("the password is the username");
    else if (password.count(password.front()) == password.size())
        why = QStringLiteral("the password is one character repeated");
    if (why.isEmpty())
        return std::nullopt;
    return why + QStringLiteral(": ") + rules();
}

} // namespace medtranslate::relay
