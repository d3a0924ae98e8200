// Runs every sentence of corpus/safety-corpus.jsonl through the pipeline as production does (a
// fake provider answers the corpus translation for the masked source, so the real masking,
// answer screening and checks run) and measures each check: a broken translation it lets
// through is a miss, a warning on a good one is a false warning. Prints the table that
// scripts/bench-safety.sh shows.
#include "SafetyCorpus.h"

#include "PipelineHarness.h"
#include "translation/PiiMasker.h"

#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <numeric>
#include <set>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;
using medtranslate::test::SafetyCorpus;

namespace {

const QString kRejected = QStringLiteral("rejected");

struct Result
{
    const SafetyCorpus::Entry *entry = nullptr;
    std::set<QString> raised; //!< warning kinds, and "rejected" when no translation came back
    QString text;
    //! Answered without a provider (a vetted phrase, or nothing to translate): the corpus
    //! translation never reached the checks, so the entry measures nothing.
    bool vetted = false;
    [[nodiscard]] bool caught() const { return raised.count(entry->expect) > 0; }
};

QString joined(const std::set<QString> &kinds)
{
    QStringList list(kinds.begin(), kinds.end());
    return list.isEmpty() ? QStringLiteral("none") : list.join(u',');
}

//! The answer a model gives for the masked source: the translation with each masked name
//! replaced by its token, as the model was told to keep it.
QString maskedAnswer(const MaskedText &masked, QString translation)
{
    for (const auto &p : masked.placeholders)
        translation.replace(p.original, p.token);
    return translation;
}

std::vector<Result> runAll(const SafetyCorpus &corpus)
{
    PipelineHarness h({QStringLiteral("anthropic")},
                      [](TranslationConfig &c) { c.cacheMemoryEntries = 0; });
    const auto resources = PipelineHarness::resources();
    std::vector<Result> results;
    for (const auto &e : corpus.entries()) {
        MaskedText masked = PiiMasker::mask(e.source);
        resources.protectedTerms.protect(masked);
        h.anthropic.setTranslation(masked.text, maskedAnswer(masked, e.translation));
        Result r;
        r.entry = &e;
        const auto outcome = h.translate(e.source, e.sourceLang, e.targetLang);
        EXPECT_TRUE(outcome.has_value()) << e.id.toStdString() << ": no answer";
        if (!outcome)
            continue;
        if (outcome->translation.status == protocol::TranslationStatus::Unavailable)
            r.raised.insert(kRejected);
        for (const auto &w : outcome->translation.typedWarnings()) {
            if (w.kind != protocol::TranslationWarning::Kind::ProvidersFailed)
                r.raised.insert(QString::fromStdString(w.kindName));
        }
        r.text = QString::fromStdString(outcome->translation.text);
        const std::string &provider = outcome->translation.provider;
        r.vetted = provider == "offline" || provider == "none";
        results.push_back(std::move(r));
    }
    EXPECT_TRUE(h.anthropic.violations().isEmpty())
        << h.anthropic.violations().join(u'\n').toStdString();
    return results;
}

//! Per check: broken cases that expect it, misses, good cases, false warnings, their rate.
std::string table(const std::vector<Result> &results)
{
    struct Row
    {
        int broken = 0, misses = 0, falseWarnings = 0;
    };
    std::map<QString, Row> rows;
    std::map<QString, std::pair<int, int>> byBreak; // break kind → cases, misses
    int good = 0, goodWarned = 0, vetted = 0;
    for (const QString &kind :
         {QStringLiteral("number_mismatch"), QStringLiteral("unit_mismatch"),
          QStringLiteral("time_mismatch"), QStringLiteral("negation_mismatch"),
          QStringLiteral("dnt_missing"), QStringLiteral("glossary_missing"), kRejected})
        rows[kind];
    for (const Result &r : results) {
        if (r.vetted) {
            ++vetted;
            continue;
        }
        if (r.entry->good()) {
            ++good;
            goodWarned += r.raised.empty() ? 0 : 1;
            for (const QString &kind : r.raised)
                ++rows[kind].falseWarnings;
            continue;
        }
        auto &row = rows[r.entry->expect];
        ++row.broken;
        auto &b = byBreak[r.entry->breakKind];
        ++b.first;
        if (!r.caught()) {
            ++row.misses;
            ++b.second;
        }
    }
    QString out = QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                      .arg(QStringLiteral("check"), -20)
                      .arg(QStringLiteral("broken"), 7)
                      .arg(QStringLiteral("misses"), 7)
                      .arg(QStringLiteral("good"), 6)
                      .arg(QStringLiteral("false"), 6)
                      .arg(QStringLiteral("rate"), 7);
    const auto rate = [](int n, int of) {
        return QStringLiteral("%1%").arg(of ? 100.0 * n / of : 0.0, 0, 'f', 1);
    };
    for (const auto &[kind, row] : rows)
        out += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(kind, -20)
                   .arg(row.broken, 7)
                   .arg(row.misses, 7)
                   .arg(good, 6)
                   .arg(row.falseWarnings, 6)
                   .arg(rate(row.falseWarnings, good), 7);
    out += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("any warning"), -20)
               .arg(int(results.size()) - good - vetted, 7)
               .arg(std::accumulate(rows.begin(), rows.end(), 0,
                                    [](int n, const auto &r) { return n + r.second.misses; }),
                    7)
               .arg(good, 6)
               .arg(goodWarned, 6)
               .arg(rate(goodWarned, good), 7);
    out += QStringLiteral("(%1 entries answered by a vetted phrase, not counted)\n").arg(vetted);
    out += QStringLiteral("\nbreak               cases  misses\n");
    for (const auto &[kind, b] : byBreak)
        out += QStringLiteral("%1 %2 %3\n").arg(kind, -20).arg(b.first, 5).arg(b.second, 7);
    return out.toStdString();
}

const QString corpusDir = QStringLiteral(MEDTRANSLATE_SAFETY_CORPUS_DIR);

} // namespace

TEST(SafetyCorpusTest, EveryBreakIsCaughtAndGoodTranslationsRarelyWarn)
{
    SafetyCorpus corpus;
    QString error;
    ASSERT_TRUE(corpus.load(corpusDir + QStringLiteral("/safety-corpus.jsonl"), &error))
        << error.toStdString();
    const QStringList knownGaps =
        SafetyCorpus::loadIds(corpusDir + QStringLiteral("/known-gaps.txt"), &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_GE(corpus.entries().size(), 300u);

    const std::vector<Result> results = runAll(corpus);
    ASSERT_EQ(results.size(), corpus.entries().size());
    std::cout << table(results);

    int good = 0;
    QStringList falseWarnings;
    QStringList gaps;
    for (const Result &r : results) {
        const auto &e = *r.entry;
        const std::string what =
            QStringLiteral("%1 (%2 → %3) %4\n  source:      %5\n  "
                           "translation: %6\n  raised:      %7")
                .arg(e.id, e.sourceLang, e.targetLang,
                     e.good() ? QStringLiteral("good") : e.breakKind + u' ' + e.note, e.source,
                     e.translation, joined(r.raised))
                .toStdString();
        if (r.vetted)
            continue;
        if (e.good()) {
            ++good;
            if (!r.raised.empty())
                falseWarnings << QString::fromStdString(what);
            continue;
        }
        if (knownGaps.contains(e.id)) {
            // A gap that is caught now is no gap: the list must shrink with the code.
            EXPECT_FALSE(r.caught()) << "no longer a known gap, remove it: " << what;
            gaps << e.id;
            continue;
        }
        EXPECT_TRUE(r.caught()) << "missed, expected " << e.expect.toStdString() << ": " << what;
    }
    for (const QString &id : knownGaps)
        EXPECT_TRUE(std::any_of(results.begin(), results.end(),
                                [&](const Result &r) { return r.entry->id == id; }))
            << "known gap names no corpus entry: " << id.toStdString();
    if (!gaps.isEmpty())
        std::cout << "known gaps (" << gaps.size() << "): " << gaps.join(u' ').toStdString()
                  << "\n";
    for (const QString &w : falseWarnings)
        std::cout << "false warning: " << w.toStdString() << "\n";
    // Under 2 % of the good translations may warn.
    EXPECT_LT(falseWarnings.size() * 100, 2 * good)
        << falseWarnings.size() << " false warnings on " << good << " good translations";
}

TEST(SafetyCorpusTest, ABadEntryNamesItsLine)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"id":"a","src":"ko","tgt":"en","source":"x","translation":"y","expect":"good"})"
               "\n"
               R"({"id":"b","src":"ko","tgt":"ko","source":"x","translation":"y","expect":"good"})"
               "\n");
    file.close();
    SafetyCorpus corpus;
    QString error;
    EXPECT_FALSE(corpus.load(path, &error));
    EXPECT_TRUE(error.endsWith(QStringLiteral(":2: bad languages ko → ko"))) << error.toStdString();
    SafetyCorpus missing;
    EXPECT_FALSE(missing.load(dir.filePath(QStringLiteral("none.jsonl")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("none.jsonl")));
}
