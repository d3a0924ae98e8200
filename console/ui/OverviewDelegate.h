#pragma once

#include <QStyledItemDelegate>

namespace medtranslate::console {

//! One room of the supervisors' overview: language, who has it (or that it waits) and for how
//! long the patient has been waiting, and the red flag's words.
class OverviewDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit OverviewDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;

    //! "waiting for a counselor" or "with 김민지" and how long the patient has been waiting.
    static QString stateText(const QModelIndex &index);
};

} // namespace medtranslate::console
