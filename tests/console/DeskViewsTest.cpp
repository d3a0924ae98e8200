// The desk's views in the console: the queue's filters, the supervisors' overview with its
// take-over and reassign, the transfer dialog's note, notifications without a tray, log out.
#include "FrameBuilders.h"
#include "WaitFor.h"
#include "client/ChatRegistry.h"
#include "client/OverviewModel.h"
#include "client/QueueModel.h"
#include "client/RelayClient.h"
#include "client/RoomFilterModel.h"
#include "client/TemplateModel.h"
#include "ui/ChatPage.h"
#include "ui/MainWindow.h"
#include "ui/NotificationBanner.h"
#include "ui/Notifier.h"
#include "ui/OverviewDelegate.h"
#include "ui/OverviewPanel.h"
#include "ui/QueuePanel.h"
#include "ui/RoomFilterBar.h"
#include "ui/TransferDialog.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <gtest/gtest.h>

using namespace medtranslate::console;
namespace protocol = medtranslate::protocol;
namespace server = protocol::server;
using medtranslate::test::activeRoom;

namespace {

protocol::Room waitingRoom(const std::string &id, const std::string &lang, bool urgent = false)
{
    protocol::Room r;
    r.roomId = id;
    r.status = protocol::RoomStatus::Waiting;
    r.patientLanguage = lang;
    r.createdAt = "2026-12-04T09:00:00Z";
    r.firstMessage = "hello";
    r.urgent = urgent;
    if (urgent)
        r.redFlags = {{"chest_pain", {"chest hurts a lot"}}};
    return r;
}

server::RoomOverview entry(protocol::Room room, std::int64_t waiting)
{
    return server::RoomOverview{std::move(room), waiting};
}

QStringList ids(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(OverviewModel::RoomIdRole).toString();
    return out;
}

//! Settings of these tests stay apart from a counselor's real ones.
class DeskViews : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QCoreApplication::setOrganizationName(QStringLiteral("MedTranslateTests"));
        QCoreApplication::setApplicationName(QStringLiteral("console-desk-views-test"));
        QSettings().clear();
    }
    void TearDown() override { QSettings().clear(); }
};

} // namespace

TEST_F(DeskViews, OverviewKeepsTheRelaysOrderAndMovesRowsInsteadOfRecreatingThem)
{
    OverviewModel model;
    model.setRooms({entry(waitingRoom("w1", "vi"), 30), entry(activeRoom("a1", "ja"), 0),
                    entry(activeRoom("a2", "th", {"a9", "이상담"}), 400)});
    EXPECT_EQ(ids(model), (QStringList{"w1", "a1", "a2"}));
    const QModelIndex a2 = model.index(2);
    EXPECT_EQ(a2.data(OverviewModel::AgentNameRole).toString(), QStringLiteral("이상담"));
    EXPECT_TRUE(a2.data(OverviewModel::ActiveRole).toBool());
    EXPECT_GE(a2.data(OverviewModel::WaitingSecondsRole).toLongLong(), 400);
    EXPECT_EQ(model.index(1).data(OverviewModel::WaitingSecondsRole).toLongLong(), 0)
        << "the counselor wrote last";

    // A selected row survives the next frame: it is moved, not removed and inserted again.
    QPersistentModelIndex kept(model.index(2));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    model.setRooms({entry(waitingRoom("w2", "zh", true), 5), entry(activeRoom("a2", "th"), 10),
                    entry(activeRoom("a1", "ja"), 0)});
    EXPECT_EQ(ids(model), (QStringList{"w2", "a2", "a1"}));
    EXPECT_EQ(removed.size(), 1) << "w1 left (taken or ended)";
    EXPECT_GE(moved.size(), 1);
    ASSERT_TRUE(kept.isValid());
    EXPECT_EQ(kept.data(OverviewModel::RoomIdRole).toString(), QStringLiteral("a2"));
    EXPECT_TRUE(model.index(0).data(OverviewModel::UrgentRole).toBool());
    EXPECT_EQ(model.index(0).data(OverviewModel::RedFlagsRole).toStringList(),
              QStringList{QStringLiteral("chest hurts a lot")});
    EXPECT_TRUE(OverviewDelegate::stateText(model.index(0)).startsWith(QStringLiteral("waiting")));
    EXPECT_TRUE(
        OverviewDelegate::stateText(model.index(1)).contains(QStringLiteral("patient waiting")))
        << OverviewDelegate::stateText(model.index(1)).toStdString();

    model.setRooms({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(DeskViews, FiltersCountAndShowUrgentWaitingAndActiveRooms)
{
    OverviewModel model;
    RoomFilterModel filtered(OverviewModel::UrgentRole, OverviewModel::ActiveRole);
    filtered.setSourceModel(&model);
    model.setRooms({entry(waitingRoom("w1", "vi", true), 30), entry(waitingRoom("w2", "en"), 3),
                    entry(activeRoom("a1", "ja"), 0)});
    EXPECT_EQ(filtered.countOf(RoomFilterModel::Filter::All), 3);
    EXPECT_EQ(filtered.countOf(RoomFilterModel::Filter::Urgent), 1);
    EXPECT_EQ(filtered.countOf(RoomFilterModel::Filter::Waiting), 2);
    EXPECT_EQ(filtered.countOf(RoomFilterModel::Filter::Active), 1);
    filtered.setFilter(RoomFilterModel::Filter::Active);
    EXPECT_EQ(ids(filtered), QStringList{"a1"});
    filtered.setFilter(RoomFilterModel::Filter::Urgent);
    EXPECT_EQ(ids(filtered), QStringList{"w1"});

    // A room that turns urgent in place joins the urgent view.
    auto raised = activeRoom("a1", "ja");
    raised.urgent = true;
    model.setRooms({entry(waitingRoom("w1", "vi", true), 30), entry(waitingRoom("w2", "en"), 3),
                    entry(raised, 20)});
    EXPECT_EQ(ids(filtered), (QStringList{"w1", "a1"}));
}

TEST_F(DeskViews, QueueTabsFilterUrgentPatientsWithCountsAndAcceptTheOneInView)
{
    QueueModel queue;
    QueuePanel panel(&queue);
    queue.setRooms({waitingRoom("r-calm", "en"), waitingRoom("r-chest", "vi", true)});
    RoomFilterBar *tabs = panel.filters();
    ASSERT_EQ(tabs->count(), 3); // waiting, urgent, answer later
    EXPECT_EQ(tabs->tabText(0), QStringLiteral("Waiting 2"));
    EXPECT_EQ(tabs->tabText(1), QStringLiteral("Urgent 1"));
    EXPECT_TRUE(panel.selectedRoomId().isEmpty()) << "two in view: the counselor chooses";

    tabs->choose(RoomFilterModel::Filter::Urgent);
    EXPECT_EQ(panel.list()->model()->rowCount(), 1);
    EXPECT_EQ(panel.selectedRoomId(), QStringLiteral("r-chest")) << "the only one in view";
    QSignalSpy accept(&panel, &QueuePanel::acceptRequested);
    panel.findChild<QPushButton *>()->click();
    ASSERT_EQ(accept.size(), 1);
    EXPECT_EQ(accept.first().at(0).toString(), QStringLiteral("r-chest"));

    queue.setRooms({waitingRoom("r-calm", "en")});
    EXPECT_EQ(tabs->tabText(1), QStringLiteral("Urgent 0"));
    EXPECT_EQ(panel.list()->model()->rowCount(), 0);
    EXPECT_TRUE(panel.selectedRoomId().isEmpty());
}

TEST_F(DeskViews, SupervisorsGetTheAllConsultationsViewOnlyWithTheRelaysOverview)
{
    RelayClient client;
    ChatRegistry registry(client);
    TemplateModel templates;
    MainWindow window(registry, &templates);
    EXPECT_EQ(window.overviewPanel(), nullptr) << "counselors never get an overview";
    EXPECT_EQ(window.sidePanels()->count(), 1);

    emit client.overviewReceived(server::Overview{
        {entry(waitingRoom("w1", "vi"), 30), entry(activeRoom("a1", "ja", {"a9", "이상담"}), 90)}});
    OverviewPanel *overview = window.overviewPanel();
    ASSERT_NE(overview, nullptr);
    EXPECT_EQ(window.sidePanels()->count(), 2);
    EXPECT_EQ(overview->list()->model()->rowCount(), 2);
    EXPECT_FALSE(overview->takeOverButton()->isEnabled()) << "nothing chosen yet";

    QSignalSpy takeOver(overview, &OverviewPanel::takeOverRequested);
    QSignalSpy reassign(overview, &OverviewPanel::reassignRequested);
    overview->list()->setCurrentIndex(overview->list()->model()->index(1, 0));
    ASSERT_TRUE(overview->takeOverButton()->isEnabled());
    overview->takeOverButton()->click();
    ASSERT_EQ(takeOver.size(), 1);
    EXPECT_EQ(takeOver.first().at(0).toString(), QStringLiteral("a1"));
    // Not connected: the window says nothing was changed rather than pretending.
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("Not connected")));
    overview->reassignButton()->click();
    ASSERT_EQ(reassign.size(), 1);

    // A second frame updates the same view.
    emit client.overviewReceived(server::Overview{{entry(activeRoom("a1", "ja"), 0)}});
    EXPECT_EQ(window.sidePanels()->count(), 2);
    EXPECT_EQ(overview->list()->model()->rowCount(), 1);
}

TEST_F(DeskViews, TransferDialogOffersOnlineColleaguesFirstAndCarriesTheNote)
{
    TransferDialog dialog({{"a1", "김상담", true}, {"a2", "박상담", false}, {"a3", "이상담", true}},
                          QStringLiteral("a1"), QStringLiteral("Transfer chat"));
    EXPECT_EQ(dialog.choiceCount(), 2) << "not to oneself";
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("colleague"));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->itemText(0), QStringLiteral("이상담 (online)"));
    EXPECT_EQ(combo->itemText(1), QStringLiteral("박상담 (offline)"));

    ASSERT_TRUE(dialog.selectAgent(QStringLiteral("a2")));
    EXPECT_FALSE(dialog.selectAgent(QStringLiteral("nobody")));
    // The relay refuses notes over 500 characters; the dialog cuts a longer paste.
    dialog.setNote(QString(600, QLatin1Char('x')));
    EXPECT_EQ(dialog.note().size(), TransferDialog::maxNoteLength);
    dialog.setNote(QStringLiteral("  혈압약 문의, 처방전 사진 확인 필요  "));
    QSignalSpy chosen(&dialog, &TransferDialog::chosen);
    auto *box = dialog.findChild<QDialogButtonBox *>();
    ASSERT_NE(box, nullptr);
    box->buttons().first()->click(); // Transfer
    ASSERT_EQ(chosen.size(), 1);
    EXPECT_EQ(chosen.first().at(0).toString(), QStringLiteral("a2"));
    EXPECT_EQ(chosen.first().at(1).toString(),
              QStringLiteral("혈압약 문의, 처방전 사진 확인 필요"));
}

TEST_F(DeskViews, WithoutADirectoryTheIdIsTypedAndTransferWaitsForIt)
{
    TransferDialog dialog({}, QStringLiteral("a1"), QStringLiteral("Transfer chat"));
    auto *box = dialog.findChild<QDialogButtonBox *>();
    ASSERT_NE(box, nullptr);
    QAbstractButton *ok = box->buttons().first();
    EXPECT_FALSE(ok->isEnabled()) << "no id yet";
    ASSERT_TRUE(dialog.selectAgent(QStringLiteral(" a7 ")));
    EXPECT_TRUE(ok->isEnabled());
    EXPECT_EQ(dialog.agentId(), QStringLiteral("a7"));
}

TEST_F(DeskViews, WithoutATrayTheWindowShowsABannerAndUrgentRoomsBeepThreeTimes)
{
    RelayClient client;
    ChatRegistry registry(client);
    TemplateModel templates;
    MainWindow window(registry, &templates);
    window.show();
    Notifier *notifier = window.notifier();
    ASSERT_FALSE(notifier->hasTray()) << "the offscreen platform has no tray";
    NotificationBanner *banner = window.banner();
    EXPECT_FALSE(banner->isVisible());

    registry.handleQueue({waitingRoom("r-calm", "en")});
    EXPECT_TRUE(banner->isVisible());
    EXPECT_FALSE(banner->isUrgent());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("English"))) << banner->text().toStdString();
    EXPECT_EQ(notifier->beepCount(), 1);

    // A red flag: its own notice, red, with the patient's words, and three beeps.
    registry.handleQueue({waitingRoom("r-calm", "en"), waitingRoom("r-chest", "vi", true)});
    EXPECT_TRUE(banner->isUrgent());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("chest hurts a lot")));
    EXPECT_EQ(notifier->notificationCount(), 2) << "one notice for the urgent arrival, not two";
    ASSERT_TRUE(medtranslate::test::waitFor([&]() { return notifier->beepCount() == 4; }, 3000));

    // An ordinary notice does not cover an emergency not yet dismissed.
    registry.handleQueue({waitingRoom("r-calm", "en"), waitingRoom("r-chest", "vi", true),
                          waitingRoom("r-late", "ja")});
    EXPECT_TRUE(banner->isUrgent());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("chest hurts a lot")));

    // One of our own chats turning urgent is told too.
    registry.handleWelcome(server::Welcome{});
    registry.handleRoom(activeRoom("mine", "th"));
    auto urgentMine = activeRoom("mine", "th");
    urgentMine.urgent = true;
    urgentMine.redFlags = {{"breathing", {"หายใจไม่ออก"}}};
    const int before = notifier->notificationCount();
    registry.handleRoom(urgentMine);
    EXPECT_EQ(notifier->notificationCount(), before + 1);
    EXPECT_TRUE(banner->text().contains(QStringLiteral("หายใจไม่ออก")));
}

TEST_F(DeskViews, TheSoundSwitchIsRememberedAndSilencesBeeps)
{
    RelayClient client;
    ChatRegistry registry(client);
    TemplateModel templates;
    {
        MainWindow window(registry, &templates);
        auto *sound = window.findChild<QAction *>(QStringLiteral("soundAction"));
        ASSERT_NE(sound, nullptr);
        EXPECT_TRUE(sound->isChecked()) << "on by default";
        sound->setChecked(false);
        registry.handleQueue({waitingRoom("r1", "en")});
        EXPECT_EQ(window.notifier()->notificationCount(), 1);
        EXPECT_EQ(window.notifier()->beepCount(), 0);
    }
    MainWindow again(registry, &templates);
    EXPECT_FALSE(again.findChild<QAction *>(QStringLiteral("soundAction"))->isChecked());
    EXPECT_FALSE(again.notifier()->soundEnabled());
}

TEST_F(DeskViews, LogOutClosesTheWindowAndAsksTheControllerToLogOut)
{
    RelayClient client;
    ChatRegistry registry(client);
    TemplateModel templates;
    MainWindow window(registry, &templates);
    window.show();
    QSignalSpy logout(&window, &MainWindow::logoutRequested);
    auto *action = window.findChild<QAction *>(QStringLiteral("logoutAction"));
    ASSERT_NE(action, nullptr);
    action->trigger();
    EXPECT_EQ(logout.size(), 1);
    EXPECT_FALSE(window.isVisible());

    // Quitting is not logging out.
    MainWindow other(registry, &templates);
    other.show();
    QSignalSpy none(&other, &MainWindow::logoutRequested);
    other.close();
    EXPECT_EQ(none.size(), 0);

    server::Welcome welcome;
    welcome.rooms = {activeRoom("r1", "vi")};
    registry.handleWelcome(welcome);
    ASSERT_EQ(registry.sessions().size(), 1);
    registry.clear();
    EXPECT_TRUE(registry.sessions().isEmpty());
}

TEST_F(DeskViews, PatientsWhoLeftContactDetailsWaitInTheirOwnListAfterThoseAtTheScreen)
{
    QueueModel queue;
    QueuePanel panel(&queue);
    auto later = waitingRoom("r-later", "vi");
    later.createdAt = "2026-12-04T08:00:00Z"; // older, yet after the patient still waiting
    later.answerLater = true;
    later.contact = protocol::Contact{"lan@example.com", "+84 90 123 4567"};
    queue.setRooms({later, waitingRoom("r-live", "en")});
    EXPECT_EQ(queue.roomIdAt(0), QStringLiteral("r-live"));
    EXPECT_EQ(queue.roomIdAt(1), QStringLiteral("r-later"));
    EXPECT_EQ(queue.index(1).data(QueueModel::ContactRole).toString(),
              QStringLiteral("lan@example.com · +84 90 123 4567"));

    RoomFilterBar *tabs = panel.filters();
    ASSERT_EQ(tabs->count(), 3);
    EXPECT_EQ(tabs->tabText(0), QStringLiteral("Waiting 1"));
    EXPECT_EQ(tabs->tabText(2), QStringLiteral("Answer later 1"));
    EXPECT_EQ(panel.selectedRoomId(), QStringLiteral("r-live")) << "the only one at the screen";
    tabs->choose(RoomFilterModel::Filter::AnswerLater);
    EXPECT_EQ(panel.selectedRoomId(), QStringLiteral("r-later"));

    // A patient who leaves details while waiting moves to that list.
    auto live = waitingRoom("r-live", "en");
    live.answerLater = true;
    live.contact = protocol::Contact{"", "010-1234-5678"};
    queue.setRooms({later, live});
    EXPECT_EQ(tabs->tabText(0), QStringLiteral("Waiting 0"));
    EXPECT_EQ(tabs->tabText(2), QStringLiteral("Answer later 2"));
}

TEST_F(DeskViews, TheChatShowsThePrechatAnswersAndTheContactLeft)
{
    RelayClient client;
    ChatRegistry registry(client);
    auto room = activeRoom("r-pre", "vi");
    room.prechat = protocol::Prechat{"Nguyễn Thị Lan", "lan@example.com", "Hỏi về lịch chụp MRI"};
    server::Welcome welcome;
    welcome.rooms = {room};
    registry.handleWelcome(welcome);
    ChatPage page(registry.session(QStringLiteral("r-pre")));
    QLabel *details = page.patientDetails();
    EXPECT_FALSE(details->isHidden());
    EXPECT_TRUE(details->text().contains(QStringLiteral("Nguyễn Thị Lan")));
    EXPECT_TRUE(details->text().contains(QStringLiteral("lan@example.com")));
    EXPECT_TRUE(details->text().contains(QStringLiteral("Hỏi về lịch chụp MRI")))
        << "the reason as written until the relay's Korean arrives";

    // The relay's translation of the reason joins it.
    protocol::Translation korean;
    korean.text = "MRI 촬영 일정 문의";
    korean.lang = "ko";
    korean.status = protocol::TranslationStatus::Ok;
    emit client.textTranslated(QStringLiteral("prechat-reason:r-pre"), korean);
    EXPECT_TRUE(
        details->text().contains(QStringLiteral("MRI 촬영 일정 문의 (Hỏi về lịch chụp MRI)")))
        << details->text().toStdString();
    emit client.textTranslated(QStringLiteral("prechat-reason:another-room"), korean);

    room.prechat.reset();
    room.answerLater = true;
    room.contact = protocol::Contact{"", "+84 90 123 4567"};
    registry.handleRoom(room);
    EXPECT_EQ(details->text(), QStringLiteral("Answer later: the patient left +84 90 123 4567"));

    room.answerLater = false;
    room.contact.reset();
    registry.handleRoom(room);
    EXPECT_TRUE(details->isHidden()) << "nothing to show";
}
