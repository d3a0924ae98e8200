// The account commands (--add-agent, --set-agent, --disable-agent, --enable-agent,
// --reset-password, --list-agents) as an operator runs them: the relay binary as a process,
// on a real database, beside a running relay. Compiled once per driver
// (MEDTRANSLATE_TEST_DRIVER).
#include "HttpClient.h"
#include "RelayProcess.h"
#include "TestDatabase.h"
#include "WsClient.h"

#include <QProcess>
#include <gtest/gtest.h>

namespace medtranslate::test {

namespace {

using Json = nlohmann::json;

const QString kDriver = QStringLiteral(MEDTRANSLATE_TEST_DRIVER);
const QByteArray kKimPassword = "kim-password-1";
const QByteArray kLeePassword = "lee-password-1";

//! What one admin command did.
using Outcome = RelayProcess::CommandOutcome;

WsClient::Predicate frameWith(const std::string &type, const std::string &key, const Json &value)
{
    return [type, key, value](const Json &f) {
        return f.value("type", std::string{}) == type && f.contains(key) && f[key] == value;
    };
}

//! Terminal cells a text takes: Hangul is two wide (what AgentListing aligns by).
int cells(const QString &text)
{
    int width = 0;
    for (const QChar c : text)
        width += c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3 ? 2 : 1;
    return width;
}

} // namespace

class AccountAdminTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(database.create(&error)) << error.toStdString();
    }

    //! Runs the relay binary on the test database with `arguments`, `input` on its stdin.
    Outcome run(const QStringList &arguments, const QByteArray &input = {})
    {
        return RelayProcess::runCommand(database.relayArguments() + arguments, input);
    }

    void addAgent(const QString &username, const QByteArray &password,
                  const QStringList &fields = {})
    {
        const Outcome added =
            run(QStringList{QStringLiteral("--add-agent"), username} + fields, password + '\n');
        ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
        EXPECT_TRUE(added.out.contains(QStringLiteral("agent '%1' created").arg(username)));
    }

    Json listJson()
    {
        const Outcome listed = run(
            {QStringLiteral("--list-agents"), QStringLiteral("--format"), QStringLiteral("json")});
        EXPECT_EQ(listed.exitCode, 0) << listed.err.toStdString();
        return Json::parse(listed.out.toStdString(), nullptr, false);
    }

    static Json agentNamed(const Json &agents, const std::string &username)
    {
        for (const Json &agent : agents) {
            if (agent.value("username", std::string{}) == username)
                return agent;
        }
        return {};
    }

    //! A relay serving the test database, as a separate process.
    std::unique_ptr<RelayProcess> startRelay()
    {
        QStringList driverFlags = database.relayArguments().mid(2);
        auto relay = std::make_unique<RelayProcess>(database.name(), driverFlags);
        QString error;
        EXPECT_TRUE(relay->start(&error)) << error.toStdString();
        return relay;
    }

    static HttpResponse login(const RelayProcess &relay, const QString &username,
                              const QByteArray &password)
    {
        return HttpClient::post(relay.http(QStringLiteral("/api/auth/login")),
                                QByteArray::fromStdString(Json{{"username", username.toStdString()},
                                                               {"password", password.toStdString()}}
                                                              .dump()));
    }

    static QString tokenOf(const HttpResponse &response)
    {
        return QString::fromStdString(response.json().value("token", std::string{}));
    }

    static std::unique_ptr<WsClient> connect(const RelayProcess &relay, const std::string &role,
                                             const QString &token)
    {
        auto client = std::make_unique<WsClient>();
        EXPECT_TRUE(client->open(relay.ws()));
        const auto welcome = client->hello(role, token);
        EXPECT_TRUE(welcome && (*welcome)["type"] == "welcome")
            << (welcome ? welcome->dump() : "timeout");
        return client;
    }

    TestDatabase database{kDriver};
};

TEST_F(AccountAdminTest, HelpNamesEveryAccountCommandAndThePasswordRules)
{
    QProcess relay;
    relay.start(RelayProcess::binary(), {QStringLiteral("--help")});
    ASSERT_TRUE(relay.waitForFinished(10000));
    EXPECT_EQ(relay.exitCode(), 0);
    const QString help = QString::fromUtf8(relay.readAllStandardOutput());
    for (const char *flag :
         {"--add-agent", "--set-agent", "--disable-agent", "--enable-agent", "--reset-password",
          "--list-agents", "--format", "--agent-name", "--agent-display-name", "--agent-role",
          "--agent-languages", "--agent-max-chats", "--account-check-ms"})
        EXPECT_TRUE(help.contains(QLatin1String(flag))) << flag;
    EXPECT_TRUE(help.contains(QLatin1String("Passwords:")));
    EXPECT_TRUE(help.contains(QLatin1String("8 to 128 characters"))) << help.toStdString();
}

TEST_F(AccountAdminTest, ListAgentsPrintsAlignedColumnsUnderAHeaderOrJson)
{
    addAgent(QStringLiteral("kim"), kKimPassword,
             {QStringLiteral("--agent-name"), QStringLiteral("김민지"),
              QStringLiteral("--agent-display-name"), QStringLiteral("Kim Minji"),
              QStringLiteral("--agent-max-chats"), QStringLiteral("4")});
    addAgent(QStringLiteral("lee"), kLeePassword,
             {QStringLiteral("--agent-role"), QStringLiteral("admin"),
              QStringLiteral("--agent-languages"), QStringLiteral("vi,en")});

    const Outcome table = run({QStringLiteral("--list-agents")});
    ASSERT_EQ(table.exitCode, 0) << table.err.toStdString();
    const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3) << table.out.toStdString();
    const QString &header = lines[0];
    for (const char *column :
         {"USERNAME", "NAME", "DISPLAY NAME", "ROLE", "LANGUAGES", "MAX CHATS", "STATUS"})
        EXPECT_TRUE(header.contains(QLatin1String(column))) << column;
    EXPECT_TRUE(header.startsWith(QLatin1String("USERNAME")));
    // Each value starts in the cell its column's title starts in.
    const QString &kim = lines[1];
    const QString &lee = lines[2];
    EXPECT_TRUE(kim.startsWith(QLatin1String("kim ")));
    EXPECT_TRUE(lee.startsWith(QLatin1String("lee ")));
    const int roleCell = cells(header.left(header.indexOf(QLatin1String("ROLE"))));
    EXPECT_EQ(cells(kim.left(kim.indexOf(QLatin1String(" agent ")) + 1)), roleCell)
        << table.out.toStdString();
    EXPECT_EQ(cells(lee.left(lee.indexOf(QLatin1String(" admin ")) + 1)), roleCell)
        << table.out.toStdString();
    const int statusCell = cells(header.left(header.indexOf(QLatin1String("STATUS"))));
    EXPECT_EQ(cells(kim.left(kim.indexOf(QLatin1String("enabled")))), statusCell);
    EXPECT_TRUE(kim.contains(QStringLiteral("김민지")));
    EXPECT_TRUE(kim.contains(QLatin1String("Kim Minji")));

    const Json agents = listJson();
    ASSERT_TRUE(agents.is_array()) << agents.dump();
    ASSERT_EQ(agents.size(), 2u);
    const Json k = agentNamed(agents, "kim");
    EXPECT_EQ(k["name"], "김민지");
    EXPECT_EQ(k["display_name"], "Kim Minji");
    EXPECT_EQ(k["role"], "agent");
    EXPECT_EQ(k["languages"], (Json{"en", "ja", "zh", "th", "vi"}));
    EXPECT_EQ(k["max_chats"], 4);
    EXPECT_EQ(k["status"], "enabled");
    EXPECT_FALSE(k.value("id", std::string{}).empty());
    const Json l = agentNamed(agents, "lee");
    EXPECT_EQ(l["role"], "admin");
    EXPECT_EQ(l["languages"], (Json{"vi", "en"}));
    EXPECT_TRUE(l["max_chats"].is_null());
}

TEST_F(AccountAdminTest, SetAgentChangesTheGivenFieldsAndRefusesBadInputChangingNothing)
{
    addAgent(QStringLiteral("kim"), kKimPassword,
             {QStringLiteral("--agent-name"), QStringLiteral("김민지")});
    const Outcome set = run({QStringLiteral("--set-agent"), QStringLiteral("kim"),
                             QStringLiteral("--agent-display-name"), QStringLiteral("Kim Minji"),
                             QStringLiteral("--agent-role"), QStringLiteral("admin"),
                             QStringLiteral("--agent-languages"), QStringLiteral("th,vi"),
                             QStringLiteral("--agent-max-chats"), QStringLiteral("6")});
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    EXPECT_TRUE(set.out.contains(QLatin1String("agent 'kim' updated")));
    const Json before = listJson();
    const Json kim = agentNamed(before, "kim");
    EXPECT_EQ(kim["name"], "김민지"); // not given: kept
    EXPECT_EQ(kim["display_name"], "Kim Minji");
    EXPECT_EQ(kim["role"], "admin");
    EXPECT_EQ(kim["languages"], (Json{"th", "vi"}));
    EXPECT_EQ(kim["max_chats"], 6);

    const struct
    {
        QStringList arguments;
        const char *reason;
    } refused[] = {
        {{QStringLiteral("--set-agent"), QStringLiteral("nobody"), QStringLiteral("--agent-role"),
          QStringLiteral("agent")},
         "no agent named 'nobody'"},
        {{QStringLiteral("--set-agent"), QStringLiteral("kim"), QStringLiteral("--agent-role"),
          QStringLiteral("boss")},
         "--agent-role must be agent or admin"},
        {{QStringLiteral("--set-agent"), QStringLiteral("kim"), QStringLiteral("--agent-languages"),
          QStringLiteral("vi,xx")},
         "'xx' is not a patient language"},
        {{QStringLiteral("--set-agent"), QStringLiteral("kim"), QStringLiteral("--agent-max-chats"),
          QStringLiteral("0")},
         "--agent-max-chats wants a whole number of at least 1"},
        {{QStringLiteral("--set-agent"), QStringLiteral("kim"), QStringLiteral("--agent-max-chats"),
          QStringLiteral("many")},
         "--agent-max-chats wants a whole number of at least 1"},
        {{QStringLiteral("--set-agent"), QStringLiteral("kim"),
          QStringLiteral("--agent-display-name"), QStringLiteral("김민지")},
         "in Latin letters"},
        {{QStringLiteral("--set-agent"), QStringLiteral("kim")}, "wants at least one of"},
        {{QStringLiteral("--disable-agent"), QStringLiteral("nobody")}, "no agent named 'nobody'"},
        {{QStringLiteral("--enable-agent"), QStringLiteral("nobody")}, "no agent named 'nobody'"},
        {{QStringLiteral("--list-agents"), QStringLiteral("--format"), QStringLiteral("xml")},
         "--format must be table or json"},
        {{QStringLiteral("--disable-agent"), QStringLiteral("kim"),
          QStringLiteral("--list-agents")},
         "one account command at a time"},
    };
    for (const auto &attempt : refused) {
        const Outcome outcome = run(attempt.arguments);
        EXPECT_NE(outcome.exitCode, 0) << attempt.arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(outcome.err.contains(QLatin1String(attempt.reason)))
            << attempt.arguments.join(QLatin1Char(' ')).toStdString() << ": "
            << outcome.err.toStdString();
    }
    EXPECT_EQ(listJson(), before);
}

TEST_F(AccountAdminTest, PasswordsComeFromStandardInputAndWeakOnesAreRefusedWithTheRules)
{
    const struct
    {
        QByteArray password;
        const char *reason;
    } weak[] = {
        {"", "no password was given"},
        {"short", "too short"},
        {"kimkimkim", "is the username"},
        {"xxxxxxxxxxxx", "one character repeated"},
        {QByteArray(129, 'a') + "b", "too long"},
    };
    for (const auto &attempt : weak) {
        const Outcome added = run({QStringLiteral("--add-agent"), QStringLiteral("kimkimkim")},
                                  attempt.password + '\n');
        EXPECT_EQ(added.exitCode, 1) << attempt.reason;
        EXPECT_TRUE(added.err.contains(QLatin1String(attempt.reason))) << added.err.toStdString();
        EXPECT_TRUE(added.err.contains(QLatin1String("8 to 128 characters")))
            << added.err.toStdString();
    }
    EXPECT_TRUE(listJson().empty());

    addAgent(QStringLiteral("kim"), kKimPassword);
    const Outcome weakReset =
        run({QStringLiteral("--reset-password"), QStringLiteral("kim")}, "kim\n");
    EXPECT_EQ(weakReset.exitCode, 1);
    EXPECT_TRUE(weakReset.err.contains(QLatin1String("too short"))) << weakReset.err.toStdString();
    const Outcome unknown =
        run({QStringLiteral("--reset-password"), QStringLiteral("nobody")}, "a-good-password\n");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QLatin1String("no agent named 'nobody'")));
    // A password on the command line is not taken (it would show in ps and shell history).
    const Outcome inArgv = run({QStringLiteral("--reset-password"), QStringLiteral("kim"),
                                QStringLiteral("a-good-password")});
    EXPECT_EQ(inArgv.exitCode, 2);
    EXPECT_TRUE(inArgv.err.contains(QLatin1String("unexpected argument")));

    // The refused resets changed nothing: the first password still logs in.
    auto relay = startRelay();
    EXPECT_EQ(login(*relay, QStringLiteral("kim"), kKimPassword).status, 200);
}

TEST_F(AccountAdminTest, DisabledAccountsCannotLogInUntilEnabledAgain)
{
    addAgent(QStringLiteral("kim"), kKimPassword);
    const Outcome disabled = run({QStringLiteral("--disable-agent"), QStringLiteral("kim")});
    ASSERT_EQ(disabled.exitCode, 0) << disabled.err.toStdString();
    EXPECT_TRUE(disabled.out.contains(QLatin1String("agent 'kim' disabled")));
    EXPECT_EQ(agentNamed(listJson(), "kim")["status"], "disabled");
    const Outcome again = run({QStringLiteral("--disable-agent"), QStringLiteral("kim")});
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.contains(QLatin1String("already disabled")));

    auto relay = startRelay();
    EXPECT_EQ(login(*relay, QStringLiteral("kim"), kKimPassword).status, 401);
    const Outcome enabled = run({QStringLiteral("--enable-agent"), QStringLiteral("kim")});
    ASSERT_EQ(enabled.exitCode, 0) << enabled.err.toStdString();
    EXPECT_TRUE(enabled.out.contains(QLatin1String("agent 'kim' enabled")));
    EXPECT_EQ(agentNamed(listJson(), "kim")["status"], "enabled");
    EXPECT_EQ(login(*relay, QStringLiteral("kim"), kKimPassword).status, 200);
}

TEST_F(AccountAdminTest, DisablingBesideARunningRelayClosesTheAgentAndRequeuesItsRoom)
{
    auto relay = startRelay();
    // Accounts made beside the running relay.
    addAgent(QStringLiteral("kim"), kKimPassword,
             {QStringLiteral("--agent-name"), QStringLiteral("김민지")});
    addAgent(QStringLiteral("lee"), kLeePassword);
    const auto kimLogin = login(*relay, QStringLiteral("kim"), kKimPassword);
    ASSERT_EQ(kimLogin.status, 200) << kimLogin.body.toStdString();
    const QString kimToken = tokenOf(kimLogin);
    const QString leeToken = tokenOf(login(*relay, QStringLiteral("lee"), kLeePassword));

    const auto opened =
        HttpClient::post(relay->http(QStringLiteral("/api/rooms")), R"({"language":"vi"})");
    ASSERT_EQ(opened.status, 201) << opened.body.toStdString();
    const std::string roomId = opened.json()["room_id"].get<std::string>();
    const QString patientToken =
        QString::fromStdString(opened.json()["patient_token"].get<std::string>());
    auto patient = connect(*relay, "patient", patientToken);
    auto kim = connect(*relay, "agent", kimToken);
    auto lee = connect(*relay, "agent", leeToken);
    kim->send({{"type", "accept"}, {"room_id", roomId}});
    ASSERT_TRUE(kim->take(frameWith("room", "status", "active")));
    ASSERT_TRUE(patient->take(frameWith("message", "event", "agent_joined")));
    // Lee's queue empties once Kim has the room.
    ASSERT_TRUE(
        lee->take([](const Json &f) { return f["type"] == "queue" && f["rooms"].empty(); }));
    // What came before (the room waiting, the first queue) is not what this test looks for.
    patient->drain(100);
    lee->drain(100);

    const Outcome disabled = run({QStringLiteral("--disable-agent"), QStringLiteral("kim")});
    ASSERT_EQ(disabled.exitCode, 0) << disabled.err.toStdString();
    EXPECT_TRUE(disabled.out.contains(QLatin1String("1 consultation(s) back in the waiting queue")))
        << disabled.out.toStdString();

    // Kim's connection is told why and closed.
    const auto refused = kim->take(frameWith("error", "code", "unauthorized"));
    ASSERT_TRUE(refused) << relay->output().toStdString();
    EXPECT_NE(refused->value("message", std::string{}).find("disabled"), std::string::npos);
    ASSERT_TRUE(kim->waitForClosed());
    EXPECT_EQ(kim->closeCode(), 1008);

    // The patient sees the room waiting again, with nobody assigned, and a notice.
    const auto waiting = patient->take(frameWith("room", "status", "waiting"));
    ASSERT_TRUE(waiting);
    EXPECT_TRUE((*waiting)["agent"].is_null()) << waiting->dump();
    EXPECT_TRUE(patient->take(frameWith("message", "event", "returned_to_queue")));
    // Lee sees it in the queue and may take it.
    ASSERT_TRUE(lee->take([&roomId](const Json &f) {
        return f["type"] == "queue" && f["rooms"].size() == 1 && f["rooms"][0]["room_id"] == roomId;
    }));
    lee->send({{"type", "accept"}, {"room_id", roomId}});
    const auto taken = patient->take([](const Json &f) {
        return f["type"] == "room" && f["status"] == "active" && f["agent"].is_object() &&
               f["agent"]["name"] == "lee";
    });
    ASSERT_TRUE(taken);

    // Kim's token opens nothing any more, over HTTP or WebSocket; nor does the password.
    EXPECT_EQ(HttpClient::get(relay->http(QStringLiteral("/api/templates")), kimToken).status, 401);
    WsClient again;
    ASSERT_TRUE(again.open(relay->ws()));
    const auto answer = again.hello("agent", kimToken);
    ASSERT_TRUE(answer);
    EXPECT_EQ((*answer)["type"], "error");
    EXPECT_EQ((*answer)["code"], "unauthorized");
    EXPECT_EQ(login(*relay, QStringLiteral("kim"), kKimPassword).status, 401);
    // Lee was not touched.
    EXPECT_EQ(HttpClient::get(relay->http(QStringLiteral("/api/templates")), leeToken).status, 200);
    EXPECT_FALSE(lee->isClosed());
}

TEST_F(AccountAdminTest, ResetPasswordBesideARunningRelayEndsEverySessionOfTheAgent)
{
    addAgent(QStringLiteral("kim"), kKimPassword);
    auto relay = startRelay();
    const QString oldToken = tokenOf(login(*relay, QStringLiteral("kim"), kKimPassword));
    ASSERT_FALSE(oldToken.isEmpty());
    auto kim = connect(*relay, "agent", oldToken);
    ASSERT_EQ(HttpClient::get(relay->http(QStringLiteral("/api/templates")), oldToken).status, 200);

    const Outcome reset =
        run({QStringLiteral("--reset-password"), QStringLiteral("kim")}, "kim-new-password\n");
    ASSERT_EQ(reset.exitCode, 0) << reset.err.toStdString();
    EXPECT_TRUE(reset.out.contains(QLatin1String("password of agent 'kim' changed")))
        << reset.out.toStdString();

    ASSERT_TRUE(kim->take(frameWith("error", "code", "unauthorized")))
        << relay->output().toStdString();
    ASSERT_TRUE(kim->waitForClosed());
    EXPECT_EQ(kim->closeCode(), 1008);
    EXPECT_EQ(HttpClient::get(relay->http(QStringLiteral("/api/templates")), oldToken).status, 401);
    EXPECT_EQ(login(*relay, QStringLiteral("kim"), kKimPassword).status, 401);
    const auto fresh = login(*relay, QStringLiteral("kim"), "kim-new-password");
    ASSERT_EQ(fresh.status, 200) << fresh.body.toStdString();
    auto back = connect(*relay, "agent", tokenOf(fresh));
    EXPECT_FALSE(back->isClosed());
}

} // namespace medtranslate::test
