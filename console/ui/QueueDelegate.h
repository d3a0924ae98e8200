#pragma once

#include <QStyledItemDelegate>

namespace medtranslate::console {

//! One waiting patient: language and waiting time, then the first message in Korean and as
//! written.
class QueueDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit QueueDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;

    //! "4 min" and the like.
    static QString waitingText(qint64 seconds);
};

} // namespace medtranslate::console
