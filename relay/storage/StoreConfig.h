#pragma once

#include <QString>

namespace medtranslate::relay {

struct StoreConfig
{
    //! "sqlite" or "postgres".
    QString driver = QStringLiteral("sqlite");
    //! SQLite: the database file. PostgreSQL: the database name.
    QString database;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    //! Longest a single statement may wait for a lock before failing, in ms.
    int busyTimeoutMs = 5000;
    //! A serving relay claims the database: a relay keeps each room's last seq in memory, so
    //! two relays on one database would collide. Admin commands do not claim it.
    bool exclusive = false;
    //! Webhooks are configured: room and message writes also queue their events in the
    //! outbox, in the same transaction. Off, the outbox stays empty.
    bool webhookOutbox = false;
};

} // namespace medtranslate::relay
