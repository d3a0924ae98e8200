#include "config/RelayOptions.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace medtranslate::test {

using relay::RelayOptions;

namespace {

std::optional<RelayOptions> parse(QStringList args, const QProcessEnvironment &env, QString *error)
{
    args.prepend(QStringLiteral("medtranslate-relay"));
    return RelayOptions::parse(args, env, error);
}

QString writeConfig(const QTemporaryDir &dir, const QByteArray &json)
{
    const QString path = dir.filePath(QStringLiteral("relay.json"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(json);
    return path;
}

} // namespace

TEST(RelayOptionsTest, DefaultsAreTheEmbeddedOnes)
{
    QString error;
    const auto options = parse({}, QProcessEnvironment(), &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->command, RelayOptions::Command::Serve);
    EXPECT_EQ(options->config.listenAddress, QHostAddress(QHostAddress::LocalHost));
    EXPECT_EQ(options->config.port, 8080);
    EXPECT_EQ(options->config.store.driver, QStringLiteral("sqlite"));
    EXPECT_EQ(options->config.store.database, QStringLiteral("var/medtranslate.db"));
    EXPECT_TRUE(options->config.translation.providers.isEmpty());
    EXPECT_TRUE(options->config.allowedOrigins.isEmpty());
    EXPECT_EQ(options->config.pingIntervalMs, 25000);
    EXPECT_EQ(options->config.loginMaxFailures, 5);
    EXPECT_EQ(options->config.roomsPerAddress, 30);
}

TEST(RelayOptionsTest, TheEmergencyDepartmentComesFromFileEnvironmentOrFlag)
{
    QString error;
    const auto none = parse({}, QProcessEnvironment(), &error);
    ASSERT_TRUE(none) << error.toStdString();
    EXPECT_TRUE(none->config.emergencyDepartment.isEmpty()) << "the reply table's wording";
    EXPECT_TRUE(none->config.emergencyPhone.isEmpty());

    QTemporaryDir dir;
    const QString config = writeConfig(
        dir, R"({"emergency_department": "서울의료원 응급실", "emergency_phone": "02-111-1111"})");
    QProcessEnvironment env;
    env.insert(QStringLiteral("MEDTRANSLATE_EMERGENCY_PHONE"), QStringLiteral(" 02-222-2222 "));
    const auto fromFile = parse({QStringLiteral("--config"), config}, env, &error);
    ASSERT_TRUE(fromFile) << error.toStdString();
    EXPECT_EQ(fromFile->config.emergencyDepartment, QStringLiteral("서울의료원 응급실"));
    EXPECT_EQ(fromFile->config.emergencyPhone, QStringLiteral("02-222-2222"));
    const auto fromFlag =
        parse({QStringLiteral("--config"), config, QStringLiteral("--emergency-department"),
               QStringLiteral("Seoul Medical Center ER")},
              env, &error);
    ASSERT_TRUE(fromFlag) << error.toStdString();
    EXPECT_EQ(fromFlag->config.emergencyDepartment, QStringLiteral("Seoul Medical Center ER"));
}

TEST(RelayOptionsTest, ProtectionsCanBeTunedOrTurnedOff)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("MEDTRANSLATE_ROOMS_PER_ADDRESS"), QStringLiteral("0"));
    QString error;
    const auto options = parse({QStringLiteral("--ping-interval-ms"), QStringLiteral("0"),
                                QStringLiteral("--login-attempts"), QStringLiteral("10")},
                               env, &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->config.pingIntervalMs, 0);
    EXPECT_EQ(options->config.loginMaxFailures, 10);
    EXPECT_EQ(options->config.roomsPerAddress, 0);
}

TEST(RelayOptionsTest, FlagsWinOverEnvironmentWhichWinsOverTheFile)
{
    QTemporaryDir dir;
    const QString config = writeConfig(dir, R"({"listen":"127.0.0.1:7000","db":"from-file.db",
        "allowed_origins":["https://a.example","https://b.example"],
        "translation":{"deadline_ms":9000,"anthropic":{"api_key":"file-key","model":"file-model"}}})");
    QProcessEnvironment env;
    env.insert(QStringLiteral("MEDTRANSLATE_DB"), QStringLiteral("from-env.db"));
    env.insert(QStringLiteral("MEDTRANSLATE_LISTEN"), QStringLiteral("127.0.0.1:7001"));
    QString error;
    const auto options = parse({QStringLiteral("--config"), config, QStringLiteral("--listen"),
                                QStringLiteral("0.0.0.0:7002")},
                               env, &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->config.port, 7002); // flag
    EXPECT_EQ(options->config.listenAddress, QHostAddress(QHostAddress::AnyIPv4));
    EXPECT_EQ(options->config.store.database, QStringLiteral("from-env.db")); // env
    EXPECT_EQ(options->config.allowedOrigins,
              (QStringList{QStringLiteral("https://a.example"),
                           QStringLiteral("https://b.example")})); // file
    EXPECT_EQ(options->config.translation.deadlineMs, 9000);
    // A key in the file turns its provider on.
    EXPECT_EQ(options->config.translation.anthropicKey, QStringLiteral("file-key"));
    EXPECT_EQ(options->config.translation.anthropicModel, QStringLiteral("file-model"));
    EXPECT_EQ(options->config.translation.providers, QStringList{QStringLiteral("anthropic")});
}

TEST(RelayOptionsTest, ApiKeysComeFromTheEnvironmentAndProvidersKeepTheirOrder)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DEEPL_API_KEY"), QStringLiteral("deepl-key"));
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("openai-key"));
    QString error;
    auto options = parse({}, env, &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->config.translation.providers,
              (QStringList{QStringLiteral("openai"), QStringLiteral("deepl")}));
    options = parse({QStringLiteral("--providers"), QStringLiteral("deepl,openai")}, env, &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->config.translation.providers,
              (QStringList{QStringLiteral("deepl"), QStringLiteral("openai")}));
}

TEST(RelayOptionsTest, DeepLFreeKeysGoToTheFreeEndpointAndProKeysToThePro)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DEEPL_API_KEY"),
               QStringLiteral("0b8d5c1e-3f2a-4e6b-9a7d-2c4f6e8a0b1d:fx"));
    QString error;
    auto options = parse({}, env, &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->config.translation.deeplUrl, QStringLiteral("https://api-free.deepl.com"));

    env.insert(QStringLiteral("DEEPL_API_KEY"),
               QStringLiteral("0b8d5c1e-3f2a-4e6b-9a7d-2c4f6e8a0b1d"));
    options = parse({}, env, &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->config.translation.deeplUrl, QStringLiteral("https://api.deepl.com"));

    // A base URL given (a proxy, a test server) wins over the key's kind.
    env.insert(QStringLiteral("MEDTRANSLATE_DEEPL_URL"), QStringLiteral("http://127.0.0.1:9"));
    options = parse({}, env, &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->config.translation.deeplUrl, QStringLiteral("http://127.0.0.1:9"));
}

TEST(RelayOptionsTest, RoutingAndGracePeriodFromFlagEnvironmentOrFile)
{
    QString error;
    const auto defaults = parse({}, QProcessEnvironment(), &error);
    ASSERT_TRUE(defaults) << error.toStdString();
    EXPECT_TRUE(defaults->config.autoRouting);
    EXPECT_EQ(defaults->config.agentGraceSeconds, 60);
    EXPECT_EQ(defaults->config.defaultMaxChats, 5);

    QTemporaryDir dir;
    const QString file = writeConfig(dir, R"({"routing":"manual","agent_grace_s":30})");
    const auto fromFile = parse({QStringLiteral("--config"), file}, QProcessEnvironment(), &error);
    ASSERT_TRUE(fromFile) << error.toStdString();
    EXPECT_FALSE(fromFile->config.autoRouting);
    EXPECT_EQ(fromFile->config.agentGraceSeconds, 30);

    QProcessEnvironment env;
    env.insert(QStringLiteral("MEDTRANSLATE_ROUTING"), QStringLiteral("auto"));
    env.insert(QStringLiteral("MEDTRANSLATE_AGENT_GRACE_S"), QStringLiteral("0"));
    const auto fromEnv = parse({QStringLiteral("--config"), file}, env, &error);
    ASSERT_TRUE(fromEnv) << error.toStdString();
    EXPECT_TRUE(fromEnv->config.autoRouting);
    EXPECT_EQ(fromEnv->config.agentGraceSeconds, 0);

    const auto fromFlag =
        parse({QStringLiteral("--routing"), QStringLiteral("manual")}, env, &error);
    ASSERT_TRUE(fromFlag) << error.toStdString();
    EXPECT_FALSE(fromFlag->config.autoRouting);
}

TEST(RelayOptionsTest, DeskSettingsFromFlagEnvironmentOrFile)
{
    QString error;
    const auto defaults = parse({}, QProcessEnvironment(), &error);
    ASSERT_TRUE(defaults) << error.toStdString();
    // Empty: the relay reads desk/hours.json and desk/prechat.json of --resources.
    EXPECT_TRUE(defaults->config.desk.hoursFile.isEmpty());
    EXPECT_TRUE(defaults->config.desk.prechatFile.isEmpty());
    EXPECT_TRUE(defaults->config.desk.unattendedNotice);

    QTemporaryDir dir;
    const QString file = writeConfig(
        dir,
        R"({"desk":{"hours":"/etc/h.json","prechat":"/etc/p.json","unattended_notice":false}})");
    const auto fromFile = parse({QStringLiteral("--config"), file}, QProcessEnvironment(), &error);
    ASSERT_TRUE(fromFile) << error.toStdString();
    EXPECT_EQ(fromFile->config.desk.hoursFile, QStringLiteral("/etc/h.json"));
    EXPECT_EQ(fromFile->config.desk.prechatFile, QStringLiteral("/etc/p.json"));
    EXPECT_FALSE(fromFile->config.desk.unattendedNotice);

    QProcessEnvironment env;
    env.insert(QStringLiteral("MEDTRANSLATE_DESK_HOURS"), QStringLiteral("/srv/hours.json"));
    env.insert(QStringLiteral("MEDTRANSLATE_UNATTENDED_NOTICE"), QStringLiteral("on"));
    const auto fromEnv = parse({QStringLiteral("--config"), file}, env, &error);
    ASSERT_TRUE(fromEnv) << error.toStdString();
    EXPECT_EQ(fromEnv->config.desk.hoursFile, QStringLiteral("/srv/hours.json"));
    EXPECT_TRUE(fromEnv->config.desk.unattendedNotice);

    const auto fromFlag = parse({QStringLiteral("--unattended-notice"), QStringLiteral("off"),
                                 QStringLiteral("--prechat"), QStringLiteral("mine.json")},
                                env, &error);
    ASSERT_TRUE(fromFlag) << error.toStdString();
    EXPECT_FALSE(fromFlag->config.desk.unattendedNotice);
    EXPECT_EQ(fromFlag->config.desk.prechatFile, QStringLiteral("mine.json"));
}

TEST(RelayOptionsTest, BadValuesAreRefusedWithAClearMessage)
{
    QTemporaryDir dir;
    const struct
    {
        QStringList args;
        const char *mentions;
    } cases[] = {
        {{QStringLiteral("--listen"), QStringLiteral("nowhere")}, "--listen"},
        {{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:99999")}, "--listen"},
        {{QStringLiteral("--db-driver"), QStringLiteral("mysql")}, "--db-driver"},
        {{QStringLiteral("--providers"), QStringLiteral("babelfish")}, "babelfish"},
        {{QStringLiteral("--max-frame-bytes"), QStringLiteral("10")}, "--max-frame-bytes"},
        {{QStringLiteral("--rate-limit"), QStringLiteral("zero")}, "--rate-limit"},
        {{QStringLiteral("--ping-interval-ms"), QStringLiteral("10")}, "--ping-interval-ms"},
        {{QStringLiteral("--login-attempts"), QStringLiteral("-1")}, "--login-attempts"},
        {{QStringLiteral("--rooms-per-address"), QStringLiteral("many")}, "--rooms-per-address"},
        {{QStringLiteral("--tls-cert"), QStringLiteral("cert.pem")}, "--tls-key"},
        {{QStringLiteral("--routing"), QStringLiteral("random")}, "--routing"},
        {{QStringLiteral("--unattended-notice"), QStringLiteral("maybe")}, "--unattended-notice"},
        {{QStringLiteral("--agent-grace-s"), QStringLiteral("-5")}, "--agent-grace-s"},
        {{QStringLiteral("--agent-role"), QStringLiteral("boss"), QStringLiteral("--add-agent"),
          QStringLiteral("kim")},
         "--agent-role"},
        {{QStringLiteral("--config"), dir.filePath(QStringLiteral("missing.json"))}, "config file"},
        {{QStringLiteral("--unknown-flag")}, "unknown-flag"},
        {{QStringLiteral("stray")}, "stray"},
    };
    for (const auto &c : cases) {
        QString error;
        EXPECT_FALSE(parse(c.args, QProcessEnvironment(), &error))
            << c.args.join(' ').toStdString();
        EXPECT_TRUE(error.contains(QLatin1String(c.mentions))) << error.toStdString();
    }
    QString error;
    const QString broken = writeConfig(dir, "{not json");
    EXPECT_FALSE(parse({QStringLiteral("--config"), broken}, QProcessEnvironment(), &error));
    EXPECT_TRUE(error.contains(QLatin1String("not a JSON object"))) << error.toStdString();
}

TEST(RelayOptionsTest, AdminCommands)
{
    QString error;
    auto options = parse({QStringLiteral("--add-agent"), QStringLiteral("kim"),
                          QStringLiteral("--agent-name"), QStringLiteral("김민지"),
                          QStringLiteral("--agent-languages"), QStringLiteral("vi,en")},
                         QProcessEnvironment(), &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->command, RelayOptions::Command::AddAgent);
    EXPECT_EQ(options->agentUsername, QStringLiteral("kim"));
    EXPECT_EQ(options->agentFields.displayName, QStringLiteral("김민지"));
    EXPECT_EQ(options->agentFields.languages,
              (QStringList{QStringLiteral("vi"), QStringLiteral("en")}));
    options = parse({QStringLiteral("--list-agents")}, QProcessEnvironment(), &error);
    ASSERT_TRUE(options);
    EXPECT_EQ(options->command, RelayOptions::Command::ListAgents);
    options = parse({QStringLiteral("--help")}, QProcessEnvironment(), &error);
    ASSERT_TRUE(options);
    EXPECT_EQ(options->command, RelayOptions::Command::Help);
    EXPECT_TRUE(options->helpText.contains(QLatin1String("--add-agent")));
}

TEST(RelayOptionsTest, ProviderConcurrencyFromFlagEnvironmentOrFile)
{
    QString error;
    const auto defaults = parse({}, QProcessEnvironment(), &error);
    ASSERT_TRUE(defaults) << error.toStdString();
    EXPECT_EQ(defaults->config.translation.providerConcurrency, 32);

    QTemporaryDir dir;
    const QString file = writeConfig(dir, R"({"translation":{"concurrency":12}})");
    EXPECT_EQ(parse({QStringLiteral("--config"), file}, QProcessEnvironment(), &error)
                  ->config.translation.providerConcurrency,
              12);
    QProcessEnvironment env;
    env.insert(QStringLiteral("MEDTRANSLATE_PROVIDER_CONCURRENCY"), QStringLiteral("48"));
    EXPECT_EQ(parse({QStringLiteral("--config"), file}, env, &error)
                  ->config.translation.providerConcurrency,
              48);
    EXPECT_EQ(parse({QStringLiteral("--provider-concurrency"), QStringLiteral("64")}, env, &error)
                  ->config.translation.providerConcurrency,
              64);
    EXPECT_FALSE(
        parse({QStringLiteral("--provider-concurrency"), QStringLiteral("0")}, env, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("provider-concurrency"))) << error.toStdString();
}

TEST(RelayOptionsTest, InstalledDataIsNotLookedForInTheSourceTreeWhenThatIsTurnedOff)
{
    QString error;
    QProcessEnvironment env;
    env.insert(QStringLiteral("MEDTRANSLATE_NO_SOURCE_TREE"), QStringLiteral("1"));
    const auto options = parse({}, env, &error);
    ASSERT_TRUE(options) << error.toStdString();
    // The test binary has no share/medtranslate beside it: the installed path is what is left.
    EXPECT_TRUE(
        options->config.resourcesDir.endsWith(QStringLiteral("share/medtranslate/resources")))
        << options->config.resourcesDir.toStdString();
    EXPECT_TRUE(options->config.widgetDir.endsWith(QStringLiteral("share/medtranslate/widget")));
}

} // namespace medtranslate::test
