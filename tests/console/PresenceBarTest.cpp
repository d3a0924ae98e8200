#include "ui/PresenceBar.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace medtranslate::console;
namespace protocol = medtranslate::protocol;
using protocol::AgentStatus;

TEST(PresenceBar, ShowsOwnStatusFromTheRelayAndCountsColleagues)
{
    PresenceBar bar;
    auto *chooser = bar.findChild<QComboBox *>(QStringLiteral("statusChooser"));
    auto *colleagues = bar.findChild<QLabel *>(QStringLiteral("colleagues"));
    ASSERT_TRUE(chooser && colleagues);
    QSignalSpy chosen(&bar, &PresenceBar::statusChosen);

    bar.showAgents({{"me", "김민지", AgentStatus::Away, 1},
                    {"a2", "이서준", AgentStatus::Online, 2},
                    {"a3", "박지훈", AgentStatus::Away, 0},
                    {"a4", "최유나", AgentStatus::Offline, 1}},
                   QStringLiteral("me"));
    // The relay's word sets the chooser without sending it back.
    EXPECT_EQ(AgentStatus(chooser->currentData().toInt()), AgentStatus::Away);
    EXPECT_EQ(chosen.count(), 0);
    EXPECT_EQ(colleagues->text(), QStringLiteral("Colleagues: 1 available, 1 away"));
    EXPECT_TRUE(colleagues->toolTip().contains(QStringLiteral("이서준 — available, 2 chat(s)")))
        << colleagues->toolTip().toStdString();
    EXPECT_TRUE(colleagues->toolTip().contains(QStringLiteral("최유나 — offline")));
    EXPECT_FALSE(colleagues->toolTip().contains(QStringLiteral("김민지")));

    // The counselor picks available: that is what the bar asks to send.
    const int available = chooser->findData(int(AgentStatus::Online));
    ASSERT_GE(available, 0);
    emit chooser->activated(available);
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosen.at(0).at(0).value<AgentStatus>(), AgentStatus::Online);
}
