#pragma once

#include "TestPeer.h"
#include "config/RelayConfig.h"

#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace medtranslate::relay {
class AuthService;
class ConsultationService;
class DeskHours;
class EmergencyReply;
class LocalBlobStore;
class RedFlagDetector;
class RelayMetrics;
class RoomRegistry;
class Store;
class TemplateLibrary;
class Translator;
} // namespace medtranslate::relay

namespace medtranslate::test {

//! The relay core without sockets or HTTP: a store on a temporary SQLite file, the core's
//! classes put together as the relay does, and peers that live in the test.
class CoreHarness final
{
public:
    using Tweak = std::function<void(relay::RelayConfig &)>;

    //! `translator` (owned by the harness) defaults to a ScriptedTranslator.
    explicit CoreHarness(relay::Translator *translator = nullptr, Tweak tweak = {});
    ~CoreHarness();

    [[nodiscard]] relay::ConsultationService &core() { return *m_core; }
    [[nodiscard]] relay::RoomRegistry &rooms() { return *m_rooms; }
    [[nodiscard]] relay::Store &store() { return *m_store; }
    [[nodiscard]] relay::Translator &translator() { return *m_translator; }

    struct Room
    {
        QString id;
        QString token;
    };
    Room createRoom(const QString &language);
    //! An agent account with a session; returns the session token.
    QString addAgent(const QString &username, const QString &role = QStringLiteral("agent"));

    std::unique_ptr<TestPeer> peer();
    //! A peer that said hello and got its welcome (nullptr, with a test failure, otherwise).
    std::unique_ptr<TestPeer> patient(const Room &room, std::optional<qint64> lastSeq = {});
    std::unique_ptr<TestPeer> agent(const QString &token);

    static QString sourceRoot();

private:
    QTemporaryDir m_dir;
    relay::RelayConfig m_config;
    std::unique_ptr<relay::Store> m_store;
    std::unique_ptr<relay::TemplateLibrary> m_templates;
    std::unique_ptr<relay::RedFlagDetector> m_redFlags;
    std::unique_ptr<relay::EmergencyReply> m_emergencyReply;
    std::unique_ptr<relay::DeskHours> m_deskHours;
    std::unique_ptr<relay::RoomRegistry> m_rooms;
    std::unique_ptr<relay::RelayMetrics> m_metrics;
    std::unique_ptr<relay::Translator> m_translator;
    std::unique_ptr<relay::AuthService> m_auth;
    std::unique_ptr<relay::LocalBlobStore> m_blobs;
    std::unique_ptr<relay::ConsultationService> m_core;
};

} // namespace medtranslate::test
