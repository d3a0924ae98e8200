#include <gtest/gtest.h>

#ifdef MEDTRANSLATE_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

// Every suite gets a Qt application so event loops, sockets and timers work.
int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
#ifdef MEDTRANSLATE_TEST_GUI
    // Widget tests never need a display; test discovery at build time runs without CTest's
    // environment, so the platform is chosen here too.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    TestApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
