#include "HttpClient.h"
#include "RelayProcess.h"
#include "WsClient.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <unistd.h>

namespace medtranslate::test {

using Json = nlohmann::json;

namespace {

const QString kAgentPassword = QStringLiteral("full-disk-pass");
//! Room for the database, its WAL and a few hundred messages; the filler takes the rest.
constexpr const char *kDiskSize = "4m";

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

//! The database lives on a small filesystem of its own, which the test fills while a
//! consultation is live: nothing unstored is acknowledged or delivered, the sender is told,
//! /health says why, and once there is room again the same relay stores the retries with the
//! next seq, as if the failed writes had never been tried.
class FullDiskTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        // The account is made on an ordinary disk, then the database is copied onto the small one.
        const QString seed = m_dir.filePath(QStringLiteral("seed.db"));
        QString error;
        ASSERT_TRUE(RelayProcess::addAgent(seed, QStringLiteral("lee"), kAgentPassword, &error))
            << error.toStdString();
        m_disk = m_dir.filePath(QStringLiteral("disk"));
        ASSERT_TRUE(QDir().mkpath(m_disk));
        // A private mount namespace: the small filesystem exists for the relay alone and goes
        // away with it, whatever happens to the test. Without root, a user namespace gives the
        // right to mount in it.
        QStringList launcher;
        if (::geteuid() != 0)
            launcher << QStringLiteral("--user") << QStringLiteral("--map-root-user");
        launcher << QStringLiteral("--mount") << QStringLiteral("--propagation")
                 << QStringLiteral("private") << QStringLiteral("sh") << QStringLiteral("-c")
                 << QStringLiteral("mount -t tmpfs -o size=%1 tmpfs %2 && cp %3 %4 && "
                                   "exec \"$0\" \"$@\"")
                        .arg(QString::fromLatin1(kDiskSize), shellQuoted(m_disk), shellQuoted(seed),
                             shellQuoted(m_disk + QStringLiteral("/relay.db")));
        m_relay = std::make_unique<RelayProcess>(m_disk + QStringLiteral("/relay.db"));
        m_relay->setLauncher(QStringLiteral("unshare"), launcher);
        ASSERT_TRUE(m_relay->start(&error)) << error.toStdString();
        m_pid = m_relay->pid();
    }

    //! The small filesystem as the relay sees it, reached through its mount namespace.
    [[nodiscard]] QString onDisk(const QString &name) const
    {
        return QStringLiteral("/proc/%1/root%2/%3").arg(m_pid).arg(m_disk, name);
    }

    //! Writes a filler file until the filesystem has not one block left; gives its size.
    qint64 fillDisk()
    {
        QFile filler(onDisk(QStringLiteral("filler")));
        if (!filler.open(QIODevice::WriteOnly))
            return -1;
        qint64 written = 0;
        for (qint64 chunk : {qint64(64 * 1024), qint64(4096), qint64(512), qint64(1)}) {
            const QByteArray block(chunk, 'x');
            while (filler.write(block) == chunk && filler.flush())
                written += chunk;
        }
        filler.close();
        return written;
    }

    Json health(int expectedStatus)
    {
        const auto reply = HttpClient::get(m_relay->admin(QStringLiteral("/health")));
        EXPECT_EQ(reply.status, expectedStatus) << reply.body.toStdString();
        return reply.json();
    }

    //! The ack for `id`, or the error frame that refers to it.
    static std::optional<Json> answer(WsClient &client, const std::string &id)
    {
        return client.take([&id](const Json &f) {
            return (f["type"] == "ack" && f["client_msg_id"] == id) ||
                   (f["type"] == "error" && f.value("ref", std::string{}) == id);
        });
    }

    static void send(WsClient &client, const std::string &roomId, const std::string &id,
                     const std::string &text)
    {
        client.send({{"type", "send"}, {"room_id", roomId}, {"client_msg_id", id}, {"text", text}});
    }

    //! Sends and expects the ack with `seq`, and the other side to get that message.
    void expectStored(WsClient &from, WsClient &to, const std::string &id, const std::string &text,
                      qint64 seq)
    {
        send(from, m_roomId, id, text);
        const auto ack = answer(from, id);
        ASSERT_TRUE(ack) << id << ": no answer\n" << m_relay->output().toStdString();
        ASSERT_EQ((*ack)["type"], "ack") << ack->dump();
        EXPECT_EQ((*ack)["seq"], seq) << id;
        const auto delivered = to.take(
            [&id](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == id; });
        ASSERT_TRUE(delivered) << id << " did not reach the other side";
        EXPECT_EQ((*delivered)["seq"], seq);
    }

    QTemporaryDir m_dir;
    QString m_disk;
    std::unique_ptr<RelayProcess> m_relay;
    qint64 m_pid = 0;
    std::string m_roomId;
};

TEST_F(FullDiskTest, RefusedWritesAreNeitherAckedNorDeliveredAndRecoverWithoutRestart)
{
    const auto created =
        HttpClient::post(m_relay->http(QStringLiteral("/api/rooms")), R"({"language":"vi"})");
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    m_roomId = created.json()["room_id"].get<std::string>();
    WsClient patient;
    ASSERT_TRUE(patient.open(m_relay->ws()));
    ASSERT_TRUE(patient.hello(
        "patient", QString::fromStdString(created.json()["patient_token"].get<std::string>())));
    const auto login = HttpClient::post(m_relay->http(QStringLiteral("/api/auth/login")),
                                        QByteArray(R"({"username":"lee","password":")") +
                                            kAgentPassword.toUtf8() + R"("})");
    ASSERT_EQ(login.status, 200) << login.body.toStdString();
    const QString agentToken = QString::fromStdString(login.json()["token"].get<std::string>());
    WsClient agent;
    ASSERT_TRUE(agent.open(m_relay->ws()));
    ASSERT_TRUE(agent.hello("agent", agentToken));
    agent.send({{"type", "accept"}, {"room_id", m_roomId}});
    ASSERT_TRUE(
        agent.take([](const Json &f) { return f["type"] == "room" && f["status"] == "active"; }));
    // seq 1 is the notice that the agent joined.
    ASSERT_TRUE(
        patient.take([](const Json &f) { return f["type"] == "message" && f["seq"] == 1; }));
    ASSERT_TRUE(agent.take([](const Json &f) { return f["type"] == "message" && f["seq"] == 1; }));
    EXPECT_EQ(health(200)["status"], "ok");

    expectStored(patient, agent, "p-1", "Tôi bị đau đầu", 2);
    expectStored(agent, patient, "a-1", "언제부터 아프셨어요?", 3);

    ASSERT_GT(fillDisk(), 0) << "cannot write the filler through /proc/" << m_pid << "/root";
    patient.drain(0);
    agent.drain(0);

    // Neither side's message can be stored: no ack, an error that names it, nothing delivered.
    for (auto [from, id] : {std::pair{&patient, "p-full"}, std::pair{&agent, "a-full"}}) {
        send(*from, m_roomId, id, from == &patient ? "Từ hôm qua" : "약을 드셨나요?");
        const auto refused = answer(*from, id);
        ASSERT_TRUE(refused) << id << ": no answer at all";
        EXPECT_EQ((*refused)["type"], "error") << id << " was acknowledged on a full disk";
        EXPECT_EQ((*refused)["ref"], id);
        EXPECT_EQ((*refused)["code"], "internal");
    }
    for (auto *client : {&patient, &agent}) {
        for (const Json &frame : client->drain(200)) {
            EXPECT_NE(frame["type"], "message")
                << "delivered without being stored: " << frame.dump();
            EXPECT_NE(frame["type"], "ack") << frame.dump();
        }
    }
    const Json degraded = health(503);
    EXPECT_EQ(degraded["status"], "degraded");
    // The public answer stays the contract's, without the reasons the full one gives.
    const auto bare = HttpClient::get(m_relay->http(QStringLiteral("/health")));
    EXPECT_EQ(bare.status, 503);
    EXPECT_EQ(bare.json(), Json({{"status", "degraded"}})) << bare.body.toStdString();
    ASSERT_TRUE(degraded.contains("reasons")) << degraded.dump();
    EXPECT_EQ(degraded["reasons"][0]["code"], "database_writes_fail") << degraded.dump();
    EXPECT_NE(degraded.value("database", std::string{}).find("full"), std::string::npos)
        << degraded.dump();

    // Room again: the same relay stores the retries, and the failed writes took no seq.
    ASSERT_TRUE(QFile::remove(onDisk(QStringLiteral("filler"))));
    expectStored(patient, agent, "p-full", "Từ hôm qua", 4);
    expectStored(agent, patient, "a-full", "약을 드셨나요?", 5);
    expectStored(patient, agent, "p-2", "Không", 6);
    const Json recovered = health(200);
    EXPECT_EQ(recovered["status"], "ok");
    EXPECT_EQ(recovered["database"], "ok");
    EXPECT_EQ(m_relay->pid(), m_pid);
    EXPECT_TRUE(m_relay->isRunning());

    const auto history =
        HttpClient::get(m_relay->http(QStringLiteral("/api/rooms/%1/messages?after_seq=0")
                                          .arg(QString::fromStdString(m_roomId))),
                        agentToken);
    ASSERT_EQ(history.status, 200);
    const Json stored = history.json();
    std::vector<std::string> ids;
    for (const Json &m : stored["messages"]) {
        EXPECT_EQ(m["seq"], qint64(ids.size()) + 1);
        ids.push_back(m.value("client_msg_id", std::string{}));
    }
    ASSERT_EQ(ids.size(), 6U);
    EXPECT_EQ(std::vector<std::string>(ids.begin() + 1, ids.end()),
              (std::vector<std::string>{"p-1", "a-1", "p-full", "a-full", "p-2"}));
}

} // namespace medtranslate::test
