#include "transcript/TranscriptJson.h"

#include "transcript/TranscriptRenderer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace medtranslate;
using medtranslate::relay::Transcript;
using medtranslate::relay::TranscriptJson;
using medtranslate::relay::TranscriptRenderer;

namespace {

Transcript consultation()
{
    Transcript t;
    t.room.roomId = "r-7f3a";
    t.room.status = protocol::RoomStatus::Ended;
    t.room.patientLanguage = "vi";
    t.room.agent = protocol::AgentRef{"a-1", "김상담"};
    t.room.createdAt = "2026-12-03T09:00:00Z";
    t.room.lastSeq = 3;
    t.endedAt = "2026-12-03T09:30:00Z";

    protocol::Message patient;
    patient.roomId = t.room.roomId;
    patient.seq = 1;
    patient.msgId = "m-1";
    patient.sender = protocol::Sender::Patient;
    patient.text = "Tôi uống 500 mg mỗi ngày";
    patient.lang = "vi";
    patient.createdAt = "2026-12-03T09:01:00Z";
    patient.translation.text = "매일 50 mg 먹어요";
    patient.translation.lang = "ko";
    patient.translation.status = protocol::TranslationStatus::Ok;
    patient.translation.provider = "deepl";
    patient.translation.addWarning(protocol::TranslationWarning::make(
        protocol::TranslationWarning::Kind::NumberMismatch, "500", "50"));

    protocol::Message agent;
    agent.roomId = t.room.roomId;
    agent.seq = 2;
    agent.msgId = "m-2";
    agent.sender = protocol::Sender::Agent;
    agent.senderName = "김상담";
    agent.text = "혈압약을 드세요";
    agent.lang = "ko";
    agent.templateId = "t-bp";
    agent.createdAt = "2026-12-03T09:02:00Z";
    agent.translation.text = "Hãy uống thuốc huyết áp";
    agent.translation.lang = "vi";
    agent.translation.status = protocol::TranslationStatus::Vetted;

    protocol::Message file;
    file.roomId = t.room.roomId;
    file.seq = 3;
    file.msgId = "m-3";
    file.sender = protocol::Sender::Patient;
    file.createdAt = "2026-12-03T09:03:00Z";
    file.translation.status = protocol::TranslationStatus::Unavailable;
    file.attachment =
        protocol::Attachment{"f-1", "처방전.png", "image/png", 2048, "ab12", "", 64, 48, ""};

    t.messages = {patient, agent, file};
    return t;
}

const QDateTime kExportedAt = QDateTime::fromString("2026-12-04T01:00:00Z", Qt::ISODate);

TEST(TranscriptJsonTest, ReadsBackWhatItWrote)
{
    const std::vector<Transcript> written = {consultation()};
    const QByteArray json = TranscriptJson::write(written, kExportedAt);

    QString error;
    const auto document = TranscriptJson::read(json, &error);
    ASSERT_TRUE(document) << error.toStdString();
    EXPECT_EQ(document->exportedAt, kExportedAt);
    ASSERT_EQ(document->transcripts.size(), 1u);
    const Transcript &read = document->transcripts.front();
    EXPECT_EQ(read.room, written.front().room);
    EXPECT_EQ(read.endedAt, written.front().endedAt);
    EXPECT_EQ(read.messages, written.front().messages);
    // Written again, the document is the same bytes: nothing was lost or added on the way.
    EXPECT_EQ(TranscriptJson::write(document->transcripts, document->exportedAt), json);
}

TEST(TranscriptJsonTest, WritesTheDocumentTheExportPromises)
{
    const auto j = nlohmann::json::parse(TranscriptJson::write({consultation()}, kExportedAt));
    EXPECT_EQ(j.at("format"), "medtranslate-transcript");
    EXPECT_EQ(j.at("version"), 1);
    EXPECT_EQ(j.at("exported_at"), "2026-12-04T01:00:00Z");
    const auto &c = j.at("consultations").at(0);
    EXPECT_EQ(c.at("room").at("room_id"), "r-7f3a");
    EXPECT_EQ(c.at("room").at("ended_at"), "2026-12-03T09:30:00Z");
    EXPECT_EQ(c.at("messages").size(), 3u);
    EXPECT_EQ(c.at("messages").at(0).at("translation").at("provider"), "deepl");
    ASSERT_EQ(c.at("attachments").size(), 1u);
    EXPECT_EQ(c.at("attachments").at(0).at("name"), "처방전.png");
}

TEST(TranscriptJsonTest, RefusesWhatIsNotATranscript)
{
    const QByteArray good = TranscriptJson::write({consultation()}, kExportedAt);
    auto withField = [&good](const char *key, const nlohmann::json &value) {
        auto j = nlohmann::json::parse(good);
        j[key] = value;
        return QByteArray::fromStdString(j.dump());
    };
    auto brokenMessage = nlohmann::json::parse(good);
    brokenMessage["consultations"][0]["messages"][0]["sender"] = "doctor";
    auto noRoom = nlohmann::json::parse(good);
    noRoom["consultations"][0].erase("room");

    const std::vector<std::pair<QByteArray, QString>> cases = {
        {"", "not a JSON object"},
        {"[1, 2]", "not a JSON object"},
        {"{\"format\": \"something-else\", \"version\": 1}", "not a MedTranslate transcript"},
        {withField("version", 2), "unsupported transcript version"},
        {withField("version", "1"), "unsupported transcript version"},
        {withField("exported_at", "yesterday"), "exported_at is not an ISO 8601 time"},
        {withField("consultations", nlohmann::json::object()), "consultations is not a list"},
        {QByteArray::fromStdString(brokenMessage.dump()), "malformed consultation"},
        {QByteArray::fromStdString(noRoom.dump()), "malformed consultation"},
    };
    for (const auto &[input, why] : cases) {
        QString error;
        EXPECT_FALSE(TranscriptJson::read(input, &error)) << input.toStdString();
        EXPECT_TRUE(error.startsWith(why)) << input.toStdString() << " -> " << error.toStdString();
    }
}

TEST(TranscriptJsonTest, RendersTheReadBackDocumentWithBothSides)
{
    QString error;
    const auto document =
        TranscriptJson::read(TranscriptJson::write({consultation()}, kExportedAt), &error);
    ASSERT_TRUE(document) << error.toStdString();
    const QString html = TranscriptRenderer::html(document->transcripts, document->exportedAt);
    EXPECT_TRUE(html.contains(QStringLiteral("Tôi uống 500 mg mỗi ngày")));
    EXPECT_TRUE(html.contains(QStringLiteral("매일 50 mg 먹어요")));
    EXPECT_TRUE(html.contains(QStringLiteral("number 500 became 50")));
    EXPECT_TRUE(html.contains(QStringLiteral("vetted")));
    EXPECT_TRUE(html.contains(QStringLiteral("처방전.png")));
    EXPECT_TRUE(html.contains(QStringLiteral("2026-12-03T09:30:00Z"))); // ended
    EXPECT_TRUE(html.contains(QStringLiteral("2026-12-04 01:00:00")));  // exported
}

} // namespace
