// The agent's preview on an offline relay (its real pipeline, no API key): a text with no vetted
// translation comes back unavailable with the vetted sentences closest to it.
#include "RelayFixture.h"

namespace medtranslate::test {

TEST(OfflinePreviewTest, AnUntranslatableTextComesWithVettedSentencesCloseToIt)
{
    TestRelay relay;
    ASSERT_TRUE(relay.start());
    ASSERT_FALSE(relay.addAgent(QStringLiteral("kim"), QStringLiteral("김민지")).isEmpty());
    const TestRelay::Room room = relay.createRoom(QStringLiteral("vi"));
    WsClient agent;
    ASSERT_TRUE(agent.open(relay.ws()));
    ASSERT_TRUE(agent.hello("agent", relay.login(QStringLiteral("kim"))));
    agent.send({{"type", "accept"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(agent.take(frameWith("room", "status", "active")));

    auto preview = [&](const std::string &id, const std::string &text) {
        agent.send({{"type", "preview"},
                    {"room_id", room.id.toStdString()},
                    {"request_id", id},
                    {"text", text}});
        return agent.take(frameWith("preview", "request_id", id));
    };
    const auto near = preview("pv-near", "잠시만기다려 주세요 환자분");
    ASSERT_TRUE(near);
    EXPECT_EQ((*near)["translation"]["status"], "unavailable");
    ASSERT_TRUE((*near)["suggestions"].is_array());
    ASSERT_FALSE((*near)["suggestions"].empty()) << near->dump();
    EXPECT_EQ((*near)["suggestions"][0]["text"], "잠시만 기다려 주세요.");
    EXPECT_EQ((*near)["suggestions"][0]["translation"], "Vui lòng đợi một chút.");

    const auto vetted = preview("pv-vetted", "잠시만 기다려 주세요.");
    ASSERT_TRUE(vetted);
    EXPECT_EQ((*vetted)["translation"]["status"], "ok");
    EXPECT_TRUE((*vetted)["suggestions"].empty()) << "a translated text needs none";
}

} // namespace medtranslate::test
