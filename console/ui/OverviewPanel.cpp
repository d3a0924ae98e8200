#include "ui/OverviewPanel.h"

#include "client/OverviewModel.h"
#include "client/RoomFilterModel.h"
#include "ui/OverviewDelegate.h"
#include "ui/RoomFilterBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace medtranslate::console {

OverviewPanel::OverviewPanel(OverviewModel *model, QWidget *parent)
    : QWidget(parent), m_model(model),
      m_filtered(
          new RoomFilterModel(OverviewModel::UrgentRole, OverviewModel::ActiveRole, -1, this)),
      m_stack(new QStackedWidget(this)), m_list(new QListView(this)),
      m_takeOver(new QPushButton(tr("Take over"), this)),
      m_reassign(new QPushButton(tr("Reassign…"), this))
{
    m_filtered->setSourceModel(model);
    m_filters = new RoomFilterBar(m_filtered,
                                  {{RoomFilterModel::Filter::All, tr("All %1")},
                                   {RoomFilterModel::Filter::Urgent, tr("Urgent %1")},
                                   {RoomFilterModel::Filter::Waiting, tr("Waiting %1")},
                                   {RoomFilterModel::Filter::Active, tr("In a chat %1")}},
                                  this);
    m_filters->setObjectName(QStringLiteral("overviewFilters"));
    m_list->setObjectName(QStringLiteral("overviewList"));
    m_list->setModel(m_filtered);
    m_list->setItemDelegate(new OverviewDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setAccessibleName(tr("All consultations of the desk"));
    auto *empty = new QLabel(tr("No consultation in this list."), this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setStyleSheet(QStringLiteral("color: #5f6670;"));
    m_stack->addWidget(empty);
    m_stack->addWidget(m_list);
    m_takeOver->setToolTip(tr("Take this consultation yourself"));
    m_reassign->setToolTip(tr("Give this consultation to another counselor"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_takeOver);
    buttons->addWidget(m_reassign);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_filters);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_takeOver, &QPushButton::clicked, this, [this]() {
        if (const QString id = selectedRoomId(); !id.isEmpty())
            emit takeOverRequested(id);
    });
    connect(m_reassign, &QPushButton::clicked, this, [this]() {
        if (const QString id = selectedRoomId(); !id.isEmpty())
            emit reassignRequested(id);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filtered, signal, this, &OverviewPanel::updateState);
    connect(m_filtered, &QAbstractItemModel::modelReset, this, &OverviewPanel::updateState);
    connect(m_filtered, &QAbstractItemModel::layoutChanged, this, &OverviewPanel::updateState);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OverviewPanel::updateState);
    m_clock.setInterval(15000);
    connect(&m_clock, &QTimer::timeout, model, &OverviewModel::refreshWaitingTimes);
    m_clock.start();
    updateState();
}

QString OverviewPanel::selectedRoomId() const
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(OverviewModel::RoomIdRole).toString();
}

void OverviewPanel::updateState()
{
    m_stack->setCurrentIndex(m_filtered->rowCount() > 0 ? 1 : 0);
    const bool chosen = !selectedRoomId().isEmpty();
    m_takeOver->setEnabled(chosen);
    m_reassign->setEnabled(chosen);
}

} // namespace medtranslate::console
