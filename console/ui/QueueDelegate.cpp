#include "ui/QueueDelegate.h"

#include "client/QueueModel.h"
#include "ui/LanguageNames.h"

#include <QPainter>

namespace medtranslate::console {

namespace {
constexpr int kPad = 8;

QFont scaled(const QFont &base, double factor, bool bold = false)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}
} // namespace

QueueDelegate::QueueDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QString QueueDelegate::waitingText(qint64 seconds)
{
    if (seconds < 60)
        return tr("waiting < 1 min");
    if (seconds < 3600)
        return tr("waiting %1 min").arg(seconds / 60);
    return tr("waiting %1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

void QueueDelegate::paintCard(QPainter *painter, const QRect &r, bool selected, bool urgent)
{
    painter->setRenderHint(QPainter::Antialiasing);
    // An emergency stands out from across the room: red frame, pink card.
    const QColor frame = urgent     ? QColor(0xd9, 0x30, 0x25)
                         : selected ? QColor(0x2b, 0x6c, 0xd4)
                                    : QColor(0xd9, 0xdd, 0xe3);
    painter->setPen(QPen(frame, selected || urgent ? 2 : 1));
    painter->setBrush(urgent     ? QColor(0xfd, 0xec, 0xea)
                      : selected ? QColor(0xe8, 0xf0, 0xfd)
                                 : QColor(0xff, 0xff, 0xff));
    painter->drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

int QueueDelegate::paintUrgentBadge(QPainter *painter, const QFont &base, int x, int y,
                                    int lineHeight)
{
    const QString badge = tr("Urgent");
    const QFont badgeFont = scaled(base, 0.85, true);
    const QFontMetrics bfm(badgeFont);
    const QRect pill(x, y + (lineHeight - bfm.height()) / 2 - 1, bfm.horizontalAdvance(badge) + 12,
                     bfm.height() + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xd9, 0x30, 0x25));
    painter->drawRoundedRect(pill, 8, 8);
    painter->setPen(Qt::white);
    painter->setFont(badgeFont);
    painter->drawText(pill, Qt::AlignCenter, badge);
    return pill.right();
}

int QueueDelegate::paintRedFlagWords(QPainter *painter, const QFont &base, const QRect &line,
                                     const QStringList &words)
{
    const QFont wordsFont = scaled(base, 0.85, true);
    const QFontMetrics wm(wordsFont);
    painter->setFont(wordsFont);
    painter->setPen(QColor(0xb3, 0x1b, 0x1b));
    painter->drawText(QRect(line.x(), line.y(), line.width(), wm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      wm.elidedText(tr("Red flag: %1").arg(words.join(QStringLiteral(" · "))),
                                    Qt::ElideRight, line.width()));
    return line.y() + wm.height() + 2;
}

QSize QueueDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics title(scaled(option.font, 1.0, true));
    const QFontMetrics body(option.font);
    const QFontMetrics small(scaled(option.font, 0.85));
    return QSize(200,
                 2 * kPad + title.height() + 4 + body.height() + 2 + small.height() +
                     (index.data(QueueModel::UrgentRole).toBool() ? small.height() + 2 : 0) +
                     (index.data(QueueModel::AnswerLaterRole).toBool() ? small.height() + 2 : 0));
}

void QueueDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const bool urgent = index.data(QueueModel::UrgentRole).toBool();
    const QRect r = option.rect.adjusted(4, 2, -4, -2);
    paintCard(painter, r, selected, urgent);

    const QFont titleFont = scaled(option.font, 1.0, true);
    const QFont bodyFont = option.font;
    const QFont smallFont = scaled(option.font, 0.85);
    const int x = r.left() + kPad;
    const int w = r.width() - 2 * kPad;
    int y = r.top() + kPad;

    const QString language = LanguageNames::name(index.data(QueueModel::LanguageRole).toString());
    const qint64 waiting = index.data(QueueModel::WaitingSecondsRole).toLongLong();
    const QString wait = waitingText(waiting);
    painter->setFont(titleFont);
    const QFontMetrics tm(titleFont);
    int titleX = x;
    if (urgent)
        titleX = paintUrgentBadge(painter, option.font, x, y, tm.height()) + 6;
    painter->setFont(titleFont);
    painter->setPen(QColor(0x1d, 0x21, 0x27));
    painter->drawText(QRect(titleX, y, w - (titleX - x), tm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, language);
    // Long waits turn red: someone has been waiting too long for a human.
    painter->setPen(waiting >= 300 ? QColor(0xb3, 0x1b, 0x1b) : QColor(0x5f, 0x66, 0x70));
    painter->setFont(scaled(option.font, 0.85, waiting >= 300));
    painter->drawText(QRect(x, y, w, tm.height()), Qt::AlignRight | Qt::AlignVCenter, wait);
    y += tm.height() + 4;
    if (urgent)
        y = paintRedFlagWords(painter, option.font, QRect(x, y, w, 0),
                              index.data(QueueModel::RedFlagsRole).toStringList());
    if (index.data(QueueModel::AnswerLaterRole).toBool()) {
        // The patient may have left: this one is answered by e-mail or phone, not in the chat.
        const QFont laterFont = scaled(option.font, 0.85, true);
        const QFontMetrics lm(laterFont);
        painter->setFont(laterFont);
        painter->setPen(QColor(0x1f, 0x4f, 0x99));
        painter->drawText(
            QRect(x, y, w, lm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            lm.elidedText(
                tr("Answer later: %1").arg(index.data(QueueModel::ContactRole).toString()),
                Qt::ElideRight, w));
        y += lm.height() + 2;
    }

    const QString original = index.data(QueueModel::FirstMessageRole).toString();
    QString korean = index.data(QueueModel::FirstMessageTranslationRole).toString();
    const QFontMetrics bm(bodyFont);
    const QFontMetrics sm(smallFont);
    painter->setFont(bodyFont);
    if (original.isEmpty()) {
        painter->setPen(QColor(0x5f, 0x66, 0x70));
        painter->drawText(QRect(x, y, w, bm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          tr("No message yet"));
        painter->restore();
        return;
    }
    const bool translated = !korean.isEmpty() && korean != original;
    painter->setPen(translated ? QColor(0x1d, 0x21, 0x27) : QColor(0xb3, 0x1b, 0x1b));
    const QString first = translated ? korean : tr("(not translated) %1").arg(original);
    painter->drawText(QRect(x, y, w, bm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      bm.elidedText(first.simplified(), Qt::ElideRight, w));
    y += bm.height() + 2;
    if (translated) {
        painter->setFont(smallFont);
        painter->setPen(QColor(0x5f, 0x66, 0x70));
        painter->drawText(QRect(x, y, w, sm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          sm.elidedText(original.simplified(), Qt::ElideRight, w));
    }
    painter->restore();
}

} // namespace medtranslate::console
