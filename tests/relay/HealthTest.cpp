#include "RelayFixture.h"
#include "storage/Store.h"

#include <QTest>
#include <atomic>
#include <chrono>
#include <thread>

namespace medtranslate::test {

namespace {

const QString kFails = QStringLiteral("provider fails on this");
const QString kOffline = QStringLiteral("answered offline");

} // namespace

//! /health while the relay serves: "degraded" with reasons when translations fail or the
//! database is slow, and "ok" again once that passes.
class HealthTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override { config.healthDbSlowMs = 300; }

    void SetUp() override
    {
        RelayFixture::SetUp();
        ScriptedTranslator::Rule fail;
        fail.fail = true;
        translator->setRule(kFails, fail);
        // Known at once (as an offline phrase would be), even though unavailable: asked no
        // provider, so it says nothing about the providers.
        ScriptedTranslator::Rule offline;
        offline.fail = true;
        offline.immediate = true;
        translator->setRule(kOffline, offline);
        token = relay->login(QStringLiteral("kim"));
        ASSERT_FALSE(token.isEmpty());
    }

    //! Translates over /api/translate and returns the answer's status field.
    std::string translate(const QString &text)
    {
        const auto reply = HttpClient::post(
            relay->http(QStringLiteral("/api/translate")),
            QByteArray::fromStdString(
                Json{{"text", text.toStdString()}, {"source", "ko"}, {"target", "en"}}.dump()),
            token);
        EXPECT_EQ(reply.status, 200) << reply.body.toStdString();
        return reply.json().value("status", std::string{});
    }

    Json publicHealth(int expectedStatus = 200)
    {
        const auto reply = HttpClient::get(relay->http(QStringLiteral("/health")));
        EXPECT_EQ(reply.status, expectedStatus) << reply.body.toStdString();
        return reply.json();
    }

    Json adminHealth(int expectedStatus = 200)
    {
        const auto reply = HttpClient::get(relay->admin(QStringLiteral("/health")));
        EXPECT_EQ(reply.status, expectedStatus) << reply.body.toStdString();
        return reply.json();
    }

    //! The reason with `code`, or null.
    static Json reason(const Json &health, const std::string &code)
    {
        for (const Json &r : health.value("reasons", Json::array()))
            if (r.value("code", std::string{}) == code)
                return r;
        return nullptr;
    }

    QString token;
};

TEST_F(HealthTest, FailingTranslationsMakeItDegradedUntilTheyWorkAgain)
{
    // Four failures out of four are too few to judge.
    for (int i = 0; i < 4; ++i)
        ASSERT_EQ(translate(kFails), "unavailable");
    EXPECT_EQ(publicHealth(), Json({{"status", "ok"}}));

    for (int i = 0; i < 7; ++i)
        ASSERT_EQ(translate(kFails), "unavailable");
    const Json degraded = publicHealth();
    EXPECT_EQ(degraded["status"], "degraded");
    const Json why = reason(degraded, "translation_failing");
    ASSERT_TRUE(why.is_object()) << degraded.dump();
    EXPECT_EQ(why["message"], "11 of the last 11 translations failed");
    EXPECT_TRUE(reason(degraded, "database_slow").is_null()) << degraded.dump();
    const Json detailed = adminHealth();
    EXPECT_EQ(detailed["status"], "degraded");
    EXPECT_EQ(detailed["database"], "ok");
    EXPECT_TRUE(reason(detailed, "translation_failing").is_object()) << detailed.dump();

    // The provider is back: after nine good answers 11 of the last 20 still failed (the window
    // holds 20), after ten only half did.
    for (int i = 0; i < 9; ++i)
        ASSERT_EQ(translate(QStringLiteral("안녕하세요 %1").arg(i)), "ok");
    const Json still = publicHealth();
    EXPECT_EQ(reason(still, "translation_failing")["message"],
              "11 of the last 20 translations failed")
        << still.dump();
    ASSERT_EQ(translate(QStringLiteral("감사합니다")), "ok");
    EXPECT_EQ(publicHealth(), Json({{"status", "ok"}}));
    EXPECT_EQ(adminHealth()["status"], "ok");
}

TEST_F(HealthTest, OfflineAnswersAreNotFailures)
{
    for (int i = 0; i < 12; ++i)
        ASSERT_EQ(translate(kOffline), "unavailable");
    EXPECT_EQ(publicHealth(), Json({{"status", "ok"}}));
    EXPECT_FALSE(adminHealth().contains("reasons"));
}

TEST_F(HealthTest, ASlowDatabaseMakesItDegradedWhileItStillServes)
{
    openAcceptedRoom();
    EXPECT_EQ(publicHealth(), Json({{"status", "ok"}}));

    // A store job that takes 900 ms keeps the store thread busy, as a slow disk would: the
    // health ping queued behind it answers late. The job is started from another thread, so
    // this one keeps serving HTTP meanwhile.
    std::atomic<bool> busy{false};
    std::thread slowJob([this, &busy]() {
        (void)relay->server().store().runSync<int>([&busy](relay::StoreWorker &) {
            busy = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(900));
            return 0;
        });
    });
    QTRY_VERIFY_WITH_TIMEOUT(busy.load(), 5000);
    const Json slow = publicHealth();
    slowJob.join();
    EXPECT_EQ(slow["status"], "degraded") << slow.dump();
    const Json why = reason(slow, "database_slow");
    ASSERT_TRUE(why.is_object()) << slow.dump();
    EXPECT_NE(why["message"].get<std::string>().find("limit 300 ms"), std::string::npos)
        << slow.dump();
    EXPECT_TRUE(reason(slow, "translation_failing").is_null()) << slow.dump();

    // The store still works, and quick again: healthy.
    ASSERT_TRUE(sendText(*patient, room.id, "p-fast", "Cảm ơn"));
    const Json detailed = adminHealth();
    EXPECT_EQ(detailed["status"], "ok") << detailed.dump();
    EXPECT_EQ(detailed["database"], "ok");
    EXPECT_FALSE(detailed.contains("reasons"));
    EXPECT_EQ(publicHealth(), Json({{"status", "ok"}}));
}

} // namespace medtranslate::test
