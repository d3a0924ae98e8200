#include "ui/OverviewDelegate.h"

#include "client/OverviewModel.h"
#include "ui/LanguageNames.h"
#include "ui/QueueDelegate.h"

#include <QPainter>

namespace medtranslate::console {

namespace {
constexpr int kPad = 8;

QFont small(const QFont &base, bool bold = false)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.85);
    f.setBold(bold);
    return f;
}
} // namespace

OverviewDelegate::OverviewDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QString OverviewDelegate::stateText(const QModelIndex &index)
{
    const qint64 waiting = index.data(OverviewModel::WaitingSecondsRole).toLongLong();
    if (!index.data(OverviewModel::ActiveRole).toBool())
        return QueueDelegate::waitingText(waiting); // "waiting 6 min": for a counselor

    const QString agent = index.data(OverviewModel::AgentNameRole).toString();
    if (waiting == 0)
        return tr("With %1, answered").arg(agent);
    return tr("With %1, patient %2").arg(agent, QueueDelegate::waitingText(waiting));
}

QSize OverviewDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QFont title = option.font;
    title.setBold(true);
    const QFontMetrics tm(title);
    const QFontMetrics sm(small(option.font));
    return QSize(200, 2 * kPad + tm.height() + 4 + sm.height() +
                          (index.data(OverviewModel::UrgentRole).toBool() ? sm.height() + 2 : 0));
}

void OverviewDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    painter->save();
    const bool urgent = index.data(OverviewModel::UrgentRole).toBool();
    const QRect r = option.rect.adjusted(4, 2, -4, -2);
    QueueDelegate::paintCard(painter, r, option.state & QStyle::State_Selected, urgent);
    const int x = r.left() + kPad;
    const int w = r.width() - 2 * kPad;
    int y = r.top() + kPad;

    QFont titleFont = option.font;
    titleFont.setBold(true);
    const QFontMetrics tm(titleFont);
    int titleX = x;
    if (urgent)
        titleX = QueueDelegate::paintUrgentBadge(painter, option.font, x, y, tm.height()) + 6;
    painter->setFont(titleFont);
    painter->setPen(QColor(0x1d, 0x21, 0x27));
    QString title = LanguageNames::name(index.data(OverviewModel::LanguageRole).toString());
    if (!index.data(OverviewModel::PatientOnlineRole).toBool())
        title = tr("%1 (patient offline)").arg(title);
    painter->drawText(QRect(titleX, y, w - (titleX - x), tm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, title);
    y += tm.height() + 4;

    const qint64 waiting = index.data(OverviewModel::WaitingSecondsRole).toLongLong();
    const QFont stateFont = small(option.font, waiting >= 300);
    const QFontMetrics sm(stateFont);
    painter->setFont(stateFont);
    // Five minutes without an answer is too long, whether in the queue or in a chat.
    painter->setPen(waiting >= 300 ? QColor(0xb3, 0x1b, 0x1b) : QColor(0x5f, 0x66, 0x70));
    painter->drawText(QRect(x, y, w, sm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      sm.elidedText(stateText(index), Qt::ElideRight, w));
    y += sm.height() + 2;
    if (urgent)
        QueueDelegate::paintRedFlagWords(painter, option.font, QRect(x, y, w, 0),
                                         index.data(OverviewModel::RedFlagsRole).toStringList());
    painter->restore();
}

} // namespace medtranslate::console
