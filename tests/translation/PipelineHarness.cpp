#include "PipelineHarness.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>
#include <gtest/gtest.h>

namespace medtranslate::test {

PipelineHarness::PipelineHarness(QStringList providers, Tweak tweak, relay::Store *store)
    : m_config(makeConfig(providers))
{
    if (tweak)
        tweak(m_config);
    m_pipeline = std::make_unique<relay::TranslationPipeline>(m_config, resources(), store);
}

PipelineHarness::~PipelineHarness() = default;

QString PipelineHarness::sourceRoot()
{
    const QString fromEnv = qEnvironmentVariable("MEDTRANSLATE_SOURCE_ROOT");
    return fromEnv.isEmpty() ? QStringLiteral(MEDTRANSLATE_SOURCE_ROOT) : fromEnv;
}

relay::TranslationPipeline::Resources PipelineHarness::resources()
{
    QString error;
    auto loaded = relay::TranslationPipeline::loadResources(
        sourceRoot() + QStringLiteral("/resources"), &error);
    EXPECT_TRUE(loaded.has_value()) << error.toStdString();
    return loaded ? std::move(*loaded) : relay::TranslationPipeline::Resources{};
}

relay::TranslationConfig PipelineHarness::makeConfig(const QStringList &providers) const
{
    relay::TranslationConfig c;
    c.providers = providers;
    c.deadlineMs = 8000;
    c.providerTimeoutMs = 2000;
    c.providerRetries = 0;
    c.retryBaseDelayMs = 20;
    c.breakerThreshold = 100;
    c.breakerCooldownMs = 60000;
    c.anthropicKey = QStringLiteral("sk-ant-test-key");
    c.anthropicModel = QStringLiteral("claude-test");
    c.anthropicUrl = anthropic.baseUrl();
    c.openaiKey = QStringLiteral("sk-openai-test-key");
    c.openaiModel = QStringLiteral("gpt-test");
    c.openaiUrl = openai.baseUrl();
    c.deeplKey = QStringLiteral("deepl-test-key:fx");
    c.deeplUrl = deepl.baseUrl();
    return c;
}

std::optional<relay::TranslationOutcome> PipelineHarness::translate(const QString &text,
                                                                    const QString &source,
                                                                    const QString &target,
                                                                    int timeoutMs)
{
    return translate(*m_pipeline, relay::TranslationRequest{text, source, target}, timeoutMs);
}

std::optional<relay::TranslationOutcome>
PipelineHarness::translate(relay::Translator &translator, const relay::TranslationRequest &request,
                           int timeoutMs)
{
    auto result = std::make_shared<std::optional<relay::TranslationOutcome>>();
    auto calls = std::make_shared<int>(0);
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QPointer<QEventLoop> guard(&loop);
    translator.translate(request, [result, calls, guard](relay::TranslationOutcome outcome) {
        ++*calls;
        *result = std::move(outcome);
        if (guard)
            guard->quit();
    });
    if (!result->has_value())
        loop.exec();
    EXPECT_LE(*calls, 1) << "done was called more than once";
    return *result;
}

} // namespace medtranslate::test
