#include "RelayFixture.h"
#include "SampleFiles.h"

#include <QCryptographicHash>
#include <QImage>
#include <QUrlQuery>

namespace medtranslate::test {

namespace {

QImage decode(const QByteArray &bytes)
{
    return QImage::fromData(bytes);
}

} // namespace

class AttachmentTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.attachments.maxBytes = 256 * 1024;
        config.connections.maxUploadBytes = config.attachments.maxBytes + 64 * 1024;
        config.attachments.maxImagePixels = 4'000'000;
    }

    HttpResponse upload(const QByteArray &bytes, const QString &clientMsgId,
                        const QString &name = QStringLiteral("photo.png"),
                        const QString &token = {}, const QString &roomId = {})
    {
        return HttpClient::post(
            relay->uploadUrl(roomId.isEmpty() ? room.id : roomId, clientMsgId, name), bytes,
            token.isEmpty() ? room.token : token, 10000);
    }
    QUrl at(const std::string &path) { return relay->http(QString::fromStdString(path)); }
};

TEST_F(AttachmentTest, APhotoIsStoredCleanedAnnouncedToBothSidesAndServedToThemOnly)
{
    openAcceptedRoom();
    const QByteArray original = SampleFiles::png(40, 30, "GPS 37.5665 126.9780");
    ASSERT_TRUE(original.contains("GPS 37.5665"));
    const auto answer =
        upload(original, QStringLiteral("att-1"), QStringLiteral("../../etc/passwd"));
    ASSERT_EQ(answer.status, 201) << answer.body.toStdString();
    const Json message = answer.json()["message"];
    EXPECT_EQ(message["kind"], "attachment");
    EXPECT_EQ(message["sender"], "patient");
    // After the agent's joining notice, the room's next seq.
    EXPECT_EQ(message["seq"], 2);
    const Json a = message["attachment"];
    EXPECT_EQ(a["type"], "image/png");
    EXPECT_EQ(a["name"], "passwd.png"); // never a path, and the type's extension
    EXPECT_EQ(a["width"], 40);
    EXPECT_EQ(a["height"], 30);
    EXPECT_EQ(message["translation"]["status"], "vetted");
    EXPECT_EQ(message["translation"]["provider"], "attachment");

    // Both sides get the message frame, in seq order like any message.
    for (WsClient *side : {patient.get(), agent.get()}) {
        const auto frame = side->take(frameWith("message", "kind", "attachment"));
        ASSERT_TRUE(frame);
        EXPECT_EQ((*frame)["seq"], 2);
        EXPECT_EQ((*frame)["attachment"]["id"], a["id"]);
    }

    // The patient and the agent fetch it; the bytes are re-encoded, the secret text is gone.
    const auto mine = HttpClient::get(at(a["url"].get<std::string>()), room.token);
    ASSERT_EQ(mine.status, 200);
    EXPECT_EQ(mine.header("Content-Type"), "image/png");
    EXPECT_TRUE(mine.header("Content-Disposition").startsWith("attachment;"));
    EXPECT_EQ(mine.header("X-Content-Type-Options"), "nosniff");
    EXPECT_FALSE(mine.body.contains("GPS 37.5665"));
    EXPECT_EQ(QString::fromLatin1(
                  QCryptographicHash::hash(mine.body, QCryptographicHash::Sha256).toHex()),
              QString::fromStdString(a["sha256"].get<std::string>()));
    const QImage picture = decode(mine.body);
    ASSERT_FALSE(picture.isNull());
    EXPECT_EQ(picture.size(), QSize(40, 30));
    EXPECT_EQ(picture.pixel(10, 10), qRgb(60, 80, 128)); // the pixels survive
    const auto agents = HttpClient::get(at(a["url"].get<std::string>()), relay->login("kim"));
    EXPECT_EQ(agents.status, 200);
    EXPECT_EQ(agents.body, mine.body);
    const auto thumb = HttpClient::get(at(a["thumbnail_url"].get<std::string>()), room.token);
    ASSERT_EQ(thumb.status, 200);
    EXPECT_EQ(thumb.header("Content-Type"), "image/jpeg");
    EXPECT_FALSE(decode(thumb.body).isNull());

    // Nobody else: no token, another room's patient, an id of another room.
    EXPECT_EQ(HttpClient::get(at(a["url"].get<std::string>())).status, 401);
    const auto other = relay->createRoom(QStringLiteral("en"));
    EXPECT_EQ(HttpClient::get(at(a["url"].get<std::string>()), other.token).status, 403);
    const std::string foreign =
        "/api/rooms/" + other.id.toStdString() + "/attachments/" + a["id"].get<std::string>();
    EXPECT_EQ(HttpClient::get(at(foreign), other.token).status, 404);

    // The history carries it, for a reloaded widget or a console filling a gap.
    const auto history = HttpClient::get(
        relay->http(QStringLiteral("/api/rooms/%1/messages").arg(room.id)), room.token);
    ASSERT_EQ(history.status, 200);
    EXPECT_EQ(history.json()["messages"].back()["attachment"]["id"], a["id"]);
}

TEST_F(AttachmentTest, TheSameClientMsgIdStoresOneMessage)
{
    openAcceptedRoom();
    const QByteArray file = SampleFiles::png();
    const auto first = upload(file, QStringLiteral("again"));
    ASSERT_EQ(first.status, 201);
    const auto second = upload(file, QStringLiteral("again"));
    ASSERT_EQ(second.status, 200);
    EXPECT_EQ(second.json()["message"]["seq"], first.json()["message"]["seq"]);
    EXPECT_EQ(second.json()["message"]["attachment"]["id"],
              first.json()["message"]["attachment"]["id"]);
    const auto history = HttpClient::get(
        relay->http(QStringLiteral("/api/rooms/%1/messages").arg(room.id)), room.token);
    int attachments = 0;
    const Json stored = history.json();
    ASSERT_FALSE(stored["messages"].empty());
    for (const Json &m : stored["messages"])
        attachments += m.contains("attachment") ? 1 : 0;
    EXPECT_EQ(attachments, 1);
}

TEST_F(AttachmentTest, AJpegLosesItsExifButStaysUpright)
{
    openAcceptedRoom();
    // Orientation 6: the camera was turned, the stored picture must be rotated to 30×40.
    const QByteArray original = SampleFiles::jpegWithExif(40, 30, 6, "GPS 37.5665");
    ASSERT_TRUE(original.contains("Exif"));
    const auto answer = upload(original, QStringLiteral("jpeg-1"), QStringLiteral("IMG_0001.JPG"));
    ASSERT_EQ(answer.status, 201) << answer.body.toStdString();
    const Json a = answer.json()["message"]["attachment"];
    EXPECT_EQ(a["type"], "image/jpeg");
    EXPECT_EQ(a["name"], "IMG_0001.jpg");
    EXPECT_EQ(a["width"], 30);
    EXPECT_EQ(a["height"], 40);
    const auto stored = HttpClient::get(at(a["url"].get<std::string>()), room.token);
    ASSERT_EQ(stored.status, 200);
    EXPECT_FALSE(stored.body.contains("Exif"));
    EXPECT_FALSE(stored.body.contains("GPS 37.5665"));
    EXPECT_EQ(decode(stored.body).size(), QSize(30, 40));
}

TEST_F(AttachmentTest, AgentsSendInTheirOwnRoomsOnly)
{
    openAcceptedRoom();
    const auto sent = upload(SampleFiles::pdf(), QStringLiteral("pdf-1"),
                             QStringLiteral("준비 안내.pdf"), relay->login("kim"));
    ASSERT_EQ(sent.status, 201) << sent.body.toStdString();
    const Json message = sent.json()["message"];
    EXPECT_EQ(message["sender"], "agent");
    EXPECT_EQ(message["lang"], "ko");
    EXPECT_EQ(message["attachment"]["type"], "application/pdf");
    EXPECT_EQ(message["attachment"]["name"], "준비 안내.pdf");
    EXPECT_FALSE(message["attachment"].contains("thumbnail_url"));
    const auto received = patient->take(frameWith("message", "kind", "attachment"));
    ASSERT_TRUE(received);
    EXPECT_EQ((*received)["attachment"]["name"], "준비 안내.pdf");
    const auto download =
        HttpClient::get(at(message["attachment"]["url"].get<std::string>()), room.token);
    EXPECT_EQ(download.body, SampleFiles::pdf());

    // A waiting room is not the agent's to write into yet.
    const auto waiting = relay->createRoom(QStringLiteral("ja"));
    const auto refused =
        upload(SampleFiles::pdf(), QStringLiteral("pdf-2"), {}, relay->login("kim"), waiting.id);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.json()["error"]["code"], "forbidden");
}

TEST_F(AttachmentTest, BadFilesAreRefusedClearlyAndNothingIsStored)
{
    openAcceptedRoom();
    struct Case
    {
        const char *what;
        QByteArray bytes;
        int status;
        const char *code;
    };
    const QByteArray png = SampleFiles::png();
    const std::vector<Case> cases = {
        {"a program renamed to .jpg", QByteArray("MZ\x90\x00 not a picture", 20), 415,
         "bad_request"},
        {"text renamed to .jpg", QByteArray("hello, world\n"), 415, "bad_request"},
        {"an empty file", QByteArray(), 400, "bad_request"},
        {"a PNG cut short", png.left(png.size() / 2), 400, "bad_request"},
        {"a PDF cut short", SampleFiles::pdf().left(40), 400, "bad_request"},
        {"a decompression bomb", SampleFiles::pngClaiming(30000, 30000), 413, "too_large"},
        {"over the size limit", QByteArray("%PDF-1.4\n") + QByteArray(300 * 1024, 'x') + "%%EOF",
         413, "too_large"},
        {"a PNG that does not decode",
         QByteArray("\x89PNG\r\n\x1A\n", 8) + QByteArray(64, 'z') +
             QByteArray("IEND\xAE\x42\x60\x82", 8),
         400, "bad_request"},
    };
    int n = 0;
    for (const Case &c : cases) {
        const auto answer =
            upload(c.bytes, QStringLiteral("bad-%1").arg(++n), QStringLiteral("x.jpg"));
        EXPECT_EQ(answer.status, c.status) << c.what << ": " << answer.body.toStdString();
        EXPECT_EQ(answer.json()["error"]["code"], c.code) << c.what;
        EXPECT_FALSE(answer.json()["error"]["message"].get<std::string>().empty()) << c.what;
    }
    const auto noId = upload(png, {});
    EXPECT_EQ(noId.status, 400);
    const auto history = HttpClient::get(
        relay->http(QStringLiteral("/api/rooms/%1/messages").arg(room.id)), room.token);
    const Json stored = history.json();
    ASSERT_FALSE(stored["messages"].empty()); // the joining notice
    for (const Json &m : stored["messages"])
        EXPECT_FALSE(m.contains("attachment")) << m.dump();
}

TEST_F(AttachmentTest, WrongRoomsTokensAndEndedConsultationsAreRefused)
{
    openAcceptedRoom();
    const QByteArray png = SampleFiles::png();
    const auto other = relay->createRoom(QStringLiteral("th"));
    EXPECT_EQ(upload(png, QStringLiteral("w1"), {}, other.token).status, 403);
    EXPECT_EQ(upload(png, QStringLiteral("w2"), {}, QStringLiteral("not-a-token")).status, 401);
    const auto unknown = upload(png, QStringLiteral("w3"), {}, relay->login("kim"),
                                QStringLiteral("0123456789abcdef0123456789abcdef"));
    EXPECT_EQ(unknown.status, 404);

    patient->send({{"type", "end"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(patient->takeType("ended"));
    const auto ended = upload(png, QStringLiteral("w4"));
    EXPECT_EQ(ended.status, 409);
    EXPECT_EQ(ended.json()["error"]["code"], "room_ended");
}

TEST_F(AttachmentTest, AMultipartFormUploadWorksAsTheRawBodyDoes)
{
    openAcceptedRoom();
    const QByteArray boundary = "----medtranslate-test";
    const QByteArray body = "--" + boundary +
                            "\r\nContent-Disposition: form-data; name=\"client_msg_id\"\r\n\r\n"
                            "form-1\r\n--" +
                            boundary +
                            "\r\nContent-Disposition: form-data; name=\"file\"; "
                            "filename=\"C:\\\\Users\\\\me\\\\rash.png\"\r\nContent-Type: "
                            "image/png\r\n\r\n" +
                            SampleFiles::png() + "\r\n--" + boundary + "--\r\n";
    const auto answer = HttpClient::post(
        relay->http(QStringLiteral("/api/rooms/%1/attachments").arg(room.id)), body, room.token,
        10000, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
    ASSERT_EQ(answer.status, 201) << answer.body.toStdString();
    EXPECT_EQ(answer.json()["message"]["client_msg_id"], "form-1");
    EXPECT_EQ(answer.json()["message"]["attachment"]["name"], "rash.png");

    // The same body without its closing boundary: a truncated upload.
    const QByteArray cut = body.left(body.size() - 40);
    const auto truncated = HttpClient::post(
        relay->http(QStringLiteral("/api/rooms/%1/attachments").arg(room.id)), cut, room.token,
        10000, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
    EXPECT_EQ(truncated.status, 400);
}

TEST_F(AttachmentTest, AHeicKeepsItsPixelsAndLosesItsExif)
{
    openAcceptedRoom();
    const QByteArray exif = QByteArray("\0\0\0\6Exif\0\0MM GPS 37.5665", 25);
    const QByteArray pixels(512, 'P');
    const QByteArray heic = SampleFiles::heic(exif, pixels);
    const auto answer = upload(heic, QStringLiteral("heic-1"), QStringLiteral("IMG_1234.HEIC"));
    ASSERT_EQ(answer.status, 201) << answer.body.toStdString();
    const Json a = answer.json()["message"]["attachment"];
    EXPECT_EQ(a["type"], "image/heic");
    EXPECT_EQ(a["name"], "IMG_1234.heic");
    const auto stored = HttpClient::get(at(a["url"].get<std::string>()), room.token);
    ASSERT_EQ(stored.status, 200);
    EXPECT_EQ(stored.body.size(), heic.size());
    EXPECT_FALSE(stored.body.contains("GPS 37.5665"));
    EXPECT_TRUE(stored.body.contains(pixels));
}

TEST_F(AttachmentTest, AnUploadOverTheGuardsLimitIsRefusedFromItsHeaders)
{
    const auto room = relay->createRoom(QStringLiteral("en"));
    const auto answer = HttpClient::post(relay->uploadUrl(room.id, QStringLiteral("big")),
                                         QByteArray(400 * 1024, 'x'), room.token, 10000);
    EXPECT_EQ(answer.status, 413);
    EXPECT_EQ(answer.json()["error"]["code"], "too_large");
}

} // namespace medtranslate::test
