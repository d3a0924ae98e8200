// Checks that read meaning, not digits: the half of the day an hour is in, a dropped or added
// "not", and provider answers that are no translation at all.
#include "PipelineHarness.h"
#include "translation/AnswerScreen.h"
#include "translation/Negation.h"
#include "translation/PiiMasker.h"
#include "translation/SafetyChecker.h"
#include "translation/TimeOfDay.h"

#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;

namespace {

struct Pair
{
    const char *source;
    const char *translation;
};

QStringList check(const Pair &p)
{
    return SafetyChecker::check(QString::fromUtf8(p.source), QString::fromUtf8(p.translation));
}

std::vector<int> hoursOf(const char *text)
{
    const auto mentions = TimeOfDay::find(QString::fromUtf8(text));
    return mentions.size() == 1 ? mentions.front().hours : std::vector<int>{-1};
}

} // namespace

TEST(TimeOfDayTest, HoursAreReadByMeaning)
{
    EXPECT_EQ(hoursOf("오전 8시"), std::vector<int>{8});
    EXPECT_EQ(hoursOf("오후 8시"), std::vector<int>{20});
    EXPECT_EQ(hoursOf("저녁 일곱 시"), std::vector<int>{19});
    EXPECT_EQ(hoursOf("밤 2시"), std::vector<int>{2});
    EXPECT_EQ(hoursOf("8 a.m."), std::vector<int>{8});
    EXPECT_EQ(hoursOf("8:30 PM"), std::vector<int>{20});
    EXPECT_EQ(hoursOf("午前8時"), std::vector<int>{8});
    EXPECT_EQ(hoursOf("晚上8点"), std::vector<int>{20});
    EXPECT_EQ(hoursOf("8 โมงเช้า"), std::vector<int>{8});
    EXPECT_EQ(hoursOf("2 ทุ่ม"), std::vector<int>{20});
    EXPECT_EQ(hoursOf("สองทุ่ม"), std::vector<int>{20});
    EXPECT_EQ(hoursOf("บ่าย 3 โมง"), std::vector<int>{15});
    EXPECT_EQ(hoursOf("8 giờ tối"), std::vector<int>{20});
    EXPECT_EQ(hoursOf("7 giờ sáng"), std::vector<int>{7});
    EXPECT_EQ(hoursOf("20시"), std::vector<int>{20});
    EXPECT_EQ(hoursOf("08:00"), std::vector<int>{8});
    EXPECT_EQ(hoursOf("8시"), (std::vector<int>{8, 20}));
    // The half of the day a few words before the hour, with "at" between.
    EXPECT_EQ(hoursOf("Sáng nay lúc 7 giờ"), std::vector<int>{7});
    EXPECT_EQ(hoursOf("tối qua vào lúc 9 giờ"), std::vector<int>{21});
    EXPECT_EQ(hoursOf("เมื่อเช้าตอน 7 โมง"), std::vector<int>{7});
    EXPECT_EQ(hoursOf("เย็นนี้ประมาณ 6 โมง"), std::vector<int>{18});
    // Without "at" between, the period word may belong elsewhere in the sentence.
    EXPECT_EQ(hoursOf("Sáng nay tôi uống thuốc, lúc 7 giờ"), (std::vector<int>{7, 19}));
    EXPECT_EQ(hoursOf("กินข้าวเช้าแล้ว 7 โมง"), (std::vector<int>{7, 19}));
    // Durations and ordinary words are no hours.
    for (const char *text : {"8시간 금식", "一時的な痛み", "我有一点头疼", "uống mỗi 8 giờ",
                             "Take 8 tablets", "세 시간"})
        EXPECT_TRUE(TimeOfDay::find(QString::fromUtf8(text)).empty()) << text;
}

TEST(TimeOfDayTest, MorningBecomingEveningWarnsInEveryDirection)
{
    const QStringList time{QStringLiteral("time_mismatch")};
    for (const Pair &p : std::vector<Pair>{
             {"오전 8시에 오세요", "Hãy đến lúc 8 giờ tối."},
             {"Hãy đến lúc 7 giờ sáng.", "오후 7시에 오세요"},
             {"午前8時に来てください", "请晚上8点来"},
             {"请上午8点来", "午後8時に来てください"},
             {"มาตอน 8 โมงเช้านะคะ", "Come at 8 p.m."},
             {"Come at 8 p.m.", "오전 8시에 오세요"},
             {"저녁 8시에 드세요", "8 โมงเช้า ทานยา"},
             {"밤 10시에 주무세요", "Đi ngủ lúc 10 giờ sáng."},
             {"Sáng nay lúc 7 giờ tôi đã uống thuốc.", "오늘 저녁 7시에 약을 먹었어요."},
             {"เมื่อเช้าตอน 7 โมงกินยาไปแล้ว", "오늘 저녁 7시에 약을 먹었어요."},
         })
        EXPECT_EQ(check(p), time) << p.source << " → " << p.translation;
    // A changed number is the number check's: one warning, not two.
    EXPECT_EQ(check({"8 a.m.에 오세요", "20시에 오세요"}),
              QStringList{QStringLiteral("number_mismatch")});
    EXPECT_EQ(check({"Come at 8 a.m.", "2 ทุ่มค่ะ"}), time);
    const auto w = TimeOfDay::check(QStringLiteral("오전 8시에 오세요"),
                                    QStringLiteral("Hãy đến lúc 8 giờ tối."));
    ASSERT_TRUE(w);
    EXPECT_EQ(w->source, "오전 8시");
    EXPECT_EQ(w->translation, "8 giờ tối");
}

TEST(TimeOfDayTest, NaturalTranslationsDoNotWarn)
{
    for (const Pair &p : std::vector<Pair>{
             {"오전 8시에 오세요", "Hãy đến lúc 8 giờ sáng."},
             {"오전 8시에 오세요", "Please come at 8:00 AM."},
             {"오전 8시에 오세요", "午前8時に来てください。"},
             {"오전 8시에 오세요", "请上午8点来。"},
             {"오전 8시에 오세요", "มาตอน 8 โมงเช้านะคะ"},
             {"20시에 드세요", "Take it at 8 p.m."},
             {"오후 8시에 드세요", "กรุณาทานตอน 2 ทุ่มค่ะ"},
             {"8시에 오세요", "Come at 8 p.m."},
             {"오후 2시부터 오전 10시까지", "from 2 p.m. to 10 a.m."},
             {"밤 12시 이후 금식", "Fast after 12 a.m. (midnight)."},
             {"오후 3시", "15:00"},
             {"Come at 8 p.m.", "2 ทุ่มค่ะ"},
             {"Sáng nay lúc 7 giờ tôi đã uống thuốc.", "오늘 아침 7시에 약을 먹었어요."},
             {"เมื่อเช้าตอน 7 โมงกินยาไปแล้ว", "오늘 오전 7시에 약을 먹었어요."},
         })
        EXPECT_TRUE(check(p).isEmpty()) << p.source << " → " << p.translation << ": "
                                        << check(p).join(QLatin1Char(',')).toStdString();
}

TEST(NegationTest, DroppedOrAddedNegationWarns)
{
    const QStringList negation{QStringLiteral("negation_mismatch")};
    for (const Pair &p : std::vector<Pair>{
             {"이 약은 드시지 마세요.", "Please take this medicine."},
             {"Do not take this medicine.", "이 약을 드세요."},
             {"Tôi không bị dị ứng.", "알레르기가 있어요."},
             {"Tôi chưa ăn sáng.", "아침을 먹었어요."},
             {"열이 없어요.", "I have a fever."},
             {"약을 못 먹었어요.", "我吃了药。"},
             {"我没有吃药。", "약을 먹었어요."},
             {"别吃这个药。", "이 약을 드세요."},
             {"ไม่แพ้ยาค่ะ", "약 알레르기가 있어요."},
             {"薬を飲んでいません。", "약을 먹었어요."},
             {"痛くないです。", "아파요."},
             {"아파요.", "It doesn't hurt."},
             {"I have never had surgery.", "수술을 받은 적이 있어요."},
         })
        EXPECT_EQ(check(p), negation) << p.source << " → " << p.translation;
    const auto w = Negation::check(QStringLiteral("이 약은 드시지 마세요."),
                                   QStringLiteral("Please take this medicine."));
    ASSERT_TRUE(w);
    EXPECT_EQ(w->translation, "");
    EXPECT_FALSE(w->source.empty());
}

TEST(NegationTest, GoodPairsDoNotWarn)
{
    for (const Pair &p : std::vector<Pair>{
             {"이 약은 드시지 마세요.", "Do not take this medicine."},
             {"이 약은 드시지 마세요.", "Đừng uống thuốc này."},
             {"이 약은 드시지 마세요.", "请不要吃这个药。"},
             {"이 약은 드시지 마세요.", "この薬は飲まないでください。"},
             {"이 약은 드시지 마세요.", "ห้ามทานยานี้ค่ะ"},
             {"Bạn có bị dị ứng thuốc không?", "약 알레르기가 있으세요?"},
             {"Bạn ăn sáng chưa?", "아침 드셨어요?"},
             {"我肚子不舒服。", "배가 불편해요."},
             {"没关系。", "괜찮아요."},
             {"Không sao.", "괜찮아요."},
             {"ไม่เป็นไรค่ะ", "괜찮아요."},
             {"すみません、遅れます。", "죄송해요, 늦어요."},
             {"薬を飲まなければなりません。", "약을 드셔야 합니다."},
             {"안녕하세요, 안내해 드릴게요.", "Hello, let me guide you."},
             {"안과는 2층입니다.", "Ophthalmology is on the 2nd floor."},
             {"특별한 증상은 없나요?", "Do you have no particular symptoms?"},
             {"不安で眠れません。", "불안해서 잠을 못 자요."},
             {"Tôi no rồi.", "I am full."},
             {"술은 피해 주세요.", "Please avoid alcohol."},
         })
        EXPECT_TRUE(check(p).isEmpty()) << p.source << " → " << p.translation << ": "
                                        << check(p).join(QLatin1Char(',')).toStdString();
}

TEST(AnswerScreenTest, RefusalsPreamblesAndExplanationsAreNoTranslation)
{
    auto problem = [](const char *source, const char *answer, const char *from, const char *to) {
        return AnswerScreen::problem(QString::fromUtf8(source), QString::fromUtf8(answer),
                                     QString::fromUtf8(from), QString::fromUtf8(to));
    };
    EXPECT_FALSE(
        problem("두통이 있어요", "I'm sorry, I can't help with that.", "ko", "en").isEmpty());
    EXPECT_FALSE(
        problem("I have a headache", "죄송하지만 번역할 수 없습니다.", "en", "ko").isEmpty());
    EXPECT_FALSE(problem("두통이 있어요", "抱歉，我无法翻译这段内容。", "ko", "zh").isEmpty());
    EXPECT_FALSE(problem("두통이 있어요", "Xin lỗi, tôi không thể dịch nội dung này.", "ko", "vi")
                     .isEmpty());
    EXPECT_FALSE(problem("두통이 있어요", "Here is the translation: I have a headache.", "ko", "en")
                     .isEmpty());
    EXPECT_FALSE(problem("I have a headache", "번역: 두통이 있어요", "en", "ko").isEmpty());
    EXPECT_FALSE(
        problem("두통이 있어요", "頭痛があります。\n注：「두통」は頭痛の意味です。", "ko", "ja")
            .isEmpty());
    EXPECT_FALSE(problem("두통이 있어요",
                         "I have a headache. This sentence is a patient telling the doctor that "
                         "their head hurts, which in Korean is said politely with the ending 요.",
                         "ko", "en")
                     .isEmpty());
    // Ordinary answers pass, also long ones from dense scripts and the writer's own apologies.
    EXPECT_TRUE(problem("두통이 있어요", "I have a headache.", "ko", "en").isEmpty());
    EXPECT_TRUE(problem("头疼", "I have a headache.", "zh", "en").isEmpty());
    EXPECT_TRUE(problem("네", "Yes, I understand.", "ko", "en").isEmpty());
    EXPECT_TRUE(
        problem("I'm sorry, I can't come tomorrow.", "죄송하지만 내일은 못 가요.", "en", "ko")
            .isEmpty());
    EXPECT_TRUE(
        problem("참고: 금식이 필요합니다.", "Note: fasting is required.", "ko", "en").isEmpty());
    EXPECT_TRUE(problem("네, 갈게요.", "Sure, I will come.", "ko", "en").isEmpty());
    EXPECT_TRUE(problem("", "", "ko", "en").isEmpty());
    EXPECT_TRUE(problem("⟦P1⟧", "⟦P1⟧", "ko", "en").isEmpty());
}

TEST(PipelineAnswerScreen, ARefusalFallsToTheNextProvider)
{
    PipelineHarness h({QStringLiteral("anthropic"), QStringLiteral("openai")});
    const QString text = QStringLiteral("어제부터 배가 아프고 열이 나요");
    h.anthropic.setTranslation(text, QStringLiteral("I'm sorry, but I can't translate this."));
    h.openai.setTranslation(
        text, QStringLiteral("My stomach has hurt since yesterday and I have a fever."));
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.provider, "openai");
    EXPECT_EQ(std::string(protocol::toString(outcome->translation.status)), "fallback");
    EXPECT_EQ(outcome->translation.text, "My stomach has hurt since yesterday and I have a fever.");
}

TEST(PipelineAnswerScreen, APreambleFromEveryProviderIsNotDeliveredAsOk)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    const QString text = QStringLiteral("어제부터 배가 아프고 열이 나요");
    h.anthropic.setTranslation(
        text, QStringLiteral("Here is the translation: My stomach has hurt since yesterday."));
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(std::string(protocol::toString(outcome->translation.status)), "unavailable");
    EXPECT_EQ(outcome->translation.text, text.toStdString());
}

TEST(PipelineSafety, TimeAndNegationMismatchesWarnAndAreNotCached)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    const QString text = QStringLiteral("내일 오전 8시에 오시고 아침은 드시지 마세요");
    h.anthropic.setTranslation(text, QStringLiteral("Come tomorrow at 8 p.m. and eat breakfast."));
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    const auto &w = outcome->translation.warnings;
    EXPECT_NE(std::find(w.begin(), w.end(), "time_mismatch"), w.end());
    EXPECT_NE(std::find(w.begin(), w.end(), "negation_mismatch"), w.end());
    const auto again = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(again);
    EXPECT_EQ(h.anthropic.calls(), 2);
}

TEST(MeaningCheckTest, OddInputDoesNotCrash)
{
    const QString lone = QString(QChar(0xD800)) + QStringLiteral("8시 ") + QChar(0xDC00);
    const QString longText = QStringLiteral("오전 8시 않 不 ไม่ không 13800138000 ").repeated(500);
    for (const QString &text :
         {QString(), QStringLiteral("\u0000"), lone, longText, QStringLiteral("⟦P1⟧⟦"),
          QStringLiteral("99:99 a.m. 0 ทุ่ม 25시"), QStringLiteral("ตี ทุ่ม โมง giờ 時 点")}) {
        (void)SafetyChecker::checkDetailed(text, longText);
        (void)SafetyChecker::checkDetailed(longText, text);
        (void)AnswerScreen::problem(text, longText, QStringLiteral("ko"), QStringLiteral("xx"));
        (void)AnswerScreen::problem(longText, text, QString(), QStringLiteral("th"));
        const MaskedText m = PiiMasker::mask(text);
        EXPECT_EQ(m.restore(m.text, nullptr), text);
    }
    // Hours that are no hours of the day are not read.
    EXPECT_TRUE(TimeOfDay::find(QStringLiteral("25시 0 ทุ่ม")).empty());
}

TEST(TimeOfDayTest, ThaiClockTimesAreOnA24HourClock)
{
    EXPECT_EQ(hoursOf("เวลา 22.00 น."), std::vector<int>{22});
    EXPECT_EQ(hoursOf("เวลา 10.00 น."), std::vector<int>{10});
    EXPECT_EQ(hoursOf("at 7 this morning"), std::vector<int>{7});
    // 14.30 น. is 2:30 p.m., not the number 14.3; 02.30 น. is the middle of the night.
    EXPECT_TRUE(check({"오후 2시 30분에 다시 오세요.", "กรุณากลับมาใหม่เวลา 14.30 น."}).isEmpty());
    EXPECT_EQ(check({"오후 2시 30분에 다시 오세요.", "กรุณากลับมาใหม่เวลา 02.30 น."}),
              QStringList{QStringLiteral("time_mismatch")});
    // A decimal without น. is still a decimal.
    EXPECT_TRUE(check({"체온이 37.5도예요", "อุณหภูมิ 37.5 องศา"}).isEmpty());
}
