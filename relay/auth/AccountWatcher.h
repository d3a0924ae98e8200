#pragma once

#include "storage/Records.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace medtranslate::relay {

class Store;

//! Notices account changes made beside the serving relay: the admin commands run as separate
//! processes on the same database. Every `intervalMs` it reads the account revision, one
//! single-row read on the store thread; only when that moved does it read the accounts and
//! compare them with what it saw before. Cheap enough to run every second, and no token check
//! waits for it.
class AccountWatcher final : public QObject
{
    Q_OBJECT

public:
    AccountWatcher(Store &store, int intervalMs, QObject *parent = nullptr);

    //! Reads the accounts as they are now, to compare later ones with, and starts polling;
    //! blocks briefly (start-up).
    bool start(QString *error);

signals:
    //! Every session of the agent ended (a new password, or the account was disabled): its
    //! connections are to close. `disabled`: its consultations go back to the queue too.
    void sessionsEnded(const QString &agentId, bool disabled);
    //! The agent's details changed (name, role, languages, ...).
    void agentChanged(const AgentRecord &agent);

private:
    void poll();
    void compare(const std::vector<AgentAccount> &accounts);
    [[nodiscard]] static bool sameDetails(const AgentRecord &a, const AgentRecord &b);

    Store &m_store;
    QTimer m_timer;
    qint64 m_revision = -1;
    bool m_polling = false; //!< a poll is on the store's queue; never stack them up
    QHash<QString, AgentAccount> m_known;
};

} // namespace medtranslate::relay
