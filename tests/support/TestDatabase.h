#pragma once

#include "storage/StoreConfig.h"

#include <QStringList>
#include <QTemporaryDir>

namespace medtranslate::test {

//! A fresh, empty database for one test, of the driver the suite is built for: a SQLite file
//! in a temporary folder, or a new database on the test PostgreSQL (scripts/start-postgres.sh,
//! settings from MEDTRANSLATE_TEST_PG), dropped afterwards.
class TestDatabase final
{
public:
    //! `driver` is "sqlite" or "postgres".
    explicit TestDatabase(QString driver);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    //! False (with the reason) when the database cannot be made, e.g. PostgreSQL is down.
    bool create(QString *error);
    //! The relay's flags for this database, starting with `--db`.
    [[nodiscard]] QStringList relayArguments() const;
    //! The same database as a Store opens it in-process.
    [[nodiscard]] relay::StoreConfig storeConfig() const;
    //! The name `--db` gets.
    [[nodiscard]] const QString &name() const { return m_name; }

private:
    [[nodiscard]] bool isPostgres() const { return m_driver == QLatin1String("postgres"); }

    QString m_driver;
    QTemporaryDir m_dir;
    QString m_name;
    QString m_host;
    QString m_port;
    QString m_user;
    bool m_created = false;
};

} // namespace medtranslate::test
