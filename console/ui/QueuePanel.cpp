#include "ui/QueuePanel.h"

#include "client/QueueModel.h"
#include "client/RoomFilterModel.h"
#include "ui/QueueDelegate.h"
#include "ui/RoomFilterBar.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace medtranslate::console {

QueuePanel::QueuePanel(QueueModel *model, QWidget *parent)
    : QWidget(parent), m_model(model),
      m_filtered(
          new RoomFilterModel(QueueModel::UrgentRole, -1, QueueModel::AnswerLaterRole, this)),
      m_title(new QLabel(this)), m_stack(new QStackedWidget(this)), m_list(new QListView(this)),
      m_accept(new QPushButton(tr("Accept"), this))
{
    m_filtered->setSourceModel(model);
    m_filters = new RoomFilterBar(m_filtered,
                                  {{RoomFilterModel::Filter::Waiting, tr("Waiting %1")},
                                   {RoomFilterModel::Filter::Urgent, tr("Urgent %1")},
                                   {RoomFilterModel::Filter::AnswerLater, tr("Answer later %1")}},
                                  this);
    m_filters->setObjectName(QStringLiteral("queueFilters"));
    m_title->setStyleSheet(QStringLiteral("font-weight: bold; padding: 4px 2px;"));
    m_list->setModel(m_filtered);
    m_list->setItemDelegate(new QueueDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setAccessibleName(tr("Waiting patients"));
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #5f6670;"));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_list);
    m_accept->setToolTip(tr("Take the selected patient's consultation"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_filters);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_accept);

    connect(m_accept, &QPushButton::clicked, this, &QueuePanel::acceptSelected);
    connect(m_list, &QListView::doubleClicked, this, &QueuePanel::acceptSelected);
    // The filtered list: a filter change resets or moves its rows too.
    connect(m_filtered, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateState);
    connect(m_filtered, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateState);
    connect(m_filtered, &QAbstractItemModel::modelReset, this, &QueuePanel::updateState);
    connect(m_filtered, &QAbstractItemModel::layoutChanged, this, &QueuePanel::updateState);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueuePanel::updateState);
    m_clock.setInterval(15000);
    connect(&m_clock, &QTimer::timeout, model, &QueueModel::refreshWaitingTimes);
    m_clock.start();
    updateState();
}

QString QueuePanel::selectedRoomId() const
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return rows.first().data(QueueModel::RoomIdRole).toString();
    // With one patient in view there is nothing to choose.
    return m_filtered->rowCount() == 1
               ? m_filtered->index(0, 0).data(QueueModel::RoomIdRole).toString()
               : QString();
}

void QueuePanel::updateState()
{
    m_title->setText(tr("Waiting patients (%1)").arg(m_model->rowCount()));
    m_stack->setCurrentIndex(m_filtered->rowCount() > 0 ? 1 : 0);
    m_empty->setText(m_model->rowCount() == 0 ? tr("No patient is waiting.")
                                              : tr("No waiting patient in this list."));
    m_accept->setEnabled(!selectedRoomId().isEmpty());
}

void QueuePanel::acceptSelected()
{
    const QString id = selectedRoomId();
    if (!id.isEmpty())
        emit acceptRequested(id);
}

} // namespace medtranslate::console
