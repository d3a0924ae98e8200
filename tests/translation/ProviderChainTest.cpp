// The fallback chain through the whole pipeline: configured order, retries with Retry-After,
// timeouts, malformed answers, the circuit breaker, and what `provider` and `status` say.
#include "translation/ProviderChain.h"

#include "PipelineHarness.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>
#include <gtest/gtest.h>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::PipelineHarness;

namespace {

const QString kText = QStringLiteral("어제부터 복통이 심해요");
const QString kEnglish = QStringLiteral("I have had severe abdominal pain since yesterday.");

void scriptAll(PipelineHarness &h, const QString &text = kText, const QString &english = kEnglish)
{
    h.anthropic.setTranslation(text, english);
    h.openai.setTranslation(text, english);
    h.deepl.setTranslation(text, english);
}

std::string status(const TranslationOutcome &o)
{
    return std::string(protocol::toString(o.translation.status));
}

//! Spins the event loop for `ms` (to let a breaker's cool-down pass); asserts nothing on time.
void letTimePass(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

TEST(ProviderChain, FirstProviderAnswersWithStatusOk)
{
    PipelineHarness h;
    scriptAll(h);
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "ok");
    EXPECT_EQ(outcome->translation.provider, "anthropic");
    EXPECT_EQ(outcome->translation.text, kEnglish.toStdString());
    EXPECT_EQ(outcome->translation.lang, "en");
    EXPECT_EQ(outcome->translation.sourceLang, "ko");
    EXPECT_TRUE(outcome->translation.warnings.empty());
    EXPECT_EQ(h.anthropic.calls(), 1);
    EXPECT_EQ(h.openai.calls(), 0);
    EXPECT_EQ(h.deepl.calls(), 0);
    EXPECT_TRUE(h.anthropic.violations().isEmpty())
        << h.anthropic.violations().join(QStringLiteral("; ")).toStdString();
}

TEST(ProviderChain, ConfiguredOrderIsFollowed)
{
    PipelineHarness h({QStringLiteral("deepl"), QStringLiteral("anthropic")});
    scriptAll(h);
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "ok");
    EXPECT_EQ(outcome->translation.provider, "deepl");
    EXPECT_EQ(h.deepl.calls(), 1);
    EXPECT_EQ(h.anthropic.calls(), 0);
    EXPECT_EQ(h.deepl.deeplTargetOf(0), QStringLiteral("EN-US"));
}

TEST(ProviderChain, ServerErrorFallsBackToTheNextProvider)
{
    PipelineHarness h;
    scriptAll(h);
    h.anthropic.failNext(500);
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "fallback");
    EXPECT_EQ(outcome->translation.provider, "openai");
    EXPECT_EQ(outcome->translation.text, kEnglish.toStdString());
    EXPECT_EQ(h.anthropic.calls(), 1);
    EXPECT_EQ(h.openai.calls(), 1);
    EXPECT_EQ(h.deepl.calls(), 0);
}

TEST(ProviderChain, ThirdProviderWhenTwoFail)
{
    PipelineHarness h;
    scriptAll(h);
    h.anthropic.failNext(503);
    h.openai.failNext(401);
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "fallback");
    EXPECT_EQ(outcome->translation.provider, "deepl");
    EXPECT_EQ(h.anthropic.calls(), 1);
    EXPECT_EQ(h.openai.calls(), 1);
    EXPECT_EQ(h.deepl.calls(), 1);
}

TEST(ProviderChain, RateLimitIsRetriedAfterRetryAfter)
{
    PipelineHarness h({QStringLiteral("anthropic"), QStringLiteral("openai")},
                      [](TranslationConfig &c) { c.providerRetries = 2; });
    scriptAll(h);
    h.anthropic.failNext(429, "1");
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "ok");
    EXPECT_EQ(outcome->translation.provider, "anthropic");
    EXPECT_EQ(h.anthropic.calls(), 2);
    EXPECT_EQ(h.openai.calls(), 0);
}

TEST(ProviderChain, ServerErrorIsRetriedWithBackoffUpToTheLimit)
{
    PipelineHarness h({QStringLiteral("anthropic"), QStringLiteral("openai")},
                      [](TranslationConfig &c) { c.providerRetries = 2; });
    scriptAll(h);
    h.anthropic.failAlways(502);
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.provider, "openai");
    EXPECT_EQ(status(*outcome), "fallback");
    EXPECT_EQ(h.anthropic.calls(), 3) << "one call and two retries";
}

TEST(ProviderChain, RetryAfterBeyondTheDeadlineMovesOnAtOnce)
{
    PipelineHarness h({QStringLiteral("anthropic"), QStringLiteral("openai")},
                      [](TranslationConfig &c) { c.providerRetries = 2; });
    scriptAll(h);
    h.anthropic.failNext(429, "60");
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.provider, "openai");
    EXPECT_EQ(h.anthropic.calls(), 1);
}

TEST(ProviderChain, HangingProviderTimesOutAndTheNextAnswers)
{
    PipelineHarness h({QStringLiteral("anthropic"), QStringLiteral("openai")},
                      [](TranslationConfig &c) { c.providerTimeoutMs = 300; });
    scriptAll(h);
    h.anthropic.hangNext();
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "fallback");
    EXPECT_EQ(outcome->translation.provider, "openai");
}

TEST(ProviderChain, MalformedJsonFallsBack)
{
    PipelineHarness h({QStringLiteral("anthropic"), QStringLiteral("openai")});
    scriptAll(h);
    h.anthropic.malformedNext();
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "fallback");
    EXPECT_EQ(outcome->translation.provider, "openai");
}

TEST(ProviderChain, AnswerInTheWrongLanguageIsNotAccepted)
{
    // An echo of the Korean source is not an English translation.
    PipelineHarness h({QStringLiteral("anthropic"), QStringLiteral("openai")});
    h.anthropic.setTranslation(kText, kText);
    h.openai.setTranslation(kText, kEnglish);
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->translation.provider, "openai");
    EXPECT_EQ(outcome->translation.text, kEnglish.toStdString());
}

TEST(ProviderChain, AllFailingGivesTheOriginalMarkedUnavailable)
{
    PipelineHarness h;
    h.anthropic.failAlways(500);
    h.openai.failAlways(500);
    h.deepl.failAlways(456);
    const auto outcome = h.translate(kText, QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(outcome);
    EXPECT_EQ(status(*outcome), "unavailable");
    EXPECT_EQ(outcome->translation.text, kText.toStdString());
    EXPECT_EQ(outcome->translation.lang, "ko");
    EXPECT_EQ(outcome->translation.provider, "");
    EXPECT_EQ(h.anthropic.calls(), 1);
    EXPECT_EQ(h.openai.calls(), 1);
    EXPECT_EQ(h.deepl.calls(), 1);
}

TEST(ProviderChain, CircuitBreakerSkipsADeadProviderThenTriesItAgain)
{
    PipelineHarness h({QStringLiteral("anthropic"), QStringLiteral("openai")},
                      [](TranslationConfig &c) {
                          c.breakerThreshold = 2;
                          c.breakerCooldownMs = 1500;
                      });
    h.anthropic.failAlways(500);
    // Not vetted phrases: these need a provider.
    const QStringList texts = {
        QStringLiteral("어젯밤부터 두통이 심해졌어요"), QStringLiteral("이틀째 기침이 계속돼요"),
        QStringLiteral("오늘 아침부터 열이 38도예요"), QStringLiteral("왼쪽 무릎이 붓고 아파요")};
    const QStringList english = {QStringLiteral("My headache got worse last night."),
                                 QStringLiteral("My cough has gone on for two days."),
                                 QStringLiteral("I have had a 38-degree fever since this morning."),
                                 QStringLiteral("My left knee is swollen and hurts.")};
    for (int i = 0; i < texts.size(); ++i) {
        h.anthropic.setTranslation(texts[i], english[i]);
        h.openai.setTranslation(texts[i], english[i]);
    }
    for (int i = 0; i < 2; ++i) {
        const auto outcome = h.translate(texts[i], QStringLiteral("ko"), QStringLiteral("en"));
        ASSERT_TRUE(outcome);
        EXPECT_EQ(outcome->translation.provider, "openai");
    }
    EXPECT_EQ(h.anthropic.calls(), 2);
    EXPECT_EQ(h.pipeline().chain().breakerState(0), CircuitBreaker::State::Open);

    // Open: the dead provider is not called at all.
    const auto skipped = h.translate(texts[2], QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(skipped);
    EXPECT_EQ(skipped->translation.provider, "openai");
    EXPECT_EQ(std::string(protocol::toString(skipped->translation.status)), "fallback");
    EXPECT_EQ(h.anthropic.calls(), 2);
    EXPECT_TRUE(h.pipeline().metricsText().contains(
        QStringLiteral("medtranslate_provider_circuit_open{provider=\"anthropic\"} 1")));

    // After the cool-down one trial call goes out; it works, so the provider is back.
    h.anthropic.healthy();
    letTimePass(1800);
    const auto back = h.translate(texts[3], QStringLiteral("ko"), QStringLiteral("en"));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->translation.provider, "anthropic");
    EXPECT_EQ(std::string(protocol::toString(back->translation.status)), "ok");
    EXPECT_EQ(h.anthropic.calls(), 3);
    EXPECT_EQ(h.pipeline().chain().breakerState(0), CircuitBreaker::State::Closed);
}

namespace {

//! A provider that cannot do any language pair: the chain must skip it without calling.
class NoLanguagesProvider final : public TranslationProvider
{
public:
    int calls = 0;
    QString name() const override { return QStringLiteral("nolang"); }
    QString model() const override { return QStringLiteral("none"); }
    bool supports(const QString &, const QString &) const override { return false; }
    void translate(const ProviderRequest &, Done done) override
    {
        ++calls;
        QTimer::singleShot(0, this, [done]() { done(ProviderResult{}); });
    }
};

//! A provider that answers a fixed text.
class FixedProvider final : public TranslationProvider
{
public:
    explicit FixedProvider(QString answer) : m_answer(std::move(answer)) {}
    int calls = 0;
    QString name() const override { return QStringLiteral("fixed"); }
    QString model() const override { return QStringLiteral("v1"); }
    void translate(const ProviderRequest &, Done done) override
    {
        ++calls;
        ProviderResult result;
        result.ok = true;
        result.text = m_answer;
        QTimer::singleShot(0, this, [done, result]() { done(result); });
    }

private:
    QString m_answer;
};

} // namespace

TEST(ProviderChain, UnsupportedLanguagePairIsSkipped)
{
    ProviderChain chain(ChainPolicy{});
    auto *unsupported = new NoLanguagesProvider;
    auto *fixed = new FixedProvider(QStringLiteral("Xin chào"));
    chain.add(unsupported);
    chain.add(fixed);
    ProviderRequest request{
        QStringLiteral("안녕하세요"), QStringLiteral("ko"), QStringLiteral("vi"), {}, 1000};
    std::optional<ChainAnswer> answer;
    QEventLoop loop;
    QPointer<QEventLoop> guard(&loop);
    QTimer::singleShot(3000, &loop, &QEventLoop::quit);
    chain.translate(request, QDeadlineTimer(3000), [&answer, guard](ChainAnswer a) {
        answer = std::move(a);
        if (guard)
            guard->quit();
    });
    if (!answer)
        loop.exec();
    ASSERT_TRUE(answer);
    EXPECT_TRUE(answer->ok);
    EXPECT_EQ(answer->provider, QStringLiteral("fixed"));
    EXPECT_EQ(answer->index, 1);
    EXPECT_EQ(unsupported->calls, 0);
    EXPECT_EQ(fixed->calls, 1);
}

TEST(CircuitBreakerTest, OpensAfterThresholdAndAllowsOneTrial)
{
    CircuitBreaker breaker(2, 0);
    EXPECT_TRUE(breaker.allow());
    breaker.recordFailure();
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Closed);
    breaker.recordFailure();
    // Cool-down 0: half open at once, one trial at a time.
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::HalfOpen);
    EXPECT_TRUE(breaker.allow());
    EXPECT_FALSE(breaker.allow());
    breaker.recordFailure();
    EXPECT_TRUE(breaker.allow());
    breaker.recordSuccess();
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Closed);
    EXPECT_TRUE(breaker.allow());
    EXPECT_TRUE(breaker.allow());
}

TEST(CircuitBreakerTest, StaysOpenDuringCooldown)
{
    CircuitBreaker breaker(1, 60000);
    breaker.recordFailure();
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Open);
    EXPECT_FALSE(breaker.allow());
}
