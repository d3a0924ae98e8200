#include "config/RelayOptions.h"
#include "hooks/WebhookSigner.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <tuple>
#include <utility>

namespace medtranslate::test {

using relay::RelayOptions;
using relay::WebhookSigner;

namespace {

std::optional<RelayOptions> parse(QStringList args, const QProcessEnvironment &env, QString *error)
{
    args.prepend(QStringLiteral("medtranslate-relay"));
    return RelayOptions::parse(args, env, error);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    return path;
}

QProcessEnvironment environmentWith(const QString &name, const QString &value)
{
    QProcessEnvironment env;
    env.insert(name, value);
    return env;
}

const QString kBinary = QStringLiteral(MEDTRANSLATE_RELAY_BINARY);

//! Runs the relay binary to its end (at most 15 s) and gives its exit code and stderr.
std::pair<int, QString> runRelay(const QStringList &args, const QProcessEnvironment &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MEDTRANSLATE_WEBHOOK_SECRET"));
    env.remove(QStringLiteral("MEDTRANSLATE_WEBHOOK_URL"));
    env.insert(extra);
    QProcess relay;
    relay.setProcessEnvironment(env);
    relay.start(kBinary, args);
    if (!relay.waitForFinished(15000)) {
        relay.kill();
        relay.waitForFinished(5000);
        return {-1, QStringLiteral("the relay did not exit")};
    }
    return {relay.exitStatus() == QProcess::NormalExit ? relay.exitCode() : -1,
            QString::fromUtf8(relay.readAllStandardError())};
}

const QByteArray kKey = "whsec_test_key";
const QByteArray kBody = R"({"event":"message.created"})";
constexpr qint64 kTime = 1764806400;

} // namespace

// The vector is computed apart from Qt, by OpenSSL's command line:
//   printf '%s' '1764806400.{"event":"message.created"}' | openssl dgst -sha256 -hmac
//   whsec_test_key
TEST(WebhookSignerTest, MatchesAnIndependentlyComputedVector)
{
    const WebhookSigner signer(kKey);
    EXPECT_EQ(signer.mac(kBody, kTime),
              QByteArray("2f5a4f5fbd2c027b36a11401e95cd15efa2ad49c3f148fbc1f84d8c561ae8567"));
    EXPECT_EQ(signer.signatureHeader(kBody, kTime),
              QByteArray("t=1764806400,v1="
                         "2f5a4f5fbd2c027b36a11401e95cd15efa2ad49c3f148fbc1f84d8c561ae8567"));
}

TEST(WebhookSignerTest, VerifiesItsOwnSignatureWithinTheTolerance)
{
    const WebhookSigner signer(kKey);
    const QByteArray header = signer.signatureHeader(kBody, kTime);
    EXPECT_TRUE(signer.verify(header, kBody, kTime, 300));
    EXPECT_TRUE(signer.verify(header, kBody, kTime + 300, 300));
    EXPECT_FALSE(signer.verify(header, kBody, kTime + 301, 300)) << "a replay is too old";
    EXPECT_FALSE(signer.verify(header, kBody, kTime - 301, 300)) << "from the future";
}

TEST(WebhookSignerTest, RejectsAChangedBodyTimeKeyOrMalformedHeader)
{
    const WebhookSigner signer(kKey);
    const QByteArray header = signer.signatureHeader(kBody, kTime);
    EXPECT_FALSE(signer.verify(header, R"({"event":"message.created" })", kTime, 300));
    // The same MAC with another timestamp: the time is inside the MAC.
    QByteArray moved = header;
    moved.replace("t=1764806400", "t=1764806401");
    EXPECT_FALSE(signer.verify(moved, kBody, kTime, 300));
    EXPECT_FALSE(WebhookSigner("another key").verify(header, kBody, kTime, 300));
    EXPECT_FALSE(signer.verify("", kBody, kTime, 300));
    EXPECT_FALSE(signer.verify("t=1764806400", kBody, kTime, 300));
    EXPECT_FALSE(signer.verify("v1=" + signer.mac(kBody, kTime), kBody, kTime, 300));
    EXPECT_FALSE(signer.verify("t=abc,v1=" + signer.mac(kBody, kTime), kBody, kTime, 300));
    EXPECT_FALSE(signer.verify(header.left(header.size() - 1), kBody, kTime, 300));
}

TEST(WebhookSignerTest, AcceptsAnyMatchingV1SoSecretsCanBeRotated)
{
    const WebhookSigner signer(kKey);
    const QByteArray header = "t=1764806400,v1=" + WebhookSigner("old key").mac(kBody, kTime) +
                              ",v1=" + signer.mac(kBody, kTime);
    EXPECT_TRUE(signer.verify(header, kBody, kTime, 300));
}

TEST(WebhookOptionsTest, OffByDefault)
{
    QString error;
    const auto options = parse({}, QProcessEnvironment(), &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_FALSE(options->config.webhooks.enabled());
    EXPECT_EQ(options->config.webhooks.timeoutMs, 10000);
    EXPECT_EQ(options->config.webhooks.backoffBaseMs, 1000);
    EXPECT_EQ(options->config.webhooks.backoffCapMs, 300000);
}

TEST(WebhookOptionsTest, ReadsTheSecretFromAFileOrTheEnvironment)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString secretFile = writeFile(dir, QStringLiteral("secret"), "  s3cret-from-file\n");
    QString error;
    auto options =
        parse({QStringLiteral("--webhook-url"), QStringLiteral("https://his.example/hooks"),
               QStringLiteral("--webhook-secret-file"), secretFile,
               QStringLiteral("--webhook-timeout-ms"), QStringLiteral("2500"),
               QStringLiteral("--webhook-backoff-ms"), QStringLiteral("200"),
               QStringLiteral("--webhook-backoff-cap-ms"), QStringLiteral("5000")},
              QProcessEnvironment(), &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_TRUE(options->config.webhooks.enabled());
    EXPECT_EQ(options->config.webhooks.url, QUrl(QStringLiteral("https://his.example/hooks")));
    EXPECT_EQ(options->config.webhooks.secret, QByteArray("s3cret-from-file"));
    EXPECT_EQ(options->config.webhooks.timeoutMs, 2500);
    EXPECT_EQ(options->config.webhooks.backoffBaseMs, 200);
    EXPECT_EQ(options->config.webhooks.backoffCapMs, 5000);

    options = parse({QStringLiteral("--webhook-url"), QStringLiteral("http://127.0.0.1:9000/in")},
                    environmentWith(QStringLiteral("MEDTRANSLATE_WEBHOOK_SECRET"),
                                    QStringLiteral("env-secret")),
                    &error);
    ASSERT_TRUE(options) << error.toStdString();
    EXPECT_EQ(options->config.webhooks.secret, QByteArray("env-secret"));
}

TEST(WebhookOptionsTest, RefusesAUrlWithoutASecret)
{
    QString error;
    EXPECT_FALSE(parse({QStringLiteral("--webhook-url"), QStringLiteral("https://his.example/")},
                       QProcessEnvironment(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("needs a signing secret"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("MEDTRANSLATE_WEBHOOK_SECRET")));
}

TEST(WebhookOptionsTest, RefusesBadUrlsAndSecretFiles)
{
    const auto env =
        environmentWith(QStringLiteral("MEDTRANSLATE_WEBHOOK_SECRET"), QStringLiteral("k"));
    for (const QString &bad : {QStringLiteral("ftp://his.example/"), QStringLiteral("his.example"),
                               QStringLiteral("http://"), QStringLiteral("http://exa mple/")}) {
        QString error;
        EXPECT_FALSE(parse({QStringLiteral("--webhook-url"), bad}, env, &error))
            << bad.toStdString();
        EXPECT_TRUE(error.contains(QStringLiteral("http:// or https://"))) << error.toStdString();
    }

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString error;
    EXPECT_FALSE(parse({QStringLiteral("--webhook-url"), QStringLiteral("https://his.example/"),
                        QStringLiteral("--webhook-secret-file"), dir.filePath("missing")},
                       QProcessEnvironment(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("cannot read"))) << error.toStdString();

    const QString empty = writeFile(dir, QStringLiteral("empty"), "\n");
    EXPECT_FALSE(parse({QStringLiteral("--webhook-url"), QStringLiteral("https://his.example/"),
                        QStringLiteral("--webhook-secret-file"), empty},
                       env, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("is empty"))) << error.toStdString();

    EXPECT_FALSE(parse({QStringLiteral("--webhook-secret-file"), empty}, env, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("goes with --webhook-url"))) << error.toStdString();

    EXPECT_FALSE(parse({QStringLiteral("--webhook-backoff-ms"), QStringLiteral("5000"),
                        QStringLiteral("--webhook-backoff-cap-ms"), QStringLiteral("1000")},
                       env, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("below"))) << error.toStdString();

    EXPECT_FALSE(
        parse({QStringLiteral("--webhook-timeout-ms"), QStringLiteral("soon")}, env, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("webhook-timeout-ms"))) << error.toStdString();
}

TEST(WebhookBinaryTest, BadWebhookConfigExitsWithAClearError)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("relay.db"));
    const QStringList base = {QStringLiteral("--db"), db, QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0")};

    auto [code, stderrText] =
        runRelay(base + QStringList{QStringLiteral("--webhook-url"),
                                    QStringLiteral("https://his.example/hooks")},
                 QProcessEnvironment());
    EXPECT_NE(code, 0);
    EXPECT_TRUE(stderrText.contains(QStringLiteral("needs a signing secret")))
        << stderrText.toStdString();

    std::tie(code, stderrText) = runRelay(
        base + QStringList{QStringLiteral("--webhook-url"), QStringLiteral("his.example")},
        environmentWith(QStringLiteral("MEDTRANSLATE_WEBHOOK_SECRET"), QStringLiteral("k")));
    EXPECT_NE(code, 0);
    EXPECT_TRUE(stderrText.contains(QStringLiteral("http:// or https://")))
        << stderrText.toStdString();
    EXPECT_FALSE(QFile::exists(db)) << "refused before the database was touched";
}

TEST(WebhookBinaryTest, TheBannerSaysWhatIsSent)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MEDTRANSLATE_WEBHOOK_SECRET"), QStringLiteral("k"));
    QProcess relay;
    relay.setProcessEnvironment(env);
    relay.start(kBinary,
                {QStringLiteral("--db"), dir.filePath(QStringLiteral("relay.db")),
                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                 QStringLiteral("--admin-listen"), QStringLiteral("off"),
                 QStringLiteral("--webhook-url"), QStringLiteral("http://127.0.0.1:9/hooks")});
    ASSERT_TRUE(relay.waitForStarted(5000));
    QString banner;
    for (int i = 0; i < 100 && !banner.contains(QLatin1String("WebSocket:")); ++i) {
        relay.waitForReadyRead(100);
        banner += QString::fromUtf8(relay.readAllStandardOutput());
    }
    relay.terminate();
    EXPECT_TRUE(relay.waitForFinished(10000));
    EXPECT_TRUE(banner.contains(
        QStringLiteral("webhooks:    http://127.0.0.1:9/hooks (signed; attempts: --webhook-log)")))
        << banner.toStdString();
}

} // namespace medtranslate::test
