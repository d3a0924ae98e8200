#pragma once

#include "client/RoomFilterModel.h"

#include <QTabBar>
#include <vector>

namespace medtranslate::console {

//! Tabs over a room list ("All (4)", "Urgent (1)", ...): choosing one sets the filter, and the
//! counts follow the list as rooms come, go and change.
class RoomFilterBar final : public QTabBar
{
    Q_OBJECT

public:
    struct Choice
    {
        RoomFilterModel::Filter filter;
        QString label; //!< "%1" is replaced by the count
    };

    RoomFilterBar(RoomFilterModel *model, std::vector<Choice> choices, QWidget *parent = nullptr);

    //! Chooses the tab of `filter` (tests, a view that opens on urgent rooms).
    void choose(RoomFilterModel::Filter filter);

private:
    void updateCounts();

    RoomFilterModel *m_model;
    std::vector<Choice> m_choices;
};

} // namespace medtranslate::console
