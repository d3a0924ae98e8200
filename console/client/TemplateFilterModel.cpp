#include "client/TemplateFilterModel.h"

#include "client/TemplateModel.h"

namespace medtranslate::console {

TemplateFilterModel::TemplateFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void TemplateFilterModel::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void TemplateFilterModel::setCategory(const QString &category)
{
    m_category = category;
    invalidateFilter();
}

void TemplateFilterModel::setLanguage(const QString &code)
{
    m_language = code;
    invalidateFilter();
}

bool TemplateFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_category.isEmpty() && i.data(TemplateModel::CategoryRole).toString() != m_category)
        return false;
    if (!m_language.isEmpty() &&
        !i.data(TemplateModel::LanguagesRole).toStringList().contains(m_language))
        return false;
    if (m_search.isEmpty())
        return true;
    for (int role : {int(TemplateModel::TitleRole), int(TemplateModel::KoreanTextRole),
                     int(TemplateModel::PatientTextRole)}) {
        if (i.data(role).toString().contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace medtranslate::console
