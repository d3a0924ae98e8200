#include "client/QueueModel.h"
#include "client/TemplateFilterModel.h"
#include "client/TemplateModel.h"
#include "client/TranslationWarning.h"
#include "ui/TranslationBadges.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace medtranslate::console;
namespace protocol = medtranslate::protocol;

namespace {
protocol::Room waiting(const std::string &id, const std::string &lang, const std::string &createdAt)
{
    protocol::Room r;
    r.roomId = id;
    r.patientLanguage = lang;
    r.createdAt = createdAt;
    return r;
}
} // namespace

TEST(QueueModel, LongestWaitingFirstAndOnlyNewcomersAnnounced)
{
    QueueModel model;
    QSignalSpy arrived(&model, &QueueModel::patientsArrived);
    auto a = waiting("a", "vi", "2026-11-26T06:05:00Z");
    a.firstMessage = "Tôi bị đau đầu";
    a.firstMessageTranslation = "머리가 아파요";
    model.setRooms({a, waiting("b", "ja", "2026-11-26T06:00:00Z")});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.roomIdAt(0), QStringLiteral("b"));
    EXPECT_EQ(model.roomIdAt(1), QStringLiteral("a"));
    ASSERT_EQ(arrived.count(), 1);
    EXPECT_EQ(arrived.first().at(0).toStringList().size(), 2);
    EXPECT_EQ(model.index(1).data(QueueModel::FirstMessageTranslationRole).toString(),
              QStringLiteral("머리가 아파요"));
    EXPECT_EQ(model.index(1).data(QueueModel::LanguageRole).toString(), QStringLiteral("vi"));

    // b was accepted elsewhere, c arrives: only c is announced.
    model.setRooms({a, waiting("c", "th", "2026-11-26T06:09:00Z")});
    EXPECT_EQ(model.roomIdAt(0), QStringLiteral("a"));
    EXPECT_EQ(model.roomIdAt(1), QStringLiteral("c"));
    ASSERT_EQ(arrived.count(), 2);
    EXPECT_EQ(arrived.last().at(0).toStringList(), QStringList{QStringLiteral("c")});

    model.setNow(QDateTime::fromString(QStringLiteral("2026-11-26T06:10:30Z"), Qt::ISODate));
    EXPECT_EQ(model.index(0).data(QueueModel::WaitingSecondsRole).toLongLong(), 5 * 60 + 30);
    EXPECT_EQ(model.index(1).data(QueueModel::WaitingSecondsRole).toLongLong(), 90);
}

TEST(QueueModel, UrgentRoomsComeFirstWithTheirWords)
{
    QueueModel model;
    auto older = waiting("older", "ja", "2026-11-26T06:00:00Z");
    auto urgent = waiting("urgent", "vi", "2026-11-26T06:09:00Z");
    urgent.urgent = true;
    urgent.redFlags = {{"chest_pain", {"đau ngực"}}, {"breathing", {"khó thở", "đau ngực"}}};
    model.setRooms({older, urgent});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.roomIdAt(0), QStringLiteral("urgent"));
    EXPECT_TRUE(model.index(0).data(QueueModel::UrgentRole).toBool());
    EXPECT_EQ(model.index(0).data(QueueModel::RedFlagsRole).toStringList(),
              (QStringList{QStringLiteral("đau ngực"), QStringLiteral("khó thở")}));
    EXPECT_FALSE(model.index(1).data(QueueModel::UrgentRole).toBool());
    EXPECT_TRUE(model.index(1).data(QueueModel::RedFlagsRole).toStringList().isEmpty());

    // A waiting room that turns urgent moves to the front (a move: the selection follows it),
    // behind urgent rooms that have waited longer.
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    auto newest = waiting("newest", "th", "2026-11-26T06:12:00Z");
    model.setRooms({older, urgent, newest});
    EXPECT_EQ(model.roomIdAt(2), QStringLiteral("newest"));
    newest.urgent = true;
    newest.redFlags = {{"seizure", {"ชักเกร็ง"}}};
    model.setRooms({older, urgent, newest});
    EXPECT_EQ(moved.count(), 1);
    EXPECT_EQ(model.roomIdAt(0), QStringLiteral("urgent"));
    EXPECT_EQ(model.roomIdAt(1), QStringLiteral("newest"));
    EXPECT_EQ(model.roomIdAt(2), QStringLiteral("older"));
    EXPECT_EQ(model.index(1).data(QueueModel::RedFlagsRole).toStringList(),
              QStringList{QStringLiteral("ชักเกร็ง")});
}

TEST(TemplateFilterModel, SearchesTitleAndTextsWithinACategoryAndLanguage)
{
    TemplateModel model;
    model.setTemplates({
        QuickReply{"t1", "greeting", "첫 인사", {{"ko", "안녕하세요"}, {"vi", "Xin chào"}}},
        QuickReply{
            "t2", "payment", "결제 수단", {{"ko", "카드로 결제하실 수 있습니다"}, {"vi", "Thẻ"}}},
        QuickReply{"t3", "payment", "영수증", {{"ko", "영수증을 드립니다"}}},
    });
    EXPECT_EQ(model.categories(),
              (QStringList{QStringLiteral("greeting"), QStringLiteral("payment")}));
    TemplateFilterModel filter;
    filter.setSourceModel(&model);
    EXPECT_EQ(filter.rowCount(), 3);
    filter.setLanguage(QStringLiteral("vi"));
    EXPECT_EQ(filter.rowCount(), 2) << "t3 has no Vietnamese text: the relay would refuse it";
    filter.setCategory(QStringLiteral("payment"));
    ASSERT_EQ(filter.rowCount(), 1);
    EXPECT_EQ(filter.index(0, 0).data(TemplateModel::IdRole).toString(), QStringLiteral("t2"));
    filter.setCategory({});
    model.setPatientLanguage(QStringLiteral("vi"));
    filter.setSearchText(QStringLiteral("xin"));
    ASSERT_EQ(filter.rowCount(), 1) << "searches the patient's language too";
    EXPECT_EQ(filter.index(0, 0).data(TemplateModel::PatientTextRole).toString(),
              QStringLiteral("Xin chào"));
    filter.setSearchText(QStringLiteral("카드"));
    ASSERT_EQ(filter.rowCount(), 1);
    EXPECT_EQ(filter.index(0, 0).data(TemplateModel::IdRole).toString(), QStringLiteral("t2"));
}

TEST(TranslationWarning, ParsesKindsAndTermsAndKnowsWhichNeedConfirmation)
{
    const auto w = TranslationWarning::parseAll(QStringList{
        QStringLiteral("number_mismatch"), QStringLiteral("glossary_missing:두통"),
        QStringLiteral("dnt_missing:Seoul Clinic"), QStringLiteral("deadline_exceeded")});
    ASSERT_EQ(w.size(), 4u);
    EXPECT_EQ(w[0].kind, TranslationWarning::Kind::NumberMismatch);
    EXPECT_EQ(w[1].kind, TranslationWarning::Kind::GlossaryMissing);
    EXPECT_EQ(w[1].term, QStringLiteral("두통"));
    EXPECT_EQ(w[2].kind, TranslationWarning::Kind::DoNotTranslate);
    EXPECT_EQ(w[2].term, QStringLiteral("Seoul Clinic"));
    EXPECT_EQ(w[3].kind, TranslationWarning::Kind::DeadlineExceeded);
    EXPECT_TRUE(w[0].needsConfirmation());
    EXPECT_TRUE(w[1].needsConfirmation());
    EXPECT_TRUE(w[2].needsConfirmation());
    EXPECT_FALSE(w[3].needsConfirmation());
    EXPECT_FALSE(TranslationWarning::anyNeedsConfirmation({}));
    EXPECT_TRUE(TranslationWarning::anyNeedsConfirmation(
        TranslationWarning::parseAll(QStringList{QStringLiteral("something_new")})));
}

TEST(TranslationWarning, UnitsAndPersonalDataNeedConfirmationButReasonsForNoTranslationDoNot)
{
    const auto w = TranslationWarning::parseAll(
        QStringList{QStringLiteral("unit_mismatch"), QStringLiteral("placeholder_missing"),
                    QStringLiteral("no_vetted_translation"), QStringLiteral("providers_failed")});
    ASSERT_EQ(w.size(), 4u);
    EXPECT_EQ(w[0].kind, TranslationWarning::Kind::UnitMismatch);
    EXPECT_EQ(w[1].kind, TranslationWarning::Kind::PlaceholderMissing);
    EXPECT_EQ(w[2].kind, TranslationWarning::Kind::NoTranslation);
    EXPECT_EQ(w[3].kind, TranslationWarning::Kind::NoTranslation);
    EXPECT_TRUE(w[0].needsConfirmation());
    EXPECT_TRUE(w[1].needsConfirmation());
    EXPECT_FALSE(w[2].needsConfirmation());
    EXPECT_FALSE(w[3].needsConfirmation());
}

TEST(TranslationWarning, PrefersTheRelaysDetailsAndExplainsTheValues)
{
    using Wire = protocol::TranslationWarning;
    protocol::Translation t;
    t.addWarning(Wire::make(Wire::Kind::NumberMismatch, "500 mg", "50 mg"));
    t.addWarning(Wire::make(Wire::Kind::GlossaryMissing, "두통", "", "headache"));
    const auto w = TranslationWarning::of(t);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(w[0].kind, TranslationWarning::Kind::NumberMismatch);
    EXPECT_EQ(w[0].source, QStringLiteral("500 mg"));
    EXPECT_EQ(w[0].translation, QStringLiteral("50 mg"));
    EXPECT_EQ(w[1].term, QStringLiteral("두통"));
    EXPECT_EQ(w[1].expected, QStringLiteral("headache"));
    const QStringList lines = TranslationBadges::explainWarnings(w);
    ASSERT_EQ(lines.size(), 2);
    EXPECT_TRUE(lines[0].contains(QStringLiteral("500 mg")) &&
                lines[0].contains(QStringLiteral("50 mg")))
        << lines[0].toStdString();
    EXPECT_TRUE(lines[1].contains(QStringLiteral("headache"))) << lines[1].toStdString();
}

TEST(TranslationWarning, AnOlderRelaysStringsStillWork)
{
    protocol::Translation t;
    t.warnings = {"glossary_missing:두통", "number_mismatch"};
    const auto w = TranslationWarning::of(t);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(w[0].kind, TranslationWarning::Kind::GlossaryMissing);
    EXPECT_EQ(w[0].term, QStringLiteral("두통"));
    EXPECT_EQ(w[1].kind, TranslationWarning::Kind::NumberMismatch);
    EXPECT_TRUE(w[1].source.isEmpty());
    EXPECT_EQ(
        TranslationBadges::explainWarnings(w)[1],
        TranslationBadges::tr("A number, dose, date or time is different in the translation."));
}
