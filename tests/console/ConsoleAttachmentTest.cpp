#include "ConsoleConversation.h"
#include "HttpClient.h"
#include "SampleFiles.h"
#include "client/AttachmentTransfer.h"
#include "client/OutgoingFile.h"
#include "ui/AttachmentActions.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace medtranslate::console;
using medtranslate::test::ConsoleConversation;
using medtranslate::test::HttpClient;
using medtranslate::test::SampleFiles;
using medtranslate::test::waitFor;
using Json = nlohmann::json;

namespace {

class ConsoleAttachments : public ConsoleConversation
{
protected:
    ChatSession *session = nullptr;

    //! A patient who has written once, accepted by the counselor.
    void openChat()
    {
        patientJoins();
        logIn();
        session = acceptPatient();
        ASSERT_NE(session, nullptr);
        ASSERT_TRUE(patientSays("p-1", "Tôi bị đau đầu"));
        ASSERT_TRUE(waitFor([this]() { return session->messages()->rowCount() == 2; }));
    }

    [[nodiscard]] const MessageListModel &model() const { return *session->messages(); }

    [[nodiscard]] QVariant at(const QString &clientMsgId, int role) const
    {
        return model().index(model().rowOfClientMsgId(clientMsgId)).data(role);
    }

    bool storedAs(const QString &clientMsgId)
    {
        return waitFor([&]() {
            const int row = model().rowOfClientMsgId(clientMsgId);
            return row >= 0 && model().deliveryAt(row) == MessageListModel::Delivery::Stored &&
                   model().messageAt(row).seq > 0;
        });
    }

    //! The patient uploads from the widget: raw body with the room's token.
    Json patientUploads(const QByteArray &bytes, const QString &clientMsgId, const QString &name)
    {
        const QUrl url = relay.uploadUrl(room.id, clientMsgId, name);
        const auto answer = HttpClient::post(url, bytes, room.token, 10000);
        EXPECT_EQ(answer.status, 201) << answer.body.toStdString();
        return answer.status == 201 ? answer.json()["message"] : Json();
    }

    //! The row of the patient's message with this client_msg_id, once the console has it.
    int patientRow(const std::string &clientMsgId)
    {
        int found = -1;
        waitFor([&]() {
            for (int row = 0; row < model().rowCount(); ++row) {
                if (model().messageAt(row).clientMsgId == clientMsgId)
                    found = row;
            }
            return found >= 0;
        });
        return found;
    }
};

} // namespace

TEST_F(ConsoleAttachments, APhotoShowsAtOnceUploadsWithProgressAndReachesThePatient)
{
    openChat();
    const OutgoingFile file = OutgoingFile::check(
        SampleFiles::png(640, 480), QStringLiteral("map.png"), client.maxAttachmentBytes());
    ASSERT_TRUE(file.ok()) << file.problem.toStdString();
    EXPECT_EQ(file.mimeType, QStringLiteral("image/png"));
    EXPECT_EQ(file.preview.width(), OutgoingFile::kPreviewSide) << "scaled down to a preview";

    QSignalSpy progress(&client.attachments(), &AttachmentTransfer::uploadProgress);
    const QString id = QStringLiteral("a-photo");
    session->sendAttachment(id, file);

    // Shown before the relay answers, with the local preview and a progress of its own.
    ASSERT_GE(model().rowOfClientMsgId(id), 0);
    EXPECT_EQ(model().deliveryAt(model().rowOfClientMsgId(id)),
              MessageListModel::Delivery::Sending);
    EXPECT_TRUE(at(id, MessageListModel::IsAttachmentRole).toBool());
    EXPECT_FALSE(at(id, MessageListModel::ThumbnailRole).value<QImage>().isNull());
    EXPECT_GE(at(id, MessageListModel::UploadProgressRole).toDouble(), 0.0);
    EXPECT_EQ(session->pendingUploads(), 1);

    ASSERT_TRUE(storedAs(id));
    EXPECT_EQ(model().messageAt(model().rowOfClientMsgId(id)).seq, 3);
    EXPECT_EQ(at(id, MessageListModel::AttachmentNameRole).toString(), QStringLiteral("map.png"));
    EXPECT_EQ(at(id, MessageListModel::AttachmentTypeRole).toString(), QStringLiteral("image/png"));
    EXPECT_FALSE(at(id, MessageListModel::AttachmentUrlRole).toString().isEmpty());
    EXPECT_FALSE(at(id, MessageListModel::ThumbnailRole).value<QImage>().isNull())
        << "the preview stays until the relay's thumbnail replaces it";
    EXPECT_EQ(at(id, MessageListModel::UploadProgressRole).toDouble(), -1.0);
    EXPECT_EQ(session->pendingUploads(), 0);
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last().at(1).toLongLong(), progress.last().at(2).toLongLong())
        << "the last progress is the whole file";

    const auto delivered = patient.take(
        [](const Json &f) { return f["type"] == "message" && f["client_msg_id"] == "a-photo"; });
    ASSERT_TRUE(delivered);
    EXPECT_EQ((*delivered)["kind"], "attachment");
    EXPECT_EQ((*delivered)["attachment"]["name"], "map.png");
    EXPECT_EQ((*delivered)["attachment"]["width"], 640);
    EXPECT_EQ(stored(id).second, 1);
}

TEST_F(ConsoleAttachments, APatientsPhotoShowsItsThumbnailAndOpensAndSavesAsServed)
{
    openChat();
    const Json sent = patientUploads(SampleFiles::jpegWithExif(800, 600, 1),
                                     QStringLiteral("w-photo"), QStringLiteral("IMG_0001.JPG"));
    ASSERT_FALSE(sent.is_null());
    const int row = patientRow("w-photo");
    ASSERT_GE(row, 0);
    const QModelIndex index = model().index(row);
    EXPECT_TRUE(index.data(MessageListModel::IsAttachmentRole).toBool());
    EXPECT_EQ(index.data(MessageListModel::AttachmentTypeRole).toString(),
              QStringLiteral("image/jpeg"));
    ASSERT_TRUE(waitFor([&]() {
        return !model().index(row).data(MessageListModel::ThumbnailRole).value<QImage>().isNull();
    })) << "the console fetches the thumbnail with the agent's token";
    const QImage thumbnail =
        model().index(row).data(MessageListModel::ThumbnailRole).value<QImage>();
    EXPECT_LE(std::max(thumbnail.width(), thumbnail.height()), 320);
    EXPECT_GT(thumbnail.width(), thumbnail.height()) << "the photo's shape";

    const QString url = index.data(MessageListModel::AttachmentUrlRole).toString();
    const auto served = HttpClient::get(client.attachments().resolve(url), room.token);
    ASSERT_EQ(served.status, 200);

    AttachmentActions actions(client.attachments(), nullptr);
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("rash.jpg"));
    QSignalSpy saved(&actions, &AttachmentActions::saved);
    actions.saveTo(url, target);
    ASSERT_TRUE(saved.wait(5000));
    QFile file(target);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), served.body) << "saved byte for byte as the relay serves it";

    QUrl openedWith;
    actions.setOpener([&openedWith](const QUrl &u) {
        openedWith = u;
        return true;
    });
    QSignalSpy opened(&actions, &AttachmentActions::opened);
    actions.open(url, index.data(MessageListModel::AttachmentNameRole).toString());
    ASSERT_TRUE(opened.wait(5000));
    ASSERT_TRUE(openedWith.isLocalFile());
    EXPECT_EQ(QFileInfo(openedWith.toLocalFile()).fileName(), QStringLiteral("IMG_0001.jpg"));
    QFile openedFile(openedWith.toLocalFile());
    ASSERT_TRUE(openedFile.open(QIODevice::ReadOnly));
    EXPECT_EQ(openedFile.readAll(), served.body);
}

TEST_F(ConsoleAttachments, ADocumentShowsAsACardAndItsNameIsNeverAPath)
{
    openChat();
    ASSERT_FALSE(patientUploads(SampleFiles::pdf(), QStringLiteral("w-pdf"),
                                QStringLiteral("../../etc/passwd"))
                     .is_null());
    const int row = patientRow("w-pdf");
    ASSERT_GE(row, 0);
    const QModelIndex index = model().index(row);
    EXPECT_EQ(index.data(MessageListModel::AttachmentNameRole).toString(),
              QStringLiteral("passwd.pdf"));
    EXPECT_EQ(index.data(MessageListModel::AttachmentTypeRole).toString(),
              QStringLiteral("application/pdf"));
    EXPECT_TRUE(index.data(MessageListModel::ThumbnailUrlRole).toString().isEmpty());
    EXPECT_GT(index.data(MessageListModel::AttachmentSizeRole).toLongLong(), 0);

    AttachmentActions actions(client.attachments(), nullptr);
    QUrl openedWith;
    actions.setOpener([&openedWith](const QUrl &u) {
        openedWith = u;
        return true;
    });
    QSignalSpy opened(&actions, &AttachmentActions::opened);
    // Even a name that would climb out of the folder, were the relay's name not clean.
    actions.open(index.data(MessageListModel::AttachmentUrlRole).toString(),
                 QStringLiteral("../../.bashrc"));
    ASSERT_TRUE(opened.wait(5000));
    const QFileInfo info(openedWith.toLocalFile());
    EXPECT_EQ(info.fileName(), QStringLiteral("bashrc"));
    EXPECT_TRUE(info.absoluteFilePath().startsWith(QDir::tempPath()));

    // An attachment that is not there: said, and nothing is written.
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("missing.pdf"));
    QSignalSpy failed(&actions, &AttachmentActions::failed);
    actions.saveTo(QStringLiteral("/api/rooms/%1/attachments/no-such-file").arg(room.id), target);
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_FALSE(QFileInfo::exists(target));
}

TEST_F(ConsoleAttachments, WhatTheRelayWouldRefuseIsNamedAndNothingIsUploaded)
{
    openChat();
    const qint64 max = client.maxAttachmentBytes();
    EXPECT_EQ(max, relay.config().attachments.maxBytes) << "the limit comes from the welcome";

    QTemporaryDir dir;
    auto write = [&dir](const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return f.fileName();
    };
    QByteArray big = SampleFiles::png(40, 30);
    big.append(QByteArray(int(max), 'x'));
    const QStringList paths{
        write(QStringLiteral("notes.jpg"), "Dear doctor, this is text renamed to .jpg"),
        write(QStringLiteral("huge.png"), big),
        write(QStringLiteral("empty.pdf"), {}),
        dir.filePath(QStringLiteral("gone.png")),
    };
    ChatPage page(session);
    QSignalSpy notices(&page, &ChatPage::notice);
    const int rows = model().rowCount();
    page.sendFiles(paths);
    ASSERT_TRUE(notices.wait(5000));
    EXPECT_EQ(model().rowCount(), rows) << "nothing to show: nothing was sent";
    EXPECT_EQ(session->pendingUploads(), 0);
    const auto boxes = page.findChildren<QMessageBox *>();
    ASSERT_EQ(boxes.size(), 1);
    const QString said = boxes.first()->text();
    for (const QString &name : {QStringLiteral("notes.jpg"), QStringLiteral("huge.png"),
                                QStringLiteral("empty.pdf"), QStringLiteral("gone.png")})
        EXPECT_TRUE(said.contains(name)) << said.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("10 MB"))) << said.toStdString();
    boxes.first()->close();

    for (const auto &f : patient.drain(300))
        EXPECT_FALSE(f["type"] == "message" && f["seq"] > 2) << f.dump();
    EXPECT_EQ(stored(QStringLiteral("none")).first, (std::vector<qint64>{1, 2}));
}

TEST_F(ConsoleAttachments, AFileDroppedOnTheChatIsSentOnceTheCounselorConfirms)
{
    openChat();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("preparation.pdf"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(SampleFiles::pdf());
    }
    ChatPage page(session);
    page.resize(700, 500);
    page.show();
    QMimeData dropped;
    dropped.setUrls({QUrl::fromLocalFile(path)});
    ASSERT_TRUE(page.composer()->offerMimeData(&dropped));
    QMessageBox *box = nullptr;
    ASSERT_TRUE(waitFor([&]() {
        const auto boxes = page.findChildren<QMessageBox *>();
        box = boxes.isEmpty() ? nullptr : boxes.first();
        return box && box->isVisible();
    }));
    EXPECT_TRUE(box->text().contains(QStringLiteral("preparation.pdf")));
    const int rows = model().rowCount();
    EXPECT_EQ(rows, 2) << "nothing goes before the counselor says so";
    QAbstractButton *send = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            send = b;
    }
    ASSERT_NE(send, nullptr);
    send->click();

    ASSERT_TRUE(waitFor([&]() { return model().rowCount() == 3; }));
    const QString id = model().index(2).data(MessageListModel::ClientMsgIdRole).toString();
    ASSERT_TRUE(storedAs(id));
    EXPECT_EQ(at(id, MessageListModel::AttachmentTypeRole).toString(),
              QStringLiteral("application/pdf"));
    EXPECT_EQ(at(id, MessageListModel::AttachmentNameRole).toString(),
              QStringLiteral("preparation.pdf"));

    // Plain text is typed, not sent as a file.
    QMimeData text;
    text.setText(QStringLiteral("오전 9시"));
    EXPECT_FALSE(page.composer()->offerMimeData(&text));
}

TEST_F(ConsoleAttachments, AnUploadTheDatabaseRefusedGoesAgainOnceFromTheChat)
{
    openChat();
    const OutgoingFile file = OutgoingFile::check(
        SampleFiles::png(120, 80), QStringLiteral("receipt.png"), client.maxAttachmentBytes());
    ASSERT_TRUE(file.ok());
    refuseWrites(true);
    const QString id = QStringLiteral("a-refused");
    session->sendAttachment(id, file);
    ASSERT_TRUE(waitFor([&]() {
        const int row = model().rowOfClientMsgId(id);
        return row >= 0 && model().deliveryAt(row) == MessageListModel::Delivery::Failed;
    }));
    EXPECT_EQ(model().retryAt(model().rowOfClientMsgId(id)), MessageListModel::Retry::Offered);
    EXPECT_FALSE(at(id, MessageListModel::ErrorRole).toString().isEmpty());
    EXPECT_EQ(session->pendingUploads(), 1) << "the bytes stay for the retry";
    EXPECT_EQ(stored(id).second, 0);

    refuseWrites(false);
    ASSERT_TRUE(session->retrySend(id));
    ASSERT_TRUE(storedAs(id));
    EXPECT_EQ(model().messageAt(model().rowOfClientMsgId(id)).seq, 3) << "no gap";
    EXPECT_EQ(stored(id).second, 1);
    EXPECT_EQ(session->pendingUploads(), 0);
    int copies = 0;
    for (const auto &f : patient.drain(500)) {
        if (f["type"] == "message" && f["client_msg_id"] == "a-refused")
            ++copies;
    }
    EXPECT_EQ(copies, 1);
}

TEST_F(ConsoleAttachments, AnEndedChatTakesNoUploadAndTheTokenGoesNowhereElse)
{
    openChat();
    patient.send({{"type", "end"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(waitFor([this]() { return !session->isActive(); }));
    const OutgoingFile file = OutgoingFile::check(SampleFiles::png(), QStringLiteral("late.png"),
                                                  client.maxAttachmentBytes());
    session->sendAttachment(QStringLiteral("a-late"), file);
    EXPECT_LT(model().rowOfClientMsgId(QStringLiteral("a-late")), 0);
    EXPECT_EQ(session->pendingUploads(), 0);

    AttachmentTransfer &transfer = client.attachments();
    EXPECT_TRUE(transfer.resolve(QStringLiteral("https://evil.example/api/rooms/x/attachments/y"))
                    .isEmpty());
    EXPECT_TRUE(transfer.resolve(QStringLiteral("//evil.example/a")).isEmpty());
    const QUrl relative = transfer.resolve(QStringLiteral("/api/rooms/r/attachments/a"));
    EXPECT_EQ(relative.host(), relay.http().host());
    EXPECT_EQ(relative.port(), relay.http().port());
    QSignalSpy failed(&transfer, &AttachmentTransfer::downloadFailed);
    transfer.download(QStringLiteral("https://evil.example/x"));
    ASSERT_TRUE(failed.wait(2000));
}
