// The vetted phrases and quick replies are correct translations: the safety checker must not
// warn on any of them, or counselors learn to click warnings away.
#include "PipelineHarness.h"
#include "translation/SafetyChecker.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;

namespace {

const QStringList kLanguages = {QStringLiteral("en"), QStringLiteral("ja"), QStringLiteral("zh"),
                                QStringLiteral("th"), QStringLiteral("vi")};

struct Row
{
    QString file;
    QString id;
    QHash<QString, QString> text; // language → text
};

// Rows of every *.tsv in `folder`: '#' lines are comments, the first other line names columns.
std::vector<Row> readRows(const QString &folder)
{
    std::vector<Row> rows;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.tsv")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QStringList header;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            const QString trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
                continue;
            const QStringList cells = line.split(QLatin1Char('\t'));
            if (header.isEmpty()) {
                header = cells;
                continue;
            }
            Row row{name, cells.value(0), {}};
            for (qsizetype i = 0; i < header.size() && i < cells.size(); ++i)
                row.text.insert(header.at(i).trimmed(), cells.at(i).trimmed());
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

} // namespace

TEST(SafetyCheckerVettedTest, PhrasesAndTemplatesRaiseNoWarning)
{
    std::vector<Row> rows =
        readRows(PipelineHarness::sourceRoot() + QStringLiteral("/resources/phrases"));
    const std::vector<Row> templates =
        readRows(PipelineHarness::sourceRoot() + QStringLiteral("/resources/templates"));
    rows.insert(rows.end(), templates.begin(), templates.end());

    int pairs = 0;
    std::vector<std::string> warned;
    for (const Row &row : rows) {
        const QString ko = row.text.value(QStringLiteral("ko"));
        for (const QString &lang : kLanguages) {
            const QString other = row.text.value(lang);
            if (ko.isEmpty() || other.isEmpty())
                continue;
            const std::pair<QString, QString> directions[] = {{ko, other}, {other, ko}};
            for (const auto &[source, translation] : directions) {
                ++pairs;
                const QStringList warnings = SafetyChecker::check(source, translation);
                if (!warnings.isEmpty())
                    warned.push_back((row.file + QLatin1Char(' ') + row.id + QLatin1Char(' ') +
                                      (source == ko ? QStringLiteral("ko→") + lang
                                                    : lang + QStringLiteral("→ko")) +
                                      QStringLiteral(": ") + warnings.join(QLatin1Char(',')) +
                                      QStringLiteral(" | ") + source + QStringLiteral(" | ") +
                                      translation)
                                         .toStdString());
            }
        }
    }
    // About 450 rows in six languages: far fewer pairs means the files were not found.
    EXPECT_GE(pairs, 4000);
    EXPECT_TRUE(warned.empty()) << warned.size() << " of " << pairs << " pairs warned, first:\n"
                                << [&warned] {
                                       std::string list;
                                       for (size_t i = 0; i < warned.size() && i < 40; ++i)
                                           list += warned[i] + '\n';
                                       return list;
                                   }();
}
