#include "ui/RoomFilterBar.h"

namespace medtranslate::console {

RoomFilterBar::RoomFilterBar(RoomFilterModel *model, std::vector<Choice> choices, QWidget *parent)
    : QTabBar(parent), m_model(model), m_choices(std::move(choices))
{
    setExpanding(false);
    setDrawBase(false);
    // Four tabs must fit the side panel's width without scroll arrows.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    setFont(small);
    setElideMode(Qt::ElideNone);
    for (const Choice &c : m_choices)
        addTab(c.label.arg(0));
    // The first tab is chosen when added, before the connection below: the list must show it.
    if (!m_choices.empty())
        m_model->setFilter(m_choices.front().filter);
    connect(this, &QTabBar::currentChanged, this, [this](int index) {
        if (index >= 0 && index < int(m_choices.size()))
            m_model->setFilter(m_choices[size_t(index)].filter);
    });
    QAbstractItemModel *source = model->sourceModel();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(source, signal, this, &RoomFilterBar::updateCounts);
    connect(source, &QAbstractItemModel::modelReset, this, &RoomFilterBar::updateCounts);
    connect(source, &QAbstractItemModel::dataChanged, this, &RoomFilterBar::updateCounts);
    updateCounts();
}

void RoomFilterBar::choose(RoomFilterModel::Filter filter)
{
    for (size_t i = 0; i < m_choices.size(); ++i) {
        if (m_choices[i].filter == filter)
            setCurrentIndex(int(i));
    }
}

void RoomFilterBar::updateCounts()
{
    for (size_t i = 0; i < m_choices.size(); ++i) {
        const int count = m_model->countOf(m_choices[i].filter);
        setTabText(int(i), m_choices[i].label.arg(count));
        // An urgent room that is not in view must still catch the eye.
        if (m_choices[i].filter == RoomFilterModel::Filter::Urgent)
            setTabTextColor(int(i), count > 0 ? QColor(0xd9, 0x30, 0x25) : QColor());
    }
}

} // namespace medtranslate::console
