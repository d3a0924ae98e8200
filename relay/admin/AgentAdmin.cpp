#include "admin/AgentAdmin.h"

#include "admin/PasswordPolicy.h"
#include "auth/PasswordHasher.h"
#include "auth/TokenGenerator.h"
#include "medtranslate/Language.h"
#include "storage/Store.h"

#include <QRegularExpression>
#include <QUuid>

namespace medtranslate::relay {

namespace {

constexpr int kMaxNameLength = 64;

QStringList patientLanguageCodes()
{
    QStringList codes;
    for (const auto &language : supportedLanguages()) {
        if (isPatientLanguage(language.code))
            codes << QString::fromUtf8(language.code.data(), qsizetype(language.code.size()));
    }
    return codes;
}

QString describe(const StoreFailure &failure)
{
    return failure.kind == StoreFailureKind::TimedOut
               ? failure.message + QStringLiteral(" (is the database locked by another program?)")
               : failure.message;
}

} // namespace

QString AgentAdmin::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("--agent-name must not be empty");
    if (name.size() > kMaxNameLength)
        return QStringLiteral("--agent-name has at most %1 characters").arg(kMaxNameLength);
    return {};
}

QString AgentAdmin::checkPatientFacingName(const QString &name)
{
    // Patients of any language can read Latin letters; accents are fine (Nguyễn, José).
    bool letter = false;
    bool latin = name.size() <= kMaxNameLength;
    for (const QChar c : name) {
        if (c.isLetter()) {
            letter = true;
            latin = latin && c.script() == QChar::Script_Latin;
        } else if (c.isMark()) {
            continue;
        } else if (c != QLatin1Char(' ') && c != QLatin1Char('.') && c != QLatin1Char('-') &&
                   c != QLatin1Char('\'')) {
            latin = false;
        }
    }
    if (!letter || !latin)
        return QStringLiteral(
                   "--agent-display-name is the name patients see, in Latin letters "
                   "(with spaces, dots, hyphens and apostrophes, at most %1 characters), got "
                   "'%2'")
            .arg(kMaxNameLength)
            .arg(name);
    return {};
}

QString AgentAdmin::checkRole(const QString &role)
{
    if (role != QLatin1String("agent") && role != QLatin1String("admin"))
        return QStringLiteral("--agent-role must be agent or admin, got '%1'").arg(role);
    return {};
}

QString AgentAdmin::checkLanguages(const QStringList &languages)
{
    const QStringList codes = patientLanguageCodes();
    if (languages.isEmpty())
        return QStringLiteral("--agent-languages needs at least one of %1")
            .arg(codes.join(QLatin1Char(',')));
    for (const QString &code : languages) {
        if (!codes.contains(code))
            return QStringLiteral("'%1' is not a patient language (%2)")
                .arg(code, codes.join(QLatin1Char(',')));
    }
    return {};
}

QString AgentAdmin::checkMaxChats(int maxChats)
{
    if (maxChats < 1)
        return QStringLiteral("--agent-max-chats must be a positive whole number, got %1")
            .arg(maxChats);
    return {};
}

bool AgentAdmin::addAgent(const QString &username, const QString &displayName, const QString &role,
                          const QStringList &languages, const QString &password, QString *error)
{
    AgentRecord agent;
    agent.username = username;
    agent.displayName = displayName;
    agent.role = role;
    agent.languages = languages;
    return addAgent(std::move(agent), password, error);
}

bool AgentAdmin::addAgent(AgentRecord agent, const QString &password, QString *error)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    if (!validName.match(agent.username).hasMatch()) {
        *error = QStringLiteral("usernames are 2 to 64 letters, digits, '.', '_' or '-'");
        return false;
    }
    if (agent.displayName.isEmpty())
        agent.displayName = agent.username;
    if (agent.languages.isEmpty())
        agent.languages = patientLanguageCodes();
    for (const QString &why :
         {checkName(agent.displayName),
          agent.patientFacingName.isEmpty() ? QString()
                                            : checkPatientFacingName(agent.patientFacingName),
          checkRole(agent.role), checkLanguages(agent.languages),
          agent.maxChats == 0 ? QString() : checkMaxChats(agent.maxChats)}) {
        if (!why.isEmpty()) {
            *error = why;
            return false;
        }
    }
    if (const auto refused = PasswordPolicy::refusal(password, agent.username)) {
        *error = *refused;
        return false;
    }
    agent.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    agent.enabled = true;
    const QString hash = PasswordHasher::hash(password);
    const auto existing = m_store.agentByUsernameBlocking(agent.username);
    if (!existing.ok()) {
        *error = describe(existing.error());
        return false;
    }
    const auto created = existing.value()
                             ? Result<void>(StoreFailure{StoreFailureKind::Refused, {}})
                             : m_store.createAgentBlocking(agent, hash);
    if (!created.ok()) {
        // Refused: the name is taken (perhaps by an agent added beside us since the check).
        *error = created.error().kind == StoreFailureKind::Refused
                     ? QStringLiteral("an agent named '%1' exists already").arg(agent.username)
                     : describe(created.error());
        return false;
    }
    return true;
}

std::optional<std::vector<AgentRecord>> AgentAdmin::list(QString *error)
{
    auto result = m_store.agentsBlocking();
    if (!result.ok()) {
        *error = describe(result.error());
        return std::nullopt;
    }
    return std::move(result).value();
}

std::optional<AccountUpdate> AgentAdmin::setEnabled(const QString &username, bool enabled,
                                                    QString *error)
{
    auto result = m_store.setAgentEnabledBlocking(username, enabled);
    if (!result.ok()) {
        *error = describe(result.error());
        return std::nullopt;
    }
    return result.value();
}

std::optional<AccountUpdate> AgentAdmin::resetPassword(const QString &username,
                                                       const QString &password, QString *error)
{
    // An unknown user is named before the password is judged: the operator mistyped the name.
    const auto existing = m_store.agentByUsernameBlocking(username);
    if (!existing.ok() || !existing.value()) {
        *error = existing.ok() ? QStringLiteral("no agent named '%1'").arg(username)
                               : describe(existing.error());
        return std::nullopt;
    }
    if (const auto refused = PasswordPolicy::refusal(password, username)) {
        *error = *refused;
        return std::nullopt;
    }
    auto result = m_store.resetAgentPasswordBlocking(username, PasswordHasher::hash(password));
    if (!result.ok()) {
        *error = describe(result.error());
        return std::nullopt;
    }
    return result.value();
}

bool AgentAdmin::update(const QString &username, AgentChanges changes, QString *error)
{
    for (const QString &refusal :
         {changes.displayName ? checkName(*changes.displayName) : QString(),
          changes.patientFacingName ? checkPatientFacingName(*changes.patientFacingName)
                                    : QString(),
          changes.role ? checkRole(*changes.role) : QString(),
          changes.languages ? checkLanguages(*changes.languages) : QString(),
          changes.maxChats ? checkMaxChats(*changes.maxChats) : QString()}) {
        if (!refusal.isEmpty()) {
            *error = refusal;
            return false;
        }
    }
    const auto result = m_store.updateAgentBlocking(username, std::move(changes));
    if (!result.ok()) {
        *error = describe(result.error());
        return false;
    }
    return true;
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
