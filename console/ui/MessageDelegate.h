#pragma once

#include "ui/TranslationBadges.h"

#include <QStyledItemDelegate>
#include <vector>

namespace medtranslate::console {

//! Paints one chat message. A patient's message shows the Korean translation first and the
//! original under it with its language; when it could not be translated it says so in red and
//! shows the original alone. The agent's own message shows the Korean text and what the
//! patient reads. Badges name the translation's status and warnings; system notices are
//! centred lines.
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;

private:
    struct Block
    {
        QString text;
        QFont font;
        QColor color;
        qreal height = 0;
        qreal naturalWidth = 0;
        int wrapWidth = 0; //!< paint wraps where measure did
    };
    struct Layout
    {
        enum class Kind { Patient, Own, System } kind = Kind::System;
        QRect bubble;
        QColor fill;
        QColor border;
        std::vector<std::pair<Block, QPointF>> blocks; //!< block and its top-left
        std::vector<std::pair<TranslationBadges::Badge, QRect>> badges;
        QFont badgeFont;
        int height = 0;
    };

    [[nodiscard]] Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    [[nodiscard]] static int viewWidth(const QStyleOptionViewItem &option);
    static Block measure(const QString &text, const QFont &font, const QColor &color, int width);
    static void draw(QPainter *painter, const Block &block, const QPointF &topLeft);
};

} // namespace medtranslate::console
