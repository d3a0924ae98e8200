// Personal data never reaches a provider: it is masked before the call, restored in the
// translation, and the cache works on the masked text. Medical numbers stay as they are.
#include "PipelineHarness.h"
#include "translation/DoNotTranslateList.h"
#include "translation/PiiMasker.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;

namespace {

QStringList originals(const MaskedText &m)
{
    QStringList out;
    for (const auto &p : m.placeholders)
        out << p.original;
    return out;
}

} // namespace

TEST(PiiMasker, KoreanAndInternationalPhoneNumbers)
{
    const auto m = PiiMasker::mask(QStringLiteral(
        "연락처는 010-1234-5678 또는 +82 10 9876 5432, 미국 +1 (415) 555-0100 입니다"));
    EXPECT_EQ(originals(m),
              (QStringList{QStringLiteral("010-1234-5678"), QStringLiteral("+82 10 9876 5432"),
                           QStringLiteral("+1 (415) 555-0100")}));
    EXPECT_EQ(m.text, QStringLiteral("연락처는 ⟦P1⟧ 또는 ⟦P2⟧, 미국 ⟦P3⟧ 입니다"));
    EXPECT_EQ(PiiMasker::mask(QStringLiteral("call 02-123-4567")).text,
              QStringLiteral("call ⟦P1⟧"));
    EXPECT_EQ(PiiMasker::mask(QStringLiteral("số 0912 345 678")).text, QStringLiteral("số ⟦P1⟧"));
    EXPECT_EQ(PiiMasker::mask(QStringLiteral("01012345678로 연락")).text,
              QStringLiteral("⟦P1⟧로 연락"));
}

TEST(PiiMasker, EmailRrnPassportAndCard)
{
    const auto m =
        PiiMasker::mask(QStringLiteral("Email jane.doe+clinic@example.co.uk, RRN 900101-1234567, "
                                       "passport M12345678, card 4111 1111 1111 1111."));
    EXPECT_EQ(originals(m),
              (QStringList{QStringLiteral("jane.doe+clinic@example.co.uk"),
                           QStringLiteral("900101-1234567"), QStringLiteral("M12345678"),
                           QStringLiteral("4111 1111 1111 1111")}));
    EXPECT_EQ(m.text, QStringLiteral("Email ⟦P1⟧, RRN ⟦P2⟧, passport ⟦P3⟧, card ⟦P4⟧."));
    // New-style Korean passport, and a bare number after the word "passport".
    EXPECT_EQ(PiiMasker::mask(QStringLiteral("여권 M123A4567")).text, QStringLiteral("여권 ⟦P1⟧"));
    EXPECT_EQ(PiiMasker::mask(QStringLiteral("my passport number is 123456789")).text,
              QStringLiteral("my passport number is ⟦P1⟧"));
    EXPECT_EQ(PiiMasker::mask(QStringLiteral("카드 5555-5555-5555-4444")).text,
              QStringLiteral("카드 ⟦P1⟧"));
}

TEST(PiiMasker, CardNumberMustPassLuhn)
{
    EXPECT_TRUE(PiiMasker::luhnValid(u"4111111111111111"));
    EXPECT_FALSE(PiiMasker::luhnValid(u"4111111111111112"));
    const auto m = PiiMasker::mask(QStringLiteral("ref 4111 1111 1111 1112"));
    EXPECT_TRUE(m.placeholders.empty()) << m.text.toStdString();
}

TEST(PiiMasker, SameValueTwiceGetsTheSameToken)
{
    const auto m =
        PiiMasker::mask(QStringLiteral("010-1111-2222, again 010-1111-2222, and a@b.com"));
    EXPECT_EQ(m.text, QStringLiteral("⟦P1⟧, again ⟦P1⟧, and ⟦P2⟧"));
    EXPECT_EQ(m.placeholders.size(), 2u);
}

TEST(PiiMasker, MedicalNumbersAreNotMasked)
{
    for (const QString &text : {QStringLiteral("타이레놀 500mg 하루 3번, 2024-03-05부터 7일간"),
                                QStringLiteral("Take 1,000 mg at 14:30 on 05.03.2024"),
                                QStringLiteral("0.5 ml every 8 hours, 37.5°C, BP 120/80"),
                                QStringLiteral("体温38.5度，服药3天"),
                                QStringLiteral("Uống 2 viên lúc 08:00 ngày 12/03/2025"),
                                QStringLiteral("혈당 110, 체중 65.5kg, 키 170cm"),
                                QStringLiteral("room 1203, floor 12")}) {
        const auto m = PiiMasker::mask(text);
        EXPECT_TRUE(m.placeholders.empty()) << text.toStdString() << " -> " << m.text.toStdString();
        EXPECT_EQ(m.text, text);
    }
}

TEST(MaskedTextTest, RestoresTokensAndReportsLostOnes)
{
    auto m = PiiMasker::mask(QStringLiteral("전화 010-1234-5678, 메일 a@b.kr"));
    std::vector<MaskedText::Placeholder> lost;
    EXPECT_EQ(m.restore(QStringLiteral("Phone ⟦P1⟧, mail [[P2]]"), &lost),
              QStringLiteral("Phone 010-1234-5678, mail a@b.kr"));
    EXPECT_TRUE(lost.empty());
    lost.clear();
    EXPECT_EQ(m.restore(QStringLiteral("Phone ⟦ P1 ⟧"), &lost),
              QStringLiteral("Phone 010-1234-5678"));
    ASSERT_EQ(lost.size(), 1u);
    EXPECT_EQ(lost[0].original, QStringLiteral("a@b.kr"));
}

TEST(DoNotTranslateListTest, ProtectsNamesAsWholeWordsInAnyCase)
{
    DoNotTranslateList list;
    list.add(QStringLiteral("Tylenol"));
    list.add(QStringLiteral("Advil"));
    MaskedText m;
    m.text = QStringLiteral("tylenol 500mg or ADVIL, not Tylenolx; Tylenol again");
    list.protect(m);
    EXPECT_EQ(m.text, QStringLiteral("⟦T1⟧ 500mg or ⟦T2⟧, not Tylenolx; ⟦T3⟧ again"));
    std::vector<MaskedText::Placeholder> lost;
    EXPECT_EQ(m.restore(QStringLiteral("⟦T1⟧ 500mg hoặc ⟦T2⟧; ⟦T3⟧"), &lost),
              QStringLiteral("tylenol 500mg hoặc ADVIL; Tylenol"));
    EXPECT_TRUE(lost.empty());
}

TEST(DoNotTranslateListTest, MedicinesGetTheirOwnTokensSoTheModelKnowsWhatTheyAre)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("dnt.txt")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("# medicines first\nTylenol\n[names]\n서울메디컬센터\n[medicines]\nAdvil\n");
    file.close();
    DoNotTranslateList list;
    QString error;
    ASSERT_TRUE(list.loadFile(file.fileName(), &error)) << error.toStdString();
    EXPECT_EQ(list.size(), 3);
    MaskedText m;
    m.text = QStringLiteral("서울메디컬센터에서 Tylenol 또는 Advil을 드세요. Tylenol은 식후에.");
    list.protect(m);
    EXPECT_EQ(m.text, QStringLiteral("⟦T1⟧에서 ⟦M1⟧ 또는 ⟦M2⟧을 드세요. ⟦M1⟧은 식후에."));
    std::vector<MaskedText::Placeholder> lost;
    EXPECT_EQ(m.restore(QStringLiteral("Take ⟦M1⟧ or ⟦M2⟧ at ⟦T1⟧; ⟦M1⟧ after meals."), &lost),
              QStringLiteral("Take Tylenol or Advil at 서울메디컬센터; Tylenol after meals."));
    EXPECT_TRUE(lost.empty());
    // A medicine the answer dropped is reported lost, like any token.
    EXPECT_EQ(m.restore(QStringLiteral("Take ⟦M2⟧ at ⟦T1⟧."), &lost),
              QStringLiteral("Take Advil at 서울메디컬센터."));
    ASSERT_EQ(lost.size(), 1u);
    EXPECT_EQ(lost[0].original, QStringLiteral("Tylenol"));
}

TEST(DoNotTranslateListTest, TheLongestNameWinsWhereverItStands)
{
    DoNotTranslateList list;
    list.add(QStringLiteral("서울"));
    list.add(QStringLiteral("Tylenol"));
    list.add(QStringLiteral("서울메디컬센터"));
    list.add(QStringLiteral("Tylenol ER"));
    MaskedText m;
    // The short names come first in the text and inside the long ones; the long ones win.
    m.text = QStringLiteral("서울에서 왔어요. TYLENOL, then tylenol er at 서울메디컬센터.");
    list.protect(m);
    EXPECT_EQ(m.text, QStringLiteral("⟦T1⟧에서 왔어요. ⟦T2⟧, then ⟦T3⟧ at ⟦T4⟧."));
    std::vector<MaskedText::Placeholder> lost;
    EXPECT_EQ(m.restore(m.text, &lost),
              QStringLiteral("서울에서 왔어요. TYLENOL, then tylenol er at 서울메디컬센터."));
}

TEST(PipelinePrivacy, NoPersonalDataReachesAnyProviderAndItIsRestored)
{
    PipelineHarness h;
    const QString text = QStringLiteral(
        "제 전화번호는 010-1234-5678, 이메일은 kim.minsu@example.com, 주민번호 900101-1234567, "
        "여권 M12345678, 카드 4111-1111-1111-1111 입니다. 두통이 있어요.");
    const QString masked = QStringLiteral("제 전화번호는 ⟦P1⟧, 이메일은 ⟦P2⟧, 주민번호 ⟦P3⟧, 여권 "
                                          "⟦P4⟧, 카드 ⟦P5⟧ 입니다. 두통이 있어요.");
    const QString english = QStringLiteral(
        "My phone is ⟦P1⟧, e-mail ⟦P2⟧, RRN ⟦P3⟧, passport ⟦P4⟧, card ⟦P5⟧. I have a headache.");
    h.anthropic.setTranslation(masked, english);
    h.openai.setTranslation(masked, english);
    h.deepl.setTranslation(masked, english);
    // Every provider gets the text once: the first two fail after seeing it.
    h.anthropic.failNext(500);
    h.openai.malformedNext();
    const auto outcome = h.translate(text, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.provider, "deepl");
    EXPECT_EQ(outcome->translation.text, "My phone is 010-1234-5678, e-mail kim.minsu@example.com, "
                                         "RRN 900101-1234567, passport M12345678, "
                                         "card 4111-1111-1111-1111. I have a headache.");
    EXPECT_TRUE(outcome->translation.warnings.empty());
    ASSERT_EQ(h.anthropic.calls() + h.openai.calls() + h.deepl.calls(), 3);
    for (auto *api : {&h.anthropic, &h.openai, &h.deepl}) {
        const QByteArray bodies = api->server().allBodies();
        for (const char *secret : {"010-1234-5678", "01012345678", "kim.minsu", "example.com",
                                   "900101", "1234567", "M12345678", "4111-1111", "4111"})
            EXPECT_FALSE(bodies.contains(secret)) << "leaked " << secret;
    }
    EXPECT_EQ(h.deepl.textOf(0), masked);
}

TEST(PipelinePrivacy, LostTokenIsReportedNotInvented)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    h.anthropic.setTranslation(QStringLiteral("⟦P1⟧로 전화 주세요"),
                               QStringLiteral("Please call me."));
    const auto outcome = h.translate(QStringLiteral("010-2222-3333로 전화 주세요"),
                                     QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.text, "Please call me.");
    EXPECT_NE(std::find(outcome->translation.warnings.begin(), outcome->translation.warnings.end(),
                        "placeholder_missing"),
              outcome->translation.warnings.end());
}

TEST(PipelinePrivacy, CacheKeyIsTheMaskedText)
{
    // Two patients, two phone numbers, one provider call: the cache holds only the masked form.
    PipelineHarness h({QStringLiteral("openai")});
    h.openai.setTranslation(QStringLiteral("제 번호는 ⟦P1⟧ 입니다"),
                            QStringLiteral("My number is ⟦P1⟧."));
    const auto first = h.translate(QStringLiteral("제 번호는 010-1111-2222 입니다"),
                                   QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->translation.text, "My number is 010-1111-2222.");
    const auto second = h.translate(QStringLiteral("제 번호는 010-3333-4444 입니다"),
                                    QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(second);
    EXPECT_EQ(second->translation.text, "My number is 010-3333-4444.");
    EXPECT_EQ(std::string(protocol::toString(second->translation.status)), "cached");
    EXPECT_EQ(h.openai.calls(), 1);
}

TEST(PipelinePrivacy, TheEarlierTurnsAProviderReadsHaveNoPersonalData)
{
    PipelineHarness h({QStringLiteral("openai")});
    h.openai.setTranslation(QStringLiteral("네, 그 번호로 연락 주세요"),
                            QStringLiteral("Yes, please call that number."));
    relay::TranslationRequest request{QStringLiteral("네, 그 번호로 연락 주세요"),
                                      QStringLiteral("ko"), QStringLiteral("en")};
    request.context = {
        relay::ContextTurn{true, QStringLiteral("Can you call me at 010-2345-6789?")},
        relay::ContextTurn{true, QStringLiteral("Or write to minh.nguyen@example.com")}};
    const auto outcome = PipelineHarness::translate(h.pipeline(), request);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.text, "Yes, please call that number.");
    const QByteArray bodies = h.openai.server().allBodies();
    EXPECT_FALSE(bodies.contains("2345")) << bodies.toStdString();
    EXPECT_FALSE(bodies.contains("minh.nguyen")) << bodies.toStdString();
    EXPECT_TRUE(h.openai.systemOf(0).contains(
        QStringLiteral("- Patient: Can you call me at [personal data]?")))
        << h.openai.systemOf(0).toStdString();
}

TEST(PipelinePrivacy, DoNotTranslateNamesAreHiddenAndKeptVerbatim)
{
    PipelineHarness h({QStringLiteral("anthropic")});
    h.anthropic.setTranslation(QStringLiteral("⟦M1⟧ 500mg을 드세요"),
                               QStringLiteral("Hãy uống ⟦M1⟧ 500mg."));
    const auto outcome = h.translate(QStringLiteral("Tylenol 500mg을 드세요"), QStringLiteral("ko"),
                                     QStringLiteral("vi"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.text, "Hãy uống Tylenol 500mg.");
    EXPECT_FALSE(h.anthropic.server().allBodies().contains("Tylenol"));
    EXPECT_TRUE(outcome->translation.warnings.empty());

    h.anthropic.setTranslation(QStringLiteral("⟦M1⟧ 1정 드세요"),
                               QStringLiteral("Hãy uống 1 viên thuốc giảm đau."));
    const auto dropped =
        h.translate(QStringLiteral("Advil 1정 드세요"), QStringLiteral("ko"), QStringLiteral("vi"));
    ASSERT_TRUE(dropped);
    const auto &w = dropped->translation.warnings;
    EXPECT_NE(std::find(w.begin(), w.end(), "dnt_missing:Advil"), w.end());
}
