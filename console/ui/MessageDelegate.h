#pragma once

#include "ui/TranslationBadges.h"

#include <QImage>
#include <QKeySequence>
#include <QStyledItemDelegate>
#include <vector>

namespace medtranslate::console {

//! Paints one chat message. A patient's message shows the Korean translation first and the
//! original under it with its language; when it could not be translated it says so in red and
//! shows the original alone. The agent's own message shows the Korean text and what the
//! patient reads. Badges name the translation's status and warnings; system notices are
//! centred lines. A message the relay refused says why and how to send it again, or why it
//! cannot be; its tooltip repeats it.
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QObject *parent = nullptr);

    //! The key the view sends a failed message again with, named in the hint.
    void setRetryShortcut(const QKeySequence &shortcut) { m_retryShortcut = shortcut; }
    //! What a failed message tells the agent to do (empty for other messages).
    [[nodiscard]] QString retryHint(const QModelIndex &index) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    struct Block
    {
        QString text;
        QFont font;
        QColor color;
        qreal height = 0;
        qreal naturalWidth = 0;
        int wrapWidth = 0; //!< paint wraps where measure did
        //! An attachment: its picture (a placeholder while the picture is not there), a card
        //! naming a file without one, or an upload's progress bar.
        enum class Kind { Text, Picture, FileCard, Progress } kind = Kind::Text;
        QImage image;
        QString detail; //!< FileCard: size and type
        QString label;  //!< FileCard: "PDF"; Picture placeholder: what it waits for
        QFont detailFont;
        double progress = 0;
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
    //! The blocks that show an attachment, fitted to `inner` px.
    static void addAttachment(std::vector<Block> &blocks, const QModelIndex &index,
                              const QFont &base, int inner);
    //! An image with a thumbnail (or a local preview) shows as a picture, else as a file card.
    [[nodiscard]] static bool showsPicture(const QModelIndex &index);
    static void drawMedia(QPainter *painter, const Block &block, const QPointF &topLeft);

    QKeySequence m_retryShortcut;
};

} // namespace medtranslate::console
