#include "HttpClient.h"
#include "RelayProcess.h"
#include "WsClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <set>

namespace medtranslate::test {

using Json = nlohmann::json;

namespace {

constexpr int kRooms = 4;
constexpr int kKills = 4;
//! Traffic before each kill; varied so the kill lands at different points of a group commit.
constexpr int kTrafficMs[kKills] = {350, 500, 420, 600};
constexpr int kFinalTrafficMs = 300;
//! Every client sends one message this often.
constexpr int kSendIntervalMs = 8;
const QString kAgentPassword = QStringLiteral("crash-test-pass");

//! What a client has been told about one message it sent.
struct Ack
{
    std::string roomId;
    qint64 seq = 0;
    std::string msgId;
};

//! A patient or the agent: what it sent, what was acknowledged, and every `message` frame it
//! received, over all its connections. Anything the contract forbids goes into `problems`.
struct Client
{
    std::string name;
    bool agent = false;
    std::vector<std::string> rooms; //!< where it writes (a patient: its own room)
    QString token;
    std::unique_ptr<WsClient> ws;
    bool live = false; //!< connected and welcomed: it sends
    int sent = 0;
    //! Messages it got back in a replay before their ack: stored, then the relay was killed.
    int storedUnacked = 0;
    //! Messages that came after a later one: an agent's history answer can only follow the
    //! live messages sent between its welcome and its `history`.
    int reordered = 0;
    //! Messages the agent got live after its welcome and again in the history it then asked
    //! for: the contract's `history` answers every message after after_seq.
    int repeatedByHistory = 0;
    std::map<std::string, std::pair<std::string, std::string>> unacked; //!< id → room, text
    std::map<std::string, Ack> acked;
    std::map<std::string, std::map<qint64, std::string>> received; //!< room → seq → client id
    //! The connection each seq first came on, and which seqs came a second time.
    std::map<std::string, std::map<qint64, int>> receivedOn;
    std::map<std::string, std::set<qint64>> repeated;
    int connection = 0;
    //! The after_seq of the agent's `history` on this connection, per room.
    std::map<std::string, qint64> historyAfter;
    std::vector<std::string> problems;

    //! The last seq up to which it has every message of the room: where it resumes.
    [[nodiscard]] qint64 lastSeq(const std::string &roomId) const
    {
        qint64 last = 0;
        if (const auto it = received.find(roomId); it != received.end()) {
            for (const auto &entry : it->second) {
                if (entry.first != last + 1)
                    break;
                last = entry.first;
            }
        }
        return last;
    }

    void send(const std::string &id, const std::string &roomId, const std::string &text)
    {
        ws->send({{"type", "send"}, {"room_id", roomId}, {"client_msg_id", id}, {"text", text}});
    }

    void sendNext()
    {
        const std::string &roomId = rooms[std::size_t(sent) % rooms.size()];
        const std::string id = name + "-" + std::to_string(sent);
        const std::string text =
            agent ? "답변 " + std::to_string(sent) : "Tin " + std::to_string(sent);
        ++sent;
        unacked[id] = {roomId, text};
        send(id, roomId, text);
    }

    //! What a reconnecting client does: everything not acknowledged goes out again, same id.
    void resendUnacked()
    {
        for (const auto &[id, message] : unacked)
            send(id, message.first, message.second);
    }

    void handle(const Json &frame)
    {
        const std::string type = frame.value("type", std::string{});
        if (type == "ack") {
            const std::string id = frame.value("client_msg_id", std::string{});
            const Ack ack{frame.value("room_id", std::string{}), frame.value("seq", qint64(0)),
                          frame.value("msg_id", std::string{})};
            if (const auto it = acked.find(id); it != acked.end()) {
                // A retry of a stored message gets the same ack.
                if (it->second.seq != ack.seq || it->second.msgId != ack.msgId)
                    problems.push_back(name + ": two different acks for " + id);
            } else if (unacked.erase(id) == 1) {
                acked[id] = ack;
            } else {
                problems.push_back(name + ": ack for a message it never sent: " + frame.dump());
            }
        } else if (type == "message") {
            const std::string roomId = frame.value("room_id", std::string{});
            const qint64 seq = frame.value("seq", qint64(0));
            auto &room = received[roomId];
            if (unacked.count(frame.value("client_msg_id", std::string{})) != 0)
                ++storedUnacked;
            if (room.count(seq) != 0 && agent && receivedOn[roomId][seq] == connection &&
                historyAfter.count(roomId) != 0 && seq > historyAfter[roomId] &&
                repeated[roomId].insert(seq).second) {
                ++repeatedByHistory;
                return;
            }
            if (room.count(seq) != 0)
                problems.push_back(name + ": seq " + std::to_string(seq) + " of room " + roomId +
                                   " delivered twice");
            else if (!room.empty() && seq < room.rbegin()->first && agent)
                ++reordered;
            else if (!room.empty() && seq < room.rbegin()->first)
                problems.push_back(name + ": seq " + std::to_string(seq) + " of room " + roomId +
                                   " after " + std::to_string(room.rbegin()->first));
            receivedOn[roomId].emplace(seq, connection);
            room[seq] = frame.value("client_msg_id", std::string{});
        } else if (type == "error") {
            problems.push_back(name + ": " + frame.dump());
        }
    }

    void pump()
    {
        if (ws)
            for (const Json &frame : ws->drain(0))
                handle(frame);
    }
};

void processEvents()
{
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

//! SIGKILL in the middle of steady traffic in both directions, several times: on the same
//! database, with clients that resume from their last seq and resend what was not
//! acknowledged, no acknowledged message is lost, none is stored or delivered twice, and every
//! room's seq stays gapless.
class CrashSafetyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("relay.db"));
        QString error;
        ASSERT_TRUE(
            RelayProcess::addAgent(m_database, QStringLiteral("crash"), kAgentPassword, &error))
            << error.toStdString();
        // Well above the traffic, so no send is throttled.
        m_relay = std::make_unique<RelayProcess>(
            m_database,
            QStringList{QStringLiteral("--rate-limit"), QStringLiteral("1000"),
                        // Steady traffic far above a patient's; the budgets are tested
                        // elsewhere.
                        QStringLiteral("--room-messages-per-minute"), QStringLiteral("0"),
                        QStringLiteral("--room-translation-chars"), QStringLiteral("0"),
                        QStringLiteral("--address-translation-chars"), QStringLiteral("0")});
        startRelay();
    }

    void startRelay()
    {
        QString error;
        ASSERT_TRUE(m_relay->start(&error)) << error.toStdString();
    }

    std::string describeRelay() { return m_relay->output().toStdString(); }

    //! Lets every client read what arrived.
    void pumpAll()
    {
        processEvents();
        for (auto &client : m_clients)
            client.pump();
    }

    //! Each connected client sends one message every kSendIntervalMs, for `ms`.
    void traffic(int ms)
    {
        QElapsedTimer clock;
        clock.start();
        qint64 nextSend = 0;
        while (clock.elapsed() < ms) {
            if (clock.elapsed() >= nextSend) {
                for (auto &client : m_clients) {
                    if (client.live)
                        client.sendNext();
                }
                nextSend += kSendIntervalMs;
            }
            pumpAll();
        }
    }

    //! Every client resumes on the restarted relay and resends what was not acknowledged, one
    //! after the other (starting with a different one each round) while those already back
    //! go on writing.
    void reconnect(int round)
    {
        for (std::size_t i = 0; i < m_clients.size(); ++i) {
            auto &client = m_clients[(i + std::size_t(round)) % m_clients.size()];
            client.pump();
            client.ws = std::make_unique<WsClient>();
            ++client.connection;
            client.historyAfter.clear();
            ASSERT_TRUE(client.ws->open(m_relay->ws())) << client.name;
            if (client.agent) {
                // The login survives the crash: the session was stored before the token came.
                const auto welcome = client.ws->hello("agent", client.token);
                ASSERT_TRUE(welcome && (*welcome)["type"] == "welcome")
                    << (welcome ? welcome->dump() : "no welcome");
                // A console asks for history a moment after its welcome (a round trip, its own
                // start-up), while the patients already back go on writing.
                traffic(kSendIntervalMs * 3);
                for (const std::string &roomId : client.rooms) {
                    client.historyAfter[roomId] = client.lastSeq(roomId);
                    client.ws->send({{"type", "history"},
                                     {"room_id", roomId},
                                     {"after_seq", client.historyAfter[roomId]}});
                }
            } else {
                const auto welcome =
                    client.ws->hello("patient", client.token, client.lastSeq(client.rooms.front()));
                ASSERT_TRUE(welcome && (*welcome)["type"] == "welcome")
                    << (welcome ? welcome->dump() : "no welcome");
            }
            client.resendUnacked();
            client.live = true;
            traffic(kSendIntervalMs * 2);
        }
    }

    //! Every stored message of a room, in seq order, through the REST history.
    std::vector<Json> storedMessages(const std::string &roomId)
    {
        std::vector<Json> messages;
        for (;;) {
            const qint64 after = messages.empty() ? 0 : messages.back()["seq"].get<qint64>();
            const auto page =
                HttpClient::get(m_relay->http(QStringLiteral("/api/rooms/%1/messages?after_seq=%2")
                                                  .arg(QString::fromStdString(roomId))
                                                  .arg(after)),
                                m_agentToken);
            EXPECT_EQ(page.status, 200) << page.body.toStdString();
            const Json body = page.json();
            if (page.status != 200 || !body.contains("messages") || body["messages"].empty())
                return messages;
            for (const Json &m : body["messages"])
                messages.push_back(m);
        }
    }

    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<RelayProcess> m_relay;
    std::vector<Client> m_clients;
    QString m_agentToken;
    std::vector<std::string> m_roomIds;
};

TEST_F(CrashSafetyTest, KilledMidTrafficLosesAndDuplicatesNothingAcked)
{
    QElapsedTimer total;
    total.start();

    // Four consultations, each with its patient connected, all accepted by one agent.
    for (int i = 0; i < kRooms; ++i) {
        const auto created =
            HttpClient::post(m_relay->http(QStringLiteral("/api/rooms")), R"({"language":"vi"})");
        ASSERT_EQ(created.status, 201) << created.body.toStdString();
        Client patient;
        patient.name = "patient" + std::to_string(i);
        patient.rooms = {created.json()["room_id"].get<std::string>()};
        patient.token = QString::fromStdString(created.json()["patient_token"].get<std::string>());
        patient.ws = std::make_unique<WsClient>();
        ASSERT_TRUE(patient.ws->open(m_relay->ws()));
        const auto welcome = patient.ws->hello("patient", patient.token);
        ASSERT_TRUE(welcome && (*welcome)["type"] == "welcome");
        m_roomIds.push_back(patient.rooms.front());
        m_clients.push_back(std::move(patient));
    }
    const auto login = HttpClient::post(m_relay->http(QStringLiteral("/api/auth/login")),
                                        QByteArray(R"({"username":"crash","password":")") +
                                            kAgentPassword.toUtf8() + R"("})");
    ASSERT_EQ(login.status, 200) << login.body.toStdString();
    m_agentToken = QString::fromStdString(login.json()["token"].get<std::string>());
    Client agent;
    agent.name = "agent";
    agent.agent = true;
    agent.rooms = m_roomIds;
    agent.token = m_agentToken;
    agent.ws = std::make_unique<WsClient>();
    ASSERT_TRUE(agent.ws->open(m_relay->ws()));
    ASSERT_TRUE(agent.ws->hello("agent", agent.token));
    for (const std::string &roomId : m_roomIds) {
        agent.ws->send({{"type", "accept"}, {"room_id", roomId}});
        ASSERT_TRUE(agent.ws->take([&roomId](const Json &f) {
            return f["type"] == "room" && f["room_id"] == roomId && f["status"] == "active";
        })) << "room "
            << roomId << " was not accepted";
    }
    m_clients.push_back(std::move(agent));
    for (auto &client : m_clients)
        client.live = true;

    for (int round = 0; round < kKills; ++round) {
        traffic(kTrafficMs[round]);
        m_relay->kill();
        for (auto &client : m_clients)
            client.live = false;
        // Read whatever reached the clients before the crash; every connection then drops.
        QDeadlineTimer dropped(5000);
        for (;;) {
            pumpAll();
            bool allClosed = true;
            for (const auto &client : m_clients)
                allClosed = allClosed && client.ws->isClosed();
            if (allClosed)
                break;
            ASSERT_FALSE(dropped.hasExpired()) << "a connection outlived the relay";
        }
        startRelay();
        reconnect(round);
        if (HasFatalFailure())
            return;
    }
    traffic(kFinalTrafficMs);

    // Quiet: every message sent is acknowledged in the end (the last resends included).
    QDeadlineTimer settled(15000);
    for (;;) {
        pumpAll();
        bool allAcked = true;
        for (const auto &client : m_clients)
            allAcked = allAcked && client.unacked.empty();
        if (allAcked)
            break;
        ASSERT_FALSE(settled.hasExpired()) << "messages still without ack\n" << describeRelay();
    }

    int sent = 0;
    for (const auto &client : m_clients)
        sent += client.sent;
    int stored = 0;
    std::map<std::string, std::vector<Json>> rooms;
    for (const std::string &roomId : m_roomIds) {
        rooms[roomId] = storedMessages(roomId);
        stored += int(rooms[roomId].size());
    }
    // Both sides get every message of their rooms, however many crashes were in between.
    QDeadlineTimer delivered(15000);
    for (;;) {
        pumpAll();
        bool complete = true;
        for (const auto &client : m_clients) {
            for (const std::string &roomId : client.rooms)
                complete = complete && client.lastSeq(roomId) >= qint64(rooms[roomId].size());
        }
        if (complete || delivered.hasExpired())
            break;
    }
    // Anything late, a duplicate above all, would arrive now.
    QDeadlineTimer late(300);
    while (!late.hasExpired())
        pumpAll();

    for (const std::string &roomId : m_roomIds) {
        const auto &messages = rooms[roomId];
        std::set<std::string> ids;
        for (std::size_t i = 0; i < messages.size(); ++i) {
            EXPECT_EQ(messages[i]["seq"].get<qint64>(), qint64(i) + 1)
                << "room " << roomId << ": gap or duplicate seq";
            const std::string id = messages[i].value("client_msg_id", std::string{});
            EXPECT_TRUE(ids.insert(id).second) << "stored twice: " << id;
        }
        for (const auto &client : m_clients) {
            if (std::find(client.rooms.begin(), client.rooms.end(), roomId) == client.rooms.end())
                continue;
            const auto it = client.received.find(roomId);
            ASSERT_NE(it, client.received.end()) << client.name << " got nothing of " << roomId;
            EXPECT_EQ(it->second.size(), messages.size())
                << client.name << " did not receive every message of " << roomId;
            for (const Json &m : messages) {
                const auto got = it->second.find(m["seq"].get<qint64>());
                EXPECT_TRUE(got != it->second.end() &&
                            got->second == m.value("client_msg_id", std::string{}))
                    << client.name << " is missing or has another message at seq " << m["seq"];
            }
        }
    }
    // Every acknowledged message is stored, once, with the seq and id its ack gave.
    int acked = 0, storedUnacked = 0, reordered = 0, repeatedByHistory = 0;
    for (const auto &client : m_clients) {
        storedUnacked += client.storedUnacked;
        reordered += client.reordered;
        repeatedByHistory += client.repeatedByHistory;
        for (const auto &[id, ack] : client.acked) {
            ++acked;
            const auto &messages = rooms[ack.roomId];
            const auto count = std::count_if(messages.begin(), messages.end(), [&](const Json &m) {
                return m.value("client_msg_id", std::string{}) == id;
            });
            ASSERT_EQ(count, 1) << id << " was acknowledged but stored " << count << " times";
            ASSERT_GE(ack.seq, 1);
            ASSERT_LE(ack.seq, qint64(messages.size()));
            const Json &m = messages[std::size_t(ack.seq - 1)];
            EXPECT_EQ(m["client_msg_id"], id) << "the ack's seq holds another message";
            EXPECT_EQ(m["msg_id"], ack.msgId) << id;
        }
        for (const std::string &problem : client.problems)
            ADD_FAILURE() << problem;
    }
    EXPECT_EQ(acked, sent);
    // The notices (agent joined) are the stored messages nobody of the test sent.
    EXPECT_EQ(stored, sent + kRooms);
    EXPECT_LT(total.elapsed(), 45000);
    std::cout << "[ crash ] " << kKills << " kills, " << sent << " messages sent and acked, "
              << stored << " stored, " << storedUnacked
              << " of them stored before a kill but acked only after, " << reordered
              << " replayed to the agent after live ones (" << repeatedByHistory
              << " of them a second time), " << total.elapsed() << " ms\n";
}

} // namespace medtranslate::test
