#pragma once

#include "ScriptedTranslator.h"
#include "TestRelay.h"
#include "WaitFor.h"
#include "WsClient.h"
#include "client/ChatRegistry.h"
#include "client/ChatSession.h"
#include "client/QueueModel.h"
#include "client/RelayClient.h"
#include "client/TemplateModel.h"
#include "storage/Store.h"
#include "ui/ChatPage.h"
#include "ui/ChatView.h"
#include "ui/Composer.h"
#include "ui/MainWindow.h"
#include "ui/PreviewPane.h"

#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <gtest/gtest.h>

namespace medtranslate::test {

using namespace medtranslate::console;
namespace protocol = medtranslate::protocol;
using Json = nlohmann::json;

//! A relay with a scripted translator, a Vietnamese patient on a WebSocket, and the console's
//! RelayClient and ChatRegistry logged in as a counselor.
class ConsoleConversation : public ::testing::Test
{
protected:
    TestRelay relay;
    ScriptedTranslator *translator = new ScriptedTranslator; // owned by the relay
    QString agentId;
    TestRelay::Room room;
    WsClient patient;
    RelayClient client;
    ChatRegistry registry{client};

    void SetUp() override
    {
        translator->setRule(QStringLiteral("Tôi bị đau đầu"),
                            {0, false, false, QStringLiteral("머리가 아파요")});
        ASSERT_TRUE(relay.start(translator));
        agentId = relay.addAgent(QStringLiteral("kim"), QStringLiteral("김상담"));
        RelayClient::Timeouts t;
        t.httpMs = 5000;
        t.connectMs = 5000;
        t.ackMs = 5000;
        t.previewMs = 5000;
        t.backoffInitialMs = 100;
        t.backoffMaxMs = 400;
        client.setTimeouts(t);
    }

    void patientJoins()
    {
        room = relay.createRoom(QStringLiteral("vi"));
        ASSERT_TRUE(patient.open(relay.ws()));
        ASSERT_TRUE(patient.hello("patient", room.token));
    }

    std::optional<Json> patientSays(const std::string &clientMsgId, const std::string &text)
    {
        patient.send({{"type", "send"},
                      {"room_id", room.id.toStdString()},
                      {"client_msg_id", clientMsgId},
                      {"text", text}});
        return patient.take(
            [&](const Json &f) { return f["type"] == "ack" && f["client_msg_id"] == clientMsgId; });
    }

    void logIn()
    {
        QSignalSpy loggedIn(&client, &RelayClient::loginSucceeded);
        client.login(relay.http(), QStringLiteral("kim"), TestRelay::password());
        ASSERT_TRUE(loggedIn.wait(5000));
        EXPECT_EQ(client.agent().name, QStringLiteral("김상담"));
        EXPECT_EQ(client.agent().id, agentId);
        client.connectToRelay();
        ASSERT_TRUE(waitFor([this]() { return client.isConnected(); }));
    }

    ChatSession *acceptPatient()
    {
        QSignalSpy opened(&registry, &ChatRegistry::chatOpened);
        EXPECT_TRUE(waitFor([this]() { return registry.queue()->rowOf(room.id) >= 0; }));
        EXPECT_TRUE(registry.accept(room.id));
        if (!opened.wait(5000))
            return nullptr;
        EXPECT_TRUE(opened.first().at(1).toBool()) << "accepted here, so shown in front";
        return registry.session(room.id);
    }

    //! The vetted first greeting from the relay's templates, as the template panel gets it.
    std::optional<QuickReply> greetingTemplate()
    {
        QSignalSpy templates(&client, &RelayClient::templatesLoaded);
        client.fetchTemplates();
        if (!templates.wait(5000))
            return std::nullopt;
        const auto list = templates.first().at(0).value<std::vector<QuickReply>>();
        const auto greet = std::find_if(list.begin(), list.end(), [](const QuickReply &q) {
            return q.id == "tpl-greet-first";
        });
        if (greet == list.end())
            return std::nullopt;
        return *greet;
    }

    //! Makes the relay's database refuse every new message, as a full disk would.
    void refuseWrites(bool refuse)
    {
        const QString sql =
            refuse ? QStringLiteral("CREATE TRIGGER refuse_messages BEFORE INSERT ON messages "
                                    "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")
                   : QStringLiteral("DROP TRIGGER refuse_messages");
        const auto done =
            relay.server().store().runSync<bool>([sql](medtranslate::relay::StoreWorker &w) {
                w.exec(sql);
                return true;
            });
        ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    }

    //! What the relay's database holds for the room: every seq, and how many rows carry the id.
    std::pair<std::vector<qint64>, int> stored(const QString &clientMsgId)
    {
        const QString roomId = room.id;
        const auto result = relay.server().store().runSync<std::pair<std::vector<qint64>, int>>(
            [roomId, clientMsgId](medtranslate::relay::StoreWorker &w) {
                std::pair<std::vector<qint64>, int> out;
                for (const auto &m : w.messagesAfter(roomId, 0, 1000))
                    out.first.push_back(m.seq);
                QSqlQuery &q = w.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE "
                                                     "room_id = ? AND client_msg_id = ?"),
                                      {roomId, clientMsgId});
                out.second = q.next() ? q.value(0).toInt() : -1;
                return out;
            });
        EXPECT_TRUE(result.ok()) << result.error().message.toStdString();
        return result.ok() ? result.value() : std::pair<std::vector<qint64>, int>{};
    }

    static std::vector<qint64> seqs(const MessageListModel &model)
    {
        std::vector<qint64> out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.push_back(model.index(row).data(MessageListModel::SeqRole).toLongLong());
        return out;
    }
};

} // namespace medtranslate::test
