#pragma once

#include "FakeProviderApi.h"
#include "translation/TranslationPipeline.h"

#include <functional>
#include <memory>
#include <optional>

namespace medtranslate::test {

//! A TranslationPipeline wired to three fake provider APIs (Anthropic, OpenAI, DeepL) and the
//! project's real glossary, phrases and do-not-translate list.
class PipelineHarness final
{
public:
    using Tweak = std::function<void(relay::TranslationConfig &)>;

    //! `providers` in fallback order; `store` may be null (memory cache only).
    explicit PipelineHarness(QStringList providers = {QStringLiteral("anthropic"),
                                                      QStringLiteral("openai"),
                                                      QStringLiteral("deepl")},
                             Tweak tweak = {}, relay::Store *store = nullptr);
    ~PipelineHarness();

    FakeProviderApi anthropic{FakeProviderApi::Kind::Anthropic, QStringLiteral("sk-ant-test-key"),
                              QStringLiteral("claude-test")};
    FakeProviderApi openai{FakeProviderApi::Kind::OpenAi, QStringLiteral("sk-openai-test-key"),
                           QStringLiteral("gpt-test")};
    FakeProviderApi deepl{FakeProviderApi::Kind::DeepL, QStringLiteral("deepl-test-key:fx")};

    [[nodiscard]] relay::TranslationPipeline &pipeline() { return *m_pipeline; }
    [[nodiscard]] const relay::TranslationConfig &config() const { return m_config; }
    //! translate() and wait for its answer; nothing if it did not come within `timeoutMs`.
    std::optional<relay::TranslationOutcome> translate(const QString &text, const QString &source,
                                                       const QString &target,
                                                       int timeoutMs = 10000);
    //! The same for any translator.
    static std::optional<relay::TranslationOutcome>
    translate(relay::Translator &translator, const relay::TranslationRequest &request,
              int timeoutMs = 10000);

    //! A config pointing the providers at the fakes, with short test timings.
    [[nodiscard]] relay::TranslationConfig makeConfig(const QStringList &providers) const;
    [[nodiscard]] static QString sourceRoot();
    [[nodiscard]] static relay::TranslationPipeline::Resources resources();

private:
    relay::TranslationConfig m_config;
    std::unique_ptr<relay::TranslationPipeline> m_pipeline;
};

} // namespace medtranslate::test
