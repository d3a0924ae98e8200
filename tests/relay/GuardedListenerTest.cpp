// The relay's listener sets TCP_NODELAY on every accepted socket (Qt HttpServer 6.4 does not):
// small frames such as acks then leave at once instead of waiting ~40 ms for a delayed ACK.
#include "http/GuardedListener.h"

#include <QEventLoop>
#include <QProcess>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace medtranslate::relay;

namespace {

int socketOption(qintptr descriptor, int level, int option)
{
    int value = -1;
    socklen_t length = sizeof value;
    if (::getsockopt(int(descriptor), level, option, &value, &length) != 0)
        return -1;
    return value;
}

//! The next connection `server` hands out, once it is ready (after the handshake for TLS).
QTcpSocket *nextConnection(QTcpServer &server, int waitMs = 5000)
{
    if (!server.hasPendingConnections()) {
        QEventLoop loop;
        QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
        QObject::connect(&server, &QTcpServer::pendingConnectionAvailable, &loop,
                         &QEventLoop::quit);
        loop.exec();
    }
    return server.nextPendingConnection();
}

} // namespace

TEST(GuardedListener, AcceptedSocketsHaveNoDelayAndKeepAlive)
{
    QObject owner;
    QTcpServer *server = listenGuarded(QHostAddress::LocalHost, 0, std::nullopt, nullptr, &owner);
    ASSERT_NE(server, nullptr);
    EXPECT_EQ(server->parent(), &owner);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server->serverPort());
    QTcpSocket *accepted = nextConnection(*server);
    ASSERT_NE(accepted, nullptr);
    EXPECT_NE(socketOption(accepted->socketDescriptor(), IPPROTO_TCP, TCP_NODELAY), 0);
    EXPECT_NE(socketOption(accepted->socketDescriptor(), SOL_SOCKET, SO_KEEPALIVE), 0);
}

TEST(GuardedListener, APlainQTcpServerDoesNotSetIt)
{
    // What the relay got before: the check above is not vacuous on this system.
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTcpSocket *accepted = nextConnection(server);
    ASSERT_NE(accepted, nullptr);
    EXPECT_EQ(socketOption(accepted->socketDescriptor(), IPPROTO_TCP, TCP_NODELAY), 0);
}

TEST(GuardedListener, TlsConnectionsToo)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    ASSERT_FALSE(openssl.isEmpty()) << "openssl (scripts/install-deps.sh --test) makes the "
                                       "test certificate";
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess make;
    make.start(openssl,
               {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    ASSERT_TRUE(make.waitForFinished(30000));
    ASSERT_EQ(make.exitCode(), 0) << make.readAllStandardError().toStdString();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    const auto certificates = QSslCertificate::fromPath(cert);
    ASSERT_EQ(certificates.size(), 1);
    tls.setLocalCertificate(certificates.first());
    QFile keyFile(key);
    ASSERT_TRUE(keyFile.open(QIODevice::ReadOnly));
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));

    QObject owner;
    QTcpServer *server = listenGuarded(QHostAddress::LocalHost, 0, tls, nullptr, &owner);
    ASSERT_NE(server, nullptr);
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server->serverPort());
    QTcpSocket *accepted = nextConnection(*server, 10000);
    ASSERT_NE(accepted, nullptr);
    auto *secure = qobject_cast<QSslSocket *>(accepted);
    ASSERT_NE(secure, nullptr);
    EXPECT_TRUE(secure->isEncrypted());
    EXPECT_NE(socketOption(accepted->socketDescriptor(), IPPROTO_TCP, TCP_NODELAY), 0);
}
