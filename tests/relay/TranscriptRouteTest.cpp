#include "RelayFixture.h"
#include "storage/Store.h"
#include "transcript/TranscriptJson.h"

#include <QEventLoop>
#include <QTimer>

namespace medtranslate::test {

namespace {

//! The audit log as the store has it, or nothing when the store did not answer in time.
std::optional<std::vector<relay::AuditEntry>> auditLog(relay::Store &store)
{
    QEventLoop loop;
    std::optional<std::vector<relay::AuditEntry>> entries;
    store.audit(QStringLiteral("2000-01-01T00:00:00Z"), 100, &loop,
                [&](relay::Result<std::vector<relay::AuditEntry>> result) {
                    if (result.ok())
                        entries = std::move(result).value();
                    loop.quit();
                });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    return entries;
}

} // namespace

class TranscriptRouteTest : public RelayFixture
{
protected:
    QUrl transcriptUrl(const QString &roomId) const
    {
        return relay->http(QStringLiteral("/api/rooms/%1/transcript").arg(roomId));
    }
};

TEST_F(TranscriptRouteTest, TheRoomsAgentGetsTheWholeConsultationAndTheExportIsLogged)
{
    openAcceptedRoom();
    ScriptedTranslator::Rule headache;
    headache.output = QStringLiteral("머리가 아파요");
    translator->setRule(QStringLiteral("Tôi bị đau đầu"), headache);
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "Tôi bị đau đầu"));
    ASSERT_TRUE(takeMessage(*agent));
    ASSERT_TRUE(sendText(*agent, room.id, "a-1", "언제부터요?"));

    const auto answer =
        HttpClient::get(transcriptUrl(room.id), relay->login(QStringLiteral("kim")));
    ASSERT_EQ(answer.status, 200) << answer.body.toStdString();
    QString error;
    const auto document = relay::TranscriptJson::read(answer.body, &error);
    ASSERT_TRUE(document) << error.toStdString();
    ASSERT_EQ(document->transcripts.size(), 1u);
    const relay::Transcript &t = document->transcripts.front();
    EXPECT_EQ(QString::fromStdString(t.room.roomId), room.id);
    // The system notice of the agent joining, then both messages, in order.
    ASSERT_EQ(t.messages.size(), 3u);
    EXPECT_EQ(t.messages[0].sender, protocol::Sender::System);
    EXPECT_EQ(t.messages[1].text, "Tôi bị đau đầu");
    EXPECT_EQ(t.messages[1].translation.text, "머리가 아파요");
    EXPECT_EQ(t.messages[2].text, "언제부터요?");

    const auto log = auditLog(relay->server().store());
    ASSERT_TRUE(log);
    const auto exported = std::find_if(log->begin(), log->end(), [](const relay::AuditEntry &e) {
        return e.action == QLatin1String("export");
    });
    ASSERT_NE(exported, log->end());
    EXPECT_EQ(exported->actor, QStringLiteral("agent:kim"));
    EXPECT_EQ(exported->target, room.id);
    EXPECT_FALSE(exported->origin.isEmpty());
}

TEST_F(TranscriptRouteTest, AnAdminMayExportAnyRoom)
{
    openAcceptedRoom();
    relay->addAgent(QStringLiteral("boss"), QStringLiteral("관리자"), QStringLiteral("admin"));
    const auto answer =
        HttpClient::get(transcriptUrl(room.id), relay->login(QStringLiteral("boss")));
    ASSERT_EQ(answer.status, 200) << answer.body.toStdString();
    QString error;
    EXPECT_TRUE(relay::TranscriptJson::read(answer.body, &error)) << error.toStdString();
}

TEST_F(TranscriptRouteTest, OthersAreRefusedAndNothingIsLogged)
{
    openAcceptedRoom();
    relay->addAgent(QStringLiteral("lee"), QStringLiteral("이상담"));
    const auto other = HttpClient::get(transcriptUrl(room.id), relay->login(QStringLiteral("lee")));
    EXPECT_EQ(other.status, 403);
    EXPECT_EQ(other.json()["error"]["code"], "forbidden");
    // The patient's own token is no agent credential.
    const auto patientToken = HttpClient::get(transcriptUrl(room.id), room.token);
    EXPECT_EQ(patientToken.status, 401);
    EXPECT_EQ(patientToken.json()["error"]["code"], "unauthorized");
    EXPECT_EQ(HttpClient::get(transcriptUrl(room.id)).status, 401);
    EXPECT_EQ(HttpClient::get(transcriptUrl(room.id), QStringLiteral("wrong")).status, 401);
    const auto unknown =
        HttpClient::get(transcriptUrl(QStringLiteral("nope")), relay->login(QStringLiteral("kim")));
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.json()["error"]["code"], "not_found");

    const auto log = auditLog(relay->server().store());
    ASSERT_TRUE(log);
    for (const auto &e : *log)
        EXPECT_NE(e.action, QLatin1String("export")) << e.actor.toStdString();
}

} // namespace medtranslate::test
