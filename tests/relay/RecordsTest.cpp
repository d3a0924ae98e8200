// The records commands (--export, --purge-ended-before, --audit, --stats) as the real binary beside
// a running relay, on a real database. Compiled once per driver (MEDTRANSLATE_TEST_DRIVER).
#include "RelayFixture.h"
#include "SampleFiles.h"
#include "TestDatabase.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <set>
#include <tuple>

namespace medtranslate::test {

namespace {

const QString kDriver = QStringLiteral(MEDTRANSLATE_TEST_DRIVER);

struct CommandRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

bool eventually(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

} // namespace

//! The records commands run as the real binary beside the relay of the test, on its database.
class RecordsTest : public RelayFixture
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(database.create(&error)) << error.toStdString();
        ASSERT_TRUE(files.isValid());
        RelayFixture::SetUp();
    }

    void tweakConfig(relay::RelayConfig &config) override
    {
        config.store = database.storeConfig();
        config.attachments.directory = files.path();
    }

    //! Runs the binary on the test's database with `arguments`, `input` on its stdin.
    CommandRun command(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess p;
        p.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        p.start(QStringLiteral(MEDTRANSLATE_RELAY_BINARY),
                database.relayArguments() +
                    QStringList{QStringLiteral("--attachment-dir"), files.path()} + arguments);
        if (p.waitForStarted(10000)) {
            p.write(input);
            p.closeWriteChannel();
        }
        // The relay of the test keeps serving while the command runs beside it.
        const bool finished =
            eventually([&p]() { return p.state() == QProcess::NotRunning; }, 60000);
        EXPECT_TRUE(finished) << arguments.join(' ').toStdString();
        return CommandRun{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                          QString::fromUtf8(p.readAllStandardError())};
    }

    Json upload(const TestRelay::Room &r, const QByteArray &bytes, const QString &clientMsgId,
                const QString &name)
    {
        const QUrl url = relay->uploadUrl(r.id, clientMsgId, name);
        const auto answer = HttpClient::post(url, bytes, r.token, 10000);
        EXPECT_EQ(answer.status, 201) << answer.body.toStdString();
        return answer.status == 201 ? answer.json()["message"] : Json();
    }

    //! A consultation in `lang`: the patient writes, the counselor answers, and it ends.
    TestRelay::Room converse(const QString &lang, const std::string &patientText, bool end = true)
    {
        const TestRelay::Room r = relay->createRoom(lang);
        auto p = connectPatient(r);
        if (!agent)
            agent = connectAgent();
        agent->send({{"type", "accept"}, {"room_id", r.id.toStdString()}});
        EXPECT_TRUE(agent->take(frameWith("room", "status", "active")));
        EXPECT_TRUE(sendText(*p, r.id, "p-" + lang.toStdString(), patientText));
        EXPECT_TRUE(sendText(*agent, r.id, "a-" + lang.toStdString(), "내일 오전 9시에 오세요"));
        if (end) {
            agent->send({{"type", "end"}, {"room_id", r.id.toStdString()}});
            EXPECT_TRUE(agent->take(frameWith("ended", "room_id", r.id.toStdString())));
        }
        return r;
    }

    int messagesOf(const QString &roomId)
    {
        const auto n = relay->server().store().runSync<int>([roomId](relay::StoreWorker &w) {
            QSqlQuery &q =
                w.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE room_id = ?"), {roomId});
            const int count = q.next() ? q.value(0).toInt() : -1;
            q.finish();
            return count;
        });
        return n.ok() ? n.value() : -1;
    }

    //! Whether the attachment folder holds an object whose name is `sha256`.
    bool storedObject(const std::string &sha256)
    {
        QDirIterator it(files.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            if (it.next().contains(QString::fromStdString(sha256)))
                return true;
        }
        return false;
    }

    //! The audit log as `--audit --format json` prints it.
    Json auditLog()
    {
        const CommandRun run = command(
            {QStringLiteral("--audit"), QStringLiteral("--format"), QStringLiteral("json")});
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        return run.exitCode == 0 ? Json::parse(run.out.toStdString()) : Json::array();
    }

    //! Statistics as `--stats --format json` prints them, with `extra` arguments.
    Json stats(const QStringList &extra);
    void setTimeline(const QString &roomId, const QString &created, int joined, int patientAt,
                     int agentAt, const Json &patientTranslation, const Json &agentTranslation);
    Json sendersOf(const QStringList &rooms);

    TestDatabase database{kDriver};
    QTemporaryDir files;
};

TEST_F(RecordsTest, AnExportHasEveryMessageWithItsTranslationAndTheAttachments)
{
    openAcceptedRoom();
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "Tôi bị đau đầu"));
    const Json photo =
        upload(room, SampleFiles::png(), QStringLiteral("p-2"), QStringLiteral("rash.png"));
    ASSERT_TRUE(sendText(*agent, room.id, "a-1", "내일 오전 9시에 오세요"));

    const CommandRun json = command({QStringLiteral("--export"), room.id});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const Json record = Json::parse(json.out.toStdString());
    EXPECT_EQ(record["format"], "medtranslate-transcript");
    ASSERT_EQ(record["consultations"].size(), 1u);
    const Json &c = record["consultations"][0];
    EXPECT_EQ(c["room"]["room_id"], room.id.toStdString());
    ASSERT_EQ(c["messages"].size(), 4u); // agent_joined, text, photo, answer
    EXPECT_EQ(c["messages"][1]["text"], "Tôi bị đau đầu");
    EXPECT_EQ(c["messages"][1]["translation"]["lang"], "ko");
    EXPECT_FALSE(c["messages"][1]["translation"]["text"].get<std::string>().empty());
    EXPECT_EQ(c["messages"][3]["sender"], "agent");
    ASSERT_EQ(c["attachments"].size(), 1u);
    EXPECT_EQ(c["attachments"][0]["sha256"], photo["attachment"]["sha256"]);

    QTemporaryDir dir;
    const QString html = dir.filePath(QStringLiteral("record.html"));
    const CommandRun written =
        command({QStringLiteral("--export"), room.id, QStringLiteral("--format"),
                 QStringLiteral("html"), QStringLiteral("--output"), html});
    ASSERT_EQ(written.exitCode, 0) << written.err.toStdString();
    QFile file(html);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(file.readAll());
    for (const QString &part :
         {QStringLiteral("Tôi bị đau đầu"), QStringLiteral("내일 오전 9시에 오세요"),
          QStringLiteral("rash.png"), QStringLiteral("vetted"), QStringLiteral("<style>")})
        EXPECT_TRUE(page.contains(part)) << part.toStdString();
    EXPECT_FALSE(page.contains(QStringLiteral("<script"))) << "self-contained and inert";
    EXPECT_FALSE(page.contains(QStringLiteral("http://"))) << "nothing fetched from elsewhere";

    // Bad input: a clear reason and a non-zero exit, nothing half-written.
    const CommandRun unknown =
        command({QStringLiteral("--export"), QStringLiteral("no-such-room")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("no consultation no-such-room")));
    const QString unwritable = dir.filePath(QStringLiteral("missing/dir/record.html"));
    const CommandRun refused =
        command({QStringLiteral("--export"), room.id, QStringLiteral("--format"),
                 QStringLiteral("html"), QStringLiteral("--output"), unwritable});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("cannot write")));
    EXPECT_FALSE(QFile::exists(unwritable));
    const CommandRun badDate =
        command({QStringLiteral("--export-since"), QStringLiteral("2026-02-30")});
    EXPECT_EQ(badDate.exitCode, 2);
    EXPECT_TRUE(badDate.err.contains(QStringLiteral("YYYY-MM-DD")));
    const CommandRun badFormat = command(
        {QStringLiteral("--export"), room.id, QStringLiteral("--format"), QStringLiteral("doc")});
    EXPECT_EQ(badFormat.exitCode, 2);

    // Each export is in the audit log; a failed one is not.
    const CommandRun audit =
        command({QStringLiteral("--audit"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(audit.exitCode, 0) << audit.err.toStdString();
    const Json entries = Json::parse(audit.out.toStdString());
    int exports = 0;
    for (const Json &e : entries) {
        if (e["action"] == "export" && e["target"] == room.id.toStdString())
            ++exports;
    }
    EXPECT_EQ(exports, 2);
}

TEST_F(RecordsTest, APdfExportRendersEveryScript)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        GTEST_FAIL() << "pdftotext is missing: scripts/install-deps.sh --test installs it";
    converse(QStringLiteral("th"), "ฉันปวดหัวมาก");
    converse(QStringLiteral("ja"), "頭が痛いです");
    converse(QStringLiteral("zh"), "我头疼得厉害");
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("records.pdf"));
    const CommandRun run = command({QStringLiteral("--export-since"), QStringLiteral("2000-01-01"),
                                    QStringLiteral("--format"), QStringLiteral("pdf"),
                                    QStringLiteral("--output"), pdf});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();

    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    ASSERT_TRUE(text.waitForFinished(30000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput()).remove(QLatin1Char(' '));
    for (const QString &part : {QStringLiteral("ปวดหัว"), QStringLiteral("頭が痛い"),
                                QStringLiteral("头疼"), QStringLiteral("오전9시")})
        EXPECT_TRUE(words.contains(part)) << part.toStdString();

    // And drawn, not only present: the first page as an image has ink on it.
    QProcess raster;
    raster.start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-f"),
                  QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                  QStringLiteral("-png"), pdf, dir.filePath(QStringLiteral("page"))});
    ASSERT_TRUE(raster.waitForFinished(30000));
    const QStringList pages = QDir(dir.path()).entryList({QStringLiteral("page*.png")});
    ASSERT_FALSE(pages.isEmpty());
    const QImage page(dir.filePath(pages.first()));
    ASSERT_FALSE(page.isNull());
    int ink = 0;
    for (int y = 0; y < page.height(); ++y)
        for (int x = 0; x < page.width(); ++x)
            ink += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
    EXPECT_GT(ink, 500);
}

TEST_F(RecordsTest, APurgeRemovesEndedConsultationsWithTheFilesNoOtherUses)
{
    const QByteArray shared = SampleFiles::png(40, 30, "shared");
    const TestRelay::Room old = converse(QStringLiteral("vi"), "Tôi bị đau đầu", false);
    const Json both = upload(old, shared, QStringLiteral("o-1"), QStringLiteral("a.png"));
    const Json only = upload(old, SampleFiles::png(60, 20, "only"), QStringLiteral("o-2"),
                             QStringLiteral("b.png"));
    agent->send({{"type", "end"}, {"room_id", old.id.toStdString()}});
    ASSERT_TRUE(agent->take(frameWith("ended", "room_id", old.id.toStdString())));
    const TestRelay::Room open = converse(QStringLiteral("en"), "I have a headache", false);
    const Json kept = upload(open, shared, QStringLiteral("k-1"), QStringLiteral("a.png"));
    ASSERT_EQ(kept["attachment"]["sha256"], both["attachment"]["sha256"]);
    const int oldMessages = messagesOf(old.id);
    ASSERT_GT(oldMessages, 3);

    const QString tomorrow = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate);
    const CommandRun dry =
        command({QStringLiteral("--purge-ended-before"), tomorrow, QStringLiteral("--dry-run")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("would remove 1 consultation")))
        << dry.out.toStdString();
    EXPECT_TRUE(dry.out.contains(old.id));
    EXPECT_EQ(messagesOf(old.id), oldMessages) << "a dry run removes nothing";
    EXPECT_TRUE(storedObject(only["attachment"]["sha256"]));

    const CommandRun purge = command({QStringLiteral("--purge-ended-before"), tomorrow});
    ASSERT_EQ(purge.exitCode, 0) << purge.err.toStdString();
    EXPECT_TRUE(purge.out.contains(QStringLiteral("removed 1 consultation")))
        << purge.out.toStdString();
    EXPECT_EQ(messagesOf(old.id), 0);
    EXPECT_GT(messagesOf(open.id), 0) << "an open consultation stays";
    EXPECT_FALSE(storedObject(only["attachment"]["sha256"])) << "its own file goes";
    EXPECT_TRUE(storedObject(both["attachment"]["sha256"])) << "a file another room uses stays";
    const auto stillServed = HttpClient::get(
        relay->http(QString::fromStdString(kept["attachment"]["url"].get<std::string>())),
        open.token);
    EXPECT_EQ(stillServed.status, 200);
    const CommandRun exported = command({QStringLiteral("--export"), old.id});
    EXPECT_EQ(exported.exitCode, 1) << "gone from the records too";

    const CommandRun audit = command({QStringLiteral("--audit")});
    ASSERT_EQ(audit.exitCode, 0);
    EXPECT_TRUE(audit.out.contains(QStringLiteral("\tpurge\t") + old.id))
        << audit.out.toStdString();
    const CommandRun again = command({QStringLiteral("--purge-ended-before"), tomorrow});
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.contains(QStringLiteral("removed 0 consultation")));
    EXPECT_EQ(
        command({QStringLiteral("--purge-ended-before"), QStringLiteral("yesterday")}).exitCode, 2);
    EXPECT_EQ(command({QStringLiteral("--dry-run")}).exitCode, 2);
}

TEST_F(RecordsTest, TheRecordsCommandsRefuseBadInputClearly)
{
    openAcceptedRoom();
    const CommandRun xml =
        command({QStringLiteral("--audit"), QStringLiteral("--format"), QStringLiteral("xml")});
    EXPECT_EQ(xml.exitCode, 2);
    EXPECT_TRUE(xml.err.contains(QStringLiteral("text or json"))) << xml.err.toStdString();
    const CommandRun backwards =
        command({QStringLiteral("--export-since"), QStringLiteral("2026-03-02"),
                 QStringLiteral("--until"), QStringLiteral("2026-03-01")});
    EXPECT_EQ(backwards.exitCode, 2);
    EXPECT_TRUE(backwards.err.contains(QStringLiteral("--until must be after")))
        << backwards.err.toStdString();
    const CommandRun untilAlone =
        command({QStringLiteral("--until"), QStringLiteral("2026-03-01")});
    EXPECT_EQ(untilAlone.exitCode, 2);
    EXPECT_TRUE(untilAlone.err.contains(QStringLiteral("--until goes with --export-since")))
        << untilAlone.err.toStdString();
    const CommandRun untilOnRoom =
        command({QStringLiteral("--export"), room.id, QStringLiteral("--until"),
                 QStringLiteral("2026-03-01")});
    EXPECT_EQ(untilOnRoom.exitCode, 2);
    const CommandRun sinceAlone =
        command({QStringLiteral("--since"), QStringLiteral("2026-03-01")});
    EXPECT_EQ(sinceAlone.exitCode, 2);
    EXPECT_TRUE(sinceAlone.err.contains(QStringLiteral("--since goes with --audit")))
        << sinceAlone.err.toStdString();
    const CommandRun sinceOnExport =
        command({QStringLiteral("--export"), room.id, QStringLiteral("--since"),
                 QStringLiteral("2026-03-01")});
    EXPECT_EQ(sinceOnExport.exitCode, 2);
    const CommandRun badSince = command(
        {QStringLiteral("--audit"), QStringLiteral("--since"), QStringLiteral("2026-13-01")});
    EXPECT_EQ(badSince.exitCode, 2);
    EXPECT_TRUE(badSince.err.contains(QStringLiteral("YYYY-MM-DD"))) << badSince.err.toStdString();

    // A path that cannot be written (its folder is a file, which stops root too): the
    // command fails and leaves nothing behind.
    QTemporaryDir dir;
    const QString notAFolder = dir.filePath(QStringLiteral("plain-file"));
    {
        QFile plain(notAFolder);
        ASSERT_TRUE(plain.open(QIODevice::WriteOnly));
    }
    const QString target = notAFolder + QStringLiteral("/record.json");
    const CommandRun unwritable =
        command({QStringLiteral("--export"), room.id, QStringLiteral("--output"), target});
    EXPECT_EQ(unwritable.exitCode, 1);
    EXPECT_TRUE(unwritable.err.contains(QStringLiteral("cannot write")))
        << unwritable.err.toStdString();
    EXPECT_FALSE(QFileInfo(notAFolder).isDir());
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/record.pdf"));
    const CommandRun noFolder = command(
        {QStringLiteral("--export-since"), QStringLiteral("2000-01-01"), QStringLiteral("--format"),
         QStringLiteral("json"), QStringLiteral("--output"), missing});
    EXPECT_EQ(noFolder.exitCode, 1);
    EXPECT_TRUE(noFolder.err.contains(QStringLiteral("cannot write")))
        << noFolder.err.toStdString();
    EXPECT_FALSE(QFile::exists(missing));
    // None of the refused commands wrote to the audit log.
    for (const Json &e : auditLog())
        EXPECT_NE(e["action"], "export") << e.dump();
}

TEST_F(RecordsTest, TheAuditLogHasLoginsRoomMovesAndAccountChangesWithoutPasswords)
{
    const std::string wrongPassword = "not-kims-password-9";
    for (const std::string &user : {std::string("kim"), std::string("nobody-here")}) {
        const auto refused =
            HttpClient::post(relay->http(QStringLiteral("/api/auth/login")),
                             QByteArray::fromStdString(
                                 Json{{"username", user}, {"password", wrongPassword}}.dump()));
        EXPECT_EQ(refused.status, 401);
    }
    openAcceptedRoom(); // kim logs in and accepts
    const QString leeId = relay->addAgent(QStringLiteral("lee"), QStringLiteral("이수진"));
    agent->send({{"type", "transfer"},
                 {"room_id", room.id.toStdString()},
                 {"agent_id", leeId.toStdString()}});
    ASSERT_TRUE(patient->take(frameWith("message", "event", "transferred")));
    relay->addAgent(QStringLiteral("boss"), QStringLiteral("관리자"), QStringLiteral("admin"));
    auto boss = connectAgent(QStringLiteral("boss"));
    const QString bossId = [this]() {
        const auto found = relay->server().store().agentByUsernameBlocking(QStringLiteral("boss"));
        return found.ok() && found.value() ? found.value()->agent.id : QString();
    }();
    ASSERT_FALSE(bossId.isEmpty());
    boss->send({{"type", "transfer"},
                {"room_id", room.id.toStdString()},
                {"agent_id", bossId.toStdString()}});
    ASSERT_TRUE(patient->take(frameWith("message", "event", "transferred")));

    const QByteArray parkFirst = "park-first-pass-7";
    const QByteArray parkSecond = "park-second-pass-8";
    ASSERT_EQ(command({QStringLiteral("--add-agent"), QStringLiteral("park"),
                       QStringLiteral("--agent-role"), QStringLiteral("admin")},
                      parkFirst + '\n')
                  .exitCode,
              0);
    ASSERT_EQ(command({QStringLiteral("--set-agent"), QStringLiteral("park"),
                       QStringLiteral("--agent-name"), QStringLiteral("박서연")})
                  .exitCode,
              0);
    ASSERT_EQ(command({QStringLiteral("--disable-agent"), QStringLiteral("park")}).exitCode, 0);
    ASSERT_EQ(command({QStringLiteral("--enable-agent"), QStringLiteral("park")}).exitCode, 0);
    ASSERT_EQ(
        command({QStringLiteral("--reset-password"), QStringLiteral("park")}, parkSecond + '\n')
            .exitCode,
        0);

    const Json log = auditLog();
    const auto entries = [&log](const std::string &action) {
        std::vector<Json> found;
        for (const Json &e : log)
            if (e["action"] == action)
                found.push_back(e);
        return found;
    };
    const auto isPeer = [](const Json &e) {
        return e["origin"].get<std::string>().find("127.0.0.1") != std::string::npos;
    };
    // Both failures look alike: nothing tells a known user from an unknown one.
    const auto failed = entries("login_failed");
    ASSERT_EQ(failed.size(), 2u) << log.dump(2);
    EXPECT_EQ((std::set<std::string>{failed[0]["actor"], failed[1]["actor"]}),
              (std::set<std::string>{"agent:kim", "agent:nobody-here"}));
    EXPECT_EQ(failed[0]["detail"], failed[1]["detail"]);
    EXPECT_EQ(failed[0]["target"], failed[1]["target"]);
    EXPECT_TRUE(isPeer(failed[0]) && isPeer(failed[1])) << log.dump(2);
    const auto logins = entries("login");
    ASSERT_EQ(logins.size(), 2u) << log.dump(2);
    EXPECT_EQ((std::set<std::string>{logins[0]["actor"], logins[1]["actor"]}),
              (std::set<std::string>{"agent:kim", "agent:boss"}));
    EXPECT_TRUE(isPeer(logins[0]) && isPeer(logins[1]));

    const auto accepts = entries("accept");
    ASSERT_EQ(accepts.size(), 1u) << log.dump(2);
    EXPECT_EQ(accepts[0]["actor"], "agent:kim");
    EXPECT_EQ(accepts[0]["target"], room.id.toStdString());
    EXPECT_TRUE(isPeer(accepts[0]));
    const auto transfers = entries("transfer");
    ASSERT_EQ(transfers.size(), 1u) << log.dump(2);
    EXPECT_EQ(transfers[0]["actor"], "agent:kim");
    EXPECT_EQ(transfers[0]["target"], room.id.toStdString());
    EXPECT_NE(transfers[0]["detail"].get<std::string>().find("to agent:lee"), std::string::npos);
    EXPECT_TRUE(isPeer(transfers[0]));
    const auto takeovers = entries("takeover");
    ASSERT_EQ(takeovers.size(), 1u) << log.dump(2);
    EXPECT_EQ(takeovers[0]["actor"], "agent:boss");
    EXPECT_EQ(takeovers[0]["target"], room.id.toStdString());
    EXPECT_NE(takeovers[0]["detail"].get<std::string>().find(leeId.toStdString()),
              std::string::npos)
        << "names whom the room was taken from";
    EXPECT_TRUE(isPeer(takeovers[0]));

    const std::string admin = "admin:";
    for (const char *action :
         {"agent_added", "agent_changed", "agent_disabled", "agent_enabled", "password_reset"}) {
        const auto found = entries(action);
        ASSERT_EQ(found.size(), 1u) << action << log.dump(2);
        EXPECT_EQ(found[0]["actor"].get<std::string>().rfind(admin, 0), 0u) << action;
        EXPECT_EQ(found[0]["target"], "agent:park") << action;
        EXPECT_EQ(found[0]["origin"], "command line") << action;
    }
    EXPECT_NE(entries("agent_added")[0]["detail"].get<std::string>().find("role admin"),
              std::string::npos);
    EXPECT_NE(entries("agent_changed")[0]["detail"].get<std::string>().find("박서연"),
              std::string::npos);

    const std::string text = command({QStringLiteral("--audit")}).out.toStdString() + log.dump();
    for (const std::string &secret :
         {wrongPassword, relay->password().toStdString(), parkFirst.toStdString(),
          parkSecond.toStdString(), std::string("pbkdf2")})
        EXPECT_EQ(text.find(secret), std::string::npos) << secret;
}

//! Statistics from `--stats --format json` (after `--since`, if given).
Json RecordsTest::stats(const QStringList &extra)
{
    const CommandRun run = command(
        QStringList{QStringLiteral("--stats"), QStringLiteral("--format"), QStringLiteral("json")} +
        extra);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    return run.exitCode == 0 ? Json::parse(run.out.toStdString()) : Json();
}

//! Sets a room's opening, its agent_joined notice, its patient and agent messages to known
//! times (seconds after `created`), and the translations of the patient's and agent's words.
void RecordsTest::setTimeline(const QString &roomId, const QString &created, int joined,
                              int patientAt, int agentAt, const Json &patientTranslation,
                              const Json &agentTranslation)
{
    const QDateTime start = QDateTime::fromString(created, Qt::ISODate);
    const auto at = [&start](int s) { return start.addSecs(s).toString(Qt::ISODate); };
    // The relay's own translations must be in before they are replaced by known outcomes.
    const auto pending = [this, roomId]() {
        const auto n = relay->server().store().runSync<int>([roomId](relay::StoreWorker &w) {
            QSqlQuery &q = w.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE room_id = ? "
                                                 "AND translation LIKE ?"),
                                  {roomId, QStringLiteral("%\"status\":\"pending\"%")});
            const int count = q.next() ? q.value(0).toInt() : -1;
            q.finish();
            return count;
        });
        return n.ok() ? n.value() : -1;
    };
    ASSERT_TRUE(eventually([&pending]() { return pending() == 0; }, 20000));
    const auto done = relay->server().store().runSync<bool>([&](relay::StoreWorker &w) {
        w.exec(QStringLiteral("UPDATE rooms SET created_at = ? WHERE id = ?"), {created, roomId})
            .finish();
        w.exec(QStringLiteral("UPDATE messages SET created_at = ? WHERE room_id = ? AND "
                              "sender = 'system'"),
               {at(joined), roomId})
            .finish();
        for (const auto &[sender, s, t] :
             {std::tuple{QStringLiteral("patient"), patientAt, patientTranslation},
              std::tuple{QStringLiteral("agent"), agentAt, agentTranslation}})
            w.exec(QStringLiteral("UPDATE messages SET created_at = ?, translation = ? WHERE "
                                  "room_id = ? AND sender = ?"),
                   {at(s), QString::fromStdString(t.dump()), roomId, sender})
                .finish();
        return true;
    });
    ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
}

//! How many messages each sender wrote in `rooms`, counted in SQL.
Json RecordsTest::sendersOf(const QStringList &rooms)
{
    Json counts = Json::object();
    for (const QString &roomId : rooms) {
        const auto rows = relay->server().store().runSync<std::vector<std::pair<std::string, int>>>(
            [roomId](relay::StoreWorker &w) {
                QSqlQuery &q = w.exec(QStringLiteral("SELECT sender, COUNT(*) FROM messages "
                                                     "WHERE room_id = ? GROUP BY sender"),
                                      {roomId});
                std::vector<std::pair<std::string, int>> r;
                while (q.next())
                    r.emplace_back(q.value(0).toString().toStdString(), q.value(1).toInt());
                q.finish();
                return r;
            });
        EXPECT_TRUE(rows.ok());
        for (const auto &[sender, n] : rows.value())
            counts[sender] = counts.value(sender, 0) + n;
    }
    return counts;
}

TEST_F(RecordsTest, StatsCountConsultationsTimesOutcomesAndCacheHitsOfThePeriod)
{
    const auto translation = [](const char *status, const char *provider,
                                std::vector<std::string> warnings = {}) {
        return Json{{"text", "t"},
                    {"lang", "ko"},
                    {"status", status},
                    {"provider", provider},
                    {"warnings", warnings}};
    };
    const TestRelay::Room a = converse(QStringLiteral("vi"), "Tôi bị đau đầu");
    const TestRelay::Room b = converse(QStringLiteral("zh"), "我头疼", false);
    const TestRelay::Room c = relay->createRoom(QStringLiteral("th"));
    const TestRelay::Room old = converse(QStringLiteral("vi"), "Tôi bị sốt");
    setTimeline(a.id, QStringLiteral("2026-03-01T10:00:00Z"), 60, 120, 150,
                translation("ok", "deepl", {"number_mismatch"}), translation("cached", "deepl"));
    setTimeline(b.id, QStringLiteral("2026-03-01T11:00:00Z"), 300, 310, 400,
                translation("fallback", "google", {"number_mismatch", "glossary_missing:aspirin"}),
                translation("unavailable", ""));
    setTimeline(c.id, QStringLiteral("2026-03-01T12:00:00Z"), 0, 0, 0, {}, {});
    setTimeline(old.id, QStringLiteral("2020-01-01T00:00:00Z"), 1000, 1000, 1001,
                translation("cached", "deepl"), translation("ok", "deepl"));

    const Json s = stats({QStringLiteral("--since"), QStringLiteral("2026-01-01")});
    EXPECT_EQ(s["since"], "2026-01-01T00:00:00Z");
    EXPECT_EQ(s["consultations"]["total"], 3);
    EXPECT_EQ(s["consultations"]["by_language"], (Json{{"vi", 1}, {"zh", 1}, {"th", 1}}));
    EXPECT_EQ(s["consultations"]["by_status"], (Json{{"ended", 1}, {"active", 1}, {"waiting", 1}}));
    // Nearest rank over {60, 300}: the median is rank 1, p90 rank 2; c was never accepted.
    EXPECT_EQ(s["waiting_seconds"], (Json{{"count", 2}, {"median", 60}, {"p90", 300}}));
    EXPECT_EQ(s["first_reply_seconds"], (Json{{"count", 2}, {"median", 30}, {"p90", 90}}));
    const Json senders = sendersOf({a.id, b.id, c.id});
    int total = 0;
    for (const auto &[sender, n] : senders.items())
        total += n.get<int>();
    EXPECT_EQ(senders["patient"], 2);
    EXPECT_EQ(senders["agent"], 2);
    EXPECT_EQ(s["messages"]["by_sender"], senders);
    EXPECT_EQ(s["messages"]["total"], total);
    EXPECT_EQ(s["translations_by_provider"], (Json{{"deepl", {{"ok", 1}, {"cached", 1}}},
                                                   {"google", {{"fallback", 1}}},
                                                   {"none", {{"unavailable", 1}}}}));
    EXPECT_EQ(s["warnings_by_kind"], (Json{{"number_mismatch", 2}, {"glossary_missing", 1}}));
    EXPECT_EQ(s["cache"]["hits"], 1);
    EXPECT_EQ(s["cache"]["translated"], 3);
    EXPECT_DOUBLE_EQ(s["cache"]["hit_rate"].get<double>(), 1.0 / 3.0);

    // Without --since the old consultation counts too.
    const Json all = stats({});
    EXPECT_TRUE(all["since"].is_null());
    EXPECT_EQ(all["consultations"]["total"], 4);
    EXPECT_EQ(all["consultations"]["by_language"], (Json{{"vi", 2}, {"zh", 1}, {"th", 1}}));
    EXPECT_EQ(all["waiting_seconds"], (Json{{"count", 3}, {"median", 300}, {"p90", 1000}}));
    EXPECT_EQ(all["first_reply_seconds"], (Json{{"count", 3}, {"median", 30}, {"p90", 90}}));
    EXPECT_EQ(all["cache"]["hits"], 2);
    EXPECT_EQ(all["cache"]["translated"], 5);
    EXPECT_DOUBLE_EQ(all["cache"]["hit_rate"].get<double>(), 0.4);

    const CommandRun text = command(
        {QStringLiteral("--stats"), QStringLiteral("--since"), QStringLiteral("2026-01-01")});
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    for (const QString &line :
         {QStringLiteral("consultations: 3"),
          QStringLiteral("waiting time: median 60 s, p90 300 s"),
          QStringLiteral("first reply: median 30 s, p90 90 s"),
          QStringLiteral("google: fallback 1"), QStringLiteral("cache hit rate: 33.3% (1 of 3)")})
        EXPECT_TRUE(text.out.contains(line)) << text.out.toStdString();
}

TEST_F(RecordsTest, StatsOfAnEmptyDatabaseAndBadInput)
{
    const Json empty = stats({});
    EXPECT_EQ(empty["consultations"]["total"], 0);
    EXPECT_EQ(empty["consultations"]["by_language"], Json::object());
    EXPECT_EQ(empty["waiting_seconds"],
              (Json{{"count", 0}, {"median", nullptr}, {"p90", nullptr}}));
    EXPECT_EQ(empty["messages"]["total"], 0);
    EXPECT_EQ(empty["translations_by_provider"], Json::object());
    EXPECT_TRUE(empty["cache"]["hit_rate"].is_null());
    const CommandRun text = command({QStringLiteral("--stats")});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("cache hit rate: -"))) << text.out.toStdString();

    const CommandRun badDate = command(
        {QStringLiteral("--stats"), QStringLiteral("--since"), QStringLiteral("2026-02-30")});
    EXPECT_EQ(badDate.exitCode, 2);
    EXPECT_TRUE(badDate.err.contains(QStringLiteral("--since"))) << badDate.err.toStdString();
    EXPECT_TRUE(badDate.out.isEmpty());
    const CommandRun xml =
        command({QStringLiteral("--stats"), QStringLiteral("--format"), QStringLiteral("xml")});
    EXPECT_EQ(xml.exitCode, 2);
    EXPECT_TRUE(xml.err.contains(QStringLiteral("text or json for --stats")))
        << xml.err.toStdString();
    const CommandRun both = command({QStringLiteral("--stats"), QStringLiteral("--audit")});
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_TRUE(
        both.err.contains(QStringLiteral("one of --audit, --stats and --webhook-log at a time")))
        << both.err.toStdString();
}

class RetentionTest : public RecordsTest
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        RecordsTest::tweakConfig(config);
        config.retentionDays = 2;
    }
};

TEST_F(RetentionTest, TheRelayRemovesWhatEndedLongerAgoThanItsRetention)
{
    const TestRelay::Room old = converse(QStringLiteral("vi"), "Tôi bị đau đầu");
    const TestRelay::Room recent = converse(QStringLiteral("ja"), "頭が痛いです");
    const QString roomId = old.id;
    const QString threeDaysAgo = QDateTime::currentDateTimeUtc().addDays(-3).toString(Qt::ISODate);
    ASSERT_TRUE(relay->server()
                    .store()
                    .runSync<bool>([roomId, threeDaysAgo](relay::StoreWorker &w) {
                        w.exec(QStringLiteral("UPDATE rooms SET ended_at = ? WHERE id = ?"),
                               {threeDaysAgo, roomId});
                        return true;
                    })
                    .ok());
    agent.reset();
    // The relay checks when it starts and then every hour.
    restartRelay();
    ASSERT_TRUE(eventually([&]() { return messagesOf(roomId) == 0; }));
    EXPECT_GT(messagesOf(recent.id), 0) << "ended within the retention: kept";
    const CommandRun audit = command({QStringLiteral("--audit")});
    EXPECT_TRUE(audit.out.contains(QStringLiteral("relay\tpurge\t") + roomId))
        << audit.out.toStdString();
}

} // namespace medtranslate::test
