#include "RelayProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace medtranslate::test {

RelayProcess::RelayProcess(QString database, QStringList arguments)
    : m_database(std::move(database)), m_arguments(std::move(arguments))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setProcessEnvironment(offlineEnvironment());
}

RelayProcess::~RelayProcess()
{
    if (isRunning())
        kill();
}

QString RelayProcess::binary()
{
    return QStringLiteral(MEDTRANSLATE_RELAY_BINARY);
}

QProcessEnvironment RelayProcess::offlineEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : environment.keys()) {
        if (key.startsWith(QLatin1String("MEDTRANSLATE_")) ||
            key.endsWith(QLatin1String("_API_KEY")))
            environment.remove(key);
    }
    return environment;
}

void RelayProcess::setLauncher(QString program, QStringList launcherArguments)
{
    m_launcher = std::move(program);
    m_launcherArguments = std::move(launcherArguments);
}

bool RelayProcess::start(QString *error)
{
    m_output.clear();
    m_base.clear();
    QStringList arguments{QStringLiteral("--db"), m_database, QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0")};
    // These tests accept rooms as the contract does; a test's own --routing comes later and wins.
    arguments += QStringList{QStringLiteral("--routing"), QStringLiteral("manual")};
    // Rooms open before their agent connects; the desk tests turn the "nobody online" notice on.
    arguments += QStringList{QStringLiteral("--unattended-notice"), QStringLiteral("off")};
    arguments += m_arguments;
    if (m_launcher.isEmpty()) {
        m_process.start(binary(), arguments);
    } else {
        m_process.start(m_launcher, m_launcherArguments + QStringList{binary()} + arguments);
    }
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("cannot start the relay: ") + m_process.errorString();
        return false;
    }
    // The banner ends with the WebSocket address.
    const QRegularExpression listening(
        QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QDeadlineTimer deadline(15000);
    while (!m_output.contains(QLatin1String("WebSocket:")) && !deadline.hasExpired() &&
           m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(50);
        m_output += QString::fromUtf8(m_process.readAll());
    }
    const auto match = listening.match(m_output);
    if (!match.hasMatch() || !m_output.contains(QLatin1String("WebSocket:"))) {
        m_process.waitForFinished(100);
        m_output += QString::fromUtf8(m_process.readAll());
        *error = QStringLiteral("no banner from the relay:\n") + m_output;
        if (isRunning())
            kill();
        return false;
    }
    m_base = QUrl(match.captured(1));
    const auto operators =
        QRegularExpression(QStringLiteral("operators: +(http://127\\.0\\.0\\.1:\\d+)"))
            .match(m_output);
    m_admin = operators.hasMatch() ? QUrl(operators.captured(1)) : QUrl();
    return true;
}

void RelayProcess::kill()
{
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(5000);
    m_output += QString::fromUtf8(m_process.readAll());
}

bool RelayProcess::stop()
{
    m_process.terminate();
    const bool finished = m_process.waitForFinished(10000);
    m_output += QString::fromUtf8(m_process.readAll());
    return finished && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

QUrl RelayProcess::admin(const QString &path) const
{
    return path.isEmpty() ? m_admin : m_admin.resolved(QUrl(path));
}

QUrl RelayProcess::http(const QString &path) const
{
    return path.isEmpty() ? m_base : m_base.resolved(QUrl(path));
}

QUrl RelayProcess::ws() const
{
    QUrl url = m_base;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws"));
    return url;
}

QString RelayProcess::output()
{
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}

RelayProcess::CommandOutcome RelayProcess::runCommand(const QStringList &arguments,
                                                      const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(offlineEnvironment());
    process.start(binary(), arguments);
    CommandOutcome outcome;
    if (!process.waitForStarted(5000))
        return outcome;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs))
        return outcome;
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

bool RelayProcess::addAgent(const QString &database, const QString &username,
                            const QString &password, QString *error)
{
    QProcess add;
    add.setProcessEnvironment(offlineEnvironment());
    add.setProcessChannelMode(QProcess::MergedChannels);
    add.start(binary(),
              {QStringLiteral("--db"), database, QStringLiteral("--add-agent"), username});
    if (!add.waitForStarted(5000)) {
        *error = add.errorString();
        return false;
    }
    add.write(password.toUtf8() + '\n');
    add.closeWriteChannel();
    if (!add.waitForFinished(15000) || add.exitCode() != 0) {
        *error = QString::fromUtf8(add.readAll());
        return false;
    }
    return true;
}

} // namespace medtranslate::test
