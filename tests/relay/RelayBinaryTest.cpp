#include "HttpClient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace medtranslate::test {

namespace {
const QString kBinary = QStringLiteral(MEDTRANSLATE_RELAY_BINARY);
}

TEST(RelayBinaryTest, HelpListsTheFlags)
{
    QProcess relay;
    relay.start(kBinary, {QStringLiteral("--help")});
    ASSERT_TRUE(relay.waitForFinished(10000));
    EXPECT_EQ(relay.exitCode(), 0);
    const QString help = QString::fromUtf8(relay.readAllStandardOutput());
    for (const char *flag :
         {"--listen", "--db", "--config", "--add-agent", "--allowed-origins", "--providers"})
        EXPECT_TRUE(help.contains(QLatin1String(flag))) << flag;
}

TEST(RelayBinaryTest, BadFlagsExitWithAClearError)
{
    QProcess relay;
    relay.start(kBinary, {QStringLiteral("--listen"), QStringLiteral("nowhere")});
    ASSERT_TRUE(relay.waitForFinished(10000));
    EXPECT_EQ(relay.exitCode(), 2);
    EXPECT_TRUE(relay.readAllStandardError().contains("--listen"));
}

TEST(RelayBinaryTest, AddAgentReadsThePasswordFromStdinAndTheRelayServes)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("relay.db"));
    QProcess add;
    add.start(kBinary,
              {QStringLiteral("--db"), db, QStringLiteral("--add-agent"), QStringLiteral("park"),
               QStringLiteral("--agent-name"), QStringLiteral("박지현")});
    ASSERT_TRUE(add.waitForStarted(5000));
    add.write("binary-test-pass\n");
    add.closeWriteChannel();
    ASSERT_TRUE(add.waitForFinished(15000));
    EXPECT_EQ(add.exitCode(), 0) << add.readAllStandardError().toStdString();

    QProcess again;
    again.start(kBinary, {QStringLiteral("--db"), db, QStringLiteral("--add-agent"),
                          QStringLiteral("park")});
    again.write("another-password\n");
    again.closeWriteChannel();
    ASSERT_TRUE(again.waitForFinished(15000));
    EXPECT_EQ(again.exitCode(), 1);
    EXPECT_TRUE(again.readAllStandardError().contains("exists already"));

    QProcess shortPassword;
    shortPassword.start(kBinary, {QStringLiteral("--db"), db, QStringLiteral("--add-agent"),
                                  QStringLiteral("choi")});
    shortPassword.write("short\n");
    shortPassword.closeWriteChannel();
    ASSERT_TRUE(shortPassword.waitForFinished(15000));
    EXPECT_EQ(shortPassword.exitCode(), 1);

    QProcess relay;
    relay.start(kBinary, {QStringLiteral("--db"), db, QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0")});
    ASSERT_TRUE(relay.waitForStarted(5000));
    QString banner;
    const QRegularExpression listening(
        QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QRegularExpressionMatch match;
    // The banner ends with the WebSocket address.
    for (int i = 0; i < 100 && !banner.contains(QLatin1String("WebSocket:")); ++i) {
        relay.waitForReadyRead(100);
        banner += QString::fromUtf8(relay.readAllStandardOutput());
    }
    match = listening.match(banner);
    ASSERT_TRUE(match.hasMatch()) << banner.toStdString();
    EXPECT_TRUE(banner.contains(QLatin1String("offline")));
    const QUrl base(match.captured(1));
    const auto login = HttpClient::post(base.resolved(QUrl(QStringLiteral("/api/auth/login"))),
                                        R"({"username":"park","password":"binary-test-pass"})");
    EXPECT_EQ(login.status, 200) << login.body.toStdString();
    EXPECT_EQ(login.json()["agent"]["name"], "박지현");
    relay.terminate();
    EXPECT_TRUE(relay.waitForFinished(10000));
    EXPECT_EQ(relay.exitCode(), 0);
}

TEST(RelayBinaryTest, UsesTheEventLoopThatScalesWithoutBeingTold)
{
    // Qt's GLib event loop slows down with the number of sockets; the relay picks the UNIX one
    // itself, with no QT_NO_GLIB from whoever starts it.
    QTemporaryDir dir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_NO_GLIB"));
    QProcess relay;
    relay.setProcessEnvironment(environment);
    relay.start(kBinary, {QStringLiteral("--db"), dir.filePath(QStringLiteral("relay.db")),
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    ASSERT_TRUE(relay.waitForStarted(5000));
    QString banner;
    for (int i = 0; i < 100 && !banner.contains(QLatin1String("WebSocket:")); ++i) {
        relay.waitForReadyRead(100);
        banner += QString::fromUtf8(relay.readAllStandardOutput());
    }
    const auto match =
        QRegularExpression(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"))
            .match(banner);
    ASSERT_TRUE(match.hasMatch()) << banner.toStdString();
    EXPECT_TRUE(banner.contains(QLatin1String("event loop:  QEventDispatcherUNIX")))
        << banner.toStdString();
    const auto publicHealth =
        HttpClient::get(QUrl(match.captured(1)).resolved(QUrl(QStringLiteral("/health"))));
    ASSERT_EQ(publicHealth.status, 200) << publicHealth.body.toStdString();
    EXPECT_EQ(publicHealth.json(), (nlohmann::json{{"status", "ok"}}));
    const auto operators =
        QRegularExpression(QStringLiteral("operators: +(http://127\\.0\\.0\\.1:\\d+)"))
            .match(banner);
    ASSERT_TRUE(operators.hasMatch()) << banner.toStdString();
    const auto health =
        HttpClient::get(QUrl(operators.captured(1)).resolved(QUrl(QStringLiteral("/health"))));
    ASSERT_EQ(health.status, 200) << health.body.toStdString();
    EXPECT_EQ(health.json()["event_loop"], "QEventDispatcherUNIX");
    relay.terminate();
    EXPECT_TRUE(relay.waitForFinished(10000));
}

} // namespace medtranslate::test
