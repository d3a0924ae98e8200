#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace medtranslate::console {

class QueueModel;
class RoomFilterBar;
class RoomFilterModel;

//! The waiting patients and the Accept button. Emits the agent's choice; it sends nothing.
class QueuePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit QueuePanel(QueueModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QString selectedRoomId() const;
    [[nodiscard]] QListView *list() const { return m_list; }
    [[nodiscard]] RoomFilterBar *filters() const { return m_filters; }

signals:
    void acceptRequested(const QString &roomId);

private:
    void updateState();
    void acceptSelected();

    QueueModel *m_model;
    RoomFilterModel *m_filtered;
    RoomFilterBar *m_filters = nullptr;
    QLabel *m_title;
    QLabel *m_empty = nullptr;
    QStackedWidget *m_stack;
    QListView *m_list;
    QPushButton *m_accept;
    QTimer m_clock;
};

} // namespace medtranslate::console
