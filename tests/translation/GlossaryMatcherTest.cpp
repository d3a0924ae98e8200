// Which glossary terms a message contains: only those present, longest first, Korean with
// particles but never inside an unrelated word, Latin by whole words, CJK and Thai by substring.
#include "translation/GlossaryMatcher.h"

#include "PipelineHarness.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;

namespace {

//! The real glossary, loaded once.
const Glossary &projectGlossary()
{
    static const Glossary glossary = [] {
        Glossary g;
        QString error;
        EXPECT_TRUE(g.loadDirectory(
            PipelineHarness::sourceRoot() + QStringLiteral("/resources/glossary"), &error))
            << error.toStdString();
        return g;
    }();
    return glossary;
}

const GlossaryMatcher &matcher()
{
    static const GlossaryMatcher m(projectGlossary());
    return m;
}

QStringList sources(const QString &text, const QString &lang,
                    const QString &target = QStringLiteral("en"))
{
    QStringList out;
    for (const auto &hit : matcher().hits(text, lang, target))
        out << QString::fromStdString(hit.source);
    return out;
}

QStringList targets(const QString &text, const QString &lang, const QString &target)
{
    QStringList out;
    for (const auto &hit : matcher().hits(text, lang, target))
        out << QString::fromStdString(hit.target);
    return out;
}

//! A glossary small enough to know every term of.
Glossary smallGlossary()
{
    Glossary g;
    auto add = [&g](const QString &ko, const QString &en) {
        g.add(GlossaryEntry{QStringLiteral("test"),
                            {{QStringLiteral("ko"), ko}, {QStringLiteral("en"), en}}});
    };
    add(QStringLiteral("가슴"), QStringLiteral("chest"));
    add(QStringLiteral("가슴 답답함"), QStringLiteral("chest tightness"));
    add(QStringLiteral("통증"), QStringLiteral("pain"));
    add(QStringLiteral("가슴 통증"), QStringLiteral("chest pain"));
    add(QStringLiteral("복부"), QStringLiteral("abdomen"));
    add(QStringLiteral("초음파"), QStringLiteral("ultrasound"));
    add(QStringLiteral("복부 초음파"), QStringLiteral("abdominal ultrasound"));
    add(QStringLiteral("눈"), QStringLiteral("eye"));
    g.add(GlossaryEntry{QStringLiteral("test"),
                        {{QStringLiteral("ko"), QStringLiteral("부상")},
                         {QStringLiteral("en"), QStringLiteral("injury")}}});
    return g;
}

} // namespace

TEST(GlossaryData, LoadsBothFilesWithAVersionStamp)
{
    EXPECT_GE(projectGlossary().size(), 1000);
    EXPECT_FALSE(projectGlossary().version().isEmpty());
    EXPECT_TRUE(
        projectGlossary().cacheStamp().startsWith(projectGlossary().version() + QLatin1Char('+')));
}

TEST(GlossaryMatcherTest, OnlyTermsThatOccurInTextOrder)
{
    EXPECT_EQ(sources(QStringLiteral("어제부터 두통이 있고 기침도 나요"), QStringLiteral("ko")),
              (QStringList{QStringLiteral("두통"), QStringLiteral("기침")}));
    EXPECT_EQ(targets(QStringLiteral("어제부터 두통이 있고 기침도 나요"), QStringLiteral("ko"),
                      QStringLiteral("vi")),
              (QStringList{QStringLiteral("đau đầu"), QStringLiteral("ho")}));
    EXPECT_TRUE(sources(QStringLiteral("안녕하세요"), QStringLiteral("ko")).isEmpty());
}

TEST(GlossaryMatcherTest, LongestTermWins)
{
    const Glossary g = smallGlossary();
    const GlossaryMatcher m(g);
    auto found = [&m](const QString &text) {
        QStringList out;
        for (const auto &hit : m.hits(text, QStringLiteral("ko"), QStringLiteral("en")))
            out << QString::fromStdString(hit.target);
        return out;
    };
    EXPECT_EQ(found(QStringLiteral("가슴 답답함이 있어요")),
              QStringList{QStringLiteral("chest tightness")});
    EXPECT_EQ(found(QStringLiteral("가슴 통증과 복부 초음파")),
              (QStringList{QStringLiteral("chest pain"), QStringLiteral("abdominal ultrasound")}));
    EXPECT_EQ(found(QStringLiteral("가슴이 아프고 통증이 심해요")),
              (QStringList{QStringLiteral("chest"), QStringLiteral("pain")}));
    // A compound written without a space still splits into its terms.
    EXPECT_EQ(found(QStringLiteral("복부초음파를 받으세요")),
              (QStringList{QStringLiteral("abdomen"), QStringLiteral("ultrasound")}));
    // Real glossary: 편두통 (migraine) is not 두통 (headache).
    EXPECT_EQ(sources(QStringLiteral("편두통이 심해요"), QStringLiteral("ko")),
              QStringList{QStringLiteral("편두통")});
}

TEST(GlossaryMatcherTest, KoreanTermsWithParticles)
{
    for (const QString &text :
         {QStringLiteral("두통이"), QStringLiteral("두통을"), QStringLiteral("두통은"),
          QStringLiteral("두통에"), QStringLiteral("두통에서"), QStringLiteral("두통으로"),
          QStringLiteral("두통과"), QStringLiteral("두통도"), QStringLiteral("두통만"),
          QStringLiteral("두통의"), QStringLiteral("두통이에요"), QStringLiteral("두통 때문에")})
        EXPECT_EQ(sources(text, QStringLiteral("ko")), QStringList{QStringLiteral("두통")})
            << text.toStdString();
    for (const QString &text : {QStringLiteral("눈이 아파요"), QStringLiteral("눈에서 눈물이"),
                                QStringLiteral("눈을 감으세요")})
        EXPECT_TRUE(sources(text, QStringLiteral("ko")).contains(QStringLiteral("눈")))
            << text.toStdString();
    EXPECT_EQ(sources(QStringLiteral("코에서 피가 나요"), QStringLiteral("ko")).value(0),
              QStringLiteral("코"));
    EXPECT_EQ(sources(QStringLiteral("등이 아파요"), QStringLiteral("ko")),
              QStringList{QStringLiteral("등")});
    EXPECT_EQ(sources(QStringLiteral("기침해요"), QStringLiteral("ko")),
              QStringList{QStringLiteral("기침")});
    // A compound of two terms: headache + medicine.
    EXPECT_EQ(sources(QStringLiteral("두통약 있어요?"), QStringLiteral("ko")),
              (QStringList{QStringLiteral("두통"), QStringLiteral("약")}));
}

TEST(GlossaryMatcherTest, ShortKoreanTermsDoNotMatchInsideOtherWords)
{
    // 다리 (leg) in 기다리다 (wait), 중이 (middle ear) in 중이에요 (is in the middle of),
    // 등 (back) as "etc.", 약 (medicine) as "about", 발 + 목 in 발목 (ankle) is one term.
    EXPECT_FALSE(sources(QStringLiteral("잠시만 기다리세요"), QStringLiteral("ko"))
                     .contains(QStringLiteral("다리")));
    EXPECT_FALSE(sources(QStringLiteral("지금 치료 중이에요"), QStringLiteral("ko"))
                     .contains(QStringLiteral("중이")));
    EXPECT_FALSE(sources(QStringLiteral("두통, 기침 등 증상"), QStringLiteral("ko"))
                     .contains(QStringLiteral("등")));
    EXPECT_FALSE(sources(QStringLiteral("약 3일 걸려요"), QStringLiteral("ko"))
                     .contains(QStringLiteral("약")));
    EXPECT_EQ(sources(QStringLiteral("발목이 부었어요"), QStringLiteral("ko")),
              QStringList{QStringLiteral("발목")});
    EXPECT_FALSE(sources(QStringLiteral("책상 위에 두세요"), QStringLiteral("ko"))
                     .contains(QStringLiteral("위")));
    EXPECT_FALSE(sources(QStringLiteral("눈물이 나요"), QStringLiteral("ko"))
                     .contains(QStringLiteral("눈")));
    EXPECT_FALSE(sources(QStringLiteral("손님 오셨어요"), QStringLiteral("ko"))
                     .contains(QStringLiteral("손")));
    EXPECT_FALSE(sources(QStringLiteral("목요일에 오세요"), QStringLiteral("ko"))
                     .contains(QStringLiteral("목")));
    // Still found where they are the word.
    EXPECT_TRUE(sources(QStringLiteral("다리가 아파요"), QStringLiteral("ko"))
                    .contains(QStringLiteral("다리")));
    EXPECT_TRUE(sources(QStringLiteral("위가 쓰려요"), QStringLiteral("ko"))
                    .contains(QStringLiteral("위")));
    EXPECT_TRUE(sources(QStringLiteral("약을 드세요"), QStringLiteral("ko"))
                    .contains(QStringLiteral("약")));
}

TEST(GlossaryMatcherTest, EnglishWholeWordsAnyCaseAndPlurals)
{
    EXPECT_EQ(sources(QStringLiteral("HEADACHES since Monday"), QStringLiteral("en"),
                      QStringLiteral("ko")),
              QStringList{QStringLiteral("headache")});
    EXPECT_EQ(sources(QStringLiteral("I have a Rash and fever."), QStringLiteral("en"),
                      QStringLiteral("ko")),
              (QStringList{QStringLiteral("rash"), QStringLiteral("fever")}));
    EXPECT_FALSE(
        sources(QStringLiteral("my hearing this year"), QStringLiteral("en"), QStringLiteral("ko"))
            .contains(QStringLiteral("ear")));
    EXPECT_TRUE(
        sources(QStringLiteral("my left ear hurts"), QStringLiteral("en"), QStringLiteral("ko"))
            .contains(QStringLiteral("ear")));
    const Glossary g = smallGlossary();
    const GlossaryMatcher m(g);
    const auto hits =
        m.hits(QStringLiteral("two injuries"), QStringLiteral("en"), QStringLiteral("ko"));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].target, "부상");
}

TEST(GlossaryMatcherTest, VietnameseChineseJapaneseAndThai)
{
    EXPECT_EQ(sources(QStringLiteral("Tôi bị đau đầu từ hôm qua"), QStringLiteral("vi"),
                      QStringLiteral("ko")),
              QStringList{QStringLiteral("đau đầu")});
    EXPECT_EQ(
        sources(QStringLiteral("我从昨天开始头痛"), QStringLiteral("zh"), QStringLiteral("ko")),
        QStringList{QStringLiteral("头痛")});
    EXPECT_EQ(
        sources(QStringLiteral("昨日から頭痛がします"), QStringLiteral("ja"), QStringLiteral("ko")),
        QStringList{QStringLiteral("頭痛")});
    // One-kanji terms only where the neighbours are not kanji: 手 in 手が, not in 手続き.
    EXPECT_TRUE(sources(QStringLiteral("手が痛いです"), QStringLiteral("ja"), QStringLiteral("ko"))
                    .contains(QStringLiteral("手")));
    EXPECT_FALSE(
        sources(QStringLiteral("手続きをお願いします"), QStringLiteral("ja"), QStringLiteral("ko"))
            .contains(QStringLiteral("手")));
    EXPECT_TRUE(sources(QStringLiteral("ฉันปวดศีรษะมาก"), QStringLiteral("th"), QStringLiteral("ko"))
                    .contains(QStringLiteral("ปวดศีรษะ")));
    // ยา (medicine) is not in พยาบาล (nurse).
    EXPECT_FALSE(sources(QStringLiteral("ขอคุยกับพยาบาล"), QStringLiteral("th"), QStringLiteral("ko"))
                     .contains(QStringLiteral("ยา")));
}

TEST(GlossaryMatcherTest, WholeMessageAsOneTerm)
{
    EXPECT_TRUE(matcher().wholeTerm(QStringLiteral("두통"), QStringLiteral("ko")).has_value());
    EXPECT_TRUE(
        matcher().wholeTerm(QStringLiteral("  Headache! "), QStringLiteral("en")).has_value());
    EXPECT_FALSE(
        matcher().wholeTerm(QStringLiteral("두통이 있어요"), QStringLiteral("ko")).has_value());
}

TEST(PipelineGlossary, OnlyTheTermsFoundGoIntoThePrompt)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    const QString text = QStringLiteral("두통이 있고 가슴 답답함도 있어요");
    h.anthropic.setTranslation(text, QStringLiteral("I have a headache and chest tightness."));
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_TRUE(outcome->translation.warnings.empty());
    const QString system = h.anthropic.systemOf(0);
    EXPECT_TRUE(system.contains(QStringLiteral("- 두통 → headache\n")));
    EXPECT_TRUE(system.contains(QStringLiteral("- 가슴 답답함 → chest tightness\n")));
    EXPECT_EQ(system.count(QStringLiteral("\n- ")), 2) << system.toStdString();
    ASSERT_EQ(outcome->glossary.size(), 2u);
    EXPECT_EQ(outcome->glossary[0], (protocol::GlossaryHit{"두통", "headache"}));
    EXPECT_EQ(outcome->glossary[1], (protocol::GlossaryHit{"가슴 답답함", "chest tightness"}));
}

TEST(PipelineGlossary, MissingTermInTheTranslationIsFlagged)
{
    PipelineHarness h({QStringLiteral("openai")});
    const QString text = QStringLiteral("복통이 있고 두통도 있어요");
    h.openai.setTranslation(text, QStringLiteral("I have a headache."));
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    const auto &w = outcome->translation.warnings;
    EXPECT_EQ(std::count(w.begin(), w.end(), "glossary_missing:복통"), 1);
    EXPECT_EQ(std::count(w.begin(), w.end(), "glossary_missing:두통"), 0);
    EXPECT_EQ(std::string(protocol::toString(outcome->translation.status)), "ok");
}

TEST(PipelineGlossary, TheGlossarysOtherWordingsCount)
{
    // 복통 may be said the way patients say it (clinical.tsv lists "stomach", 배가 아파 …).
    PipelineHarness h({QStringLiteral("openai")});
    const QString text = QStringLiteral("복통이 있고 두통도 있어요");
    h.openai.setTranslation(text, QStringLiteral("My stomach hurts and I have a headache."));
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_TRUE(outcome->translation.warnings.empty());
    const QString vi = QStringLiteral("Tôi bị đau bụng 3 ngày nay.");
    h.openai.setTranslation(vi, QStringLiteral("3일째 배가 아파요."));
    const auto patient = h.translate(vi, QStringLiteral("vi"), QStringLiteral("ko"));
    ASSERT_TRUE(patient);
    EXPECT_TRUE(patient->translation.warnings.empty());
    // The term given to the provider is still the first wording.
    ASSERT_EQ(patient->glossary.size(), 1u);
    EXPECT_EQ(patient->glossary.front().target, "복통");
}

TEST(GlossaryData, ACellsOtherWordingsAreNotTermsOfTheirOwn)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("t.tsv")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("category\tko\ten\nsymptom\t통증| 아파 |아픈\tpain\n");
    file.close();
    Glossary g;
    QString error;
    ASSERT_TRUE(g.loadDirectory(dir.path(), &error)) << error.toStdString();
    ASSERT_EQ(g.size(), 1);
    EXPECT_EQ(g.entries().front().terms.value(QStringLiteral("ko")), QStringLiteral("통증"));
    EXPECT_EQ(g.entries().front().alternatives.value(QStringLiteral("ko")),
              (QStringList{QStringLiteral("아파"), QStringLiteral("아픈")}));
    const GlossaryMatcher m(g);
    EXPECT_TRUE(m.find(QStringLiteral("아파요"), QStringLiteral("ko")).empty());
    const protocol::GlossaryHit hit{"pain", "통증"};
    EXPECT_TRUE(m.translated(QStringLiteral("많이 아파요"), hit, QStringLiteral("ko")));
    EXPECT_FALSE(m.translated(QStringLiteral("괜찮아요"), hit, QStringLiteral("ko")));
    EXPECT_FALSE(m.translated(QStringLiteral("많이 아파요"), hit, QStringLiteral("en")));
}

TEST(PipelineGlossary, NoSystemPromptGlossaryWhenNoTermOccurs)
{
    PipelineHarness h({QStringLiteral("openai")});
    h.openai.setTranslation(QStringLiteral("내일 다시 오세요"),
                            QStringLiteral("Please come again tomorrow."));
    const auto outcome =
        h.translate(QStringLiteral("내일 다시 오세요"), QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_FALSE(h.openai.systemOf(0).contains(QStringLiteral("Glossary")));
    EXPECT_TRUE(outcome->glossary.empty());
}
