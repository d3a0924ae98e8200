// The red-flag table and its matcher: realistic patient sentences in each language must fire
// with the right category, look-alikes must not, and the rules behind both (whole words,
// optional Vietnamese diacritics, width and kana folding, look-alikes) hold on their own.

#include "content/RedFlagDetector.h"

#include "CoreHarness.h"
#include "content/EmergencyReply.h"
#include "medtranslate/TsvTable.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using medtranslate::TsvTable;
using medtranslate::relay::EmergencyReply;
using medtranslate::relay::RedFlagDetector;
using medtranslate::relay::RedFlagHit;
using medtranslate::test::CoreHarness;

namespace {

const QStringList kLanguages{QStringLiteral("ko"), QStringLiteral("en"), QStringLiteral("ja"),
                             QStringLiteral("zh"), QStringLiteral("th"), QStringLiteral("vi")};

QString resources()
{
    return CoreHarness::sourceRoot() + QStringLiteral("/resources/red-flags");
}

const RedFlagDetector &shipped()
{
    static const RedFlagDetector detector = [] {
        RedFlagDetector d;
        QString error;
        if (!d.loadDirectory(resources() + QStringLiteral("/expressions"), &error))
            ADD_FAILURE() << error.toStdString();
        return d;
    }();
    return detector;
}

std::string describe(const std::vector<RedFlagHit> &hits)
{
    std::string out;
    for (const auto &hit : hits)
        out += hit.category.toStdString() + "[" + hit.words.join(u',').toStdString() + "] ";
    return out.empty() ? "nothing" : out;
}

bool hasCategory(const std::vector<RedFlagHit> &hits, const QString &category)
{
    return std::any_of(hits.begin(), hits.end(),
                       [&](const RedFlagHit &h) { return h.category == category; });
}

RedFlagDetector detectorWith(const QString &lang, const QString &wordings,
                             const QString &notWhen = {})
{
    RedFlagDetector d;
    EXPECT_TRUE(d.add(QStringLiteral("test"), lang, wordings, notWhen));
    return d;
}

class RedFlagCorpus : public ::testing::TestWithParam<std::string>
{
};

} // namespace

TEST(RedFlagDetector, ShippedTableHasThirtyExpressionsPerLanguage)
{
    for (const QString &lang : kLanguages)
        EXPECT_GE(shipped().expressionCount(lang), 30) << lang.toStdString();
}

TEST_P(RedFlagCorpus, RealSentencesFireAndLookAlikesDoNot)
{
    const QString lang = QString::fromStdString(GetParam());
    const QString path = CoreHarness::sourceRoot() +
                         QStringLiteral("/tests/relay/red-flag-corpus/") + lang +
                         QStringLiteral(".tsv");
    std::string error;
    const auto corpus = TsvTable::load(path.toStdString(), &error);
    ASSERT_TRUE(corpus) << error;
    const int expect = corpus->column("expect");
    const int category = corpus->column("category");
    const int text = corpus->column("text");
    ASSERT_GE(std::min({expect, category, text}), 0) << path.toStdString();
    int fired = 0, quiet = 0;
    for (size_t i = 0; i < corpus->rows().size(); ++i) {
        const auto &row = corpus->rows()[i];
        const QString sentence = QString::fromStdString(row[size_t(text)]);
        const auto hits = shipped().scan(sentence);
        const std::string where = path.toStdString() + ":" +
                                  std::to_string(corpus->lineNumbers()[i]) + " \"" +
                                  sentence.toStdString() + "\" found " + describe(hits);
        if (row[size_t(expect)] == "fire") {
            ++fired;
            EXPECT_TRUE(hasCategory(hits, QString::fromStdString(row[size_t(category)])))
                << where << ", expected " << row[size_t(category)];
            for (const auto &hit : hits) {
                for (const QString &w : hit.words)
                    EXPECT_TRUE(sentence.normalized(QString::NormalizationForm_KC).contains(w))
                        << where << ": the words are not the patient's own";
            }
        } else {
            ASSERT_EQ(row[size_t(expect)], "quiet") << where;
            ++quiet;
            EXPECT_TRUE(hits.empty()) << where;
        }
    }
    EXPECT_GE(fired, 30) << lang.toStdString();
    EXPECT_GE(quiet, 10) << lang.toStdString();
}

INSTANTIATE_TEST_SUITE_P(EveryLanguage, RedFlagCorpus,
                         ::testing::Values("ko", "en", "ja", "zh", "th", "vi"),
                         [](const auto &info) { return info.param; });

TEST(RedFlagDetector, LatinWordsMatchWholeWordsOnly)
{
    const auto d = detectorWith(QStringLiteral("en"), QStringLiteral("chest pain|heart attack"));
    EXPECT_FALSE(d.scan(QStringLiteral("I love chest painting")).size());
    EXPECT_FALSE(d.scan(QStringLiteral("heartburn and a heart attacker")).size());
    const auto hits = d.scan(QStringLiteral("Sudden CHEST   PAIN, help"));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].words, QStringList{QStringLiteral("CHEST   PAIN")});
}

TEST(RedFlagDetector, NegationStillFires)
{
    // A patient who writes about chest pain at all is worth a nurse's look.
    const auto d = detectorWith(QStringLiteral("en"), QStringLiteral("chest pain"));
    EXPECT_EQ(d.scan(QStringLiteral("no chest pain now")).size(), 1u);
}

TEST(RedFlagDetector, LookAlikeSilencesOnlyTheMatchItCovers)
{
    const auto d =
        detectorWith(QStringLiteral("en"), QStringLiteral("seizure"), QStringLiteral("seizure of"));
    EXPECT_TRUE(d.scan(QStringLiteral("the seizure of assets")).empty());
    const auto hits = d.scan(QStringLiteral("after the seizure of assets he had a seizure"));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].words, QStringList{QStringLiteral("seizure")});
}

TEST(RedFlagDetector, VietnameseDiacriticsAreOptionalButNotInterchangeable)
{
    const auto d = detectorWith(QStringLiteral("vi"), QStringLiteral("tự tử|khó thở"));
    EXPECT_EQ(d.scan(QStringLiteral("em muốn tự tử")).size(), 1u);
    EXPECT_EQ(d.scan(QStringLiteral("em muon tu tu")).size(), 1u);
    EXPECT_EQ(d.scan(QStringLiteral("KHO THỞ")).size(), 1u);
    // Written with other diacritics it is another word: "từ từ" is "slowly".
    EXPECT_TRUE(d.scan(QStringLiteral("từ từ thôi")).empty());
    // Decomposed input (some keyboards) is the same text.
    EXPECT_EQ(d.scan(QStringLiteral("khó thở").normalized(QString::NormalizationForm_D)).size(),
              1u);
}

TEST(RedFlagDetector, WidthKanaAndSpacesAreIgnoredWhereTheScriptHasNoSpaces)
{
    const auto ja = detectorWith(QStringLiteral("ja"), QStringLiteral("けいれん"));
    EXPECT_EQ(ja.scan(QStringLiteral("ケイレンしてる")).size(), 1u);
    EXPECT_EQ(ja.scan(QStringLiteral("ｹｲﾚﾝしてる")).size(), 1u); // half-width katakana
    const auto ko = detectorWith(QStringLiteral("ko"), QStringLiteral("숨을 못 쉬"));
    EXPECT_EQ(ko.scan(QStringLiteral("숨을못쉬겠어요")).size(), 1u);
    EXPECT_EQ(ko.scan(QStringLiteral("숨을   못쉬어요")).size(), 1u);
    const auto en = detectorWith(QStringLiteral("en"), QStringLiteral("can't breathe"));
    EXPECT_EQ(en.scan(QStringLiteral("ＣＡＮＴ ＢＲＥＡＴＨＥ")).size(), 1u);
}

TEST(RedFlagDetector, OneHitPerCategoryWithEveryDistinctWording)
{
    RedFlagDetector d;
    ASSERT_TRUE(d.add(QStringLiteral("breathing"), QStringLiteral("en"),
                      QStringLiteral("cant breathe"), {}));
    ASSERT_TRUE(
        d.add(QStringLiteral("breathing"), QStringLiteral("ko"), QStringLiteral("숨을 못 쉬"), {}));
    ASSERT_TRUE(d.add(QStringLiteral("chest_pain"), QStringLiteral("en"),
                      QStringLiteral("chest pain"), {}));
    const auto hits = d.scan(QStringLiteral("chest pain, cant breathe, 숨을 못 쉬어요"));
    ASSERT_EQ(hits.size(), 2u) << describe(hits);
    EXPECT_EQ(hits[0].category, QStringLiteral("breathing"));
    EXPECT_EQ(hits[0].words,
              (QStringList{QStringLiteral("cant breathe"), QStringLiteral("숨을 못 쉬")}));
    EXPECT_EQ(hits[1].category, QStringLiteral("chest_pain"));
    EXPECT_TRUE(d.scan(QStringLiteral("   ")).empty());
}

TEST(RedFlagDetector, BadTablesAreRefusedWithTheFileNamed)
{
    RedFlagDetector d;
    QString error;
    EXPECT_FALSE(d.add(QString(), QStringLiteral("en"), QStringLiteral("chest pain"), {}, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(
        d.add(QStringLiteral("x"), QStringLiteral("en"), QStringLiteral(" | ,"), {}, &error));
    EXPECT_TRUE(d.scan(QStringLiteral(", chest pain")).empty()) << "nothing half-added";

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile f(dir.filePath(name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
    };
    write(QStringLiteral("en.tsv"), "category\ten\tnot_when\nchest_pain\t\t\n");
    RedFlagDetector empty;
    EXPECT_FALSE(empty.loadDirectory(dir.path(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("en.tsv"))) << error.toStdString();
    EXPECT_FALSE(empty.loadDirectory(dir.filePath(QStringLiteral("missing")), &error));
}

TEST(EmergencyReply, ShippedReplyNamesTheDepartmentAndPhoneInEveryLanguage)
{
    EmergencyReply reply;
    QString error;
    ASSERT_TRUE(reply.load(resources() + QStringLiteral("/reply.tsv"), &error))
        << error.toStdString();
    for (const QString &lang : kLanguages) {
        const QString text = reply.text(lang);
        EXPECT_TRUE(text.contains(QStringLiteral("119"))) << lang.toStdString();
        EXPECT_FALSE(text.contains(u'{')) << text.toStdString();
        EXPECT_FALSE(text.contains(QStringLiteral("  "))) << text.toStdString();
    }
    EXPECT_TRUE(reply.text(QStringLiteral("en"))
                    .contains(QStringLiteral("our hospital's emergency department")));
    reply.setDepartment(QStringLiteral("Seoul Medical Center ER"), QStringLiteral("02-1234-5678"));
    for (const QString &lang : kLanguages) {
        const QString text = reply.text(lang);
        EXPECT_TRUE(text.contains(QStringLiteral("Seoul Medical Center ER"))) << text.toStdString();
        EXPECT_TRUE(text.contains(QStringLiteral("02-1234-5678"))) << text.toStdString();
    }
    EXPECT_EQ(reply.text(QStringLiteral("xx")), reply.text(QStringLiteral("ko")));
}

TEST(EmergencyReply, AReplyMissingALanguageIsRefused)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile f(dir.filePath(QStringLiteral("reply.tsv")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("id\tko\ten\nreply\t119\tCall 119\ndepartment\t응급실\tthe ER\n");
    f.close();
    EmergencyReply reply;
    QString error;
    EXPECT_FALSE(reply.load(f.fileName(), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("'ja'"))) << error.toStdString();
    EXPECT_FALSE(reply.load(dir.filePath(QStringLiteral("none.tsv")), &error));
}

TEST(RedFlagDetector, ALongestMessageIsScannedWithoutHoldingUpDelivery)
{
    // The scan runs on the relay's thread before each patient message is stored; a message
    // of --max-text-chars (4000) full of matches and look-alikes must still be quick.
    QString worst;
    while (worst.size() < 4000)
        worst += QStringLiteral("stroke the cat, a stroke of luck, chest pain, 숨을 못 쉬어요, ");
    worst.truncate(4000);
    QElapsedTimer timer;
    timer.start();
    size_t found = 0;
    for (int i = 0; i < 10; ++i)
        found += shipped().scan(worst).size();
    EXPECT_GE(found, 20u);
    // Generous for a loaded test machine; a scan takes a few milliseconds.
    EXPECT_LT(timer.elapsed(), 2000) << "10 scans took " << timer.elapsed() << " ms";
}
