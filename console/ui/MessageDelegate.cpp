#include "ui/MessageDelegate.h"

#include "client/MessageListModel.h"
#include "client/OutgoingFile.h"
#include "client/TranslationWarning.h"
#include "ui/LanguageNames.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <QToolTip>
#include <cmath>

namespace medtranslate::console {

namespace {

constexpr int kOuterMargin = 12; //!< between the view's edge and a bubble
constexpr int kRowGap = 6;       //!< between two messages
constexpr int kPadding = 10;     //!< inside a bubble
constexpr int kLineGap = 3;      //!< between blocks inside a bubble
constexpr int kBadgeGap = 4;
constexpr int kMinBubble = 260;
constexpr double kBubbleShare = 0.72; //!< of the view's width
constexpr int kPictureBox = 240;      //!< a thumbnail fits in a square this large
constexpr int kFileCardWidth = 240;
constexpr int kFileIcon = 36;

const QColor kInk(0x1d, 0x21, 0x27);
const QColor kMuted(0x5f, 0x66, 0x70);
const QColor kAlarm(0xb3, 0x1b, 0x1b);
const QColor kSelected(0x1f, 0x4f, 0x99); //!< outline of the selected message

QFont scaled(const QFont &base, double factor, bool bold = false, bool italic = false)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * factor);
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

QString timeOf(const QModelIndex &index)
{
    const QDateTime at = index.data(MessageListModel::CreatedAtRole).toDateTime();
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

} // namespace

MessageDelegate::MessageDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

int MessageDelegate::viewWidth(const QStyleOptionViewItem &option)
{
    // QListView hands sizeHint no useful rect: measure against the viewport.
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : 600;
}

MessageDelegate::Block MessageDelegate::measure(const QString &text, const QFont &font,
                                                const QColor &color, int width)
{
    Block block;
    block.text = text;
    block.font = font;
    block.color = color;
    block.wrapWidth = width;
    QTextLayout layout(text, font);
    QTextOption option;
    // Japanese, Chinese and Thai have no spaces between words; long URLs neither.
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    layout.beginLayout();
    qreal y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        block.naturalWidth = std::max(block.naturalWidth, line.naturalTextWidth());
    }
    layout.endLayout();
    block.height = std::ceil(y);
    block.naturalWidth = std::min<qreal>(std::ceil(block.naturalWidth), width);
    return block;
}

bool MessageDelegate::showsPicture(const QModelIndex &index)
{
    return !index.data(MessageListModel::ThumbnailRole).value<QImage>().isNull() ||
           !index.data(MessageListModel::ThumbnailUrlRole).toString().isEmpty();
}

void MessageDelegate::addAttachment(std::vector<Block> &blocks, const QModelIndex &index,
                                    const QFont &base, int inner)
{
    const QString type = index.data(MessageListModel::AttachmentTypeRole).toString();
    const QImage image = index.data(MessageListModel::ThumbnailRole).value<QImage>();
    const bool hasThumbnail = showsPicture(index);
    const int box = std::min(inner, kPictureBox);
    Block media;
    media.font = base;
    media.color = kInk;
    media.wrapWidth = inner;
    if (hasThumbnail) {
        media.kind = Block::Kind::Picture;
        media.image = image;
        media.label = tr("Loading picture…");
        const QSize natural = !image.isNull() ? image.size() : QSize(4, 3);
        const QSize fitted = natural.scaled(box, box, Qt::KeepAspectRatio);
        media.naturalWidth = std::max(48, fitted.width());
        media.height = std::max(36, fitted.height());
    } else {
        media.kind = Block::Kind::FileCard;
        media.text = index.data(MessageListModel::AttachmentNameRole).toString();
        media.font = scaled(base, 1.0, true);
        media.detailFont = scaled(base, 0.85);
        media.label = type == QLatin1String("application/pdf")   ? QStringLiteral("PDF")
                      : type.startsWith(QLatin1String("image/")) ? type.mid(6).toUpper().left(4)
                                                                 : tr("FILE");
        media.detail = QStringLiteral("%1 · %2").arg(
            OutgoingFile::sizeText(index.data(MessageListModel::AttachmentSizeRole).toLongLong()),
            type == QLatin1String("application/pdf") ? tr("PDF document") : tr("image"));
        const QFontMetrics name(media.font);
        const QFontMetrics detail(media.detailFont);
        media.naturalWidth =
            std::min(inner, std::max(kFileCardWidth,
                                     kFileIcon + 24 + detail.horizontalAdvance(media.detail)));
        media.height = std::max(kFileIcon, name.height() + detail.height() + 4) + 12;
    }
    blocks.push_back(media);
    const double progress = index.data(MessageListModel::UploadProgressRole).toDouble();
    if (progress >= 0) {
        Block bar;
        bar.kind = Block::Kind::Progress;
        bar.progress = progress;
        bar.naturalWidth = media.naturalWidth;
        bar.height = 6;
        blocks.push_back(bar);
    }
}

void MessageDelegate::drawMedia(QPainter *painter, const Block &block, const QPointF &topLeft)
{
    const QRectF area(topLeft, QSizeF(block.naturalWidth, block.height));
    switch (block.kind) {
    case Block::Kind::Picture: {
        QPainterPath clip;
        clip.addRoundedRect(area, 6, 6);
        painter->save();
        painter->setClipPath(clip);
        if (block.image.isNull()) {
            painter->fillRect(area, QColor(0xe6, 0xe9, 0xee));
            painter->setPen(kMuted);
            painter->setFont(scaled(block.font, 0.85));
            painter->drawText(area, Qt::AlignCenter | Qt::TextWordWrap, block.label);
        } else {
            painter->setRenderHint(QPainter::SmoothPixmapTransform);
            painter->drawImage(area, block.image);
        }
        painter->restore();
        break;
    }
    case Block::Kind::FileCard: {
        QPainterPath card;
        card.addRoundedRect(area, 6, 6);
        painter->fillPath(card, QColor(0xf7, 0xf8, 0xfa));
        painter->setPen(QPen(QColor(0xd9, 0xdd, 0xe3), 1));
        painter->drawPath(card);
        const QRectF icon(area.left() + 6, area.center().y() - kFileIcon / 2.0, kFileIcon,
                          kFileIcon);
        QPainterPath tile;
        tile.addRoundedRect(icon, 4, 4);
        painter->fillPath(tile, block.label == QLatin1String("PDF") ? QColor(0xc6, 0x28, 0x28)
                                                                    : QColor(0x1f, 0x4f, 0x99));
        painter->setPen(Qt::white);
        painter->setFont(scaled(block.detailFont, 0.9, true));
        painter->drawText(icon, Qt::AlignCenter, block.label);
        const qreal textLeft = icon.right() + 10;
        const qreal textWidth = area.right() - 6 - textLeft;
        const QFontMetrics name(block.font);
        const QFontMetrics detail(block.detailFont);
        const qreal top = area.center().y() - (name.height() + detail.height() + 4) / 2.0;
        painter->setPen(kInk);
        painter->setFont(block.font);
        painter->drawText(QRectF(textLeft, top, textWidth, name.height()), Qt::AlignLeft,
                          name.elidedText(block.text, Qt::ElideMiddle, int(textWidth)));
        painter->setPen(kMuted);
        painter->setFont(block.detailFont);
        painter->drawText(QRectF(textLeft, top + name.height() + 4, textWidth, detail.height()),
                          Qt::AlignLeft, block.detail);
        break;
    }
    case Block::Kind::Progress: {
        QPainterPath track;
        track.addRoundedRect(area, 3, 3);
        painter->fillPath(track, QColor(0xd9, 0xdd, 0xe3));
        QPainterPath done;
        done.addRoundedRect(
            QRectF(area.topLeft(), QSizeF(area.width() * block.progress, area.height())), 3, 3);
        painter->fillPath(done, kSelected);
        break;
    }
    case Block::Kind::Text:
        break;
    }
}

void MessageDelegate::draw(QPainter *painter, const Block &block, const QPointF &topLeft)
{
    if (block.kind != Block::Kind::Text) {
        drawMedia(painter, block, topLeft);
        return;
    }
    QTextLayout layout(block.text, block.font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal y = 0;
    const qreal width = block.wrapWidth;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    painter->setPen(block.color);
    layout.draw(painter, topLeft);
}

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem &option,
                                                const QModelIndex &index) const
{
    Layout l;
    const QFont base = option.font;
    const QFont small = scaled(base, 0.85);
    const QFont smallBold = scaled(base, 0.85, true);
    l.badgeFont = scaled(base, 0.8, true);
    const int width = viewWidth(option);
    const auto sender = protocol::Sender(index.data(MessageListModel::SenderRole).toInt());
    const auto status =
        protocol::TranslationStatus(index.data(MessageListModel::TranslationStatusRole).toInt());
    const QString text = index.data(MessageListModel::TextRole).toString();
    const QString translation = index.data(MessageListModel::TranslationTextRole).toString();
    const QString lang = index.data(MessageListModel::LangRole).toString();
    const QString translationLang = index.data(MessageListModel::TranslationLangRole).toString();
    const auto warnings =
        index.data(MessageListModel::WarningDetailsRole).value<std::vector<TranslationWarning>>();
    const bool fromTemplate = !index.data(MessageListModel::TemplateIdRole).toString().isEmpty();
    const auto delivery =
        MessageListModel::Delivery(index.data(MessageListModel::DeliveryRole).toInt());
    const bool failed = delivery == MessageListModel::Delivery::Failed;

    if (sender == protocol::Sender::System) {
        l.kind = Layout::Kind::System;
        const int inner = std::max(80, width - 4 * kOuterMargin);
        QString line = text;
        if (const QString t = timeOf(index); !t.isEmpty())
            line += QStringLiteral("  ·  ") + t;
        Block b = measure(line, small, kMuted, inner);
        const qreal x = (width - b.naturalWidth) / 2.0;
        l.blocks.emplace_back(b, QPointF(x, kRowGap + 2));
        l.height = int(b.height) + 2 * kRowGap + 4;
        return l;
    }

    const int maxBubble =
        std::min(width - 2 * kOuterMargin, std::max(kMinBubble, int(width * kBubbleShare)));
    const int inner = std::max(40, maxBubble - 2 * kPadding);
    std::vector<Block> blocks;
    auto add = [&](const QString &t, const QFont &f, const QColor &c) {
        if (!t.isEmpty())
            blocks.push_back(measure(t, f, c, inner));
    };

    const bool attachment = index.data(MessageListModel::IsAttachmentRole).toBool();
    // A picture says nothing of its name; a file card shows it already.
    const bool picture = attachment && showsPicture(index);
    if (sender == protocol::Sender::Patient) {
        l.kind = Layout::Kind::Patient;
        l.fill = QColor(0xff, 0xff, 0xff);
        l.border = QColor(0xd9, 0xdd, 0xe3);
        add(tr("Patient · %1").arg(timeOf(index)), small, kMuted);
        if (attachment) {
            // A file is not translated: what the patient sent is what the agent opens.
            addAttachment(blocks, index, base, inner);
            if (picture)
                add(index.data(MessageListModel::AttachmentNameRole).toString(), small, kMuted);
            add(tr("Double-click to open, right-click to save."), small, kMuted);
        } else if (status == protocol::TranslationStatus::Unavailable) {
            // The original stands where the Korean would be: say so before anything else.
            l.fill = QColor(0xff, 0xf4, 0xe0);
            l.border = QColor(0xe8, 0xa3, 0x3d);
            add(tr("NOT TRANSLATED — original %1 text:").arg(LanguageNames::name(lang)), smallBold,
                kAlarm);
            add(text, base, kInk);
        } else if (status == protocol::TranslationStatus::Pending || translation.isEmpty()) {
            add(tr("Translating…"), scaled(base, 1.0, false, true), kMuted);
            add(tr("Original (%1):").arg(LanguageNames::name(lang)), small, kMuted);
            add(text, base, kInk);
        } else {
            add(translation, base, kInk);
            add(tr("Original (%1):").arg(LanguageNames::name(lang)), small, kMuted);
            add(text, small, kMuted);
        }
    } else {
        l.kind = Layout::Kind::Own;
        l.fill = QColor(0xe3, 0xee, 0xfd);
        l.border = QColor(0xbc, 0xd3, 0xf3);
        QString state;
        if (delivery == MessageListModel::Delivery::Sending)
            state = tr("Sending…");
        else if (failed)
            state = tr("Not sent");
        else if (index.data(MessageListModel::ReadByPatientRole).toBool())
            state = tr("Read");
        else
            state = tr("Delivered");
        const QString name = index.data(MessageListModel::SenderNameRole).toString();
        add(QStringLiteral("%1 · %2 · %3")
                .arg(name.isEmpty() ? tr("Counselor") : name, timeOf(index), state),
            small, failed ? kAlarm : kMuted);
        if (attachment)
            addAttachment(blocks, index, base, inner);
        else
            add(text, base, kInk);
        const QString target = LanguageNames::name(translationLang);
        if (failed) {
            // The patient reads nothing of it: say why, and what the agent can do.
            l.fill = QColor(0xfd, 0xec, 0xec);
            l.border = kAlarm;
            add(index.data(MessageListModel::ErrorRole).toString(), smallBold, kAlarm);
            add(retryHint(index), small, kAlarm);
        } else if (attachment) {
            const double progress = index.data(MessageListModel::UploadProgressRole).toDouble();
            if (progress >= 0)
                add(tr("Uploading… %1 %").arg(int(std::round(progress * 100))), small, kMuted);
            else if (picture)
                add(text, small, kMuted);
        } else if (status == protocol::TranslationStatus::Unavailable) {
            l.border = QColor(0xe8, 0xa3, 0x3d);
            add(tr("NOT TRANSLATED — the patient sees the Korean text."), smallBold, kAlarm);
        } else if (status == protocol::TranslationStatus::Pending || translation.isEmpty()) {
            add(tr("The patient reads (%1): translating…").arg(target), small, kMuted);
        } else {
            add(tr("The patient reads (%1):").arg(target), small, kMuted);
            add(translation, small, kMuted);
        }
    }

    // Badges flow in rows under the text.
    const QFontMetrics bm(l.badgeFont);
    const int badgeHeight = bm.height() + 4;
    int bx = 0;
    int by = 0;
    int badgesWidth = 0;
    std::vector<std::pair<TranslationBadges::Badge, QRect>> badges;
    // A failed message has no translation the patient reads, so nothing to badge.
    // Nor a file, which is not translated.
    for (auto &badge : failed || attachment
                           ? std::vector<TranslationBadges::Badge>{}
                           : TranslationBadges::forMessage(status, warnings, fromTemplate)) {
        const int w = std::min(inner, bm.horizontalAdvance(badge.text) + 12);
        if (bx > 0 && bx + w > inner) {
            bx = 0;
            by += badgeHeight + kBadgeGap;
        }
        badges.emplace_back(badge, QRect(bx, by, w, badgeHeight));
        bx += w + kBadgeGap;
        badgesWidth = std::max(badgesWidth, bx - kBadgeGap);
    }
    const int badgesHeight = badges.empty() ? 0 : by + badgeHeight;

    qreal contentWidth = badgesWidth;
    qreal contentHeight = 0;
    for (const Block &b : blocks) {
        contentWidth = std::max(contentWidth, b.naturalWidth);
        contentHeight += b.height + kLineGap;
    }
    if (badgesHeight > 0)
        contentHeight += badgesHeight + kLineGap;
    contentHeight -= kLineGap;

    const int bubbleWidth = int(std::ceil(contentWidth)) + 2 * kPadding;
    const int bubbleHeight = int(std::ceil(contentHeight)) + 2 * kPadding;
    const int x = l.kind == Layout::Kind::Own ? width - kOuterMargin - bubbleWidth : kOuterMargin;
    l.bubble = QRect(x, kRowGap, bubbleWidth, bubbleHeight);
    qreal y = kRowGap + kPadding;
    for (const Block &b : blocks) {
        l.blocks.emplace_back(b, QPointF(x + kPadding, y));
        y += b.height + kLineGap;
    }
    for (auto &[badge, rect] : badges)
        l.badges.emplace_back(badge, rect.translated(x + kPadding, int(y)));
    l.height = bubbleHeight + 2 * kRowGap;
    return l;
}

QString MessageDelegate::retryHint(const QModelIndex &index) const
{
    using R = MessageListModel::Retry;
    switch (R(index.data(MessageListModel::RetryRole).toInt())) {
    case R::Offered:
        return m_retryShortcut.isEmpty()
                   ? tr("Right-click it to send it again.")
                   : tr("Right-click it, or select it and press %1, to send it again.")
                         .arg(m_retryShortcut.toString(QKeySequence::NativeText));
    case R::NeedsChange:
        return tr("It cannot be sent again as it is.");
    case R::ChatClosed:
        return tr("This chat is read only, so it cannot be sent again.");
    case R::None:
        break;
    }
    return {};
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        if (const QString hint = retryHint(index); !hint.isEmpty()) {
            QToolTip::showText(event->globalPos(),
                               index.data(MessageListModel::ErrorRole).toString() +
                                   QLatin1Char('\n') + hint,
                               view->viewport(), view->visualRect(index));
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    return QSize(viewWidth(option), layout(opt, index).height);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layout(opt, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(option.rect.topLeft());
    if (l.kind != Layout::Kind::System) {
        QPainterPath path;
        path.addRoundedRect(QRectF(l.bubble).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);
        painter->fillPath(path, l.fill);
        // Selection shows as an outline: the keyboard acts on it (copy, send again).
        const bool selected = opt.state & QStyle::State_Selected;
        painter->setPen(selected ? QPen(kSelected, 2) : QPen(l.border, 1));
        painter->drawPath(path);
    }
    for (const auto &[block, at] : l.blocks)
        draw(painter, block, at);
    painter->setFont(l.badgeFont);
    for (const auto &[badge, rect] : l.badges) {
        QPainterPath chip;
        chip.addRoundedRect(QRectF(rect), rect.height() / 2.0, rect.height() / 2.0);
        painter->fillPath(chip, badge.background);
        if (badge.alarming) {
            painter->setPen(QPen(badge.foreground, 1));
            painter->drawPath(chip);
        }
        painter->setPen(badge.foreground);
        painter->drawText(
            rect, Qt::AlignCenter,
            QFontMetrics(l.badgeFont).elidedText(badge.text, Qt::ElideRight, rect.width() - 8));
    }
    painter->restore();
}

} // namespace medtranslate::console
