// The "past consultations" window against the relay running in the test: the search fills the
// table a page at a time, a double-click opens the consultation read only, and errors stay in
// the windows. Screenshots of both windows go to a temporary folder (or to
// MEDTRANSLATE_SCREENSHOT_DIR when it is set).
#include "ConsoleConversation.h"
#include "client/ConsultationSearch.h"
#include "client/MessageListModel.h"
#include "client/PastConsultationModel.h"
#include "ui/ConsultationHistoryWindow.h"
#include "ui/PastConsultationsWindow.h"
#include "ui/UiLanguage.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <set>

using namespace medtranslate::console;
using medtranslate::test::TestRelay;
using medtranslate::test::waitFor;
using Json = nlohmann::json;

//! A counselor who held one Vietnamese consultation (ended), with the search window open.
class ConsolePastConsultations : public medtranslate::test::ConsoleConversation
{
protected:
    void endedConsultation()
    {
        patientJoins();
        ASSERT_TRUE(patientSays("p-1", "Tôi bị đau đầu"));
        logIn();
        ChatSession *session = acceptPatient();
        ASSERT_TRUE(session);
        ASSERT_TRUE(waitFor([&]() { return session->messages()->rowCount() == 2; }));
        ASSERT_TRUE(session->end());
        ASSERT_TRUE(patient.take([](const Json &f) { return f["type"] == "ended"; }));
    }

    //! Fills the filters and searches; true once a page or an error arrived.
    bool searchFor(PastConsultationsWindow &window, const QString &words,
                   const QString &language = {})
    {
        QSignalSpy page(window.search(), &ConsultationSearch::pageLoaded);
        QSignalSpy failed(window.search(), &ConsultationSearch::searchFailed);
        window.languageBox()->setCurrentIndex(window.languageBox()->findData(language));
        window.wordsEdit()->setText(words);
        window.searchButton()->click();
        return waitFor([&]() { return !page.isEmpty() || !failed.isEmpty(); });
    }

    static QString cell(const PastConsultationsWindow &window, int row, int column)
    {
        return window.search()->model()->index(row, column).data().toString();
    }
};

TEST_F(ConsolePastConsultations, FindsAConsultationByWordsInTheTranslationAndOpensItReadOnly)
{
    endedConsultation();
    PastConsultationsWindow window(client);
    window.show();
    ASSERT_TRUE(searchFor(window, QStringLiteral("머리")));
    PastConsultationModel *model = window.search()->model();
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->index(0, 0).data(PastConsultationModel::RoomIdRole).toString(), room.id);
    EXPECT_EQ(cell(window, 0, PastConsultationModel::Counselor), QStringLiteral("김상담"));
    // The join notice, the patient's message and the end notice.
    EXPECT_EQ(cell(window, 0, PastConsultationModel::Messages), QStringLiteral("3"));
    EXPECT_TRUE(
        cell(window, 0, PastConsultationModel::Match).contains(QStringLiteral("Tôi bị đau đầu")));
    EXPECT_TRUE(
        cell(window, 0, PastConsultationModel::Match).contains(QStringLiteral("머리가 아파요")));
    EXPECT_FALSE(window.loadMoreButton()->isEnabled());
    EXPECT_FALSE(window.statusLabel()->text().isEmpty());

    // Another language finds nothing, and says so.
    ASSERT_TRUE(searchFor(window, QStringLiteral("머리"), QStringLiteral("th")));
    EXPECT_EQ(model->rowCount(), 0);
    ASSERT_TRUE(searchFor(window, QStringLiteral("đau"), QStringLiteral("vi")));
    ASSERT_EQ(model->rowCount(), 1);

    // A double-click opens the record: the chat's message list, and nothing to write with.
    QSignalSpy opened(&window, &PastConsultationsWindow::historyOpened);
    const QModelIndex first = model->index(0, PastConsultationModel::Match);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.table()->scrollTo(first);
    QCoreApplication::processEvents();
    const QPoint at = window.table()->visualRect(first).center();
    QTest::mouseClick(window.table()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(window.table()->viewport(), Qt::LeftButton, {}, at);
    ASSERT_EQ(opened.size(), 1);
    auto *history = opened.first().at(0).value<ConsultationHistoryWindow *>();
    ASSERT_TRUE(history);
    ASSERT_TRUE(waitFor([&]() { return history->isLoaded(); }));
    MessageListModel *messages = history->messages();
    ASSERT_EQ(messages->rowCount(), 3);
    const int patientRow = messages->rowOfSeq(1);
    ASSERT_GE(patientRow, 0);
    EXPECT_EQ(messages->index(patientRow).data(MessageListModel::TextRole).toString(),
              QStringLiteral("Tôi bị đau đầu"));
    EXPECT_EQ(messages->index(patientRow).data(MessageListModel::TranslationTextRole).toString(),
              QStringLiteral("머리가 아파요"));
    EXPECT_TRUE(history->findChildren<Composer *>().isEmpty());
    EXPECT_TRUE(history->findChildren<QPlainTextEdit *>().isEmpty());
    EXPECT_TRUE(history->findChildren<QLineEdit *>().isEmpty());
    EXPECT_EQ(history->view()->model(), messages);
    EXPECT_TRUE(history->statusLabel()->text().isEmpty());
    history->close(); // deletes itself
}

TEST_F(ConsolePastConsultations, LoadsMorePagesUntilTheLast)
{
    logIn();
    std::vector<QString> rooms;
    for (int i = 0; i < 3; ++i)
        rooms.push_back(relay.createRoom(QStringLiteral("en")).id);
    PastConsultationsWindow window(client);
    window.search()->setPageSize(2);
    ASSERT_TRUE(searchFor(window, {}));
    PastConsultationModel *model = window.search()->model();
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_TRUE(window.loadMoreButton()->isEnabled());
    QSignalSpy page(window.search(), &ConsultationSearch::pageLoaded);
    window.loadMoreButton()->click();
    EXPECT_FALSE(window.loadMoreButton()->isEnabled()); // no second click while it loads
    ASSERT_TRUE(page.wait(5000));
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_FALSE(page.first().at(1).toBool());
    EXPECT_FALSE(window.loadMoreButton()->isEnabled());
    std::set<QString> shown;
    for (int row = 0; row < 3; ++row)
        shown.insert(model->index(row, 0).data(PastConsultationModel::RoomIdRole).toString());
    EXPECT_EQ(shown, std::set<QString>(rooms.begin(), rooms.end()));
}

TEST_F(ConsolePastConsultations, SendsLocalDaysAsInstantsWithTheirOffset)
{
    ConsultationSearch::Filters filters;
    filters.language = QStringLiteral("vi");
    filters.from = QDate(2026, 11, 1);
    filters.to = QDate(2026, 12, 4);
    filters.words = QStringLiteral("  두통  ");
    const QUrlQuery query = ConsultationSearch::queryFor(filters, QStringLiteral("abc"), 7);
    const QDateTime from = QDateTime::fromString(
        query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded), Qt::ISODate);
    const QDateTime to = QDateTime::fromString(
        query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded), Qt::ISODate);
    EXPECT_EQ(from, QDateTime(QDate(2026, 11, 1), QTime(0, 0)));
    EXPECT_EQ(to, QDateTime(QDate(2026, 12, 5), QTime(0, 0))); // the last day included
    EXPECT_EQ(query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
              QStringLiteral("두통"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("language")), QStringLiteral("vi"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("7"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("before")), QStringLiteral("abc"));
}

TEST_F(ConsolePastConsultations, ErrorsAreShownInTheWindows)
{
    logIn();
    PastConsultationsWindow window(client);
    // The days the wrong way round never reach the relay.
    window.fromEdit()->setDate(QDate(2026, 12, 4));
    window.toEdit()->setDate(QDate(2026, 12, 1));
    window.searchButton()->click();
    EXPECT_TRUE(window.statusLabel()->text().contains(QStringLiteral("first day")))
        << window.statusLabel()->text().toStdString();

    // A history the relay does not have: its answer, in the history window.
    medtranslate::protocol::http::ConsultationSummary missing;
    missing.roomId = "no-such-room";
    missing.language = "vi";
    ConsultationHistoryWindow history(*window.search(), client, missing);
    history.setAttribute(Qt::WA_DeleteOnClose, false);
    QSignalSpy failed(&history, &ConsultationHistoryWindow::failed);
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_TRUE(history.statusLabel()->text().contains(QStringLiteral("no such room")))
        << history.statusLabel()->text().toStdString();
    EXPECT_FALSE(history.isLoaded());

    // The relay gone: the search says why, and the window stays usable.
    window.fromEdit()->setDate(QDate(2026, 11, 1));
    relay.stop();
    ASSERT_TRUE(searchFor(window, QStringLiteral("머리")));
    EXPECT_TRUE(window.statusLabel()->text().startsWith(QStringLiteral("The search failed: ")))
        << window.statusLabel()->text().toStdString();
    EXPECT_EQ(window.search()->model()->rowCount(), 0);
    EXPECT_TRUE(window.searchButton()->isEnabled());
}

TEST_F(ConsolePastConsultations, TheMainWindowOpensTheSearchFromItsToolbar)
{
    logIn();
    TemplateModel templates;
    MainWindow main(registry, &templates);
    auto *action = main.findChild<QAction *>(QStringLiteral("pastConsultationsAction"));
    ASSERT_TRUE(action);
    EXPECT_FALSE(main.pastConsultations());
    action->trigger();
    ASSERT_TRUE(main.pastConsultations());
    EXPECT_TRUE(main.pastConsultations()->isVisible());
    PastConsultationsWindow *first = main.pastConsultations();
    action->trigger(); // the same window again, not a second one
    EXPECT_EQ(main.pastConsultations(), first);
}

TEST_F(ConsolePastConsultations, ScreenshotsOfTheSearchAndTheHistoryInKorean)
{
    ASSERT_TRUE(UiLanguage::install(QStringLiteral("ko")));
    endedConsultation();
    PastConsultationsWindow window(client);
    window.resize(1100, 420);
    window.show();
    window.fromEdit()->setDate(QDate::currentDate().addDays(-7));
    ASSERT_TRUE(searchFor(window, QStringLiteral("머리")));
    ASSERT_EQ(window.search()->model()->rowCount(), 1);
    EXPECT_EQ(window.windowTitle(), QStringLiteral("과거 상담 검색"));
    ConsultationHistoryWindow *history = window.openHistory(0);
    ASSERT_TRUE(history);
    ASSERT_TRUE(waitFor([&]() { return history->isLoaded(); }));
    history->resize(760, 520);

    QTemporaryDir temporary;
    const QByteArray wanted = qgetenv("MEDTRANSLATE_SCREENSHOT_DIR");
    const QString dir = wanted.isEmpty() ? temporary.path() : QString::fromLocal8Bit(wanted);
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    const QImage searchShot = window.grab().toImage();
    const QImage historyShot = history->grab().toImage();
    EXPECT_EQ(searchShot.size(), window.size());
    EXPECT_EQ(historyShot.size(), history->size());
    EXPECT_TRUE(searchShot.save(dir + QStringLiteral("/console-past-consultations.png")));
    EXPECT_TRUE(historyShot.save(dir + QStringLiteral("/console-consultation-history.png")));
    history->close();
    UiLanguage::install(QStringLiteral("en"));
}
