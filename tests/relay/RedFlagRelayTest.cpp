// Red flags on a running relay, on the database the suite is built for (SQLite or PostgreSQL):
// a patient's emergency words make the room urgent, the patient gets the vetted emergency
// reply in their language at once, the queue puts the room first, and all of it survives a
// restart; ordinary messages, look-alikes and agents' words change nothing.

#include "RelayFixture.h"
#include "TestDatabase.h"

namespace medtranslate::test {

namespace {

const QString kDriver = QStringLiteral(MEDTRANSLATE_TEST_DRIVER);

bool isRedFlagReply(const Json &f)
{
    return f.value("type", std::string{}) == "message" &&
           f.value("event", std::string{}) == "red_flag";
}

//! The flag of `category` in a room object, or null.
Json flagOf(const Json &room, const std::string &category)
{
    for (const Json &flag : room.value("red_flags", Json::array())) {
        if (flag["category"] == category)
            return flag;
    }
    return nullptr;
}

} // namespace

class RedFlagRelayTest : public RelayFixture
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(database.create(&error)) << error.toStdString();
        RelayFixture::SetUp();
    }

    void tweakConfig(relay::RelayConfig &config) override
    {
        config.store = database.storeConfig();
        config.emergencyDepartment = QStringLiteral("Seoul Medical Center ER");
        config.emergencyPhone = QStringLiteral("02-1234-5678");
    }

    //! The queue frame once it lists `count` rooms.
    static std::optional<Json> queueOf(WsClient &agent, size_t count)
    {
        return agent.take(
            [count](const Json &f) { return f["type"] == "queue" && f["rooms"].size() == count; });
    }

    TestDatabase database{kDriver};
};

TEST_F(RedFlagRelayTest, AnEmergencyMakesTheRoomUrgentRepliesAtOnceAndGoesFirst)
{
    const TestRelay::Room earlier = relay->createRoom(QStringLiteral("en"));
    auto earlierPatient = connectPatient(earlier);
    ASSERT_TRUE(sendText(*earlierPatient, earlier.id, "e-1", "I have a headache since yesterday"));
    room = relay->createRoom(QStringLiteral("th"));
    patient = connectPatient(room);

    const auto ack = sendText(*patient, room.id, "p-1", "แม่หายใจไม่ออก ช่วยด้วยค่ะ");
    ASSERT_TRUE(ack);
    EXPECT_EQ((*ack)["seq"], 1);
    const auto own = patient->take(frameWith("message", "seq", 1));
    ASSERT_TRUE(own);
    EXPECT_EQ((*own)["text"], "แม่หายใจไม่ออก ช่วยด้วยค่ะ") << "the patient's words untouched";

    // The vetted reply, in Thai, stored as the room's next message.
    const auto reply = patient->take(isRedFlagReply);
    ASSERT_TRUE(reply);
    EXPECT_EQ((*reply)["seq"], 2);
    EXPECT_EQ((*reply)["sender"], "system");
    EXPECT_EQ((*reply)["translation"]["status"], "vetted");
    EXPECT_EQ((*reply)["translation"]["lang"], "th");
    const std::string thai = (*reply)["translation"]["text"];
    EXPECT_NE(thai.find("119"), std::string::npos) << thai;
    EXPECT_NE(thai.find("ฉุกเฉิน"), std::string::npos) << thai;
    EXPECT_NE(thai.find("Seoul Medical Center ER"), std::string::npos) << thai;
    EXPECT_NE(thai.find("02-1234-5678"), std::string::npos) << thai;
    const std::string korean = (*reply)["text"];
    EXPECT_NE(korean.find("119"), std::string::npos) << korean;
    EXPECT_EQ((*reply)["lang"], "ko");

    // The patient's side hears the room is urgent too (one room object for everyone).
    const auto urgentRoom = patient->take(frameWith("room", "urgent", true));
    ASSERT_TRUE(urgentRoom);
    const Json breathing = flagOf(*urgentRoom, "breathing");
    ASSERT_FALSE(breathing.is_null()) << urgentRoom->dump();
    EXPECT_EQ(breathing["words"], Json::array({"หายใจไม่ออก"}));
    EXPECT_FALSE(flagOf(*urgentRoom, "emergency").is_null()) << "ช่วยด้วย: help";

    // The queue: the urgent room first though it came later; the other one as before.
    agent = connectAgent();
    const auto queue = queueOf(*agent, 2);
    ASSERT_TRUE(queue);
    const Json &rooms = (*queue)["rooms"];
    EXPECT_EQ(rooms[0]["room_id"], room.id.toStdString());
    EXPECT_EQ(rooms[0]["urgent"], true);
    EXPECT_FALSE(flagOf(rooms[0], "breathing").is_null());
    EXPECT_EQ(rooms[1]["room_id"], earlier.id.toStdString());
    EXPECT_FALSE(rooms[1].contains("urgent")) << rooms[1].dump();
    EXPECT_FALSE(rooms[1].contains("red_flags"));

    // Accepted, the agent's room frame still carries it.
    agent->send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    const auto active = agent->take(frameWith("room", "status", "active"));
    ASSERT_TRUE(active);
    EXPECT_EQ((*active)["urgent"], true);
}

TEST_F(RedFlagRelayTest, UrgencyAndTheReplySurviveARestart)
{
    const TestRelay::Room earlier = relay->createRoom(QStringLiteral("ja"));
    room = relay->createRoom(QStringLiteral("vi"));
    patient = connectPatient(room);
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "me em kho tho lam, dau nguc"));
    ASSERT_TRUE(patient->take(isRedFlagReply));
    ASSERT_TRUE(patient->take(frameWith("room", "urgent", true)));

    restartRelay();

    agent = connectAgent();
    const auto queue = queueOf(*agent, 2);
    ASSERT_TRUE(queue);
    const Json &first = (*queue)["rooms"][0];
    EXPECT_EQ(first["room_id"], room.id.toStdString());
    EXPECT_EQ(first["urgent"], true);
    EXPECT_EQ(flagOf(first, "breathing")["words"], Json::array({"kho tho"}));
    EXPECT_EQ(flagOf(first, "chest_pain")["words"], Json::array({"dau nguc"}));
    EXPECT_EQ((*queue)["rooms"][1]["room_id"], earlier.id.toStdString());
    // The reply is in the history for whoever opens it.
    agent->send({{"type", "history"}, {"room_id", room.id.toStdString()}, {"after_seq", 0}});
    const auto reply = agent->take(isRedFlagReply);
    ASSERT_TRUE(reply);
    EXPECT_EQ((*reply)["seq"], 2);
    EXPECT_EQ((*reply)["translation"]["lang"], "vi");
}

TEST_F(RedFlagRelayTest, OrdinaryWordsLookAlikesAndAgentsChangeNothing)
{
    openAcceptedRoom(); // Vietnamese, accepted by kim
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "Tôi bị đau đầu nhẹ"));
    ASSERT_TRUE(sendText(*patient, room.id, "p-2", "Từ từ thôi, chờ em một xíu nhé"));
    // A counselor asking about symptoms is not a patient having them.
    ASSERT_TRUE(sendText(*agent, room.id, "a-1", "가슴이 아프거나 숨쉬기 힘드신가요?"));
    for (const Json &f : patient->drain(800)) {
        EXPECT_FALSE(isRedFlagReply(f)) << f.dump();
        EXPECT_FALSE(f.contains("urgent")) << f.dump();
    }
    agent->send({{"type", "history"}, {"room_id", room.id.toStdString()}, {"after_seq", 0}});
    for (const Json &f : agent->drain(800))
        EXPECT_FALSE(isRedFlagReply(f)) << f.dump();
}

TEST_F(RedFlagRelayTest, OneReplyPerKindOfEmergencyAndNoneForAResend)
{
    openAcceptedRoom();
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "Tôi bị đau ngực"));
    ASSERT_TRUE(patient->take(isRedFlagReply));
    // The same message again (a reconnecting widget) and the same emergency in other words.
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "Tôi bị đau ngực"));
    ASSERT_TRUE(sendText(*patient, room.id, "p-2", "ngực đau quá"));
    const auto update = agent->take([](const Json &f) {
        return f["type"] == "room" && flagOf(f, "chest_pain")["words"].size() == 2;
    });
    ASSERT_TRUE(update) << "the new words reach the console";
    EXPECT_FALSE(patient->take(isRedFlagReply, 800)) << "no second reply for chest pain";
    // A new kind of emergency gets the reply again.
    ASSERT_TRUE(sendText(*patient, room.id, "p-3", "bố tôi bất tỉnh rồi"));
    const auto again = patient->take(isRedFlagReply);
    ASSERT_TRUE(again);
    const auto unconscious = agent->take(
        [](const Json &f) { return f["type"] == "room" && !flagOf(f, "unconscious").is_null(); });
    ASSERT_TRUE(unconscious);
    EXPECT_FALSE(flagOf(*unconscious, "chest_pain").is_null()) << "flags add up";
}

} // namespace medtranslate::test
