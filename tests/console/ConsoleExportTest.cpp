#include "ConsoleConversation.h"
#include "ui/TranscriptExport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace medtranslate::console;
using medtranslate::test::TestRelay;
using medtranslate::test::waitFor;
using Json = nlohmann::json;

namespace {

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! The text of a PDF as poppler reads it, or an empty string.
QString pdfText(const QString &path)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"),
                    {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(20000) || pdftotext.exitCode() != 0)
        return {};
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

} // namespace

//! A counselor with the Vietnamese patient's consultation open in a chat page whose save
//! question answers with `chosenPath`.
class ConsoleExport : public medtranslate::test::ConsoleConversation
{
protected:
    QTemporaryDir dir;
    QString chosenPath;
    int asked = 0;

    ChatSession *openConsultation()
    {
        patientJoins();
        EXPECT_TRUE(patientSays("p-1", "Tôi bị đau đầu"));
        logIn();
        ChatSession *session = acceptPatient();
        if (session) {
            EXPECT_TRUE(waitFor([&]() { return session->messages()->rowCount() == 2; }));
        }
        return session;
    }

    void answerWithChosenPath(ChatPage &page)
    {
        page.transcriptExport()->setPathChooser(
            [this](const QString &suggested, std::function<void(const QString &)> chosen) {
                ++asked;
                EXPECT_TRUE(suggested.endsWith(QStringLiteral(".pdf"))) << suggested.toStdString();
                chosen(chosenPath);
            });
    }

    //! Clicks Export, checks the busy state, and returns the error, or nothing on success.
    std::optional<QString> exportVia(ChatPage &page, const QString &path)
    {
        chosenPath = path;
        QSignalSpy finished(page.transcriptExport(), &TranscriptExport::finished);
        QSignalSpy failed(page.transcriptExport(), &TranscriptExport::failed);
        page.exportButton()->click();
        EXPECT_TRUE(page.transcriptExport()->isBusy() || !failed.isEmpty());
        EXPECT_FALSE(page.exportButton()->isEnabled() && page.transcriptExport()->isBusy());
        EXPECT_TRUE(waitFor([&]() { return !finished.isEmpty() || !failed.isEmpty(); }, 30000));
        EXPECT_FALSE(page.transcriptExport()->isBusy());
        EXPECT_TRUE(page.exportButton()->isEnabled());
        if (!failed.isEmpty())
            return failed.first().at(0).toString();
        if (finished.isEmpty())
            return QStringLiteral("no answer");
        EXPECT_EQ(finished.first().at(0).toString(), path);
        return std::nullopt;
    }

    //! The warning the page showed, closed after reading.
    static QString shownWarning(ChatPage &page)
    {
        QString text;
        for (QMessageBox *box : page.findChildren<QMessageBox *>()) {
            text += box->text();
            box->close();
        }
        return text;
    }
};

TEST_F(ConsoleExport, SavesTheOpenConsultationAsJsonHtmlAndPdf)
{
    ChatSession *session = openConsultation();
    ASSERT_NE(session, nullptr);
    ChatPage page(session);
    answerWithChosenPath(page);
    EXPECT_TRUE(page.exportButton()->isEnabled());

    const QString jsonPath = dir.filePath(QStringLiteral("record.json"));
    ASSERT_EQ(exportVia(page, jsonPath), std::nullopt);
    const Json doc = Json::parse(contentsOf(jsonPath).toStdString(), nullptr, false);
    ASSERT_TRUE(doc.is_object()) << contentsOf(jsonPath).toStdString();
    EXPECT_EQ(doc["format"], "medtranslate-transcript");
    ASSERT_EQ(doc["consultations"].size(), 1u);
    const Json &consultation = doc["consultations"][0];
    EXPECT_EQ(consultation["room"]["room_id"], room.id.toStdString());
    EXPECT_EQ(consultation["room"]["patient_language"], "vi");
    const auto said = std::find_if(
        consultation["messages"].begin(), consultation["messages"].end(),
        [](const Json &m) { return m.value("client_msg_id", std::string()) == "p-1"; });
    ASSERT_NE(said, consultation["messages"].end()) << consultation.dump();
    EXPECT_EQ((*said)["text"], "Tôi bị đau đầu");
    EXPECT_EQ((*said)["translation"]["text"], "머리가 아파요");

    const QString htmlPath = dir.filePath(QStringLiteral("record.html"));
    ASSERT_EQ(exportVia(page, htmlPath), std::nullopt);
    const QString html = QString::fromUtf8(contentsOf(htmlPath));
    EXPECT_TRUE(html.contains(QStringLiteral("<html"), Qt::CaseInsensitive));
    EXPECT_TRUE(html.contains(QStringLiteral("Tôi bị đau đầu")));
    EXPECT_TRUE(html.contains(QStringLiteral("머리가 아파요")));
    EXPECT_TRUE(html.contains(room.id));

    const QString pdfPath = dir.filePath(QStringLiteral("record.pdf"));
    ASSERT_EQ(exportVia(page, pdfPath), std::nullopt);
    EXPECT_TRUE(contentsOf(pdfPath).startsWith("%PDF-"));
    const QString text = pdfText(pdfPath);
    EXPECT_TRUE(text.contains(QStringLiteral("머리가 아파요"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("đau đầu"))) << text.toStdString();
    EXPECT_EQ(asked, 3);
    // Only the three records: no temporary file is left beside them.
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 3);
}

TEST_F(ConsoleExport, AnUnwritablePathShowsAnErrorAndWritesNothing)
{
    ChatSession *session = openConsultation();
    ASSERT_NE(session, nullptr);
    ChatPage page(session);
    answerWithChosenPath(page);
    QSignalSpy notices(&page, &ChatPage::notice);

    // A file where the folder should be: not writable even for root.
    const QString notAFolder = dir.filePath(QStringLiteral("plain-file"));
    {
        QFile f(notAFolder);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("x");
    }
    for (const QString &name : {QStringLiteral("record.pdf"), QStringLiteral("record.json")}) {
        const QString path = notAFolder + QLatin1Char('/') + name;
        const auto error = exportVia(page, path);
        ASSERT_TRUE(error.has_value()) << name.toStdString();
        EXPECT_TRUE(error->contains(path)) << error->toStdString();
        EXPECT_FALSE(QFileInfo::exists(path));
        EXPECT_TRUE(shownWarning(page).contains(*error));
        EXPECT_TRUE(notices.last().at(0).toString().contains(*error));
    }
    EXPECT_EQ(contentsOf(notAFolder), "x");
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("plain-file")});

    // A name the console cannot tell the format of is refused before asking the relay.
    const auto unknown = exportVia(page, dir.filePath(QStringLiteral("record.docx")));
    ASSERT_TRUE(unknown.has_value());
    EXPECT_TRUE(unknown->contains(QStringLiteral(".pdf"))) << unknown->toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("record.docx"))));
    shownWarning(page);
}

TEST_F(ConsoleExport, AnotherCounselorIsRefusedAndAnUnreachableRelayKeepsTheOldFile)
{
    ChatSession *session = openConsultation();
    ASSERT_NE(session, nullptr);

    // Lee does not hold the room: the relay answers 403 and nothing is written.
    relay.addAgent(QStringLiteral("lee"), QStringLiteral("이상담"));
    RelayClient lee;
    QSignalSpy loggedIn(&lee, &RelayClient::loginSucceeded);
    lee.login(relay.http(), QStringLiteral("lee"), TestRelay::password());
    ASSERT_TRUE(loggedIn.wait(5000));
    ChatSession leesSession(lee, session->room());
    ChatPage leesPage(&leesSession);
    answerWithChosenPath(leesPage);
    const QString refusedPath = dir.filePath(QStringLiteral("lee.json"));
    const auto refused = exportVia(leesPage, refusedPath);
    ASSERT_TRUE(refused.has_value());
    EXPECT_TRUE(refused->contains(QStringLiteral("not your room"))) << refused->toStdString();
    EXPECT_TRUE(shownWarning(leesPage).contains(*refused));
    EXPECT_FALSE(QFileInfo::exists(refusedPath));

    // The relay goes away: an earlier record under the chosen name stays as it was.
    ChatPage page(session);
    answerWithChosenPath(page);
    const QString oldPath = dir.filePath(QStringLiteral("old.html"));
    {
        QFile f(oldPath);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("the earlier record");
    }
    relay.stop();
    const auto unreachable = exportVia(page, oldPath);
    ASSERT_TRUE(unreachable.has_value());
    EXPECT_TRUE(unreachable->contains(QStringLiteral("relay"))) << unreachable->toStdString();
    EXPECT_TRUE(shownWarning(page).contains(*unreachable));
    EXPECT_EQ(contentsOf(oldPath), "the earlier record");
}
