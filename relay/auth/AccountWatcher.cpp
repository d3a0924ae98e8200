#include "auth/AccountWatcher.h"

#include "storage/Store.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAccounts, "medtranslate.accounts")

namespace medtranslate::relay {

AccountWatcher::AccountWatcher(Store &store, int intervalMs, QObject *parent)
    : QObject(parent), m_store(store)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AccountWatcher::poll);
}

bool AccountWatcher::start(QString *error)
{
    const auto snapshot = m_store.accountSnapshotBlocking(-1);
    if (!snapshot.ok()) {
        *error = snapshot.error().message;
        return false;
    }
    m_revision = snapshot.value().revision;
    for (const AgentAccount &account :
         snapshot.value().accounts.value_or(std::vector<AgentAccount>{}))
        m_known.insert(account.agent.id, account);
    m_timer.start();
    return true;
}

void AccountWatcher::poll()
{
    if (m_polling)
        return;
    m_polling = true;
    m_store.accountSnapshot(m_revision, this, [this](Result<AccountSnapshot> result) {
        m_polling = false;
        if (!result.ok()) {
            // The next round tries again; the tokens themselves are checked by the store.
            qCWarning(lcAccounts) << "cannot read the accounts:" << result.error().message;
            return;
        }
        m_revision = result.value().revision;
        if (result.value().accounts)
            compare(*result.value().accounts);
    });
}

bool AccountWatcher::sameDetails(const AgentRecord &a, const AgentRecord &b)
{
    return a.username == b.username && a.displayName == b.displayName && a.role == b.role &&
           a.languages == b.languages && a.patientFacingName == b.patientFacingName &&
           a.maxChats == b.maxChats && a.enabled == b.enabled;
}

void AccountWatcher::compare(const std::vector<AgentAccount> &accounts)
{
    for (const AgentAccount &account : accounts) {
        // An account added since the last look started with epoch 0 and may have logged in.
        const auto known = m_known.constFind(account.agent.id);
        const bool added = known == m_known.constEnd();
        const AgentAccount before = added ? AgentAccount{account.agent, 0} : *known;
        m_known.insert(account.agent.id, account);
        if (account.sessionsEpoch != before.sessionsEpoch) {
            qCInfo(lcAccounts) << "sessions of" << account.agent.username << "ended"
                               << (account.agent.enabled ? "(new password)" : "(disabled)");
            emit sessionsEnded(account.agent.id, !account.agent.enabled);
        }
        // An added account's earlier details are unknown: its sessions get the current ones.
        if (added || !sameDetails(account.agent, before.agent))
            emit agentChanged(account.agent);
    }
}

} // namespace medtranslate::relay
