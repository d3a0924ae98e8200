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
    auto text = [&t](const QString &lang) {
        const auto it = t.texts.find(lang.toStdString());
        return it == t.texts.end() ? QString() : toQString(it->second);
    };
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return toQString(t.title);
    case Qt::ToolTipRole:
    case KoreanTextRole:
        return text(QStringLiteral("ko"));
    case IdRole:
        return toQString(t.id);
    case CategoryRole:
        return toQString(t.category);
    case PatientTextRole:
        return text(m_language);
    case LanguagesRole: {
        QStringList languages;
        for (const auto &[lang, vetted] : t.texts)
            languages << toQString(lang);
        return languages;
    }
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
        if (toQString(t.id) == id)
            return &t;
    }
    return nullptr;
}

QStringList TemplateModel::categories() const
{
    QStringList categories;
    for (const auto &t : m_templates) {
        if (!categories.contains(toQString(t.category)))
            categories << toQString(t.category);
    }
    return categories;
}

} // namespace medtranslate::console
