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
    //! The card a room is drawn on; the same for the queue and the supervisors' overview.
    static void paintCard(QPainter *painter, const QRect &rect, bool selected, bool urgent);
    //! The red "Urgent" pill at (x, y) in a line of `lineHeight`; returns its right edge. Leaves
    //! the painter's font and pen changed.
    //! "Red flag: …" with the patient's words, on the line starting at `line`'s top left, as wide
    //! as `line`; returns where the next line starts.
    static int paintRedFlagWords(QPainter *painter, const QFont &base, const QRect &line,
                                 const QStringList &words);
    static int paintUrgentBadge(QPainter *painter, const QFont &base, int x, int y, int lineHeight);
};

} // namespace medtranslate::console
