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
};

} // namespace medtranslate::relay
