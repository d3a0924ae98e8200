#include "client/MessageListModel.h"

#include "client/TranslationWarning.h"

#include <QDateTime>
#include <algorithm>

namespace medtranslate::console {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QStringList toStringList(const std::vector<std::string> &list)
{
    QStringList out;
    out.reserve(qsizetype(list.size()));
    for (const auto &s : list)
        out << qs(s);
    return out;
}

} // namespace

MessageListModel::MessageListModel(QObject *parent) : QAbstractListModel(parent) {}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const Item &item = m_items[size_t(index.row())];
    const protocol::Message &m = item.message;
    switch (role) {
    case Qt::DisplayRole:
        // What a Korean reader needs first: the Korean side of the message.
        return m.sender == protocol::Sender::Patient ? qs(m.translation.text) : qs(m.text);
    case SeqRole:
        return qint64(m.seq);
    case MsgIdRole:
        return qs(m.msgId);
    case ClientMsgIdRole:
        return qs(m.clientMsgId);
    case SenderRole:
        return int(m.sender);
    case SenderNameRole:
        return qs(m.senderName);
    case TextRole:
        return qs(m.text);
    case LangRole:
        return qs(m.lang);
    case TranslationTextRole:
        return qs(m.translation.text);
    case TranslationLangRole:
        return qs(m.translation.lang);
    case TranslationStatusRole:
        return int(m.translation.status);
    case TranslationSourceLangRole:
        return qs(m.translation.sourceLang);
    case WarningsRole:
        return toStringList(m.translation.warnings);
    case WarningDetailsRole:
        return QVariant::fromValue(TranslationWarning::of(m.translation));
    case ProviderRole:
        return qs(m.translation.provider);
    case CreatedAtRole:
        return QDateTime::fromString(qs(m.createdAt), Qt::ISODate);
    case EventRole:
        return qs(m.event);
    case TemplateIdRole:
        return qs(m.templateId);
    case DeliveryRole:
        return int(item.delivery);
    case ErrorRole:
        return item.error;
    case ReadByPatientRole:
        return m.sender == protocol::Sender::Agent && m.seq > 0 && m.seq <= m_patientReadSeq;
    case RetryRole:
        return int(retryAt(index.row()));
    case IsAttachmentRole:
        return m.attachment.has_value();
    case AttachmentNameRole:
        return m.attachment ? qs(m.attachment->name) : QString();
    case AttachmentTypeRole:
        return m.attachment ? qs(m.attachment->type) : QString();
    case AttachmentSizeRole:
        return m.attachment ? qint64(m.attachment->size) : qint64(0);
    case AttachmentUrlRole:
        return m.attachment ? qs(m.attachment->url) : QString();
    case ThumbnailUrlRole:
        return m.attachment ? qs(m.attachment->thumbnailUrl) : QString();
    case ThumbnailRole:
        return item.thumbnail;
    case UploadProgressRole:
        return item.delivery == Delivery::Sending ? item.progress : -1.0;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{SeqRole, "seq"},
                  {MsgIdRole, "msgId"},
                  {ClientMsgIdRole, "clientMsgId"},
                  {SenderRole, "sender"},
                  {SenderNameRole, "senderName"},
                  {TextRole, "text"},
                  {LangRole, "lang"},
                  {TranslationTextRole, "translationText"},
                  {TranslationLangRole, "translationLang"},
                  {TranslationStatusRole, "translationStatus"},
                  {TranslationSourceLangRole, "translationSourceLang"},
                  {WarningsRole, "warnings"},
                  {WarningDetailsRole, "warningDetails"},
                  {ProviderRole, "provider"},
                  {CreatedAtRole, "createdAt"},
                  {EventRole, "event"},
                  {TemplateIdRole, "templateId"},
                  {DeliveryRole, "delivery"},
                  {ErrorRole, "error"},
                  {ReadByPatientRole, "readByPatient"},
                  {RetryRole, "retry"},
                  {IsAttachmentRole, "isAttachment"},
                  {AttachmentNameRole, "attachmentName"},
                  {AttachmentTypeRole, "attachmentType"},
                  {AttachmentSizeRole, "attachmentSize"},
                  {AttachmentUrlRole, "attachmentUrl"},
                  {ThumbnailUrlRole, "thumbnailUrl"},
                  {ThumbnailRole, "thumbnail"},
                  {UploadProgressRole, "uploadProgress"}});
    return names;
}

int MessageListModel::insertionRow(qint64 seq) const
{
    // Stored rows (seq > 0) come first and are sorted; local rows without a seq follow.
    const auto storedEnd = std::find_if(m_items.begin(), m_items.end(),
                                        [](const Item &i) { return i.message.seq == 0; });
    const auto it = std::lower_bound(m_items.begin(), storedEnd, seq,
                                     [](const Item &i, qint64 s) { return i.message.seq < s; });
    return int(it - m_items.begin());
}

int MessageListModel::rowOfSeq(qint64 seq) const
{
    if (seq <= 0)
        return -1;
    const int row = insertionRow(seq);
    return row < rowCount() && m_items[size_t(row)].message.seq == seq ? row : -1;
}

int MessageListModel::rowOfClientMsgId(const QString &clientMsgId) const
{
    if (clientMsgId.isEmpty())
        return -1;
    const std::string id = clientMsgId.toStdString();
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (m_items[size_t(row)].message.clientMsgId == id)
            return row;
    }
    return -1;
}

qint64 MessageListModel::lastSeq() const
{
    qint64 last = 0;
    for (const Item &i : m_items)
        last = std::max<qint64>(last, i.message.seq);
    return last;
}

int MessageListModel::countAfter(qint64 seq, protocol::Sender sender) const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [seq, sender](const Item &i) {
        return i.message.seq > seq && i.message.sender == sender;
    }));
}

void MessageListModel::insertItem(Item item)
{
    const int row = item.message.seq > 0 ? insertionRow(item.message.seq) : rowCount();
    beginInsertRows({}, row, row);
    m_items.insert(m_items.begin() + row, std::move(item));
    endInsertRows();
}

void MessageListModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_items.erase(m_items.begin() + row);
    endRemoveRows();
}

void MessageListModel::changed(int row)
{
    const QModelIndex i = index(row);
    emit dataChanged(i, i);
}

bool MessageListModel::addMessage(const protocol::Message &message)
{
    if (message.seq <= 0)
        return false;
    const QString clientMsgId = qs(message.clientMsgId);
    if (const int row = rowOfSeq(message.seq); row >= 0) {
        // The same seq again (history after live, or the stored form of an acknowledged
        // local row): refresh it, it is not a new message.
        Item &item = m_items[size_t(row)];
        item.message = message;
        item.delivery = Delivery::Stored;
        item.error.clear();
        changed(row);
        return false;
    }
    Item stored{message, Delivery::Stored, {}};
    bool wasPending = false;
    if (const int local = rowOfClientMsgId(clientMsgId); local >= 0) {
        // The local preview of an upload stands in until the relay's thumbnail comes.
        stored.thumbnail = m_items[size_t(local)].thumbnail;
        removeRow(local);
        wasPending = true;
    }
    insertItem(std::move(stored));
    return !wasPending;
}

void MessageListModel::addPending(const protocol::Message &draft, const QImage &preview)
{
    if (draft.clientMsgId.empty() || rowOfClientMsgId(qs(draft.clientMsgId)) >= 0)
        return;
    Item item{draft, Delivery::Sending, {}};
    item.message.seq = 0;
    item.thumbnail = preview;
    if (draft.attachment)
        item.progress = 0;
    insertItem(std::move(item));
}

void MessageListModel::setUploadProgress(const QString &clientMsgId, qint64 sent, qint64 total)
{
    const int row = rowOfClientMsgId(clientMsgId);
    if (row < 0 || total <= 0 || m_items[size_t(row)].delivery != Delivery::Sending)
        return;
    m_items[size_t(row)].progress = std::clamp(double(sent) / double(total), 0.0, 1.0);
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {UploadProgressRole});
}

void MessageListModel::setThumbnail(const QString &thumbnailUrl, const QImage &image)
{
    if (thumbnailUrl.isEmpty() || image.isNull())
        return;
    const std::string url = thumbnailUrl.toStdString();
    for (int row = 0; row < rowCount(); ++row) {
        Item &item = m_items[size_t(row)];
        if (item.message.attachment && item.message.attachment->thumbnailUrl == url) {
            item.thumbnail = image;
            changed(row);
        }
    }
}

bool MessageListModel::lacksThumbnail(const QString &thumbnailUrl) const
{
    if (thumbnailUrl.isEmpty())
        return false;
    const std::string url = thumbnailUrl.toStdString();
    return std::any_of(m_items.begin(), m_items.end(), [&url](const Item &i) {
        return i.message.attachment && i.message.attachment->thumbnailUrl == url &&
               i.thumbnail.isNull();
    });
}

void MessageListModel::acknowledge(const QString &clientMsgId, qint64 seq, const QString &msgId)
{
    const int local = rowOfClientMsgId(clientMsgId);
    if (local < 0 || seq <= 0)
        return;
    if (m_items[size_t(local)].message.seq == seq) {
        m_items[size_t(local)].delivery = Delivery::Stored;
        changed(local);
        return;
    }
    Item item = m_items[size_t(local)];
    removeRow(local);
    if (rowOfSeq(seq) >= 0)
        return; // the stored message arrived first (history); it already holds this row
    item.message.seq = seq;
    item.message.msgId = msgId.toStdString();
    item.delivery = Delivery::Stored;
    insertItem(std::move(item));
}

void MessageListModel::markFailed(const QString &clientMsgId, protocol::ErrorCode code,
                                  const QString &error)
{
    const int row = rowOfClientMsgId(clientMsgId);
    if (row < 0 || m_items[size_t(row)].delivery == Delivery::Stored)
        return;
    Item &item = m_items[size_t(row)];
    item.delivery = Delivery::Failed;
    item.error = error;
    item.errorCode = code;
    changed(row);
}

bool MessageListModel::canSucceedUnchanged(protocol::ErrorCode code)
{
    using E = protocol::ErrorCode;
    switch (code) {
    case E::Internal:     // the database refused the write; the relay asks for the same frame
    case E::RateLimited:  // dropped unread; fine once the burst has passed
    case E::Unauthorized: // the session lapsed; fine after logging in again
        return true;
    default:
        return false;
    }
}

MessageListModel::Retry MessageListModel::retryAt(int row) const
{
    const Item &item = m_items[size_t(row)];
    if (item.delivery != Delivery::Failed)
        return Retry::None;
    if (!m_chatOpen)
        return Retry::ChatClosed;
    return canSucceedUnchanged(item.errorCode) ? Retry::Offered : Retry::NeedsChange;
}

bool MessageListModel::resend(const QString &clientMsgId)
{
    const int row = rowOfClientMsgId(clientMsgId);
    if (row < 0 || retryAt(row) != Retry::Offered)
        return false;
    m_items[size_t(row)].delivery = Delivery::Sending;
    m_items[size_t(row)].error.clear();
    if (m_items[size_t(row)].message.attachment)
        m_items[size_t(row)].progress = 0;
    changed(row);
    return true;
}

void MessageListModel::setChatOpen(bool open)
{
    if (open == m_chatOpen)
        return;
    m_chatOpen = open;
    for (int row = 0; row < rowCount(); ++row) {
        if (m_items[size_t(row)].delivery == Delivery::Failed)
            emit dataChanged(index(row), index(row), {RetryRole});
    }
}

bool MessageListModel::applyTranslation(qint64 seq, const protocol::Translation &translation)
{
    const int row = rowOfSeq(seq);
    if (row < 0)
        return false;
    m_items[size_t(row)].message.translation = translation;
    changed(row);
    return true;
}

void MessageListModel::setPatientReadSeq(qint64 seq)
{
    if (seq <= m_patientReadSeq)
        return;
    const qint64 before = m_patientReadSeq;
    m_patientReadSeq = seq;
    int first = -1;
    int last = -1;
    for (int row = 0; row < rowCount(); ++row) {
        const auto &m = m_items[size_t(row)].message;
        if (m.sender == protocol::Sender::Agent && m.seq > before && m.seq <= seq) {
            if (first < 0)
                first = row;
            last = row;
        }
    }
    if (first >= 0)
        emit dataChanged(index(first), index(last), {ReadByPatientRole});
}

} // namespace medtranslate::console
