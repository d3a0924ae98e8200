// The console's language flag: when the patient's recent messages say they write another
// patient language than the room's, the chat shows it with a button to switch; short texts,
// numbers, files and Korean never raise it. No relay here: frames go straight to the registry.
#include "client/LanguageMismatch.h"

#include "FrameBuilders.h"
#include "client/ChatRegistry.h"
#include "client/ChatSession.h"
#include "client/MessageListModel.h"
#include "client/RelayClient.h"
#include "ui/ChatPage.h"
#include "ui/LanguageCorrection.h"

#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace medtranslate::console;
namespace protocol = medtranslate::protocol;
using medtranslate::test::activeRoom;
using medtranslate::test::patientMessage;

namespace {

//! A patient message the relay detected as `lang`.
protocol::Message detected(std::int64_t seq, const std::string &text, const std::string &lang)
{
    protocol::Message m = patientMessage("r1", seq, text, "번역");
    m.lang = lang;
    m.translation.sourceLang = lang;
    return m;
}

const std::string kThai = "ปวดหัวมากตั้งแต่เมื่อวาน";
const std::string kThaiAgain = "มีไข้ด้วยค่ะ";
const std::string kEnglish = "I have had a headache since yesterday";

QString suspectedAfter(const std::vector<protocol::Message> &messages,
                       const QString &room = QStringLiteral("vi"))
{
    MessageListModel model;
    for (const auto &m : messages)
        model.addMessage(m);
    return LanguageMismatch::suspected(model, room);
}

} // namespace

TEST(LanguageMismatch, TwoTellingMessagesInAnotherPatientLanguageRaiseIt)
{
    EXPECT_EQ(suspectedAfter({detected(1, "Xin chào", "vi"), detected(2, kThai, "th"),
                              detected(3, kThaiAgain, "th")}),
              QStringLiteral("th"));
    EXPECT_EQ(
        suspectedAfter({detected(1, kEnglish, "en"), detected(2, kEnglish + " and today", "en")}),
        QStringLiteral("en"));
    // Without a translation's source_lang (an older relay), the message's own lang tells.
    protocol::Message old = detected(2, kThai, "th");
    old.translation.sourceLang.clear();
    EXPECT_EQ(suspectedAfter({detected(1, kThaiAgain, "th"), old}), QStringLiteral("th"));
}

TEST(LanguageMismatch, OneMessageShortTextsNumbersKoreanAndFilesDoNotRaiseIt)
{
    EXPECT_EQ(suspectedAfter({detected(1, kThai, "th")}), QString()) << "one message is not enough";
    // A word or two proves nothing: a name, "OK thanks", a Thai particle, a number.
    EXPECT_EQ(suspectedAfter({detected(1, kThai, "th"), detected(2, "ค่ะ", "th")}), QString());
    EXPECT_EQ(suspectedAfter({detected(1, kEnglish, "en"), detected(2, "OK thanks", "en")}),
              QString());
    EXPECT_EQ(suspectedAfter({detected(1, kThai, "th"), detected(2, "120/80 37.5", "th")}),
              QString());
    // Korean is the counselor's language, never a patient's: a patient quoting Korean words.
    EXPECT_EQ(suspectedAfter(
                  {detected(1, "머리가 너무 아파요", "ko"), detected(2, "배가 아파요 많이", "ko")}),
              QString());
    protocol::Message file = detected(2, "ผลตรวจเลือด.pdf", "th");
    file.attachment = protocol::Attachment{};
    file.attachment->name = file.text;
    EXPECT_EQ(suspectedAfter({detected(1, kThai, "th"), file}), QString());
    // The room's own language, and a patient who mixes two, say nothing either.
    EXPECT_EQ(suspectedAfter({detected(1, kThai, "th"), detected(2, kThaiAgain, "th")},
                             QStringLiteral("th")),
              QString());
    EXPECT_EQ(suspectedAfter({detected(1, kThai, "th"), detected(2, kEnglish, "en")}), QString());
    // The last telling messages count: Vietnamese again after Thai clears it.
    EXPECT_EQ(suspectedAfter({detected(1, kThai, "th"), detected(2, kThaiAgain, "th"),
                              detected(3, "Tôi bị đau đầu từ hôm qua", "vi"),
                              detected(4, "Tôi cũng bị sốt nữa", "vi")}),
              QString());
}

TEST(LanguageMismatch, TheChatShowsTheFlagAndFollowsTheRoomFrame)
{
    RelayClient client; // not connected: a request cannot go out
    ChatRegistry registry(client);
    protocol::server::Welcome welcome;
    welcome.role = protocol::Role::Agent;
    welcome.rooms = {activeRoom("r1", "vi")};
    registry.handleWelcome(welcome);
    ChatSession *session = registry.session(QStringLiteral("r1"));
    ASSERT_NE(session, nullptr);
    ChatPage page(session);
    page.show();
    LanguageCorrection *flag = page.languageCorrection();
    EXPECT_TRUE(flag->isHidden());
    EXPECT_TRUE(page.title().startsWith(QStringLiteral("Vietnamese")));

    QSignalSpy suspected(session, &ChatSession::suspectedLanguageChanged);
    registry.handleMessage(detected(1, kThai, "th"));
    EXPECT_TRUE(flag->isHidden());
    registry.handleMessage(detected(2, kThaiAgain, "th"));
    ASSERT_EQ(suspected.count(), 1);
    EXPECT_EQ(session->suspectedLanguage(), QStringLiteral("th"));
    EXPECT_FALSE(flag->isHidden());
    EXPECT_EQ(flag->flagText()->text(),
              QStringLiteral("The patient seems to be writing in Thai, not Vietnamese."));
    EXPECT_EQ(flag->switchButton()->text(), QStringLiteral("Switch to Thai"));

    // Offline, the switch says so rather than pretending.
    QSignalSpy notices(&page, &ChatPage::notice);
    flag->switchButton()->click();
    EXPECT_TRUE(session->requestedLanguage().isEmpty());
    ASSERT_GE(notices.count(), 1);
    EXPECT_EQ(flag->flagText()->text(),
              QStringLiteral("Not connected to the relay: the language was not changed."));
    flag->dismissButton()->click(); // closes the error; the mismatch is still there
    EXPECT_EQ(flag->flagText()->text(),
              QStringLiteral("The patient seems to be writing in Thai, not Vietnamese."));

    // The room frame in Thai (whoever changed it): header, title and menu follow; no flag.
    QSignalSpy titles(&page, &ChatPage::titleChanged);
    registry.handleRoom(activeRoom("r1", "th"));
    EXPECT_GE(titles.count(), 1);
    EXPECT_TRUE(page.title().startsWith(QStringLiteral("Thai")));
    EXPECT_TRUE(flag->isHidden());
    EXPECT_EQ(session->suspectedLanguage(), QString());
    const auto actions = flag->menuButton()->menu()->actions();
    ASSERT_EQ(actions.size(), 5);
    for (QAction *action : actions)
        EXPECT_EQ(action->isChecked(), action->data().toString() == QLatin1String("th"))
            << action->text().toStdString();
}

TEST(LanguageMismatch, KeepingTheRoomsLanguageHidesTheFlagUntilAnotherLanguageShows)
{
    RelayClient client;
    ChatRegistry registry(client);
    protocol::server::Welcome welcome;
    welcome.role = protocol::Role::Agent;
    welcome.rooms = {activeRoom("r1", "vi")};
    registry.handleWelcome(welcome);
    ChatSession *session = registry.session(QStringLiteral("r1"));
    ASSERT_NE(session, nullptr);
    ChatPage page(session);
    page.show();
    LanguageCorrection *flag = page.languageCorrection();
    registry.handleMessage(detected(1, kThai, "th"));
    registry.handleMessage(detected(2, kThaiAgain, "th"));
    ASSERT_FALSE(flag->isHidden());
    EXPECT_EQ(flag->dismissButton()->text(), QStringLiteral("Keep Vietnamese"));
    flag->dismissButton()->click();
    EXPECT_TRUE(flag->isHidden());
    registry.handleMessage(detected(3, kThai + " อีก", "th"));
    EXPECT_TRUE(flag->isHidden()) << "still Thai: the counselor chose to keep Vietnamese";
    registry.handleMessage(detected(4, kEnglish, "en"));
    registry.handleMessage(detected(5, kEnglish + " again", "en"));
    EXPECT_FALSE(flag->isHidden());
    EXPECT_EQ(flag->switchButton()->text(), QStringLiteral("Switch to English"));
}
