// Numbers, doses, dates, times and durations must survive translation with the same value.
#include "translation/SafetyChecker.h"

#include "PipelineHarness.h"

#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;

namespace {
QStringList check(const char *source, const char *translation)
{
    return SafetyChecker::check(QString::fromUtf8(source), QString::fromUtf8(translation));
}
const QStringList kNone;
const QStringList kNumber{QStringLiteral("number_mismatch")};
const QStringList kUnit{QStringLiteral("unit_mismatch")};
} // namespace

TEST(SafetyCheckerTest, SameNumbersPass)
{
    EXPECT_EQ(check("타이레놀 500mg을 하루 3번, 5일간 드세요",
                    "Take 500 mg of Tylenol 3 times a day for 5 days."),
              kNone);
    EXPECT_EQ(check("오후 2시 30분에 오세요", "Please come at 2:30 p.m."), kNone);
    EXPECT_EQ(check("2024-03-05에 예약", "appointment on 05.03.2024"), kNone);
    EXPECT_EQ(check("3월 5일", "March 5"), kNone);
    EXPECT_EQ(check("3월 5일", "5 มีนาคม"), kNone);
}

TEST(SafetyCheckerTest, ChangedNumberIsFlagged)
{
    EXPECT_EQ(check("500mg 드세요", "Take 50 mg."), kNumber);
    EXPECT_EQ(check("3일 후에 오세요", "Come back in a few days."), kNumber);
    EXPECT_EQ(check("1정 드세요", "Take 2 tablets."), kNumber);
    EXPECT_EQ(check("14:30", "4:30 p.m."), kNumber);
    // Every occurrence counts: two 5s need two 5s.
    EXPECT_EQ(check("5mg, 5일", "5 mg for some days"), kNumber);
}

TEST(SafetyCheckerTest, SeparatorsAndDigitFormsAreTheSameValue)
{
    EXPECT_EQ(check("1,000 mg", "1000 mg"), kNone);
    EXPECT_EQ(check("1.000 mg", "1000 mg"), kNone); // Vietnamese thousands
    EXPECT_EQ(check("2,5 mg", "2.5 mg"), kNone);    // decimal comma
    EXPECT_EQ(check("1,234.5 ml", "1.234,5 ml"), kNone);
    EXPECT_EQ(check("５００ｍｇ", "500 mg"), kNone); // full-width
    EXPECT_EQ(check("๕๐๐ มก.", "500 mg"), kNone);    // Thai digits
    EXPECT_EQ(check("0.50 ml", "0.5 ml"), kNone);
    EXPECT_EQ(check(".5 ml", "0.5 ml"), kNone);
    EXPECT_EQ(check("2.5 mg", "25 mg"), kNumber);
    EXPECT_EQ(check("1.5 mg", "1,5 mg"), kNone);
    EXPECT_EQ(check("1,5 mg", "15 mg"), kNumber);
}

TEST(SafetyCheckerTest, DifferentUnitOfTheSameKindIsFlagged)
{
    EXPECT_EQ(check("5mg 드세요", "Take 5 g."), kUnit);
    EXPECT_EQ(check("3일 동안", "for 3 weeks"), kUnit);
    EXPECT_EQ(check("10ml", "10 L"), kUnit);
    EXPECT_EQ(check("5mg 드세요", "Take 5 milligrams."), kNone);
    EXPECT_EQ(check("2정", "2 viên"), kNone);
    EXPECT_EQ(check("3일 동안", "trong 3 ngày"), kNone);
}

TEST(SafetyCheckerTest, LoneOneMayBecomeAWord)
{
    EXPECT_EQ(check("1일 3회 복용", "Take 3 times a day."), kNone);
    EXPECT_EQ(check("1일 3회 복용", "Take 4 times a day."), kNumber);
}

TEST(SafetyCheckerTest, TokensAreNotNumbers)
{
    EXPECT_EQ(check("⟦P1⟧로 연락 주세요", "Please contact ⟦P1⟧."), kNone);
    EXPECT_EQ(SafetyChecker::numbers(QStringLiteral("⟦P12⟧ ⟦T3⟧")).size(), 0u);
}

namespace {
//! How many numbers `text` holds that must be found in a translation.
int sureNumbers(const char *text)
{
    int count = 0;
    for (const auto &n : SafetyChecker::numbers(QString::fromUtf8(text)))
        count += n.implied ? 0 : 1;
    return count;
}
} // namespace

TEST(SafetyCheckerTest, KoreanNumberWordsCount)
{
    EXPECT_EQ(check("세 알 드세요", "Take 2 tablets."), kNumber);
    EXPECT_EQ(check("세 알 드세요", "Take 3 tablets."), kNone);
    EXPECT_EQ(check("Take 3 tablets.", "두 알 드세요"), kNumber);
    EXPECT_EQ(check("하루 세 번 두 알씩 드세요", "Take 2 tablets 3 times a day."), kNone);
    EXPECT_EQ(check("하루 세 번 두 알씩 드세요", "Take 2 tablets 4 times a day."), kNumber);
    EXPECT_EQ(check("하루 세번 두알씩", "2 tablets 3 times a day"), kNone); // no spaces
    EXPECT_EQ(check("열두 시에 오세요", "Come at 12."), kNone);
    EXPECT_EQ(check("열두 시에 오세요", "Come at 2."), kNumber);
    EXPECT_EQ(check("열 두 시에 오세요", "Come at 12."), kNone); // spaced, still twelve
    EXPECT_EQ(check("스물 다섯 살", "25 years old"), kNone);
    EXPECT_EQ(check("아이가 다섯 살이에요", "My child is 5 years old."), kNone);
    EXPECT_EQ(check("스무 살이에요", "I am 20."), kNone);
    EXPECT_EQ(check("이틀 후에 오세요", "Come back in 2 days."), kNone);
    EXPECT_EQ(check("이틀 후에 오세요", "Come back in 3 days."), kNumber);
    EXPECT_EQ(check("일주일 후에 오세요", "Come back in 2 weeks."), kNumber);
    EXPECT_EQ(check("삼십 분 기다리세요", "Wait 30 minutes."), kNone);
    EXPECT_EQ(check("이십사 시간 금식", "Fast for 24 hours."), kNone);
    EXPECT_EQ(check("두 분 오세요", "Two people may come."), kNone); // 분: people
}

TEST(SafetyCheckerTest, KoreanOrdinaryWordsAreNotNumbers)
{
    for (const char *text : {"네 알겠습니다.",
                             "네 시간 괜찮아요.",
                             "한 일이 많아요.",
                             "세금이 많이 나왔어요.",
                             "세수할 때 조심하세요.",
                             "세포 검사를 할 거예요.",
                             "두개골 사진을 찍었어요.",
                             "한정된 시간만 가능해요.",
                             "한시적으로 운영합니다.",
                             "열정적으로 치료합니다.",
                             "열이 나요.",
                             "열 나요.",
                             "네 번호를 알려 줘.",
                             "네 주세요.",
                             "어제 한 주사가 아파요.",
                             "어제 한 알레르기 검사",
                             "십이지장 궤양",
                             "오십견이 있어요.",
                             "보름달이 떴어요.",
                             "알부민 수치가 네 알부민보다 낮아요.",
                             "세 번째 방문이에요.",
                             "두 번째 알약"})
        EXPECT_EQ(sureNumbers(text), 0) << text;
    // As a check, a misread word would go missing from a faithful translation.
    EXPECT_EQ(check("네 알겠습니다. 2시에 오세요.", "Yes, I see. Please come at 2."), kNone);
    EXPECT_EQ(check("네 시간 괜찮아요.", "Yes, the time is fine."), kNone);
    // Inside a sentence 네 is four.
    EXPECT_EQ(check("그럼 네 시에 뵐게요.", "See you at 3 then."), kNumber);
}

TEST(SafetyCheckerTest, ChineseAndJapaneseNumeralsCount)
{
    EXPECT_EQ(check("两片", "2 tablets"), kNone);
    EXPECT_EQ(check("两片", "3 tablets"), kNumber);
    EXPECT_EQ(check("Take 2 tablets.", "请服用三片。"), kNumber);
    EXPECT_EQ(check("一天三次，一次两片", "하루 3번, 1번에 2알"), kNone);
    EXPECT_EQ(check("一天三次，一次两片", "하루 3번, 1번에 3알"), kNumber);
    EXPECT_EQ(check("一日三回、食後に二錠", "하루 세 번 식후에 두 알"), kNone);
    EXPECT_EQ(check("一日三回、食後に二錠", "하루 세 번 식후에 세 알"), kNumber);
    EXPECT_EQ(check("三十八度以上", "38도 이상"), kNone);
    EXPECT_EQ(check("三点五毫克", "3.5 mg"), kNone);
    EXPECT_EQ(check("一个半小时", "1.5 hours"), kNone);
    EXPECT_EQ(check("一个半小时", "1 hour"), kNumber);
    EXPECT_EQ(check("每周三次", "일주일에 3번"), kNone);
    EXPECT_EQ(check("三到五天", "3~5일"), kNone);
    EXPECT_EQ(check("3~5일", "三到五天"), kNone);
}

TEST(SafetyCheckerTest, HanCharactersInOrdinaryWordsAreNotNumbers)
{
    for (const char *text : {"一緒に飲んでください。",
                             "请等一下。",
                             "我有一点头疼。",
                             "一般的な風邪です。",
                             "十分に休んでください。",
                             "十分感谢。",
                             "一時的に痛みが出ます。",
                             "一時帰国します。",
                             "二度と飲まないでください。",
                             "日本に住んでいます。",
                             "一層気をつけてください。",
                             "星期三天气很好。",
                             "他三天两头头疼。",
                             "这是一次性针头。",
                             "请用三分之一的量。",
                             "这是第二次。",
                             "二回目です。",
                             "统一安排。",
                             "万一有问题请联系我们。",
                             "一百二十毫克",
                             "半分に割ってください。"})
        EXPECT_EQ(sureNumbers(text), 0) << text;
    // 吃1片半小时后 is one tablet, then half an hour: not one and a half tablets.
    EXPECT_EQ(check("吃1片半小时后再吃", "1알 드시고 30분 후에 다시 드세요"), kNone);
}

TEST(SafetyCheckerTest, ThaiNumberWordsCount)
{
    EXPECT_EQ(check("ทานยาวันละสามครั้ง ครั้งละสองเม็ด", "3 times a day, 2 tablets each time"), kNone);
    EXPECT_EQ(check("ทานยาวันละสามครั้ง ครั้งละสองเม็ด", "2 times a day, 2 tablets each time"), kNumber);
    EXPECT_EQ(check("Take 3 tablets.", "ทานสองเม็ดค่ะ"), kNumber);
    EXPECT_EQ(check("ปวดหัวมาสามวันแล้ว", "사흘째 머리가 아파요"), kNone);
    EXPECT_EQ(check("ปวดหัวมาสามวันแล้ว", "이틀째 머리가 아파요"), kNumber);
    EXPECT_EQ(check("ยี่สิบสี่ชั่วโมง", "24시간"), kNone);
    EXPECT_EQ(check("บ่ายสามโมง", "오후 3시"), kNone);
    EXPECT_EQ(check("บ่ายสามโมง", "15:00"), kNone);
    for (const char *text :
         {"ฉันหกล้ม", "ห้ามรับประทานอาหาร", "สามารถติดต่อได้", "สามีของฉันป่วย", "นั่งเก้าอี้ก่อนค่ะ", "สีแดงที่ผิวหนัง",
          "ครั้งที่สองค่ะ", "เขาโกหกคนอื่น", "สองร้อยมิลลิกรัม", "วันที่สามเดือนหน้า", "หนึ่งร้อยยี่สิบเม็ด"})
        EXPECT_EQ(sureNumbers(text), 0) << text;
}

TEST(SafetyCheckerTest, VietnameseNumberWordsCount)
{
    EXPECT_EQ(check("ba viên", "3 viên"), kNone);
    EXPECT_EQ(check("ba viên", "2 viên"), kNumber);
    EXPECT_EQ(check("Take 3 tablets.", "Uống hai viên."), kNumber);
    EXPECT_EQ(check("Con tôi năm tuổi.", "아이가 다섯 살이에요."), kNone);
    EXPECT_EQ(check("Con tôi năm tuổi.", "아이가 네 살이에요."), kNumber);
    EXPECT_EQ(check("Đợi mười lăm phút.", "15분 기다리세요."), kNone);
    EXPECT_EQ(check("hai mươi tư giờ", "24시간"), kNone);
    EXPECT_EQ(check("mười năm", "10년"), kNone); // ten years, not fifteen
    // Typed with combining accents.
    EXPECT_EQ(check("ba vie\xcc\x82n", "2 viên"), kNumber);
    for (const char *text :
         {"Năm nay tôi bị ốm.", "Ba tôi bị đau ngực.", "Ba mẹ tôi đều khỏe.", "Thứ Hai tôi sẽ đến.",
          "Thứ Hai tuần sau tôi sẽ đến.", "Hẹn gặp vào thứ năm.", "Tôi đến vào tháng hai năm nay.",
          "Phòng ở tầng hai lầu.", "Lần thứ ba ngày hôm đó.", "Ngày tháng năm sinh của bạn?",
          "Lần thứ hai tôi đến.", "Tầng hai có nhà thuốc.", "Vui lòng đợi một chút.",
          "Tôi là tư vấn viên.", "Hãy nấu chín thức ăn.", "hai trăm viên"})
        EXPECT_EQ(sureNumbers(text), 0) << text;
    EXPECT_EQ(sureNumbers("năm 2024"), 1); // only 2024
    EXPECT_EQ(check("3월 5일", "ngày 5 tháng ba"), kNone);
    EXPECT_EQ(check("3월 5일", "ngày 5 tháng 3"), kNone); // tháng before a number is a month
    // ... unless the number counts times: "2 tháng một lần" is once every two months.
    EXPECT_EQ(check("2개월에 한 번", "2 tháng một lần"), kNone);
    EXPECT_EQ(check("2주에 한 번", "2 tháng một lần"), kUnit);
    EXPECT_EQ(check("2주에 한 번", "2 tháng 1 lần"), kUnit);
    EXPECT_EQ(check("1월 2일", "ngày 2 tháng một"), kNone);
}

TEST(SafetyCheckerTest, EnglishNumberWordsCount)
{
    EXPECT_EQ(check("3번", "three times"), kNone);
    EXPECT_EQ(check("three times", "3번"), kNone);
    EXPECT_EQ(check("하루 두 번", "twice a day"), kNone);
    EXPECT_EQ(check("하루 두 번", "three times a day"), kNumber);
    EXPECT_EQ(check("Take twenty-four tablets.", "24정"), kNone);
    EXPECT_EQ(check("Take one and a half tablets.", "1.5정 드세요"), kNone);
    EXPECT_EQ(check("Take one and a half tablets.", "1정 드세요"), kNumber);
    EXPECT_EQ(check("Take half a tablet.", "반 알 드세요"), kNone);
    EXPECT_EQ(check("Wait half an hour.", "30분 기다리세요"), kNone);
    EXPECT_EQ(check("Wait half an hour.", "3시간 기다리세요"), kNumber);
    EXPECT_EQ(check("an hour and a half", "한 시간 반"), kNone);
    for (const char *text :
         {"Which one should I take?", "No one told me.", "Once you arrive, call us.",
          "Take them at once.", "I would like a second opinion.", "It is often painful.",
          "Two-thirds of patients recover.", "one hundred and five"})
        EXPECT_EQ(sureNumbers(text), 0) << text;
}

TEST(SafetyCheckerTest, NumberWordsKeepTheirUnit)
{
    EXPECT_EQ(check("세 시간", "3 days"), kUnit);
    EXPECT_EQ(check("3 days", "세 시간"), kUnit);
    EXPECT_EQ(check("두 달 동안", "for two weeks"), kUnit);
    EXPECT_EQ(check("两周", "2 months"), kUnit);
    EXPECT_EQ(check("สามวัน", "3 weeks"), kUnit);
    EXPECT_EQ(check("ba ngày", "3 tuần"), kUnit);
    EXPECT_EQ(check("세 시간", "three hours"), kNone);
}

TEST(SafetyCheckerTest, HalvesAndHalfPast)
{
    EXPECT_EQ(check("세 시간 반", "3.5 hours"), kNone);
    EXPECT_EQ(check("세 시간 반", "3 hours"), kNumber);
    EXPECT_EQ(check("2 and a half days", "2.5일"), kNone);
    EXPECT_EQ(check("1時間半", "1.5 hours"), kNone);
    // Half past three is 3 and 30: the 30 may be said or not.
    EXPECT_EQ(check("세 시 반에 오세요", "Come at 3:30."), kNone);
    EXPECT_EQ(check("Come at 3:30.", "세 시 반에 오세요"), kNone);
    EXPECT_EQ(check("Come at 3:30.", "세 시에 오세요"), kNumber);
    EXPECT_EQ(check("Come at half past three.", "3시 반에 오세요"), kNone);
    EXPECT_EQ(check("两点半", "2:30"), kNone);
}

TEST(SafetyCheckerTest, LoneOneMayBecomeAWordEitherWay)
{
    EXPECT_EQ(check("한 알 드세요", "Take a tablet."), kNone);
    EXPECT_EQ(check("Take 1 tablet.", "한 알 드세요"), kNone);
    EXPECT_EQ(check("1 tablet", "a tablet"), kNone);
    EXPECT_EQ(check("a tablet", "1 tablet"), kNone);
    EXPECT_EQ(check("한 알 드세요", "Take 2 tablets."), kNumber);
    EXPECT_EQ(check("하루 세 번", "three times a day"), kNone);
    EXPECT_EQ(check("일주일에 한 번", "once a week"), kNone);
}

TEST(SafetyCheckerTest, RangesAndPlainNounsMayStandForNumbers)
{
    // 두세 번, 两三天 and สองสามวัน are often "a few": they match 2 and 3 but are never missed.
    EXPECT_EQ(check("두세 번", "a few times"), kNone);
    EXPECT_EQ(check("2~3 times", "두세 번"), kNone);
    EXPECT_EQ(check("两三天", "며칠"), kNone);
    EXPECT_EQ(check("2~3일", "两三天"), kNone);
    EXPECT_EQ(check("สองสามวัน", "a few days"), kNone);
    // "two children" is sure; 아이 둘 may stand for it.
    EXPECT_EQ(check("I have two children.", "아이가 둘이에요."), kNone);
    EXPECT_EQ(check("I have two children.", "아이가 셋이에요."), kNumber);
    EXPECT_EQ(check("아이 둘", "one child"), kNone); // 둘 alone is never missed
}

TEST(SafetyCheckerTest, TokensAreWordsToNumberWords)
{
    // A number word glued to a token is part of the masked word, and ⟦P2⟧ holds no 2.
    EXPECT_EQ(sureNumbers("⟦T1⟧세 번"), 0);
    EXPECT_EQ(check("⟦P1⟧님, 두 알 드세요", "⟦P1⟧, take 2 tablets."), kNone);
    EXPECT_EQ(check("⟦P2⟧님, 두 알 드세요", "⟦P2⟧, take 3 tablets."), kNumber);
}

TEST(PipelineSafety, NumberMismatchIsAWarningAndIsNotCached)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    const QString text = QStringLiteral("진통제 500mg을 8시간마다 드세요");
    h.anthropic.setTranslation(text, QStringLiteral("Take 50 mg of painkiller every 8 hours."));
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    const auto &w = outcome->translation.warnings;
    EXPECT_NE(std::find(w.begin(), w.end(), "number_mismatch"), w.end());
    EXPECT_EQ(outcome->translation.text, "Take 50 mg of painkiller every 8 hours.");
    // A translation with a wrong number is not kept: the next request asks again.
    h.anthropic.setTranslation(text, QStringLiteral("Take 500 mg of painkiller every 8 hours."));
    const auto again = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(again);
    EXPECT_EQ(h.anthropic.calls(), 2);
    EXPECT_TRUE(again->translation.warnings.empty());
}

TEST(SafetyCheckerTest, DetailedWarningsNameTheNumbersConcerned)
{
    using Kind = protocol::TranslationWarning::Kind;
    const auto changed =
        SafetyChecker::checkDetailed(QStringLiteral("500mg 드세요"), QStringLiteral("Take 50 mg."));
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(changed[0].kind, Kind::NumberMismatch);
    EXPECT_EQ(changed[0].source, "500 mg");
    EXPECT_EQ(changed[0].translation, "50 mg");
    EXPECT_EQ(changed[0].legacy(), "number_mismatch");

    const auto missing = SafetyChecker::checkDetailed(QStringLiteral("3일 후에 오세요"),
                                                      QStringLiteral("Come back in a few days."));
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].source, "3 d");
    EXPECT_TRUE(missing[0].translation.empty());

    const auto unit =
        SafetyChecker::checkDetailed(QStringLiteral("5mg 드세요"), QStringLiteral("Take 5 g."));
    ASSERT_EQ(unit.size(), 1u);
    EXPECT_EQ(unit[0].kind, Kind::UnitMismatch);
    EXPECT_EQ(unit[0].source, "5 mg");
    EXPECT_EQ(unit[0].translation, "5 g");
    // The strings are the same warnings, in the version-1 form.
    EXPECT_EQ(check("5mg 드세요", "Take 5 g."), kUnit);
}

TEST(PipelineSafety, TranslationsCarryTypedWarningsBesideTheStrings)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    const QString text = QStringLiteral("진통제 500mg을 8시간마다 드세요");
    h.anthropic.setTranslation(text, QStringLiteral("Take 50 mg of painkiller every 8 hours."));
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    const auto &t = outcome->translation;
    ASSERT_EQ(t.warningDetails.size(), t.warnings.size());
    for (size_t i = 0; i < t.warnings.size(); ++i)
        EXPECT_EQ(t.warningDetails[i].legacy(), t.warnings[i]);
    const auto number =
        std::find_if(t.warningDetails.begin(), t.warningDetails.end(), [](const auto &w) {
            return w.kind == protocol::TranslationWarning::Kind::NumberMismatch;
        });
    ASSERT_NE(number, t.warningDetails.end());
    EXPECT_EQ(number->source, "500 mg");
    EXPECT_EQ(number->translation, "50 mg");
}

TEST(SafetyCheckerTest, AfternoonHoursMayBeWrittenOnThe24HourClock)
{
    EXPECT_EQ(check("오후 3시에 오세요", "Please come at 15:00."), kNone);
    EXPECT_EQ(check("15시에 오세요", "Please come at 3 p.m."), kNone);
    EXPECT_EQ(check("14:30", "2:30 pm"), kNone);
    EXPECT_EQ(check("下午3点来", "오후 3시에 오세요"), kNone);
    EXPECT_EQ(check("午後3時に来てください", "15시에 오세요"), kNone);
    EXPECT_EQ(check("Hãy đến lúc 3 giờ chiều", "15시에 오세요"), kNone);
    EXPECT_EQ(check("오후 세 시에 오세요", "Please come at 15:00."), kNone);
    // Morning is not afternoon, and the wrong afternoon hour is still wrong.
    EXPECT_EQ(check("오전 3시에 오세요", "Please come at 15:00."), kNumber);
    EXPECT_EQ(check("3시에 오세요", "Please come at 15:00."), kNumber);
    EXPECT_EQ(check("밤 3시에 아팠어요", "It hurt at 15:00."), kNumber);
    EXPECT_EQ(check("오후 3시에 오세요", "Please come at 16:00."), kNumber);
    EXPECT_EQ(check("오후 3시에 오세요", "Hãy đến khoa nội lúc 13 giờ chiều nay."), kNumber);
}
