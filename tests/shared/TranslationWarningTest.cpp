#include "medtranslate/protocol/TranslationWarning.h"

#include "medtranslate/protocol/FrameCodec.h"
#include "medtranslate/protocol/Types.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace medtranslate::protocol;
using nlohmann::json;
using Kind = TranslationWarning::Kind;

TEST(TranslationWarning, LegacyStringsKeepTheirPrefixGrammar)
{
    EXPECT_EQ(TranslationWarning::make(Kind::NumberMismatch, "500", "50").legacy(),
              "number_mismatch");
    EXPECT_EQ(TranslationWarning::make(Kind::GlossaryMissing, "두통", "", "headache").legacy(),
              "glossary_missing:두통");
    EXPECT_EQ(TranslationWarning::make(Kind::DntMissing, "Tylenol").legacy(),
              "dnt_missing:Tylenol");
    EXPECT_EQ(TranslationWarning::make(Kind::DeadlineExceeded).legacy(), "deadline_exceeded");
    EXPECT_EQ(TranslationWarning::make(Kind::TimeMismatch, "오전 8시", "8 p.m.").legacy(),
              "time_mismatch");
    EXPECT_EQ(TranslationWarning::make(Kind::NegationMismatch, "않").legacy(), "negation_mismatch");
    EXPECT_EQ(TranslationWarning::fromLegacy("time_mismatch").kind, Kind::TimeMismatch);
    EXPECT_EQ(TranslationWarning::fromLegacy("negation_mismatch").kind, Kind::NegationMismatch);
    EXPECT_EQ(TranslationWarning::make(Kind::UnclearTerm, "đau thắt").legacy(),
              "unclear_term:đau thắt");
    EXPECT_EQ(TranslationWarning::fromLegacy("unclear_term:đau thắt"),
              TranslationWarning::make(Kind::UnclearTerm, "đau thắt"));
    const json j = TranslationWarning::make(Kind::TimeMismatch, "오전 8시", "8 p.m.");
    EXPECT_EQ(j.dump(), R"({"kind":"time_mismatch","source":"오전 8시","translation":"8 p.m."})");
    EXPECT_EQ(j.get<TranslationWarning>(),
              TranslationWarning::make(Kind::TimeMismatch, "오전 8시", "8 p.m."));
}

TEST(TranslationWarning, ReadsLegacyStrings)
{
    const auto glossary = TranslationWarning::fromLegacy("glossary_missing:복통");
    EXPECT_EQ(glossary.kind, Kind::GlossaryMissing);
    EXPECT_EQ(glossary.source, "복통");
    EXPECT_EQ(TranslationWarning::fromLegacy("unit_mismatch").kind, Kind::UnitMismatch);
    EXPECT_EQ(TranslationWarning::fromLegacy("providers_failed").kind, Kind::ProvidersFailed);
    const auto unknown = TranslationWarning::fromLegacy("tone_mismatch:formal");
    EXPECT_EQ(unknown.kind, Kind::Other);
    EXPECT_EQ(unknown.kindName, "tone_mismatch");
    EXPECT_EQ(unknown.legacy(), "tone_mismatch:formal");
}

TEST(TranslationWarning, ObjectFormRoundTrips)
{
    const json raw = json::parse(R"({"kind":"unit_mismatch","source":"5 mg","translation":"5 g"})");
    const auto w = raw.get<TranslationWarning>();
    EXPECT_EQ(w.kind, Kind::UnitMismatch);
    EXPECT_EQ(w.source, "5 mg");
    EXPECT_EQ(w.translation, "5 g");
    EXPECT_TRUE(w.expected.empty());
    EXPECT_EQ(raw.dump(), json(w).dump());

    const json unknown = json::parse(R"({"kind":"tone_mismatch","source":"x"})");
    EXPECT_EQ(unknown.get<TranslationWarning>().kind, Kind::Other);
    EXPECT_EQ(unknown.dump(), json(unknown.get<TranslationWarning>()).dump());
}

TEST(TranslationWarning, TranslationCarriesBothForms)
{
    Translation t;
    t.lang = "vi";
    t.status = TranslationStatus::Ok;
    t.addWarning(TranslationWarning::make(Kind::NumberMismatch, "3", "4"));
    t.addWarning(TranslationWarning::make(Kind::GlossaryMissing, "두통", "", "đau đầu"));
    const json j = t;
    EXPECT_EQ(j.at("warnings"), (json{"number_mismatch", "glossary_missing:두통"}));
    EXPECT_EQ(j.at("warning_details"),
              json::parse(R"([{"kind":"number_mismatch","source":"3","translation":"4"},
                             {"kind":"glossary_missing","source":"두통","expected":"đau đầu"}])"));
    EXPECT_EQ(j.get<Translation>(), t);
    EXPECT_EQ(j.get<Translation>().typedWarnings(), t.warningDetails);
}

TEST(TranslationWarning, OlderRelayStringsStillGiveTypedWarnings)
{
    const auto t = json::parse(R"({"status":"ok","lang":"ko","text":"x",
                                   "warnings":["number_mismatch","dnt_missing:Tylenol"]})")
                       .get<Translation>();
    EXPECT_TRUE(t.warningDetails.empty());
    const auto typed = t.typedWarnings();
    ASSERT_EQ(typed.size(), 2u);
    EXPECT_EQ(typed[0].kind, Kind::NumberMismatch);
    EXPECT_EQ(typed[1].kind, Kind::DntMissing);
    EXPECT_EQ(typed[1].source, "Tylenol");
    // Without details nothing new appears on the wire.
    EXPECT_FALSE(json(t).contains("warning_details"));
}

TEST(TranslationWarning, UnreadableDetailsFallBackToTheStrings)
{
    const auto t = json::parse(R"({"status":"ok","lang":"ko","warnings":["number_mismatch"],
                                   "warning_details":[{"source":"no kind"}]})")
                       .get<Translation>();
    EXPECT_TRUE(t.warningDetails.empty());
    ASSERT_EQ(t.typedWarnings().size(), 1u);
    EXPECT_EQ(t.typedWarnings()[0].kind, Kind::NumberMismatch);
}
