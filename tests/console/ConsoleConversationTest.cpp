#include "ConsoleConversation.h"

#include "client/OverviewModel.h"

using namespace medtranslate::console;
using medtranslate::test::ScriptedTranslator;
using medtranslate::test::TestRelay;
using medtranslate::test::waitFor;
using medtranslate::test::WsClient;
namespace protocol = medtranslate::protocol;
using Json = nlohmann::json;

using medtranslate::test::ConsoleConversation;

TEST_F(ConsoleConversation, AcceptsAPatientAndTheyTalk)
{
    patientJoins();
    ASSERT_TRUE(patientSays("p-1", "Tôi bị đau đầu"));
    logIn();

    // The queue shows the waiting patient with the first message in Korean.
    ASSERT_TRUE(waitFor([this]() {
        const int row = registry.queue()->rowOf(room.id);
        return row >= 0 && !registry.queue()
                                ->index(row)
                                .data(QueueModel::FirstMessageTranslationRole)
                                .toString()
                                .isEmpty();
    }));
    const QModelIndex queued = registry.queue()->index(registry.queue()->rowOf(room.id));
    EXPECT_EQ(queued.data(QueueModel::LanguageRole).toString(), QStringLiteral("vi"));
    EXPECT_EQ(queued.data(QueueModel::FirstMessageRole).toString(),
              QStringLiteral("Tôi bị đau đầu"));
    EXPECT_EQ(queued.data(QueueModel::FirstMessageTranslationRole).toString(),
              QStringLiteral("머리가 아파요"));

    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    EXPECT_TRUE(waitFor([this]() { return registry.queue()->rowOf(room.id) < 0; }))
        << "left the queue";
    const MessageListModel &model = *session->messages();
    // History brings the patient's message; the relay adds the agent_joined notice.
    ASSERT_TRUE(waitFor([&]() { return model.rowCount() == 2; }));
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2}));
    EXPECT_EQ(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("머리가 아파요"));
    EXPECT_EQ(model.index(0).data(MessageListModel::TextRole).toString(),
              QStringLiteral("Tôi bị đau đầu"));
    EXPECT_EQ(model.index(0).data(MessageListModel::LangRole).toString(), QStringLiteral("vi"));
    EXPECT_EQ(model.index(1).data(MessageListModel::SenderRole).toInt(),
              int(protocol::Sender::System));
    EXPECT_EQ(model.index(1).data(MessageListModel::EventRole).toString(),
              QStringLiteral("agent_joined"));
    EXPECT_EQ(session->unreadCount(), 1);

    // A live message arrives pending and its translation follows in a `translation` frame.
    translator->setRule(QStringLiteral("Cảm ơn bác sĩ"),
                        {300, false, false, QStringLiteral("감사합니다 선생님")});
    std::vector<int> statusOnArrival;
    QObject::connect(
        &model, &QAbstractItemModel::rowsInserted, [&](const QModelIndex &, int first, int) {
            statusOnArrival.push_back(
                model.index(first).data(MessageListModel::TranslationStatusRole).toInt());
        });
    ASSERT_TRUE(patientSays("p-2", "Cảm ơn bác sĩ"));
    ASSERT_TRUE(waitFor([&]() {
        return model.rowCount() == 3 &&
               model.index(2).data(MessageListModel::TranslationStatusRole).toInt() ==
                   int(protocol::TranslationStatus::Ok);
    }));
    ASSERT_EQ(statusOnArrival.size(), 1u);
    EXPECT_EQ(statusOnArrival[0], int(protocol::TranslationStatus::Pending));
    EXPECT_EQ(model.index(2).data(Qt::DisplayRole).toString(), QStringLiteral("감사합니다 선생님"));

    // When the translator fails, the console holds the original, marked as not translated.
    translator->setRule(QStringLiteral("Tôi bị sốt"), {0, true, false, {}});
    ASSERT_TRUE(patientSays("p-3", "Tôi bị sốt"));
    ASSERT_TRUE(waitFor([&]() {
        return model.rowCount() == 4 &&
               model.index(3).data(MessageListModel::TranslationStatusRole).toInt() ==
                   int(protocol::TranslationStatus::Unavailable);
    }));
    EXPECT_EQ(model.index(3).data(MessageListModel::TranslationTextRole).toString(),
              QStringLiteral("Tôi bị sốt"));
    EXPECT_EQ(model.index(3).data(MessageListModel::TranslationLangRole).toString(),
              QStringLiteral("vi"));

    // The counselor answers through the chat's composer: preview first, then the send.
    ChatPage page(session);
    page.show();
    Composer *composer = page.composer();
    QSignalSpy checked(session, &ChatSession::previewReady);
    QSignalSpy sent(composer, &Composer::sendRequested);
    composer->editor()->setPlainText(QStringLiteral("내일 오전 9시에 오세요"));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&]() { return sent.count() == 1; }));
    ASSERT_EQ(checked.count(), 1) << "sent after its preview came back";
    const auto preview = checked.first().at(0).value<protocol::server::PreviewResult>();
    EXPECT_EQ(preview.translation.text, "[ko>vi] 내일 오전 9시에 오세요");
    const auto reply = patient.take(
        [](const Json &f) { return f["type"] == "message" && f["sender"] == "agent"; });
    ASSERT_TRUE(reply);
    EXPECT_EQ((*reply)["text"], "내일 오전 9시에 오세요");
    EXPECT_EQ((*reply)["sender_name"], "김상담");
    const std::string clientMsgId = (*reply)["client_msg_id"];
    EXPECT_FALSE(QUuid::fromString(QString::fromStdString(clientMsgId)).isNull());
    const auto patientReads =
        patient.take([](const Json &f) { return f["type"] == "translation" && f["seq"] == 5; });
    ASSERT_TRUE(patientReads);
    EXPECT_EQ((*patientReads)["translation"]["text"], "[ko>vi] 내일 오전 9시에 오세요");
    // In the console the local row became the stored message: once, with its seq.
    ASSERT_TRUE(waitFor([&]() {
        return model.index(4).data(MessageListModel::TranslationStatusRole).toInt() ==
               int(protocol::TranslationStatus::Ok);
    }));
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2, 3, 4, 5}));
    EXPECT_EQ(model.index(4).data(MessageListModel::ClientMsgIdRole).toString(),
              QString::fromStdString(clientMsgId));
    EXPECT_EQ(model.index(4).data(MessageListModel::DeliveryRole).toInt(),
              int(MessageListModel::Delivery::Stored));
    EXPECT_EQ(client.unacknowledgedCount(), 0);

    // The patient reads it and types.
    patient.send({{"type", "read"}, {"room_id", room.id.toStdString()}, {"seq", 5}});
    ASSERT_TRUE(waitFor(
        [&]() { return model.index(4).data(MessageListModel::ReadByPatientRole).toBool(); }));
    patient.send({{"type", "typing"}, {"room_id", room.id.toStdString()}, {"active", true}});
    ASSERT_TRUE(waitFor([&]() { return session->isPatientTyping(); }));
    EXPECT_FALSE(page.typingIndicator()->isHidden());

    // The agent ends the chat; both sides hear it.
    EXPECT_TRUE(session->end());
    ASSERT_TRUE(patient.take([](const Json &f) { return f["type"] == "ended"; }));
    ASSERT_TRUE(waitFor([&]() { return session->state() == ChatSession::State::Ended; }));
    EXPECT_FALSE(session->isPatientTyping());
    EXPECT_TRUE(page.typingIndicator()->isHidden());
}

TEST_F(ConsoleConversation, PreviewAnswersWithTranslationAndBackTranslation)
{
    patientJoins();
    logIn();
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    QSignalSpy ready(session, &ChatSession::previewReady);
    session->requestPreview(QStringLiteral("req-1"), QStringLiteral("안녕하세요"));
    ASSERT_TRUE(ready.wait(5000));
    const auto result = ready.first().at(0).value<protocol::server::PreviewResult>();
    EXPECT_EQ(result.requestId, "req-1");
    EXPECT_EQ(result.translation.text, "[ko>vi] 안녕하세요");
    EXPECT_EQ(result.translation.lang, "vi");
    EXPECT_EQ(result.backTranslation.text, "[vi>ko] [ko>vi] 안녕하세요");
}

TEST_F(ConsoleConversation, ReconnectFillsTheGapWithHistory)
{
    patientJoins();
    logIn();
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    const MessageListModel &model = *session->messages();
    ASSERT_TRUE(waitFor([&]() { return model.rowCount() == 1; })) << "the agent_joined notice";

    // Offline while the patient writes twice.
    client.disconnectFromRelay();
    ASSERT_EQ(client.state(), RelayClient::State::Offline);
    ASSERT_TRUE(patientSays("p-1", "Xin chào"));
    ASSERT_TRUE(patientSays("p-2", "Tôi bị đau đầu"));
    // A message the agent writes offline waits in the outbox.
    session->sendText(QStringLiteral("c-offline"), QStringLiteral("잠시만요"));
    EXPECT_EQ(client.unacknowledgedCount(), 1);
    client.connectToRelay();
    ASSERT_TRUE(
        waitFor([&]() { return model.rowCount() == 4 && client.unacknowledgedCount() == 0; }));
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2, 3, 4}));
    EXPECT_EQ(model.index(2).data(Qt::DisplayRole).toString(), QStringLiteral("머리가 아파요"));
    EXPECT_EQ(model.index(3).data(MessageListModel::ClientMsgIdRole).toString(),
              QStringLiteral("c-offline"));
    ASSERT_TRUE(patient.take(
        [](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == "c-offline"; }));

    // The connection drops by itself: the client reconnects with backoff and catches up.
    QSignalSpy states(&client, &RelayClient::stateChanged);
    client.abortConnection();
    ASSERT_TRUE(patientSays("p-3", "Cảm ơn"));
    ASSERT_TRUE(waitFor([&]() { return model.rowCount() == 5 && client.isConnected(); }));
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2, 3, 4, 5}));
    ASSERT_GE(states.count(), 2);
    EXPECT_EQ(states.first().at(0).value<RelayClient::State>(), RelayClient::State::Reconnecting);
    EXPECT_EQ(states.last().at(0).value<RelayClient::State>(), RelayClient::State::Connected);
    EXPECT_EQ(client.lastContiguousSeq(room.id), 5);
}

TEST_F(ConsoleConversation, ColleaguesComeFromTheRelaysDirectoryWithPresence)
{
    logIn();
    const QString leeId = relay.addAgent(QStringLiteral("lee"), QStringLiteral("이상담"));
    QSignalSpy loaded(&client, &RelayClient::colleaguesLoaded);
    client.fetchColleagues();
    ASSERT_TRUE(loaded.wait(5000));
    const auto colleagues = loaded.first().at(0).value<std::vector<Colleague>>();
    ASSERT_EQ(colleagues.size(), 2u);
    const auto lee = std::find_if(colleagues.begin(), colleagues.end(),
                                  [&](const Colleague &c) { return c.id == leeId; });
    ASSERT_NE(lee, colleagues.end());
    EXPECT_EQ(lee->name, QStringLiteral("이상담"));
    EXPECT_FALSE(lee->online);
    const auto self = std::find_if(colleagues.begin(), colleagues.end(),
                                   [&](const Colleague &c) { return c.id == client.agent().id; });
    ASSERT_NE(self, colleagues.end());
    EXPECT_TRUE(self->online);
}

TEST_F(ConsoleConversation, TemplateArrivesVettedAndTransferMovesTheChat)
{
    patientJoins();
    logIn();
    const QString leeId = relay.addAgent(QStringLiteral("lee"), QStringLiteral("이상담"));
    const auto greet = greetingTemplate();
    ASSERT_TRUE(greet);
    ASSERT_TRUE(greet->texts.contains("vi"));

    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    session->sendTemplate(QStringLiteral("c-tpl"), *greet);
    const auto vetted = patient.take(
        [](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == "c-tpl"; });
    ASSERT_TRUE(vetted);
    EXPECT_EQ((*vetted)["translation"]["status"], "vetted");
    EXPECT_EQ((*vetted)["translation"]["text"], greet->texts.at("vi"));
    EXPECT_EQ((*vetted)["template_id"], "tpl-greet-first");
    const MessageListModel &model = *session->messages();
    ASSERT_TRUE(waitFor([&]() {
        const int row = model.rowOfClientMsgId(QStringLiteral("c-tpl"));
        return row >= 0 && model.deliveryAt(row) == MessageListModel::Delivery::Stored &&
               model.messageAt(row).seq > 0;
    }));

    EXPECT_TRUE(session->transfer(leeId));
    ASSERT_TRUE(waitFor([&]() { return session->state() == ChatSession::State::Detached; }));
    EXPECT_TRUE(session->closedReason().contains(QStringLiteral("이상담")));
}

TEST_F(ConsoleConversation, MessageTheDatabaseRefusedIsSentAgainFromTheChatOnceWithoutAGap)
{
    patientJoins();
    logIn();
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    const MessageListModel &model = *session->messages();
    ASSERT_TRUE(patientSays("p-1", "Tôi bị đau đầu"));
    ASSERT_TRUE(waitFor([&]() { return model.rowCount() == 2; })); // agent_joined, p-1
    ChatPage page(session);
    page.resize(700, 500);
    page.show();
    page.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&page, 3000));

    refuseWrites(true);
    const QString id = QStringLiteral("c-refused");
    session->sendText(id, QStringLiteral("내일 오전 9시에 오세요"));
    ASSERT_TRUE(waitFor([&]() {
        const int row = model.rowOfClientMsgId(id);
        return row >= 0 && model.deliveryAt(row) == MessageListModel::Delivery::Failed;
    }));
    EXPECT_EQ(model.retryAt(model.rowOfClientMsgId(id)), MessageListModel::Retry::Offered);
    EXPECT_FALSE(model.index(model.rowOfClientMsgId(id))
                     .data(MessageListModel::ErrorRole)
                     .toString()
                     .isEmpty());
    EXPECT_EQ(client.unacknowledgedCount(), 0) << "refused, so not waiting for an ack";
    EXPECT_EQ(stored(id).second, 0);
    EXPECT_FALSE(patient.take(
        [](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == "c-refused"; },
        200));

    // The database recovers; the patient writes meanwhile.
    refuseWrites(false);
    ASSERT_TRUE(patientSays("p-2", "Cảm ơn"));
    ASSERT_TRUE(waitFor([&]() { return model.rowCount() == 4; }));

    // The counselor selects the failed message and sends it again with the keyboard.
    ChatView *view = page.view();
    view->setFocus();
    view->setCurrentIndex(model.index(model.rowOfClientMsgId(id)));
    QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
    EXPECT_EQ(model.deliveryAt(model.rowOfClientMsgId(id)), MessageListModel::Delivery::Sending);
    ASSERT_TRUE(waitFor([&]() {
        const int row = model.rowOfClientMsgId(id);
        return row >= 0 && model.deliveryAt(row) == MessageListModel::Delivery::Stored &&
               model.messageAt(row).seq > 0;
    }));
    EXPECT_EQ(model.messageAt(model.rowOfClientMsgId(id)).seq, 4) << "the next seq, no gap";
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2, 3, 4}));
    EXPECT_EQ(client.unacknowledgedCount(), 0);

    const auto [roomSeqs, copies] = stored(id);
    EXPECT_EQ(copies, 1);
    EXPECT_EQ(roomSeqs, (std::vector<qint64>{1, 2, 3, 4}));
    const auto delivered = patient.take(
        [](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == "c-refused"; });
    ASSERT_TRUE(delivered);
    EXPECT_EQ((*delivered)["seq"], 4);
    EXPECT_EQ((*delivered)["text"], "내일 오전 9시에 오세요");
    for (const auto &f : patient.drain(300))
        EXPECT_FALSE(f["type"] == "message" && f["client_msg_id"] == "c-refused") << f.dump();
}

TEST_F(ConsoleConversation, TemplateTheDatabaseRefusedIsSentAgainByItsId)
{
    patientJoins();
    logIn();
    const auto greet = greetingTemplate();
    ASSERT_TRUE(greet);
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    const MessageListModel &model = *session->messages();
    ASSERT_TRUE(waitFor([&]() { return model.rowCount() == 1; }));

    refuseWrites(true);
    const QString id = QStringLiteral("c-tpl");
    session->sendTemplate(id, *greet);
    ASSERT_TRUE(waitFor([&]() {
        const int row = model.rowOfClientMsgId(id);
        return row >= 0 && model.deliveryAt(row) == MessageListModel::Delivery::Failed;
    }));
    refuseWrites(false);
    ASSERT_TRUE(session->retrySend(id));
    const auto vetted = patient.take(
        [](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == "c-tpl"; });
    ASSERT_TRUE(vetted);
    EXPECT_EQ((*vetted)["seq"], 2);
    EXPECT_EQ((*vetted)["template_id"], "tpl-greet-first");
    EXPECT_EQ((*vetted)["translation"]["status"], "vetted");
    EXPECT_EQ((*vetted)["translation"]["text"], greet->texts.at("vi"));
    ASSERT_TRUE(waitFor([&]() {
        const int row = model.rowOfClientMsgId(id);
        return row >= 0 && model.deliveryAt(row) == MessageListModel::Delivery::Stored &&
               model.messageAt(row).seq == 2;
    }));
    EXPECT_EQ(stored(id).second, 1);
}

TEST_F(ConsoleConversation, QuittingWithUndeliveredMessagesWaitsForThemOrAsks)
{
    patientJoins();
    logIn();
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    TemplateModel templates;
    MainWindow window(registry, &templates);
    window.show();

    // Nothing pending: the window closes at once.
    EXPECT_TRUE(window.close());
    window.show();

    // A reply written while the connection is down waits in the outbox.
    client.disconnectFromRelay();
    session->sendText(QStringLiteral("c-late"), QStringLiteral("곧 의사 선생님이 오십니다"));
    ASSERT_EQ(client.unacknowledgedCount(), 1);
    EXPECT_FALSE(window.close()) << "closing now would lose the reply";
    ASSERT_TRUE(window.unsentQuestion());
    EXPECT_TRUE(window.isVisible());
    EXPECT_TRUE(window.unsentQuestion()->text().contains(QStringLiteral("1 message")))
        << window.unsentQuestion()->text().toStdString();

    // The counselor waits; the connection comes back, the reply is delivered, the console
    // closes by itself.
    client.connectToRelay();
    ASSERT_TRUE(waitFor([&]() { return !window.isVisible(); }, 10000));
    EXPECT_EQ(client.unacknowledgedCount(), 0);
    EXPECT_TRUE(patient.take(
        [](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == "c-late"; }));
}

TEST_F(ConsoleConversation, QuittingAnywayIsTheCounselorsChoiceAndARefusalIsNeverTakenForDelivery)
{
    patientJoins();
    logIn();
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    TemplateModel templates;
    MainWindow window(registry, &templates);
    window.show();

    // The database refuses the reply while the counselor is asked about quitting.
    client.disconnectFromRelay();
    session->sendText(QStringLiteral("c-refused"), QStringLiteral("내일 오전에 오세요"));
    EXPECT_FALSE(window.close());
    ASSERT_TRUE(window.unsentQuestion());
    refuseWrites(true);
    client.connectToRelay();
    ASSERT_TRUE(waitFor([&]() { return client.unacknowledgedCount() == 0; }, 10000));
    QTest::qWait(200);
    EXPECT_TRUE(window.isVisible()) << "a refused message is not delivered: no quitting by itself";
    ASSERT_TRUE(window.unsentQuestion());
    EXPECT_TRUE(window.unsentQuestion()->text().contains(QStringLiteral("refused")));

    // "Quit anyway" closes.
    QAbstractButton *quit = nullptr;
    for (QAbstractButton *b : window.unsentQuestion()->buttons())
        if (window.unsentQuestion()->buttonRole(b) == QMessageBox::DestructiveRole)
            quit = b;
    ASSERT_NE(quit, nullptr);
    quit->click();
    EXPECT_TRUE(waitFor([&]() { return !window.isVisible(); }));
}

TEST_F(ConsoleConversation, AnExpiredSessionAsksForALoginAndKeepsTheUnsentReply)
{
    patientJoins();
    logIn();
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    QSignalSpy expired(&client, &RelayClient::sessionExpired);

    // The relay restarts and the counselor's login is gone (expired or revoked) meanwhile; a
    // reply is written while the console is reconnecting.
    relay.stop();
    ASSERT_TRUE(waitFor([&]() { return !client.isConnected(); }));
    session->sendText(QStringLiteral("c-kept"), QStringLiteral("잠시만 기다려 주세요"));
    {
        medtranslate::relay::Store admin(relay.config().store);
        QString error;
        ASSERT_TRUE(admin.open(&error)) << error.toStdString();
        const auto done = admin.runSync<bool>([](medtranslate::relay::StoreWorker &w) {
            w.exec(QStringLiteral("DELETE FROM agent_sessions"));
            return true;
        });
        ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    }
    ASSERT_TRUE(relay.start(new ScriptedTranslator));

    // The relay refuses the old token: the console says so once and stops retrying with it.
    ASSERT_TRUE(expired.wait(10000));
    QTest::qWait(600); // several backoff periods
    EXPECT_EQ(expired.count(), 1);
    EXPECT_FALSE(client.isConnected());
    EXPECT_EQ(client.unacknowledgedCount(), 1) << "the reply is kept for after the login";

    // Logging in again delivers it, once.
    logIn();
    ASSERT_TRUE(waitFor([&]() { return client.unacknowledgedCount() == 0; }, 10000));
    ASSERT_TRUE(patient.open(relay.ws()));
    ASSERT_TRUE(patient.hello("patient", room.token, 0));
    int copies = 0;
    for (const auto &f : patient.drain(800))
        copies += f["type"] == "message" && f["client_msg_id"] == "c-kept";
    EXPECT_EQ(copies, 1);
}

TEST_F(ConsoleConversation, ARedFlagPutsThePatientFirstAndTheChatShowsIt)
{
    const TestRelay::Room earlier = relay.createRoom(QStringLiteral("ja"));
    patientJoins();
    ASSERT_TRUE(patientSays("p-1", "Tôi bị đau ngực và khó thở"));
    logIn();

    // Newer than the other waiting patient, but first in the queue, with the words.
    ASSERT_TRUE(waitFor([this, &earlier]() {
        return registry.queue()->rowOf(room.id) == 0 && registry.queue()->rowOf(earlier.id) == 1;
    }));
    const QModelIndex first = registry.queue()->index(0);
    EXPECT_TRUE(first.data(QueueModel::UrgentRole).toBool());
    const QStringList words = first.data(QueueModel::RedFlagsRole).toStringList();
    EXPECT_TRUE(words.contains(QStringLiteral("đau ngực"))) << words.join(u',').toStdString();
    EXPECT_TRUE(words.contains(QStringLiteral("khó thở"))) << words.join(u',').toStdString();
    EXPECT_FALSE(registry.queue()->index(1).data(QueueModel::UrgentRole).toBool());

    // Accepted, the chat carries the flag: a red banner with the words, "Urgent" in its tab.
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    EXPECT_TRUE(session->room().urgent);
    ChatPage page(session);
    page.show();
    EXPECT_FALSE(page.urgentBanner()->isHidden());
    EXPECT_TRUE(page.urgentBanner()->text().contains(QStringLiteral("đau ngực")));
    EXPECT_TRUE(page.title().startsWith(QStringLiteral("Urgent")));
    // The history holds the vetted emergency reply the patient got.
    const MessageListModel &model = *session->messages();
    ASSERT_TRUE(waitFor([&]() {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row).data(MessageListModel::EventRole).toString() ==
                QLatin1String("red_flag"))
                return true;
        }
        return false;
    }));
}

TEST_F(ConsoleConversation, SupervisorSeesTheDeskAndTakesOverAColleaguesChatWithANote)
{
    patientJoins();
    logIn();
    ChatSession *mine = acceptPatient();
    ASSERT_NE(mine, nullptr);

    // The supervisor's console: its overview lists the chat with its counselor.
    relay.addAgent(QStringLiteral("boss"), QStringLiteral("최과장"), QStringLiteral("admin"));
    RelayClient boss;
    boss.setTimeouts(client.timeouts());
    ChatRegistry bossChats(boss);
    QSignalSpy loggedIn(&boss, &RelayClient::loginSucceeded);
    boss.login(relay.http(), QStringLiteral("boss"), TestRelay::password());
    ASSERT_TRUE(loggedIn.wait(5000));
    boss.connectToRelay();
    OverviewModel *overview = bossChats.overview();
    ASSERT_TRUE(waitFor([&]() { return overview->rowOf(room.id) >= 0; }));
    const QModelIndex row = overview->index(overview->rowOf(room.id));
    EXPECT_TRUE(row.data(OverviewModel::ActiveRole).toBool());
    EXPECT_EQ(row.data(OverviewModel::AgentNameRole).toString(), QStringLiteral("김상담"));
    EXPECT_EQ(registry.overview()->rowCount(), 0) << "a counselor gets no overview";

    // Take over, as the overview's button does: the chat opens for the supervisor, with the
    // history, and the counselor's becomes read only.
    ASSERT_TRUE(boss.transfer(room.id, boss.agent().id, QStringLiteral("응급 여부 확인")));
    ASSERT_TRUE(waitFor([&]() { return bossChats.session(room.id) != nullptr; }));
    EXPECT_TRUE(bossChats.session(room.id)->isActive());
    ASSERT_TRUE(waitFor([&]() { return mine->state() == ChatSession::State::Detached; }));
    ASSERT_TRUE(waitFor([&]() {
        const int r = overview->rowOf(room.id);
        return r >= 0 && overview->index(r).data(OverviewModel::AgentNameRole).toString() ==
                             QStringLiteral("최과장");
    }));
}
