#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace medtranslate::test {

//! The real relay binary as a child process, for tests that kill it or give it a hostile disk:
//! offline translation, listening on a free loopback port that is read from its banner.
class RelayProcess final
{
public:
    //! `arguments` come after `--db DATABASE --listen 127.0.0.1:0`.
    explicit RelayProcess(QString database, QStringList arguments = {});
    ~RelayProcess();

    //! Starts the binary through a launcher (e.g. `unshare … sh -c …`) that ends by exec-ing
    //! `launcherArguments` followed by the relay and its arguments, so the pid stays the relay's.
    void setLauncher(QString program, QStringList launcherArguments);

    //! Starts the relay and waits for its banner; on failure `error` says why.
    bool start(QString *error);
    //! SIGKILL, as an out-of-memory kill or a power cut would: no shutdown code runs.
    void kill();
    //! SIGTERM and a clean exit.
    bool stop();

    [[nodiscard]] bool isRunning() const { return m_process.state() == QProcess::Running; }
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }
    [[nodiscard]] QUrl http(const QString &path = {}) const;
    //! The operators' address from the banner (/metrics, the detailed /health).
    [[nodiscard]] QUrl admin(const QString &path = {}) const;
    [[nodiscard]] QUrl ws() const;
    //! Everything the relay printed, for failure messages.
    [[nodiscard]] QString output();

    //! What one run of the binary as a command printed and how it ended.
    struct CommandOutcome
    {
        int exitCode = -1; //!< -1 when it did not start, did not finish in time or crashed
        QString out;
        QString err;
    };
    //! Runs the binary once with `arguments` and `input` on its stdin, as an administrator would.
    static CommandOutcome runCommand(const QStringList &arguments, const QByteArray &input = {},
                                     int timeoutMs = 60000);

    //! Creates an agent account on `database` with `--add-agent` (the password on stdin).
    static bool addAgent(const QString &database, const QString &username, const QString &password,
                         QString *error);
    [[nodiscard]] static QString binary();
    //! The environment the relay runs in: no API keys, no MEDTRANSLATE_* settings.
    [[nodiscard]] static QProcessEnvironment offlineEnvironment();

private:
    QString m_database;
    QStringList m_arguments;
    QString m_launcher;
    QStringList m_launcherArguments;
    QProcess m_process;
    QString m_output;
    QUrl m_admin;
    QUrl m_base;
};

} // namespace medtranslate::test
