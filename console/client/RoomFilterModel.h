#pragma once

#include <QSortFilterProxyModel>

namespace medtranslate::console {

//! One view of a list of rooms (the queue, the supervisors' overview): all of them, only the
//! urgent ones, the waiting (still at the screen) or active ones, or those to answer later. The
//! source model's roles are given, so one filter serves models with different roles; a role of -1
//! means the source has no such column, and its filter keeps nothing.
class RoomFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Filter { All, Urgent, Waiting, Active, AnswerLater };
    Q_ENUM(Filter)

    RoomFilterModel(int urgentRole, int activeRole, int answerLaterRole = -1,
                    QObject *parent = nullptr);

    void setFilter(Filter filter);
    [[nodiscard]] Filter filter() const { return m_filter; }
    //! Rows of the source that pass `filter`, whatever the current one is (for tab counts).
    [[nodiscard]] int countOf(Filter filter) const;

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &parent) const override;

private:
    [[nodiscard]] bool passes(Filter filter, int sourceRow) const;

    int m_urgentRole;
    int m_activeRole;
    int m_answerLaterRole;
    Filter m_filter = Filter::All;
};

} // namespace medtranslate::console
