#pragma once

#include "HttpClient.h"
#include "ScriptedTranslator.h"
#include "TestRelay.h"
#include "WsClient.h"

#include <gtest/gtest.h>
#include <memory>

namespace medtranslate::test {

using Json = nlohmann::json;

//! A relay with a scripted translator, one agent and helpers to open rooms and connections.
class RelayFixture : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    //! Restarts the relay on the same database (e.g. to prove durability).
    void restartRelay();

    std::unique_ptr<WsClient> connectPatient(const TestRelay::Room &room,
                                             std::optional<qint64> lastSeq = std::nullopt);
    std::unique_ptr<WsClient> connectAgent(const QString &username = QStringLiteral("kim"));
    //! Sends a message and returns its ack (or nothing on timeout/error).
    std::optional<Json> sendText(WsClient &client, const QString &roomId,
                                 const std::string &clientMsgId, const std::string &text);
    //! Opens a Vietnamese room whose patient is connected and which agent "kim" has accepted.
    void openAcceptedRoom();

    virtual void tweakConfig(relay::RelayConfig &) {}

    std::unique_ptr<TestRelay> relay;
    ScriptedTranslator *translator = nullptr; // owned by the relay
    TestRelay::Room room;
    std::unique_ptr<WsClient> patient;
    std::unique_ptr<WsClient> agent;
    QString agentId;
};

//! Takes the next `message` frame of a room.
std::optional<Json> takeMessage(WsClient &client, int timeoutMs = 5000);
//! Every frame of `type` whose field `key` has `value`.
WsClient::Predicate frameWith(const std::string &type, const std::string &key, const Json &value);

} // namespace medtranslate::test
