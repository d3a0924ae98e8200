#pragma once

#include "app/RelayServer.h"

#include <QTemporaryDir>
#include <QUrl>
#include <functional>
#include <memory>

namespace medtranslate::test {

//! A relay running in the test process on a free loopback port, with its own SQLite file in a
//! temporary folder, and the project's real resources.
class TestRelay final
{
public:
    using Tweak = std::function<void(relay::RelayConfig &)>;

    explicit TestRelay(Tweak tweak = {});
    ~TestRelay();

    //! Starts (or restarts on the same database) with an optional translator the relay will own.
    bool start(relay::Translator *translator = nullptr);
    void stop();

    [[nodiscard]] relay::RelayServer &server() { return *m_server; }
    [[nodiscard]] QUrl ws() const { return m_server->webSocketUrl(); }
    [[nodiscard]] QUrl http(const QString &path = {}) const;
    //! The operators' address (/metrics, detailed /health).
    [[nodiscard]] QUrl admin(const QString &path = {}) const;
    [[nodiscard]] const relay::RelayConfig &config() const { return m_config; }
    [[nodiscard]] QString databasePath() const { return m_config.store.database; }

    //! Creates an agent account (password fixed for tests) and returns its id.
    QString addAgent(const QString &username, const QString &displayName,
                     const QString &role = QStringLiteral("agent"));
    //! Logs in over HTTP and returns the token, or an empty string.
    QString login(const QString &username);
    struct Room
    {
        QString id;
        QString token;
    };
    //! Opens a consultation over HTTP, as the widget does.
    Room createRoom(const QString &language);

    //! Where the widget and the console upload a file to `roomId`.
    [[nodiscard]] QUrl uploadUrl(const QString &roomId, const QString &clientMsgId,
                                 const QString &name = {}) const;

    static QString password() { return QStringLiteral("test-password-1"); }

private:
    QTemporaryDir m_dir;
    relay::RelayConfig m_config;
    std::unique_ptr<relay::RelayServer> m_server;
};

} // namespace medtranslate::test
