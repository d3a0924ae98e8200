#pragma once

#include "storage/Records.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace medtranslate::relay {

class Store;

//! Agent accounts from the command line. Blocking calls: for admin commands and start-up only.
//! Every command checks all of its input before it writes, and writes in one transaction, so
//! a refused command changes nothing.
class AgentAdmin final
{
public:
    explicit AgentAdmin(Store &store) : m_store(store) {}

    //! `agent` gives username, name, patient-facing name, role, languages (empty: every
    //! patient language) and max chats; the id is made here.
    bool addAgent(AgentRecord agent, const QString &password, QString *error);
    bool addAgent(const QString &username, const QString &displayName, const QString &role,
                  const QStringList &languages, const QString &password, QString *error);
    [[nodiscard]] std::optional<std::vector<AgentRecord>> list(QString *error);
    //! Disabling ends the agent's sessions and puts its active consultations back in the queue.
    [[nodiscard]] std::optional<AccountUpdate> setEnabled(const QString &username, bool enabled,
                                                          QString *error);
    //! A new password; every session of the agent ends.
    [[nodiscard]] std::optional<AccountUpdate>
    resetPassword(const QString &username, const QString &password, QString *error);
    bool update(const QString &username, AgentChanges changes, QString *error);
    //! Creates the account "demo" with a fresh random password when no agent exists yet;
    //! returns that password (to print once), or nothing if agents already exist.
    [[nodiscard]] std::optional<QString> ensureDemoAgent(QString *error);

private:
    //! Each returns why the value is refused, or an empty string.
    [[nodiscard]] static QString checkName(const QString &name);
    [[nodiscard]] static QString checkPatientFacingName(const QString &name);
    [[nodiscard]] static QString checkRole(const QString &role);
    [[nodiscard]] static QString checkLanguages(const QStringList &languages);
    [[nodiscard]] static QString checkMaxChats(int maxChats);

    Store &m_store;
};

} // namespace medtranslate::relay
