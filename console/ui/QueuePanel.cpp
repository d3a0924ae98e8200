#include "ui/QueuePanel.h"

#include "client/QueueModel.h"
#include "ui/QueueDelegate.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace medtranslate::console {

QueuePanel::QueuePanel(QueueModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_title(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_list(new QListView(this)), m_accept(new QPushButton(tr("Accept"), this))
{
    m_title->setStyleSheet(QStringLiteral("font-weight: bold; padding: 4px 2px;"));
    m_list->setModel(model);
    m_list->setItemDelegate(new QueueDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setAccessibleName(tr("Waiting patients"));
    auto *empty = new QLabel(tr("No patient is waiting."), this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setStyleSheet(QStringLiteral("color: #5f6670;"));
    m_stack->addWidget(empty);
    m_stack->addWidget(m_list);
    m_accept->setToolTip(tr("Take the selected patient's consultation"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_accept);

    connect(m_accept, &QPushButton::clicked, this, &QueuePanel::acceptSelected);
    connect(m_list, &QListView::doubleClicked, this, &QueuePanel::acceptSelected);
    connect(model, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateState);
    connect(model, &QAbstractItemModel::modelReset, this, &QueuePanel::updateState);
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
    // With one patient waiting there is nothing to choose.
    return m_model->rowCount() == 1 ? m_model->roomIdAt(0) : QString();
}

void QueuePanel::updateState()
{
    const int count = m_model->rowCount();
    m_title->setText(tr("Waiting patients (%1)").arg(count));
    m_stack->setCurrentIndex(count > 0 ? 1 : 0);
    m_accept->setEnabled(!selectedRoomId().isEmpty());
}

void QueuePanel::acceptSelected()
{
    const QString id = selectedRoomId();
    if (!id.isEmpty())
        emit acceptRequested(id);
}

} // namespace medtranslate::console
