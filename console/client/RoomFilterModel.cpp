#include "client/RoomFilterModel.h"

namespace medtranslate::console {

RoomFilterModel::RoomFilterModel(int urgentRole, int activeRole, int answerLaterRole,
                                 QObject *parent)
    : QSortFilterProxyModel(parent), m_urgentRole(urgentRole), m_activeRole(activeRole),
      m_answerLaterRole(answerLaterRole)
{
    // Rows change their urgency and state in place (dataChanged): the filter follows them.
    setDynamicSortFilter(true);
}

void RoomFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter is its way to re-filter.
    m_filter = filter;
    invalidateFilter();
}

int RoomFilterModel::countOf(Filter filter) const
{
    if (!sourceModel())
        return 0;
    int count = 0;
    for (int row = 0; row < sourceModel()->rowCount(); ++row)
        count += passes(filter, row) ? 1 : 0;
    return count;
}

bool RoomFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return passes(m_filter, sourceRow);
}

bool RoomFilterModel::passes(Filter filter, int sourceRow) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    auto flag = [&index](int role) { return role >= 0 && index.data(role).toBool(); };
    switch (filter) {
    case Filter::All:
        return true;
    case Filter::Urgent:
        return flag(m_urgentRole);
    case Filter::Waiting:
        // A list without an active role (the queue) holds only waiting rooms; one who left
        // contact details is in the answer-later list instead.
        return (m_activeRole < 0 || !flag(m_activeRole)) && !flag(m_answerLaterRole);
    case Filter::Active:
        return flag(m_activeRole);
    case Filter::AnswerLater:
        return flag(m_answerLaterRole);
    }
    return false;
}

} // namespace medtranslate::console
