#include "FrameFields.h"
#include "RelayProcess.h"
#include "medtranslate/protocol/FrameCodec.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace medtranslate::test {

namespace {

const QString kPassword = QStringLiteral("load-test-pass-1");

//! What one run of the load generator printed and how it ended.
struct LoadRun
{
    int exitCode = -1; //!< -1 when it did not start, did not finish in time or crashed
    QString row;       //!< stdout: the table row
    QString details;   //!< stderr
};

LoadRun runLoad(const QStringList &arguments, const QString &password = kPassword)
{
    QProcess load;
    QProcessEnvironment environment = RelayProcess::offlineEnvironment();
    environment.insert(QStringLiteral("MEDTRANSLATE_BENCH_PASSWORD"), password);
    load.setProcessEnvironment(environment);
    load.start(QStringLiteral(MEDTRANSLATE_BENCH_RELAY_BINARY), arguments);
    LoadRun run;
    if (!load.waitForStarted(5000) || !load.waitForFinished(90000)) {
        load.kill();
        load.waitForFinished(5000);
        return run;
    }
    run.exitCode = load.exitStatus() == QProcess::NormalExit ? load.exitCode() : -1;
    run.row = QString::fromUtf8(load.readAllStandardOutput()).trimmed();
    run.details = QString::fromUtf8(load.readAllStandardError());
    return run;
}

//! The number after `label` in the generator's details ("lost 0,"), or -1.
qint64 detail(const QString &details, const QString &label)
{
    const auto match =
        QRegularExpression(QRegularExpression::escape(label) + QStringLiteral(" (\\d+)"))
            .match(details);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

class LoadTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        QString error;
        for (const QString &agent : {QStringLiteral("load-1"), QStringLiteral("load-2")})
            ASSERT_TRUE(RelayProcess::addAgent(database(), agent, kPassword, &error))
                << error.toStdString();
        // The generator sends far above one patient's pace from one address: the limits made
        // for people are lifted, as scripts/bench-relay.sh does.
        relay = std::make_unique<RelayProcess>(
            database(),
            QStringList{QStringLiteral("--rate-limit"), QStringLiteral("1000000"),
                        QStringLiteral("--rooms-per-address"), QStringLiteral("0"),
                        QStringLiteral("--room-messages-per-minute"), QStringLiteral("0"),
                        QStringLiteral("--max-connections-per-address"), QStringLiteral("0")});
        ASSERT_TRUE(relay->start(&error)) << error.toStdString();
    }

    [[nodiscard]] QString database() const { return dir.filePath(QStringLiteral("relay.db")); }
    [[nodiscard]] QStringList base() const
    {
        return {QStringLiteral("--relay"), relay->http().toString(), QStringLiteral("--agents"),
                QStringLiteral("load-1,load-2")};
    }

    QTemporaryDir dir;
    std::unique_ptr<RelayProcess> relay;
};

} // namespace

// The open-loop load against the real binary: every message reaches the other side once, in
// seq order, and is acknowledged. Timings are printed, never asserted.
TEST_F(LoadTest, EveryMessageArrivesOnceInOrder)
{
    const LoadRun run =
        runLoad(base() + QStringList{QStringLiteral("--pairs"), QStringLiteral("8"),
                                     QStringLiteral("--rate"), QStringLiteral("200"),
                                     QStringLiteral("--duration-s"), QStringLiteral("2"),
                                     QStringLiteral("--reply-every"), QStringLiteral("2"),
                                     QStringLiteral("--relay-pid"), QString::number(relay->pid())});
    ASSERT_EQ(run.exitCode, 0) << run.details.toStdString() << relay->output().toStdString();
    // 400 patient messages and the agents' answer to every second one.
    EXPECT_EQ(detail(run.details, QStringLiteral("sent")), 400) << run.details.toStdString();
    EXPECT_EQ(detail(run.details, QStringLiteral("patient +")), 200) << run.details.toStdString();
    EXPECT_EQ(detail(run.details, QStringLiteral("delivered")), 600) << run.details.toStdString();
    EXPECT_EQ(detail(run.details, QStringLiteral("lost")), 0);
    EXPECT_EQ(detail(run.details, QStringLiteral("unacked")), 0);
    EXPECT_EQ(detail(run.details, QStringLiteral("duplicates")), 0);
    EXPECT_EQ(detail(run.details, QStringLiteral("out of order")), 0);
    EXPECT_EQ(detail(run.details, QStringLiteral("errors")), 0);
    EXPECT_TRUE(run.row.startsWith(QStringLiteral("| 200 | "))) << run.row.toStdString();
    EXPECT_TRUE(relay->isRunning());
}

// Idle connections are all held and counted.
TEST_F(LoadTest, IdleConnectionsAreHeld)
{
    const LoadRun run =
        runLoad(base() + QStringList{QStringLiteral("--rate"), QStringLiteral("0"),
                                     QStringLiteral("--idle"), QStringLiteral("60"),
                                     QStringLiteral("--relay-pid"), QString::number(relay->pid())});
    ASSERT_EQ(run.exitCode, 0) << run.details.toStdString();
    EXPECT_TRUE(run.row.startsWith(QStringLiteral("| 60 | 60 | "))) << run.row.toStdString();
}

// A wrong password is a clear failure, not a run that reports nothing lost.
TEST_F(LoadTest, FailedLoginFailsTheRun)
{
    const LoadRun run =
        runLoad(base() + QStringList{QStringLiteral("--pairs"), QStringLiteral("2"),
                                     QStringLiteral("--rate"), QStringLiteral("10")},
                QStringLiteral("wrong-password-1"));
    EXPECT_EQ(run.exitCode, 1);
    // The agents log in at once: whichever answer comes first names the run's failure.
    EXPECT_TRUE(run.details.contains(
        QRegularExpression(QStringLiteral("login of agent load-[12] failed"))))
        << run.details.toStdString();
    EXPECT_TRUE(run.row.isEmpty()) << run.row.toStdString();
}

TEST(LoadOptionsTest, BadOptionsExitWithAnError)
{
    for (const QStringList &arguments :
         {QStringList{},
          QStringList{QStringLiteral("--relay"), QStringLiteral("http://127.0.0.1:1"),
                      QStringLiteral("--rate"), QStringLiteral("-5")}}) {
        const LoadRun run = runLoad(arguments);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(u' ').toStdString();
        EXPECT_FALSE(run.details.isEmpty());
    }
}

// The generator reads the relay's frames without a JSON parser: it must agree with the
// encoder on real frames, keys inside texts included.
TEST(FrameFieldsTest, ReadsEncodedFrames)
{
    using bench::FrameFields;
    protocol::Message message;
    message.roomId = "room-1";
    message.seq = 42;
    message.clientMsgId = "p3-17";
    message.text = R"(a "seq":7 and "type":"ack" inside the text)";
    message.translation.status = protocol::TranslationStatus::Pending;
    const QString frame =
        QString::fromStdString(protocol::encode(protocol::server::MessageFrame{message}));
    EXPECT_EQ(FrameFields::type(frame), u"message");
    EXPECT_EQ(FrameFields::integer(frame, u"seq"), 42);
    EXPECT_EQ(FrameFields::string(frame, u"client_msg_id"), u"p3-17");
    EXPECT_EQ(FrameFields::string(frame, u"room_id"), u"room-1");
    EXPECT_EQ(FrameFields::string(frame, u"status"), u"pending");
    EXPECT_EQ(FrameFields::integer(frame, u"missing"), -1);
    EXPECT_TRUE(FrameFields::string(frame, u"missing").isEmpty());
    EXPECT_TRUE(FrameFields::type(u"{\"seq\":1}").isEmpty());
}

} // namespace medtranslate::test
