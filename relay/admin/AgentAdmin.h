#pragma once

#include "storage/Records.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace medtranslate::relay {

class Store;

//! Agent accounts from the command line. Blocking calls: for admin commands and start-up only.
class AgentAdmin final
{
public:
    explicit AgentAdmin(Store &store) : m_store(store) {}

    static constexpr int kMinPasswordLength = 8;

    bool addAgent(const QString &username, const QString &displayName, const QString &role,
                  const QStringList &languages, const QString &password, QString *error);
    [[nodiscard]] std::optional<std::vector<AgentRecord>> list(QString *error);
    //! Creates the account "demo" with a fresh random password when no agent exists yet;
    //! returns that password (to print once), or nothing if agents already exist.
    [[nodiscard]] std::optional<QString> ensureDemoAgent(QString *error);

private:
    Store &m_store;
};

} // namespace medtranslate::relay
