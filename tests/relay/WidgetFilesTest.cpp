#include "HttpClient.h"
#include "ScriptedTranslator.h"
#include "TestRelay.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace medtranslate::test {

namespace {
bool writeFile(const QString &path, const QByteArray &content, const QDateTime &modified)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) < 0)
        return false;
    // An explicit time, so a change within the file system's time resolution still shows.
    return file.setFileTime(modified, QFileDevice::FileModificationTime);
}
} // namespace

// The widget's files come from a folder of the test's own, so it can change them.
class WidgetFilesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(folder.isValid());
        ASSERT_TRUE(writeFile(folder.filePath(QStringLiteral("widget.js")), "/* version 1 */",
                              QDateTime::currentDateTimeUtc().addSecs(-60)));
        relay = std::make_unique<TestRelay>(
            [this](relay::RelayConfig &config) { config.widgetDir = folder.path(); });
        ASSERT_TRUE(relay->start(new ScriptedTranslator));
    }

    QTemporaryDir folder;
    std::unique_ptr<TestRelay> relay;
};

TEST_F(WidgetFilesTest, BrowsersRevalidateAndGetA304UntilTheFileChanges)
{
    const QUrl url = relay->http(QStringLiteral("/widget.js"));
    const auto first = HttpClient::get(url);
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.body, "/* version 1 */");
    const QByteArray etag = first.header("ETag");
    ASSERT_TRUE(etag.startsWith('"') && etag.endsWith('"')) << etag.toStdString();
    EXPECT_EQ(first.header("Cache-Control"), "no-cache");

    const auto again = HttpClient::get(url, {}, 5000, {{"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.isEmpty());
    const auto other = HttpClient::get(url, {}, 5000, {{"If-None-Match", "\"something-else\""}});
    EXPECT_EQ(other.status, 200);

    // The hospital edits the file while the relay runs: the next request gets the new one.
    ASSERT_TRUE(writeFile(folder.filePath(QStringLiteral("widget.js")), "/* version 2 */",
                          QDateTime::currentDateTimeUtc()));
    const auto changed = HttpClient::get(url, {}, 5000, {{"If-None-Match", etag}});
    EXPECT_EQ(changed.status, 200);
    EXPECT_EQ(changed.body, "/* version 2 */");
    EXPECT_NE(changed.header("ETag"), etag);

    // A file removed is gone, not served from memory.
    ASSERT_TRUE(QFile::remove(folder.filePath(QStringLiteral("widget.js"))));
    EXPECT_EQ(HttpClient::get(url).status, 404);
}

TEST_F(WidgetFilesTest, ApiAnswersAreStillNeverCached)
{
    const auto health = HttpClient::get(relay->http(QStringLiteral("/health")));
    ASSERT_EQ(health.status, 200);
    EXPECT_EQ(health.header("Cache-Control"), "no-store");
    EXPECT_TRUE(health.header("ETag").isEmpty());
}

} // namespace medtranslate::test
