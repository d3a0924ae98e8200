#include "client/PastConsultationModel.h"

#include <QDateTime>

namespace medtranslate::console {

namespace {

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

PastConsultationModel::PastConsultationModel(QObject *parent) : QAbstractTableModel(parent) {}

void PastConsultationModel::setLanguageNames(std::function<QString(const QString &)> names)
{
    m_languageNames = std::move(names);
    if (!m_rows.empty())
        emit dataChanged(index(0, Language), index(rowCount() - 1, Language));
}

int PastConsultationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PastConsultationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PastConsultationModel::localTime(const std::string &isoUtc)
{
    const QDateTime at = QDateTime::fromString(str(isoUtc), Qt::ISODate);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                        : str(isoUtc);
}

QString PastConsultationModel::statusText(protocol::RoomStatus status) const
{
    switch (status) {
    case protocol::RoomStatus::Waiting:
        return tr("Waiting");
    case protocol::RoomStatus::Active:
        return tr("In progress");
    case protocol::RoomStatus::Ended:
        return tr("Ended");
    }
    return {};
}

QVariant PastConsultationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const protocol::http::ConsultationSummary &c = m_rows[std::size_t(index.row())];
    switch (role) {
    case RoomIdRole:
        return str(c.roomId);
    case OriginalRole:
        return c.match ? str(c.match->text) : QString();
    case TranslationRole:
        return c.match ? str(c.match->translation) : QString();
    case Qt::ToolTipRole:
        if (index.column() == Match && c.match)
            return tr("Original: %1\nTranslation: %2")
                .arg(str(c.match->text), str(c.match->translation));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Messages)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Opened:
        return localTime(c.createdAt);
    case Language:
        return m_languageNames ? m_languageNames(str(c.language)) : str(c.language);
    case Counselor:
        return c.agent ? str(c.agent->name) : QString();
    case Status:
        return statusText(c.status);
    case Messages:
        return qlonglong(c.messageCount);
    case Match:
        if (!c.match)
            return QString();
        return c.match->translation.empty()
                   ? str(c.match->text)
                   : tr("%1 → %2").arg(str(c.match->text), str(c.match->translation));
    default:
        return {};
    }
}

QVariant PastConsultationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Opened:
        return tr("Opened");
    case Language:
        return tr("Language");
    case Counselor:
        return tr("Counselor");
    case Status:
        return tr("Status");
    case Messages:
        return tr("Messages");
    case Match:
        return tr("Matching message (original → translation)");
    default:
        return {};
    }
}

void PastConsultationModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void PastConsultationModel::append(std::vector<protocol::http::ConsultationSummary> page)
{
    if (page.empty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + int(page.size()) - 1);
    for (auto &c : page)
        m_rows.push_back(std::move(c));
    endInsertRows();
}

} // namespace medtranslate::console
