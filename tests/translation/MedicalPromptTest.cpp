// What the language model is told: who writes to whom, the register the reader's language
// needs, what each token stands for, and no rule that invites rewording the writer's words.
#include "translation/MedicalPrompt.h"

#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;

namespace {

QString prompt(const char *from, const char *to)
{
    return MedicalPrompt::system(QString::fromLatin1(from), QString::fromLatin1(to), {});
}

} // namespace

TEST(MedicalPrompt, SaysWhoWritesToWhom)
{
    const QString toPatient = prompt("ko", "vi");
    EXPECT_TRUE(toPatient.contains(QStringLiteral("from a hospital counselor to a patient")));
    EXPECT_FALSE(toPatient.contains(QStringLiteral("from a patient")));
    const QString toCounselor = prompt("vi", "ko");
    EXPECT_TRUE(toCounselor.contains(QStringLiteral("from a patient to a hospital counselor")));
    EXPECT_FALSE(toCounselor.contains(QStringLiteral("from a hospital counselor")));
}

TEST(MedicalPrompt, GivesEachPatientLanguageItsRegister)
{
    const struct
    {
        const char *lang;
        const char *mentions;
    } cases[] = {
        {"vi", "anh/chị"}, {"th", "ค่ะ"}, {"ja", "keigo"}, {"zh", "您"}, {"en", "courteous"}};
    for (const auto &c : cases) {
        const QString text = prompt("ko", c.lang);
        EXPECT_TRUE(text.contains(QString::fromUtf8(c.mentions))) << c.lang;
        // A patient's register never leaks into the other direction.
        EXPECT_FALSE(prompt(c.lang, "ko").contains(QString::fromUtf8(c.mentions))) << c.lang;
    }
    EXPECT_TRUE(prompt("th", "ko").contains(QStringLiteral("polite Korean")));
}

TEST(MedicalPrompt, KeepsTheWritersWordsAndLayWordingLay)
{
    for (const QString &text : {prompt("vi", "ko"), prompt("ko", "en")}) {
        // The first design asked the model to spell symptoms out; that rewrites the patient.
        EXPECT_FALSE(text.contains(QStringLiteral("Say symptoms")));
        EXPECT_TRUE(text.contains(QStringLiteral("never turned into a diagnosis")));
        EXPECT_TRUE(text.contains(QStringLiteral("do not add, leave out, soften, restate")));
    }
}

TEST(MedicalPrompt, TellsTheModelATokenMayBeAMedicine)
{
    const QString text = prompt("ko", "en");
    EXPECT_TRUE(text.contains(QStringLiteral("⟦M1⟧ … is the name of a medicine")));
    EXPECT_TRUE(text.contains(QStringLiteral("⟦P1⟧ … personal data")));
}

TEST(MedicalPrompt, AsksForTheTranslationAndTheWordsTheModelWasUnsureOf)
{
    const QString text = prompt("vi", "ko");
    EXPECT_TRUE(text.contains(QStringLiteral(R"({"translation": "the Korean translation")")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral(R"("unclear": [)")));
}
