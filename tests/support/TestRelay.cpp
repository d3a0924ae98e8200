#include "TestRelay.h"

#include "HttpClient.h"
#include "admin/AgentAdmin.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QUrlQuery>
#include <gtest/gtest.h>

namespace medtranslate::test {

namespace {
QString sourceRoot()
{
    const QString fromEnv = qEnvironmentVariable("MEDTRANSLATE_SOURCE_ROOT");
    return fromEnv.isEmpty() ? QStringLiteral(MEDTRANSLATE_SOURCE_ROOT) : fromEnv;
}
} // namespace

TestRelay::TestRelay(Tweak tweak)
{
    m_config.listenAddress = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.adminPort = 0;
    m_config.store.database = m_dir.filePath(QStringLiteral("relay.db"));
    m_config.resourcesDir = sourceRoot() + QStringLiteral("/resources");
    m_config.widgetDir = sourceRoot() + QStringLiteral("/widget");
    // Most suites play the contract's accept; the routing tests turn auto routing on.
    m_config.autoRouting = false;
    // Most suites open rooms before their agent connects, and count the room's messages; the
    // desk tests turn the "nobody online" notice on.
    m_config.desk.unattendedNotice = false;
    if (tweak)
        tweak(m_config);
}

TestRelay::~TestRelay()
{
    stop();
}

bool TestRelay::start(relay::Translator *translator)
{
    m_server = std::make_unique<relay::RelayServer>(m_config);
    if (translator)
        m_server->setTranslator(translator);
    QString error;
    const bool ok = m_server->start(&error);
    EXPECT_TRUE(ok) << error.toStdString();
    // A restart comes back on the same port, as a real relay does, so clients can reconnect.
    if (ok) {
        m_config.port = m_server->port();
        if (m_config.adminEnabled)
            m_config.adminPort = quint16(m_server->adminUrl().port());
    }
    return ok;
}

void TestRelay::stop()
{
    m_server.reset();
    QCoreApplication::processEvents();
}

QUrl TestRelay::http(const QString &path) const
{
    QUrl url = m_server->httpUrl();
    url.setPath(path);
    return url;
}

QUrl TestRelay::admin(const QString &path) const
{
    QUrl url = m_server->adminUrl();
    url.setPath(path);
    return url;
}

QString TestRelay::addAgent(const QString &username, const QString &displayName,
                            const QString &role)
{
    relay::AgentAdmin admin(m_server->store());
    QString error;
    const bool ok = admin.addAgent(username, displayName, role, {}, password(), &error);
    EXPECT_TRUE(ok) << error.toStdString();
    auto agents = admin.list(&error);
    if (agents) {
        for (const auto &a : *agents) {
            if (a.username == username)
                return a.id;
        }
    }
    return {};
}

QString TestRelay::login(const QString &username)
{
    const auto response = HttpClient::post(
        http(QStringLiteral("/api/auth/login")),
        QByteArray::fromStdString(nlohmann::json{{"username", username.toStdString()},
                                                 {"password", password().toStdString()}}
                                      .dump()));
    EXPECT_EQ(response.status, 200) << response.body.toStdString();
    return QString::fromStdString(response.json().value("token", std::string{}));
}

TestRelay::Room TestRelay::createRoom(const QString &language)
{
    const auto response = HttpClient::post(
        http(QStringLiteral("/api/rooms")),
        QByteArray::fromStdString(nlohmann::json{{"language", language.toStdString()}}.dump()));
    EXPECT_EQ(response.status, 201) << response.body.toStdString();
    const auto body = response.json();
    return {QString::fromStdString(body.value("room_id", std::string{})),
            QString::fromStdString(body.value("patient_token", std::string{}))};
}

QUrl TestRelay::uploadUrl(const QString &roomId, const QString &clientMsgId,
                          const QString &name) const
{
    QUrl url = http(QStringLiteral("/api/rooms/%1/attachments").arg(roomId));
    QUrlQuery query;
    if (!clientMsgId.isEmpty())
        query.addQueryItem(QStringLiteral("client_msg_id"), clientMsgId);
    if (!name.isEmpty())
        query.addQueryItem(QStringLiteral("name"), name);
    url.setQuery(query);
    return url;
}

} // namespace medtranslate::test
