#include "storage/StoreWorker.h"

#include "storage/StoreError.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <atomic>

// The migrations are compiled into the static core library; its resources need explicit init.
static void initSqlResources()
{
    Q_INIT_RESOURCE(sql);
}

namespace medtranslate::relay {

namespace {

std::atomic<int> g_connectionCounter{0};

//! The migration that adds the record chain (006_record_chain.sql).
constexpr int kRecordChainVersion = 6;
//! The migration that adds messages.search_text (010_consultation_search.sql).
constexpr int kSearchTextVersion = 10;

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

// Each migration is one numbered SQL file; statements are split on ';' at line ends.
QStringList migrationFiles()
{
    initSqlResources();
    QDir dir(QStringLiteral(":/medtranslate/sql"));
    QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        throw StoreError(QStringLiteral("no schema migrations are compiled in"));
    return files;
}

QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            statements << current.trimmed().chopped(1);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

} // namespace

StoreWorker::StoreWorker(StoreConfig config)
    : m_config(std::move(config)),
      m_connectionName(QStringLiteral("medtranslate-store-%1").arg(++g_connectionCounter))
{
}

StoreWorker::~StoreWorker()
{
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool StoreWorker::isPostgres() const
{
    return m_config.driver == QLatin1String("postgres");
}

void StoreWorker::open()
{
    const bool postgres = isPostgres();
    if (!postgres && m_config.driver != QLatin1String("sqlite"))
        throw StoreError(QStringLiteral("unknown database driver '%1'").arg(m_config.driver));
    m_db = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"),
                                     m_connectionName);
    if (!m_db.isValid())
        throw StoreError(
            QStringLiteral("the Qt SQL driver for %1 is not installed").arg(m_config.driver));
    m_db.setDatabaseName(m_config.database);
    if (postgres) {
        m_db.setHostName(m_config.host);
        m_db.setPort(m_config.port);
        m_db.setUserName(m_config.user);
        m_db.setPassword(m_config.password);
        m_db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    } else {
        const QFileInfo info(m_config.database);
        if (m_config.database != QLatin1String(":memory:"))
            QDir().mkpath(info.absolutePath());
        m_db.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_config.busyTimeoutMs));
    }
    if (!m_db.open())
        throw StoreError(QStringLiteral("cannot open database '%1': %2")
                             .arg(m_config.database, m_db.lastError().text()),
                         StoreFailureKind::Unavailable);
    if (m_config.exclusive)
        claim();
    if (!postgres) {
        // WAL lets readers run beside the writer; FULL makes a commit survive power loss.
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            QSqlQuery q(m_db);
            if (!q.exec(QString::fromLatin1(pragma)))
                throw StoreError(QStringLiteral("%1 failed: %2").arg(pragma, q.lastError().text()));
        }
    }
    migrate();
}

void StoreWorker::claim()
{
    const QString refusal =
        QStringLiteral("another relay is already serving database '%1'%2; run one relay per "
                       "database (several relays on one database are not supported yet)");
    if (isPostgres()) {
        // A session-level advisory lock, per database, freed when this connection ends.
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT pg_try_advisory_lock(hashtext('medtranslate-relay:' "
                                   "|| current_database()))")) ||
            !q.next())
            throw StoreError(
                QStringLiteral("cannot claim the database: %1").arg(q.lastError().text()),
                StoreError::classify(q.lastError(), isPostgres()));
        if (!q.value(0).toBool())
            throw StoreError(refusal.arg(m_config.database, QString()), StoreFailureKind::Refused);
        return;
    }
    if (m_config.database == QLatin1String(":memory:"))
        return;
    m_claim = std::make_unique<QLockFile>(m_config.database + QStringLiteral(".relay-lock"));
    m_claim->setStaleLockTime(0); // stale only when its process is gone
    if (!m_claim->tryLock(0)) {
        qint64 pid = 0;
        QString host, application;
        m_claim->getLockInfo(&pid, &host, &application);
        m_claim.reset();
        throw StoreError(refusal.arg(m_config.database,
                                     pid > 0
                                         ? QStringLiteral(" (process %1 on %2)").arg(pid).arg(host)
                                         : QString()),
                         StoreFailureKind::Refused);
    }
}

void StoreWorker::migrate()
{
    // DDL cannot be a prepared statement on PostgreSQL.
    QSqlQuery ddl(m_db);
    if (!ddl.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                                 "PRIMARY KEY, applied_at TEXT NOT NULL)")))
        throw StoreError(
            QStringLiteral("cannot create schema_migrations: %1").arg(ddl.lastError().text()));
    const int current = schemaVersion();
    for (const QString &file : migrationFiles()) {
        const int version = file.section(QLatin1Char('_'), 0, 0).toInt();
        if (version <= current)
            continue;
        QFile f(QStringLiteral(":/medtranslate/sql/") + file);
        if (!f.open(QIODevice::ReadOnly))
            throw StoreError(QStringLiteral("cannot read migration %1").arg(file));
        begin();
        try {
            for (const QString &statement : splitStatements(QString::fromUtf8(f.readAll()))) {
                QSqlQuery q(m_db);
                if (!q.exec(statement))
                    throw StoreError(
                        QStringLiteral("migration %1 failed: %2").arg(file, q.lastError().text()));
            }
            // The chain starts with the messages already stored, in the same transaction.
            if (version == kRecordChainVersion)
                m_chain.backfill();
            if (version == kSearchTextVersion)
                m_messages.backfillSearchText();
            exec(
                QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
                {version, nowIso()});
            commit();
            m_chain.committed();
        } catch (...) {
            rollback();
            m_chain.abandon();
            throw;
        }
    }
}

int StoreWorker::schemaVersion()
{
    auto &q = exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return version;
}

QSqlQuery &StoreWorker::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(m_db);
        if (!q.prepare(sql))
            throw StoreError(
                QStringLiteral("cannot prepare '%1': %2").arg(sql, q.lastError().text()),
                StoreError::classify(q.lastError(), isPostgres()));
        it = m_statements.insert(sql, q);
    }
    return *it;
}

QSqlQuery &StoreWorker::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery &q = prepared(sql);
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // A null QString would bind as SQL NULL; our text columns mean "empty" by it.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else
            q.bindValue(i, value);
    }
    if (!q.exec())
        throw StoreError(QStringLiteral("'%1' failed: %2").arg(sql, q.lastError().text()),
                         StoreError::classify(q.lastError(), isPostgres()));
    return q;
}

void StoreWorker::begin()
{
    if (!m_db.transaction())
        throw StoreError(
            QStringLiteral("cannot begin a transaction: %1").arg(m_db.lastError().text()),
            StoreError::classify(m_db.lastError(), isPostgres()));
}

void StoreWorker::beginSnapshot()
{
    begin();
    if (isPostgres()) {
        try {
            execDirect(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
        } catch (...) {
            rollback();
            throw;
        }
    }
}

void StoreWorker::commit()
{
    // Qt's SQLite driver drops the result code of a failed COMMIT; the statement keeps it.
    if (!isPostgres())
        return execDirect(QStringLiteral("COMMIT"));
    if (!m_db.commit())
        throw StoreError(QStringLiteral("commit failed: %1").arg(m_db.lastError().text()),
                         StoreError::classify(m_db.lastError(), isPostgres()));
}

void StoreWorker::rollback()
{
    m_db.rollback();
}

void StoreWorker::inTransaction(const std::function<void()> &work)
{
    begin();
    try {
        work();
        commit();
    } catch (...) {
        rollback();
        throw;
    }
}

void StoreWorker::execDirect(const QString &sql)
{
    // Transaction control cannot be a prepared statement on PostgreSQL.
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw StoreError(QStringLiteral("'%1' failed: %2").arg(sql, q.lastError().text()),
                         StoreError::classify(q.lastError(), isPostgres()));
}

void StoreWorker::savepointControl(const QString &sql)
{
    // Two of these run for every message of a group commit: SQLite keeps them prepared, as
    // preparing one costs more than running it; PostgreSQL cannot prepare transaction control.
    if (isPostgres())
        execDirect(sql);
    else
        exec(sql, {});
}

void StoreWorker::savepoint()
{
    savepointControl(QStringLiteral("SAVEPOINT write_item"));
}

void StoreWorker::releaseSavepoint()
{
    savepointControl(QStringLiteral("RELEASE SAVEPOINT write_item"));
}

void StoreWorker::rollbackToSavepoint()
{
    savepointControl(QStringLiteral("ROLLBACK TO SAVEPOINT write_item"));
}

} // namespace medtranslate::relay
