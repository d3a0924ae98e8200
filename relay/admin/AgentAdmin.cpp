#include "admin/AgentAdmin.h"

#include "auth/PasswordHasher.h"
#include "auth/TokenGenerator.h"
#include "medtranslate/Language.h"
#include "storage/Store.h"

#include <QRegularExpression>
#include <QUuid>

namespace medtranslate::relay {

bool AgentAdmin::addAgent(const QString &username, const QString &displayName, const QString &role,
                          const QStringList &languages, const QString &password, QString *error)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    if (!validName.match(username).hasMatch()) {
        *error = QStringLiteral("usernames are 2 to 64 letters, digits, '.', '_' or '-'");
        return false;
    }
    if (password.size() < kMinPasswordLength) {
        *error =
            QStringLiteral("the password needs at least %1 characters").arg(kMinPasswordLength);
        return false;
    }
    QStringList taken = languages;
    if (taken.isEmpty()) {
        for (const auto &language : supportedLanguages()) {
            if (isPatientLanguage(language.code))
                taken << QString::fromUtf8(language.code.data(), qsizetype(language.code.size()));
        }
    }
    for (const QString &code : taken) {
        if (!isPatientLanguage(code.toStdString())) {
            *error =
                QStringLiteral("'%1' is not a patient language (en, ja, zh, th, vi)").arg(code);
            return false;
        }
    }
    AgentRecord agent;
    agent.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    agent.username = username;
    agent.displayName = displayName.isEmpty() ? username : displayName;
    agent.role = role;
    agent.languages = taken;
    const QString hash = PasswordHasher::hash(password);
    const auto existing = m_store.agentByUsernameBlocking(agent.username);
    if (!existing.ok()) {
        *error = existing.error().message;
        return false;
    }
    const auto created = existing.value()
                             ? Result<void>(StoreFailure{StoreFailureKind::Refused, {}})
                             : m_store.createAgentBlocking(agent, hash);
    if (!created.ok()) {
        // Refused: the name is taken (perhaps by an agent added beside us since the check).
        *error = created.error().kind == StoreFailureKind::Refused
                     ? QStringLiteral("an agent named '%1' exists already").arg(username)
                     : created.error().message;
        return false;
    }
    return true;
}

std::optional<std::vector<AgentRecord>> AgentAdmin::list(QString *error)
{
    auto result = m_store.agentsBlocking();
    if (!result.ok()) {
        *error = result.error().message;
        return std::nullopt;
    }
    return std::move(result).value();
}

std::optional<QString> AgentAdmin::ensureDemoAgent(QString *error)
{
    const auto agents = list(error);
    if (!agents || !agents->empty())
        return std::nullopt;
    const QString password = TokenGenerator::newToken().left(16);
    if (!addAgent(QStringLiteral("demo"), QStringLiteral("데모 상담사"), QStringLiteral("agent"),
                  {}, password, error))
        return std::nullopt;
    return password;
}

} // namespace medtranslate::relay
