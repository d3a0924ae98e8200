#include "client/ChatRegistry.h"

#include "FrameBuilders.h"
#include "client/ChatSession.h"
#include "client/RelayClient.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace medtranslate::console;
namespace protocol = medtranslate::protocol;
namespace server = protocol::server;
using medtranslate::test::activeRoom;
using medtranslate::test::patientMessage;

namespace {

//! A room held by `agentId`: "me" is this console's counselor.
protocol::Room heldBy(const std::string &id, const std::string &agentId)
{
    return activeRoom(id, "vi", {agentId, agentId == "me" ? "김상담" : "이상담"});
}

} // namespace

TEST(ChatRegistry, OpensChatsAssignedInTheWelcomeAndRoutesTheirFrames)
{
    RelayClient client;
    ChatRegistry registry(client);
    QSignalSpy opened(&registry, &ChatRegistry::chatOpened);
    QSignalSpy patientMessages(&registry, &ChatRegistry::patientMessage);
    server::Welcome welcome;
    welcome.role = protocol::Role::Agent;
    auto room = heldBy("r1", "me");
    room.agentReadSeq = 1;
    welcome.rooms = {room};
    registry.handleWelcome(welcome);
    ASSERT_EQ(opened.count(), 1);
    EXPECT_FALSE(opened.first().at(1).toBool()) << "a welcome does not steal the focus";
    ChatSession *s = registry.session(QStringLiteral("r1"));
    ASSERT_NE(s, nullptr);

    QSignalSpy unread(s, &ChatSession::unreadChanged);
    registry.handleMessage(patientMessage("r1", 1)); // already read (agent_read_seq 1)
    registry.handleMessage(patientMessage("r1", 2));
    registry.handleMessage(patientMessage("r1", 2)); // the same again from history
    registry.handleMessage(patientMessage("other", 1));
    EXPECT_EQ(s->messages()->rowCount(), 2);
    EXPECT_EQ(s->unreadCount(), 1);
    EXPECT_EQ(patientMessages.count(), 2) << "the repeated seq is not a new message";

    registry.handleTyping(server::Typing{"r1", protocol::Role::Patient, true});
    EXPECT_TRUE(s->isPatientTyping());
    registry.handleMessage(patientMessage("r1", 3));
    EXPECT_FALSE(s->isPatientTyping()) << "a message ends the typing";
    EXPECT_EQ(s->unreadCount(), 2);
    s->markAllRead();
    EXPECT_EQ(s->unreadCount(), 0);

    registry.handleEnded(server::Ended{"r1", "patient"});
    EXPECT_EQ(s->state(), ChatSession::State::Ended);
    EXPECT_FALSE(s->isActive());
}

TEST(ChatRegistry, ChatsAreDetachedWhenTransferredOrMissingFromAWelcome)
{
    RelayClient client;
    ChatRegistry registry(client);
    server::Welcome welcome;
    welcome.rooms = {heldBy("r1", ""), heldBy("r2", "")};
    registry.handleWelcome(welcome);
    ASSERT_EQ(registry.sessions().size(), 2);
    // The room moves to a colleague.
    registry.handleRoom(heldBy("r1", "lee"));
    EXPECT_EQ(registry.session(QStringLiteral("r1"))->state(), ChatSession::State::Detached);
    // After a reconnect the relay no longer lists r2.
    welcome.rooms = {};
    registry.handleWelcome(welcome);
    EXPECT_EQ(registry.session(QStringLiteral("r2"))->state(), ChatSession::State::Detached);
    QSignalSpy closed(&registry, &ChatRegistry::chatClosed);
    registry.close(QStringLiteral("r2"));
    EXPECT_EQ(closed.count(), 1);
    EXPECT_EQ(registry.session(QStringLiteral("r2")), nullptr);
}

TEST(ChatRegistry, PreviewAnswersGoToTheChatThatAsked)
{
    RelayClient client;
    ChatRegistry registry(client);
    server::Welcome welcome;
    welcome.rooms = {heldBy("r1", ""), heldBy("r2", "")};
    registry.handleWelcome(welcome);
    ChatSession *r1 = registry.session(QStringLiteral("r1"));
    ChatSession *r2 = registry.session(QStringLiteral("r2"));
    QSignalSpy r1Ready(r1, &ChatSession::previewReady);
    QSignalSpy r2Ready(r2, &ChatSession::previewReady);
    QSignalSpy r2Failed(r2, &ChatSession::previewFailed);
    r2->requestPreview(QStringLiteral("req-2"), QStringLiteral("안녕하세요"));
    // Not connected: the client reports the preview as failed, to the chat that asked.
    ASSERT_TRUE(r2Failed.wait(2000));
    EXPECT_EQ(r2Failed.first().at(0).toString(), QStringLiteral("req-2"));
    r2->requestPreview(QStringLiteral("req-3"), QStringLiteral("네"));
    server::PreviewResult result;
    result.requestId = "req-3";
    result.translation.text = "Vâng";
    registry.handlePreview(result);
    EXPECT_EQ(r2Ready.count(), 1);
    EXPECT_EQ(r1Ready.count(), 0);
}
