#include "TestDatabase.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace medtranslate::test {

namespace {

QHash<QString, QString> postgresSettings()
{
    QString dsn = qEnvironmentVariable("MEDTRANSLATE_TEST_PG");
    if (dsn.isEmpty())
        dsn = QStringLiteral("host=127.0.0.1 port=55432 user=postgres dbname=postgres");
    QHash<QString, QString> settings;
    for (const QString &pair : dsn.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        settings.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    return settings;
}

//! One statement on the server's maintenance database (CREATE and DROP DATABASE).
bool maintenanceExec(const QString &sql, QString *error)
{
    const auto settings = postgresSettings();
    const QString connection = QStringLiteral("maintenance-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(settings.value(QStringLiteral("host")));
        db.setPort(settings.value(QStringLiteral("port")).toInt());
        db.setUserName(settings.value(QStringLiteral("user")));
        db.setDatabaseName(settings.value(QStringLiteral("dbname")));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

TestDatabase::TestDatabase(QString driver) : m_driver(std::move(driver)) {}

TestDatabase::~TestDatabase()
{
    if (m_created && isPostgres()) {
        QString error;
        maintenanceExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name),
                        &error);
    }
}

bool TestDatabase::create(QString *error)
{
    if (!isPostgres()) {
        m_name = m_dir.filePath(QStringLiteral("relay.db"));
        m_created = true;
        return true;
    }
    const auto settings = postgresSettings();
    m_host = settings.value(QStringLiteral("host"));
    m_port = settings.value(QStringLiteral("port"));
    m_user = settings.value(QStringLiteral("user"));
    m_name = QStringLiteral("mt_admin_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (!maintenanceExec(QStringLiteral("CREATE DATABASE ") + m_name, error)) {
        *error = QStringLiteral("PostgreSQL is not reachable (start it with "
                                "scripts/start-postgres.sh): ") +
                 *error;
        return false;
    }
    m_created = true;
    return true;
}

QStringList TestDatabase::relayArguments() const
{
    QStringList arguments{QStringLiteral("--db"), m_name};
    if (isPostgres())
        arguments << QStringLiteral("--db-driver") << QStringLiteral("postgres")
                  << QStringLiteral("--db-host") << m_host << QStringLiteral("--db-port") << m_port
                  << QStringLiteral("--db-user") << m_user;
    return arguments;
}

relay::StoreConfig TestDatabase::storeConfig() const
{
    relay::StoreConfig config;
    config.driver = isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite");
    config.database = m_name;
    if (isPostgres()) {
        config.host = m_host;
        config.port = m_port.toInt();
        config.user = m_user;
    }
    return config;
}

} // namespace medtranslate::test
