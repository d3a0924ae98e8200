#include "CoreHarness.h"

#include "ScriptedTranslator.h"
#include "admin/AgentAdmin.h"
#include "attachments/LocalBlobStore.h"
#include "auth/AuthService.h"
#include "auth/TokenGenerator.h"
#include "content/DeskHours.h"
#include "content/EmergencyReply.h"
#include "content/RedFlagDetector.h"
#include "content/TemplateLibrary.h"
#include "core/ConsultationService.h"
#include "core/RelayMetrics.h"
#include "core/RoomRegistry.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <gtest/gtest.h>

namespace medtranslate::test {

QString CoreHarness::sourceRoot()
{
    const QString fromEnv = qEnvironmentVariable("MEDTRANSLATE_SOURCE_ROOT");
    return fromEnv.isEmpty() ? QStringLiteral(MEDTRANSLATE_SOURCE_ROOT) : fromEnv;
}

CoreHarness::CoreHarness(relay::Translator *translator, Tweak tweak)
{
    m_config.store.database = m_dir.filePath(QStringLiteral("core.db"));
    m_config.translation.deadlineMs = 1500;
    m_config.autoRouting = false;           // as TestRelay: the routing tests turn it on
    m_config.desk.unattendedNotice = false; // as TestRelay: the desk tests turn it on
    if (tweak)
        tweak(m_config);
    m_store = std::make_unique<relay::Store>(m_config.store);
    QString error;
    EXPECT_TRUE(m_store->open(&error)) << error.toStdString();
    m_templates = std::make_unique<relay::TemplateLibrary>();
    EXPECT_TRUE(
        m_templates->loadDirectory(sourceRoot() + QStringLiteral("/resources/templates"), &error))
        << error.toStdString();
    m_redFlags = std::make_unique<relay::RedFlagDetector>();
    EXPECT_TRUE(m_redFlags->loadDirectory(
        sourceRoot() + QStringLiteral("/resources/red-flags/expressions"), &error))
        << error.toStdString();
    m_emergencyReply = std::make_unique<relay::EmergencyReply>();
    EXPECT_TRUE(m_emergencyReply->load(
        sourceRoot() + QStringLiteral("/resources/red-flags/reply.tsv"), &error))
        << error.toStdString();
    m_deskHours = std::make_unique<relay::DeskHours>();
    m_rooms = std::make_unique<relay::RoomRegistry>();
    m_metrics = std::make_unique<relay::RelayMetrics>();
    m_translator.reset(translator ? translator : new ScriptedTranslator);
    m_translator->setLimits(m_config.translation.deadlineMs, m_config.translation.maxPending);
    m_auth = std::make_unique<relay::AuthService>(m_config, *m_store);
    m_blobs = std::make_unique<relay::LocalBlobStore>(m_dir.filePath(QStringLiteral("blobs")));
    EXPECT_TRUE(m_blobs->open(&error)) << error.toStdString();
    m_core = std::make_unique<relay::ConsultationService>(
        m_config, *m_store, *m_translator, *m_templates, *m_redFlags, *m_emergencyReply,
        *m_deskHours, *m_rooms, *m_auth, *m_metrics, *m_blobs);
    EXPECT_TRUE(m_core->loadOpenRooms(&error)) << error.toStdString();
}

CoreHarness::~CoreHarness()
{
    // Pending callbacks hold references into the core; let them run before it goes.
    QCoreApplication::processEvents();
}

CoreHarness::Room CoreHarness::createRoom(const QString &language)
{
    Room room;
    bool done = false;
    m_core->createRoom(
        language, {}, std::nullopt, m_core.get(),
        [&room, &done](std::optional<relay::ConsultationService::CreatedRoom> created,
                       QString error) {
            EXPECT_TRUE(created) << error.toStdString();
            if (created)
                room = {created->roomId, created->patientToken};
            done = true;
        });
    QDeadlineTimer deadline(5000);
    while (!done && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    EXPECT_TRUE(done);
    return room;
}

QString CoreHarness::addAgent(const QString &username, const QString &role)
{
    relay::AgentAdmin admin(*m_store);
    QString error;
    EXPECT_TRUE(admin.addAgent(username, username.toUpper(), role, {},
                               QStringLiteral("test-password-1"), &error))
        << error.toStdString();
    QString id;
    if (const auto agents = admin.list(&error)) {
        for (const auto &a : *agents) {
            if (a.username == username)
                id = a.id;
        }
    }
    const QString token = relay::TokenGenerator::newToken();
    const QString hash = relay::TokenGenerator::hashToken(token);
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + 3600;
    bool stored = false;
    bool answered = false;
    m_store->createSession(hash, id, expires, m_core.get(),
                           [&stored, &answered](relay::Result<void> result) {
                               stored = result.ok();
                               answered = true;
                           });
    QDeadlineTimer deadline(5000);
    while (!answered && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    EXPECT_TRUE(stored) << "the session was not stored";
    return token;
}

std::unique_ptr<TestPeer> CoreHarness::peer()
{
    return std::make_unique<TestPeer>(m_core->handler());
}

std::unique_ptr<TestPeer> CoreHarness::patient(const Room &room, std::optional<qint64> lastSeq)
{
    auto p = peer();
    nlohmann::json hello{
        {"type", "hello"}, {"role", "patient"}, {"token", room.token.toStdString()}};
    if (lastSeq)
        hello["last_seq"] = *lastSeq;
    p->say(hello);
    EXPECT_TRUE(p->takeType("welcome")) << "no welcome for the patient";
    return p;
}

std::unique_ptr<TestPeer> CoreHarness::agent(const QString &token)
{
    auto p = peer();
    p->say({{"type", "hello"}, {"role", "agent"}, {"token", token.toStdString()}});
    EXPECT_TRUE(p->takeType("welcome")) << "no welcome for the agent";
    return p;
}

} // namespace medtranslate::test
