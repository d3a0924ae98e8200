// Correcting the room's language from the console, against a relay in the test: the flag's
// button sends set_language, the patient's own correction updates the chat, and a refusal
// reaches the chat that asked.
#include "ConsoleConversation.h"
#include "ui/LanguageCorrection.h"

#include <QMenu>

using namespace medtranslate::console;
using medtranslate::test::ConsoleConversation;
using medtranslate::test::waitFor;
using Json = nlohmann::json;

namespace {

bool hasNotice(const MessageListModel &model, const QString &event)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data(MessageListModel::EventRole).toString() == event)
            return true;
    }
    return false;
}

} // namespace

TEST_F(ConsoleConversation, TheFlagsButtonSwitchesTheRoomToTheLanguageThePatientWrites)
{
    patientJoins(); // Vietnamese
    logIn();
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    ChatPage page(session);
    page.show();
    LanguageCorrection *flag = page.languageCorrection();
    ASSERT_TRUE(patientSays("p1", "ปวดหัวมากตั้งแต่เมื่อวาน"));
    ASSERT_TRUE(patientSays("p2", "มีไข้ด้วยค่ะ"));
    ASSERT_TRUE(waitFor([&]() { return session->suspectedLanguage() == QLatin1String("th"); }));
    EXPECT_FALSE(flag->isHidden());

    flag->switchButton()->click();
    EXPECT_EQ(session->requestedLanguage(), QStringLiteral("th"));
    EXPECT_FALSE(flag->switchButton()->isEnabled()) << "one request at a time";
    const auto toPatient = patient.take(
        [&](const Json &f) { return f["type"] == "room" && f["patient_language"] == "th"; });
    ASSERT_TRUE(toPatient);
    ASSERT_TRUE(waitFor([&]() { return session->patientLanguage() == QLatin1String("th"); }));
    EXPECT_TRUE(session->requestedLanguage().isEmpty());
    EXPECT_TRUE(page.title().startsWith(QStringLiteral("Thai")));
    EXPECT_TRUE(flag->isHidden());
    ASSERT_TRUE(waitFor(
        [&]() { return hasNotice(*session->messages(), QStringLiteral("language_changed")); }));
}

TEST_F(ConsoleConversation, ThePatientsOwnCorrectionUpdatesTheChat)
{
    patientJoins();
    logIn();
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    ChatPage page(session);
    page.show();
    QSignalSpy titles(&page, &ChatPage::titleChanged);
    patient.send(
        {{"type", "set_language"}, {"room_id", room.id.toStdString()}, {"language", "en"}});
    ASSERT_TRUE(waitFor([&]() { return session->patientLanguage() == QLatin1String("en"); }));
    EXPECT_GE(titles.count(), 1);
    EXPECT_TRUE(page.title().startsWith(QStringLiteral("English")));
    for (QAction *action : page.languageCorrection()->menuButton()->menu()->actions())
        EXPECT_EQ(action->isChecked(), action->data().toString() == QLatin1String("en"));

    // The header's menu changes it at any time, without a flag.
    QAction *japanese = nullptr;
    for (QAction *action : page.languageCorrection()->menuButton()->menu()->actions()) {
        if (action->data().toString() == QLatin1String("ja"))
            japanese = action;
    }
    ASSERT_NE(japanese, nullptr);
    japanese->trigger();
    ASSERT_TRUE(patient.take(
        [&](const Json &f) { return f["type"] == "room" && f["patient_language"] == "ja"; }));
    ASSERT_TRUE(waitFor([&]() { return session->patientLanguage() == QLatin1String("ja"); }));
}

TEST_F(ConsoleConversation, ARefusedCorrectionReachesTheChatThatAsked)
{
    patientJoins();
    logIn();
    ChatSession *session = acceptPatient();
    ASSERT_NE(session, nullptr);
    ChatPage page(session);
    page.show();
    std::vector<std::pair<QString, medtranslate::protocol::ErrorCode>> failures;
    QObject::connect(&client, &RelayClient::languageChangeFailed,
                     [&](const QString &roomId, medtranslate::protocol::ErrorCode code,
                         const QString &) { failures.emplace_back(roomId, code); });
    // The relay refuses a room that is not ours (waiting for someone to accept it), and the
    // refusal goes to that room, not to this chat.
    const auto other = relay.createRoom(QStringLiteral("en"));
    ASSERT_TRUE(client.setLanguage(other.id, QStringLiteral("th")));
    ASSERT_TRUE(waitFor([&]() { return !failures.empty(); }));
    EXPECT_EQ(failures.front().first, other.id);
    EXPECT_EQ(failures.front().second, medtranslate::protocol::ErrorCode::Forbidden);
    EXPECT_TRUE(page.languageCorrection()->isHidden());

    // The relay's database refuses the change: this chat's flag says so, and nothing changed.
    const auto trigger =
        relay.server().store().runSync<bool>([](medtranslate::relay::StoreWorker &w) {
            w.exec(
                QStringLiteral("CREATE TRIGGER refuse_language BEFORE UPDATE OF patient_language "
                               "ON rooms BEGIN SELECT RAISE(ABORT, 'disk says no'); END"));
            return true;
        });
    ASSERT_TRUE(trigger.ok()) << trigger.error().message.toStdString();
    QSignalSpy chatFailed(session, &ChatSession::languageChangeFailed);
    ASSERT_TRUE(session->setLanguage(QStringLiteral("th")));
    ASSERT_TRUE(chatFailed.wait(5000));
    EXPECT_TRUE(session->requestedLanguage().isEmpty());
    EXPECT_EQ(session->patientLanguage(), QStringLiteral("vi"));
    EXPECT_FALSE(page.languageCorrection()->isHidden());
    EXPECT_TRUE(page.languageCorrection()->flagText()->text().startsWith(
        QStringLiteral("The language was not changed")))
        << page.languageCorrection()->flagText()->text().toStdString();
    EXPECT_EQ(failures.back().second, medtranslate::protocol::ErrorCode::Internal);
}
