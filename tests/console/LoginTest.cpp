#include "ScriptedTranslator.h"
#include "TestRelay.h"
#include "WaitFor.h"
#include "client/RelayClient.h"
#include "ui/LoginDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace medtranslate::console;
using medtranslate::test::TestRelay;

namespace {

struct Failure
{
    LoginFailure kind;
    QString detail;
};

std::optional<Failure> failedLogin(RelayClient &client, const QUrl &url, const QString &password)
{
    QSignalSpy failed(&client, &RelayClient::loginFailed);
    QSignalSpy succeeded(&client, &RelayClient::loginSucceeded);
    client.login(url, QStringLiteral("kim"), password);
    if (!failed.wait(8000) || succeeded.count() > 0)
        return std::nullopt;
    return Failure{failed.first().at(0).value<LoginFailure>(), failed.first().at(1).toString()};
}

//! Writes a fresh self-signed certificate and key: a relay nobody has told the console to trust.
bool writeSelfSignedCertificate(const QString &certPath, const QString &keyPath)
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    X509 *cert = X509_new();
    if (!key || !cert)
        return false;
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    bool ok = X509_sign(cert, key, EVP_sha256()) > 0;
    FILE *c = fopen(certPath.toLocal8Bit().constData(), "wb");
    FILE *k = fopen(keyPath.toLocal8Bit().constData(), "wb");
    ok = ok && c && k && PEM_write_X509(c, cert) &&
         PEM_write_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr);
    if (c)
        fclose(c);
    if (k)
        fclose(k);
    X509_free(cert);
    EVP_PKEY_free(key);
    return ok;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

TEST(Login, EachFailureHasItsOwnKind)
{
    TestRelay relay;
    ASSERT_TRUE(relay.start(new medtranslate::test::ScriptedTranslator));
    relay.addAgent(QStringLiteral("kim"), QStringLiteral("김상담"));
    RelayClient client;

    auto wrong = failedLogin(client, relay.http(), QStringLiteral("not-the-password"));
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->kind, LoginFailure::WrongCredentials);

    QUrl nobody = relay.http();
    nobody.setPort(closedPort());
    auto unreachable = failedLogin(client, nobody, TestRelay::password());
    ASSERT_TRUE(unreachable);
    EXPECT_EQ(unreachable->kind, LoginFailure::Unreachable) << unreachable->detail.toStdString();

    // A relay whose certificate is not trusted: the console refuses the connection.
    QTemporaryDir dir;
    const QString certPath = dir.filePath(QStringLiteral("relay.crt"));
    const QString keyPath = dir.filePath(QStringLiteral("relay.key"));
    ASSERT_TRUE(writeSelfSignedCertificate(certPath, keyPath));
    TestRelay tlsRelay([&](medtranslate::relay::RelayConfig &config) {
        config.tlsCertificate = certPath;
        config.tlsKey = keyPath;
    });
    ASSERT_TRUE(tlsRelay.start(new medtranslate::test::ScriptedTranslator));
    ASSERT_EQ(tlsRelay.http().scheme(), QStringLiteral("https"));
    auto handshake = failedLogin(client, tlsRelay.http(), TestRelay::password());
    ASSERT_TRUE(handshake);
    EXPECT_EQ(handshake->kind, LoginFailure::Tls) << handshake->detail.toStdString();
    EXPECT_FALSE(handshake->detail.isEmpty());

    auto bad =
        failedLogin(client, QUrl(QStringLiteral("ftp://relay.example")), TestRelay::password());
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->kind, LoginFailure::BadAddress);

    QSignalSpy succeeded(&client, &RelayClient::loginSucceeded);
    client.login(relay.http(), QStringLiteral("kim"), TestRelay::password());
    ASSERT_TRUE(succeeded.wait(5000));
    EXPECT_TRUE(client.hasToken());
}

TEST(Login, ALockedAccountSaysHowLongToWait)
{
    TestRelay relay([](medtranslate::relay::RelayConfig &config) {
        config.loginMaxFailures = 2;
        config.loginWindowMs = 90 * 1000;
    });
    ASSERT_TRUE(relay.start(new medtranslate::test::ScriptedTranslator));
    relay.addAgent(QStringLiteral("kim"), QStringLiteral("김상담"));
    RelayClient client;
    for (int i = 0; i < 2; ++i) {
        const auto wrong = failedLogin(client, relay.http(), QStringLiteral("guess"));
        ASSERT_TRUE(wrong);
        EXPECT_EQ(wrong->kind, LoginFailure::WrongCredentials);
    }
    const auto locked = failedLogin(client, relay.http(), TestRelay::password());
    ASSERT_TRUE(locked);
    EXPECT_EQ(locked->kind, LoginFailure::TooManyAttempts);
    // The first lockout of a username at one address lasts a minute (then 2, 4, ...).
    EXPECT_GT(locked->detail.toInt(), 30) << locked->detail.toStdString(); // seconds
    EXPECT_LE(locked->detail.toInt(), 60);

    LoginDialog dialog;
    dialog.passwordField()->setText(QStringLiteral("secret"));
    dialog.showFailure(LoginFailure::TooManyAttempts, locked->detail);
    EXPECT_TRUE(dialog.messageLabel()->text().contains(QStringLiteral("1 minute")))
        << dialog.messageLabel()->text().toStdString();
    EXPECT_TRUE(dialog.passwordField()->text().isEmpty());
}

TEST(LoginDialog, RemembersAddressAndUsernameButNotThePassword)
{
    QCoreApplication::setOrganizationName(QStringLiteral("MedTranslateTests"));
    QCoreApplication::setApplicationName(QStringLiteral("console-login-dialog-test"));
    QSettings().clear();
    {
        LoginDialog dialog;
        EXPECT_EQ(dialog.urlField()->text(), LoginDialog::defaultRelayUrl());
        dialog.urlField()->setText(QStringLiteral("https://relay.hospital.example"));
        dialog.usernameField()->setText(QStringLiteral("kim"));
        dialog.passwordField()->setText(QStringLiteral("secret"));
        QSignalSpy requested(&dialog, &LoginDialog::loginRequested);
        dialog.loginButton()->click();
        ASSERT_EQ(requested.count(), 1);
        EXPECT_EQ(requested.first().at(0).toUrl(),
                  QUrl(QStringLiteral("https://relay.hospital.example")));
        EXPECT_EQ(requested.first().at(2).toString(), QStringLiteral("secret"));
        EXPECT_FALSE(dialog.loginButton()->isEnabled()) << "busy while logging in";
        dialog.showFailure(LoginFailure::WrongCredentials, {});
        EXPECT_TRUE(dialog.loginButton()->isEnabled());
        EXPECT_TRUE(dialog.passwordField()->text().isEmpty());
        EXPECT_FALSE(dialog.messageLabel()->isHidden());
        const QString wrongText = dialog.messageLabel()->text();
        dialog.showFailure(LoginFailure::Unreachable, QStringLiteral("Connection refused"));
        EXPECT_NE(dialog.messageLabel()->text(), wrongText) << "each failure says something else";
        EXPECT_TRUE(dialog.messageLabel()->text().contains(QStringLiteral("Connection refused")));
        dialog.rememberInputs();
    }
    LoginDialog again;
    EXPECT_EQ(again.urlField()->text(), QStringLiteral("https://relay.hospital.example"));
    EXPECT_EQ(again.usernameField()->text(), QStringLiteral("kim"));
    EXPECT_TRUE(again.passwordField()->text().isEmpty());
    QSettings().clear();
}
