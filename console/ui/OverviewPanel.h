#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace medtranslate::console {

class OverviewModel;
class RoomFilterBar;
class RoomFilterModel;

//! The supervisors' view of the whole desk: every waiting and active room with its counselor
//! and how long the patient has waited, filtered by tabs, with "take over" and "reassign".
//! Emits the supervisor's choice; it sends nothing.
class OverviewPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewPanel(OverviewModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QString selectedRoomId() const;
    [[nodiscard]] QListView *list() const { return m_list; }
    [[nodiscard]] RoomFilterBar *filters() const { return m_filters; }
    [[nodiscard]] QPushButton *takeOverButton() const { return m_takeOver; }
    [[nodiscard]] QPushButton *reassignButton() const { return m_reassign; }

signals:
    //! The supervisor takes the room for itself (a waiting one, or a colleague's).
    void takeOverRequested(const QString &roomId);
    //! The supervisor gives the room to a colleague it will choose.
    void reassignRequested(const QString &roomId);

private:
    void updateState();

    OverviewModel *m_model;
    RoomFilterModel *m_filtered;
    RoomFilterBar *m_filters;
    QStackedWidget *m_stack;
    QListView *m_list;
    QPushButton *m_takeOver;
    QPushButton *m_reassign;
    QTimer m_clock;
};

} // namespace medtranslate::console
