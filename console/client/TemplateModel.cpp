#include "client/TemplateModel.h"

namespace medtranslate::console {

TemplateModel::TemplateModel(QObject *parent) : QAbstractListModel(parent) {}

int TemplateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_templates.size());
}

QVariant TemplateModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const QuickReply &t = m_templates[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return t.title;
    case Qt::ToolTipRole:
    case KoreanTextRole:
        return t.texts.value(QStringLiteral("ko"));
    case IdRole:
        return t.id;
    case CategoryRole:
        return t.category;
    case PatientTextRole:
        return t.texts.value(m_language);
    case LanguagesRole:
        return QStringList(t.texts.keys());
    default:
        return {};
    }
}

void TemplateModel::setTemplates(std::vector<QuickReply> templates)
{
    beginResetModel();
    m_templates = std::move(templates);
    endResetModel();
}

void TemplateModel::setPatientLanguage(const QString &code)
{
    if (code == m_language)
        return;
    m_language = code;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {PatientTextRole});
}

const QuickReply *TemplateModel::find(const QString &id) const
{
    for (const auto &t : m_templates) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QStringList TemplateModel::categories() const
{
    QStringList categories;
    for (const auto &t : m_templates) {
        if (!categories.contains(t.category))
            categories << t.category;
    }
    return categories;
}

} // namespace medtranslate::console
