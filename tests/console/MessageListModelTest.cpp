#include "client/MessageListModel.h"

#include <QImage>
#include <QSignalSpy>
#include <gtest/gtest.h>

using medtranslate::console::MessageListModel;
namespace protocol = medtranslate::protocol;

namespace {

protocol::Message
patientMessage(qint64 seq, const std::string &text, const std::string &korean,
               protocol::TranslationStatus status = protocol::TranslationStatus::Ok)
{
    protocol::Message m;
    m.roomId = "room-1";
    m.seq = seq;
    m.msgId = "msg-" + std::to_string(seq);
    m.clientMsgId = "patient-" + std::to_string(seq);
    m.sender = protocol::Sender::Patient;
    m.text = text;
    m.lang = "vi";
    m.translation.text = korean;
    m.translation.lang = "ko";
    m.translation.status = status;
    m.createdAt = "2026-11-26T06:00:00Z";
    return m;
}

protocol::Message agentMessage(qint64 seq, const std::string &clientMsgId, const std::string &text)
{
    protocol::Message m;
    m.roomId = "room-1";
    m.seq = seq;
    m.clientMsgId = clientMsgId;
    m.sender = protocol::Sender::Agent;
    m.senderName = "김상담";
    m.text = text;
    m.lang = "ko";
    m.translation.lang = "vi";
    m.translation.status = protocol::TranslationStatus::Pending;
    return m;
}

std::vector<qint64> seqs(const MessageListModel &model)
{
    std::vector<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.push_back(model.index(row).data(MessageListModel::SeqRole).toLongLong());
    return out;
}

} // namespace

TEST(MessageListModel, KeepsSeqOrderWhateverTheArrivalOrder)
{
    MessageListModel model;
    EXPECT_TRUE(model.addMessage(patientMessage(3, "c", "다")));
    EXPECT_TRUE(model.addMessage(patientMessage(1, "a", "가")));
    EXPECT_TRUE(model.addMessage(patientMessage(5, "e", "마")));
    EXPECT_TRUE(model.addMessage(patientMessage(2, "b", "나")));
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2, 3, 5}));
    EXPECT_EQ(model.lastSeq(), 5);
    EXPECT_EQ(model.index(1).data(Qt::DisplayRole).toString(), QStringLiteral("나"));
    EXPECT_EQ(model.index(1).data(MessageListModel::TextRole).toString(), QStringLiteral("b"));
}

TEST(MessageListModel, SameSeqTwiceIsOneRowWithTheNewerContent)
{
    MessageListModel model;
    EXPECT_TRUE(model.addMessage(
        patientMessage(1, "Tôi bị đau đầu", "", protocol::TranslationStatus::Pending)));
    QSignalSpy changed(&model, &MessageListModel::dataChanged);
    // History repeats a message already received live, now with its final translation.
    EXPECT_FALSE(model.addMessage(patientMessage(1, "Tôi bị đau đầu", "머리가 아파요")));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(model.index(0).data(MessageListModel::TranslationTextRole).toString(),
              QStringLiteral("머리가 아파요"));
    EXPECT_EQ(model.index(0).data(MessageListModel::TranslationStatusRole).toInt(),
              int(protocol::TranslationStatus::Ok));
}

TEST(MessageListModel, PendingMessageStaysLastUntilItsAckGivesItASeq)
{
    MessageListModel model;
    model.addMessage(patientMessage(1, "a", "가"));
    auto draft = agentMessage(0, "c-1", "내일 오세요");
    model.addPending(draft);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(1).data(MessageListModel::DeliveryRole).toInt(),
              int(MessageListModel::Delivery::Sending));
    // A patient message stored meanwhile goes above the local row.
    model.addMessage(patientMessage(2, "b", "나"));
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2, 0}));
    model.acknowledge(QStringLiteral("c-1"), 3, QStringLiteral("m-3"));
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2, 3}));
    EXPECT_EQ(model.index(2).data(MessageListModel::DeliveryRole).toInt(),
              int(MessageListModel::Delivery::Stored));
    // The stored message replaces the acknowledged local row: still one row for it.
    auto stored = agentMessage(3, "c-1", "내일 오세요");
    stored.translation.text = "Ngày mai hãy đến";
    stored.translation.status = protocol::TranslationStatus::Ok;
    EXPECT_FALSE(model.addMessage(stored));
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2, 3}));
    EXPECT_EQ(model.index(2).data(MessageListModel::TranslationTextRole).toString(),
              QStringLiteral("Ngày mai hãy đến"));
}

TEST(MessageListModel, StoredMessageBeforeTheAckReplacesThePendingRow)
{
    MessageListModel model;
    model.addPending(agentMessage(0, "c-9", "안녕하세요"));
    // The client_msg_id ties the stored message to the local row.
    EXPECT_FALSE(model.addMessage(agentMessage(4, "c-9", "안녕하세요")));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0).data(MessageListModel::SeqRole).toLongLong(), 4);
    model.acknowledge(QStringLiteral("c-9"), 4, QStringLiteral("m-4"));
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0).data(MessageListModel::DeliveryRole).toInt(),
              int(MessageListModel::Delivery::Stored));
}

TEST(MessageListModel, SamePendingClientMsgIdIsNotAddedTwice)
{
    MessageListModel model;
    model.addPending(agentMessage(0, "c-1", "a"));
    model.addPending(agentMessage(0, "c-1", "a"));
    EXPECT_EQ(model.rowCount(), 1);
}

TEST(MessageListModel, TranslationFrameUpdatesAPendingTranslation)
{
    MessageListModel model;
    model.addMessage(patientMessage(1, "Cảm ơn", "", protocol::TranslationStatus::Pending));
    EXPECT_EQ(model.index(0).data(MessageListModel::TranslationStatusRole).toInt(),
              int(protocol::TranslationStatus::Pending));
    QSignalSpy changed(&model, &MessageListModel::dataChanged);
    protocol::Translation t;
    t.text = "감사합니다";
    t.lang = "ko";
    t.status = protocol::TranslationStatus::Fallback;
    t.warnings = {"glossary_missing:두통"};
    EXPECT_TRUE(model.applyTranslation(1, t));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.first().at(0).value<QModelIndex>().row(), 0);
    const QModelIndex i = model.index(0);
    EXPECT_EQ(i.data(MessageListModel::TranslationStatusRole).toInt(),
              int(protocol::TranslationStatus::Fallback));
    EXPECT_EQ(i.data(Qt::DisplayRole).toString(), QStringLiteral("감사합니다"));
    EXPECT_EQ(i.data(MessageListModel::WarningsRole).toStringList(),
              QStringList{QStringLiteral("glossary_missing:두통")});
    EXPECT_FALSE(model.applyTranslation(7, t)) << "no message has seq 7";
}

TEST(MessageListModel, UnavailableTranslationKeepsTheOriginalAndItsLanguage)
{
    MessageListModel model;
    auto m = patientMessage(1, "Tôi bị sốt", "", protocol::TranslationStatus::Pending);
    model.addMessage(m);
    protocol::Translation t;
    t.text = "Tôi bị sốt";
    t.lang = "vi";
    t.status = protocol::TranslationStatus::Unavailable;
    model.applyTranslation(1, t);
    const QModelIndex i = model.index(0);
    EXPECT_EQ(i.data(MessageListModel::TranslationStatusRole).toInt(),
              int(protocol::TranslationStatus::Unavailable));
    EXPECT_EQ(i.data(MessageListModel::TranslationLangRole).toString(), QStringLiteral("vi"));
    EXPECT_EQ(i.data(MessageListModel::TextRole).toString(), QStringLiteral("Tôi bị sốt"));
}

TEST(MessageListModel, ReadMarksCoverTheAgentsMessagesUpToTheSeq)
{
    MessageListModel model;
    model.addMessage(patientMessage(1, "a", "가"));
    auto m2 = agentMessage(2, "c-2", "둘");
    auto m3 = agentMessage(3, "c-3", "셋");
    model.addMessage(m2);
    model.addMessage(m3);
    QSignalSpy changed(&model, &MessageListModel::dataChanged);
    model.setPatientReadSeq(2);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_FALSE(model.index(0).data(MessageListModel::ReadByPatientRole).toBool())
        << "the patient's own";
    EXPECT_TRUE(model.index(1).data(MessageListModel::ReadByPatientRole).toBool());
    EXPECT_FALSE(model.index(2).data(MessageListModel::ReadByPatientRole).toBool());
    model.setPatientReadSeq(1); // an older mark changes nothing
    EXPECT_EQ(changed.count(), 1);
    EXPECT_TRUE(model.index(1).data(MessageListModel::ReadByPatientRole).toBool());
    model.setPatientReadSeq(3);
    EXPECT_TRUE(model.index(2).data(MessageListModel::ReadByPatientRole).toBool());
}

TEST(MessageListModel, RefusedSendIsMarkedFailedWithTheReason)
{
    MessageListModel model;
    model.addPending(agentMessage(0, "c-1", "a"));
    model.markFailed(QStringLiteral("c-1"), protocol::ErrorCode::RoomEnded,
                     QStringLiteral("ended"));
    EXPECT_EQ(model.index(0).data(MessageListModel::DeliveryRole).toInt(),
              int(MessageListModel::Delivery::Failed));
    EXPECT_EQ(model.index(0).data(MessageListModel::ErrorRole).toString(), QStringLiteral("ended"));
}

TEST(MessageListModel, FailedMessageGoesOutAgainWithItsClientMsgIdAndIsStoredOnAck)
{
    MessageListModel model;
    model.addMessage(patientMessage(1, "a", "가"));
    model.addPending(agentMessage(0, "c-1", "내일 오세요"));
    const auto retryOf = [&](int row) {
        return MessageListModel::Retry(model.index(row).data(MessageListModel::RetryRole).toInt());
    };
    EXPECT_EQ(retryOf(1), MessageListModel::Retry::None) << "still on its way";
    EXPECT_FALSE(model.resend(QStringLiteral("c-1"))) << "only a failed message is sent again";

    model.markFailed(QStringLiteral("c-1"), protocol::ErrorCode::Internal,
                     QStringLiteral("not stored"));
    ASSERT_EQ(retryOf(1), MessageListModel::Retry::Offered);
    QSignalSpy changed(&model, &MessageListModel::dataChanged);
    ASSERT_TRUE(model.resend(QStringLiteral("c-1")));
    EXPECT_EQ(changed.count(), 1);
    ASSERT_EQ(model.rowCount(), 2) << "the same row, not a copy";
    const QModelIndex again = model.index(1);
    EXPECT_EQ(again.data(MessageListModel::DeliveryRole).toInt(),
              int(MessageListModel::Delivery::Sending));
    EXPECT_EQ(again.data(MessageListModel::ClientMsgIdRole).toString(), QStringLiteral("c-1"));
    EXPECT_EQ(again.data(MessageListModel::TextRole).toString(), QStringLiteral("내일 오세요"));
    EXPECT_TRUE(again.data(MessageListModel::ErrorRole).toString().isEmpty());
    EXPECT_EQ(retryOf(1), MessageListModel::Retry::None);
    EXPECT_FALSE(model.resend(QStringLiteral("c-1"))) << "already on its way again";

    model.acknowledge(QStringLiteral("c-1"), 2, QStringLiteral("m-2"));
    EXPECT_EQ(seqs(model), (std::vector<qint64>{1, 2}));
    EXPECT_EQ(model.index(1).data(MessageListModel::DeliveryRole).toInt(),
              int(MessageListModel::Delivery::Stored));
    EXPECT_EQ(model.index(1).data(MessageListModel::ClientMsgIdRole).toString(),
              QStringLiteral("c-1"));
    EXPECT_FALSE(model.resend(QStringLiteral("c-1"))) << "stored: nothing to send again";
}

TEST(MessageListModel, RetryIsNotOfferedForErrorsThatWouldRepeatOrInAClosedChat)
{
    MessageListModel model;
    model.addPending(agentMessage(0, "c-long", "긴 글"));
    model.addPending(agentMessage(0, "c-bad", "잘못된 요청"));
    model.addPending(agentMessage(0, "c-busy", "잠시만요"));
    model.markFailed(QStringLiteral("c-long"), protocol::ErrorCode::TooLarge, QStringLiteral("x"));
    model.markFailed(QStringLiteral("c-bad"), protocol::ErrorCode::BadRequest, QStringLiteral("x"));
    model.markFailed(QStringLiteral("c-busy"), protocol::ErrorCode::RateLimited,
                     QStringLiteral("x"));
    EXPECT_EQ(model.retryAt(0), MessageListModel::Retry::NeedsChange);
    EXPECT_EQ(model.retryAt(1), MessageListModel::Retry::NeedsChange);
    EXPECT_EQ(model.retryAt(2), MessageListModel::Retry::Offered);
    EXPECT_FALSE(model.resend(QStringLiteral("c-long")));
    EXPECT_FALSE(model.resend(QStringLiteral("c-bad")));
    EXPECT_EQ(model.deliveryAt(0), MessageListModel::Delivery::Failed);

    // The chat ends: no failed message is offered again, and the view hears of it.
    QSignalSpy changed(&model, &MessageListModel::dataChanged);
    model.setChatOpen(false);
    EXPECT_EQ(changed.count(), 3);
    for (int row = 0; row < 3; ++row)
        EXPECT_EQ(model.retryAt(row), MessageListModel::Retry::ChatClosed) << row;
    EXPECT_FALSE(model.resend(QStringLiteral("c-busy")));
    EXPECT_EQ(model.deliveryAt(2), MessageListModel::Delivery::Failed);
    model.setChatOpen(true); // the chat comes back (the room is assigned again)
    EXPECT_EQ(model.retryAt(2), MessageListModel::Retry::Offered);
}

TEST(MessageListModel, CountsMessagesAfterASeqBySender)
{
    MessageListModel model;
    model.addMessage(patientMessage(1, "a", "가"));
    model.addMessage(agentMessage(2, "c", "나"));
    model.addMessage(patientMessage(3, "b", "다"));
    model.addMessage(patientMessage(4, "c", "라"));
    EXPECT_EQ(model.countAfter(0, protocol::Sender::Patient), 3);
    EXPECT_EQ(model.countAfter(2, protocol::Sender::Patient), 2);
    EXPECT_EQ(model.countAfter(1, protocol::Sender::Agent), 1);
}

namespace {

protocol::Message withAttachment(protocol::Message m, const std::string &type,
                                 const std::string &thumbnailUrl)
{
    protocol::Attachment a;
    a.id = "att-" + m.clientMsgId;
    a.name = m.text;
    a.type = type;
    a.size = 2048;
    a.url = "/api/rooms/room-1/attachments/" + a.id;
    a.thumbnailUrl = thumbnailUrl;
    m.attachment = a;
    return m;
}

QImage picture(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    return image;
}

} // namespace

TEST(MessageListModel, AnUploadShowsItsPreviewAndProgressUntilTheRelaysThumbnailComes)
{
    MessageListModel model;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto draft = withAttachment(agentMessage(0, "up-1", "map.png"), "image/png", {});
    model.addPending(draft, picture(32, 24));
    const QModelIndex row = model.index(0);
    EXPECT_TRUE(row.data(MessageListModel::IsAttachmentRole).toBool());
    EXPECT_EQ(row.data(MessageListModel::AttachmentNameRole).toString(), QStringLiteral("map.png"));
    EXPECT_EQ(row.data(MessageListModel::AttachmentSizeRole).toLongLong(), 2048);
    EXPECT_EQ(row.data(MessageListModel::UploadProgressRole).toDouble(), 0.0);
    EXPECT_EQ(row.data(MessageListModel::ThumbnailRole).value<QImage>().size(), QSize(32, 24));

    model.setUploadProgress(QStringLiteral("up-1"), 512, 2048);
    EXPECT_DOUBLE_EQ(model.index(0).data(MessageListModel::UploadProgressRole).toDouble(), 0.25);
    ASSERT_FALSE(changed.isEmpty());
    model.setUploadProgress(QStringLiteral("up-1"), 4096, 2048); // more than announced
    EXPECT_DOUBLE_EQ(model.index(0).data(MessageListModel::UploadProgressRole).toDouble(), 1.0);
    model.setUploadProgress(QStringLiteral("other"), 1, 2); // no such row: nothing happens
    EXPECT_EQ(model.rowCount(), 1);

    // Stored: no progress any more, and the local preview stays until the real thumbnail.
    const auto stored =
        withAttachment(agentMessage(5, "up-1", "map.png"), "image/png", "/thumb/up-1");
    EXPECT_FALSE(model.addMessage(stored));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0).data(MessageListModel::UploadProgressRole).toDouble(), -1.0);
    EXPECT_EQ(model.index(0).data(MessageListModel::ThumbnailRole).value<QImage>().size(),
              QSize(32, 24));
    EXPECT_FALSE(model.lacksThumbnail(QStringLiteral("/thumb/up-1")));
    model.setThumbnail(QStringLiteral("/thumb/up-1"), picture(320, 240));
    EXPECT_EQ(model.index(0).data(MessageListModel::ThumbnailRole).value<QImage>().size(),
              QSize(320, 240));
}

TEST(MessageListModel, AThumbnailGoesToEveryRowOfItsAttachmentAndOnlyThere)
{
    MessageListModel model;
    model.addMessage(withAttachment(patientMessage(1, "rash.jpg", ""), "image/jpeg", "/t/1"));
    model.addMessage(withAttachment(patientMessage(2, "card.pdf", ""), "application/pdf", {}));
    model.addMessage(patientMessage(3, "Tôi bị đau đầu", "머리가 아파요"));
    EXPECT_TRUE(model.lacksThumbnail(QStringLiteral("/t/1")));
    EXPECT_FALSE(model.lacksThumbnail(QStringLiteral("/t/2"))) << "no such attachment";
    EXPECT_FALSE(model.lacksThumbnail({}));
    EXPECT_FALSE(model.index(2).data(MessageListModel::IsAttachmentRole).toBool());
    EXPECT_TRUE(model.index(1).data(MessageListModel::ThumbnailUrlRole).toString().isEmpty());

    model.setThumbnail(QStringLiteral("/t/1"), QImage()); // a failed decode changes nothing
    EXPECT_TRUE(model.lacksThumbnail(QStringLiteral("/t/1")));
    model.setThumbnail(QStringLiteral("/t/1"), picture(10, 10));
    EXPECT_FALSE(model.lacksThumbnail(QStringLiteral("/t/1")));
    EXPECT_FALSE(model.index(0).data(MessageListModel::ThumbnailRole).value<QImage>().isNull());
    EXPECT_TRUE(model.index(1).data(MessageListModel::ThumbnailRole).value<QImage>().isNull());
    EXPECT_EQ(model.index(0).data(MessageListModel::UploadProgressRole).toDouble(), -1.0)
        << "a patient's file is not an upload of ours";
}
