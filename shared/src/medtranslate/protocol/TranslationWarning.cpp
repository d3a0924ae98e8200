#include "medtranslate/protocol/TranslationWarning.h"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

namespace medtranslate::protocol {

namespace {

using Kind = TranslationWarning::Kind;

constexpr std::array kKinds{
    std::pair{Kind::NumberMismatch, std::string_view{"number_mismatch"}},
    std::pair{Kind::UnitMismatch, std::string_view{"unit_mismatch"}},
    std::pair{Kind::TimeMismatch, std::string_view{"time_mismatch"}},
    std::pair{Kind::NegationMismatch, std::string_view{"negation_mismatch"}},
    std::pair{Kind::UnclearTerm, std::string_view{"unclear_term"}},
    std::pair{Kind::GlossaryMissing, std::string_view{"glossary_missing"}},
    std::pair{Kind::DntMissing, std::string_view{"dnt_missing"}},
    std::pair{Kind::PlaceholderMissing, std::string_view{"placeholder_missing"}},
    std::pair{Kind::DeadlineExceeded, std::string_view{"deadline_exceeded"}},
    std::pair{Kind::NoVettedTranslation, std::string_view{"no_vetted_translation"}},
    std::pair{Kind::ProvidersFailed, std::string_view{"providers_failed"}},
    std::pair{Kind::Overloaded, std::string_view{"overloaded"}},
};

//! Kinds whose version-1 string carries the term after a colon.
bool carriesTerm(Kind kind)
{
    return kind == Kind::GlossaryMissing || kind == Kind::DntMissing || kind == Kind::UnclearTerm;
}

void optionalString(const nlohmann::json &j, const char *key, std::string &out)
{
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null())
        it->get_to(out);
}

} // namespace

std::string_view toString(TranslationWarning::Kind kind)
{
    for (const auto &[k, name] : kKinds) {
        if (k == kind)
            return name;
    }
    return {};
}

std::optional<TranslationWarning::Kind> warningKindFromString(std::string_view text)
{
    for (const auto &[k, name] : kKinds) {
        if (name == text)
            return k;
    }
    return std::nullopt;
}

TranslationWarning TranslationWarning::make(Kind kind, std::string source, std::string translation,
                                            std::string expected)
{
    TranslationWarning w;
    w.kind = kind;
    w.kindName = std::string(toString(kind));
    w.source = std::move(source);
    w.translation = std::move(translation);
    w.expected = std::move(expected);
    return w;
}

TranslationWarning TranslationWarning::fromLegacy(std::string_view wire)
{
    const auto colon = wire.find(':');
    const std::string_view name = wire.substr(0, colon);
    TranslationWarning w;
    w.kindName = std::string(name);
    w.kind = warningKindFromString(name).value_or(Kind::Other);
    if (colon != std::string_view::npos)
        w.source = std::string(wire.substr(colon + 1));
    return w;
}

std::string TranslationWarning::legacy() const
{
    const std::string name = kind == Kind::Other ? kindName : std::string(toString(kind));
    if (carriesTerm(kind) || (kind == Kind::Other && !source.empty()))
        return name + ':' + source;
    return name;
}

void to_json(nlohmann::json &j, const TranslationWarning &w)
{
    j = nlohmann::json{
        {"kind", w.kind == Kind::Other ? w.kindName : std::string(toString(w.kind))}};
    if (!w.source.empty())
        j["source"] = w.source;
    if (!w.translation.empty())
        j["translation"] = w.translation;
    if (!w.expected.empty())
        j["expected"] = w.expected;
}

void from_json(const nlohmann::json &j, TranslationWarning &w)
{
    w = TranslationWarning{};
    j.at("kind").get_to(w.kindName);
    w.kind = warningKindFromString(w.kindName).value_or(Kind::Other);
    optionalString(j, "source", w.source);
    optionalString(j, "translation", w.translation);
    optionalString(j, "expected", w.expected);
}

} // namespace medtranslate::protocol
