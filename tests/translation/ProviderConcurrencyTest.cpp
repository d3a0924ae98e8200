// How many calls a provider has out at once, and what waiting for a free slot means: Qt's
// network manager alone opens six connections per host, and a call that only waited in a
// queue must neither time out early nor count against the provider.
#include "FakeProviderApi.h"
#include "translation/OpenAiProvider.h"
#include "translation/ProviderChain.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>
#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::FakeProviderApi;

namespace {

QString korean(int i)
{
    return QStringLiteral("문장 %1").arg(i);
}

QString english(int i)
{
    return QStringLiteral("Sentence %1").arg(i);
}

ProviderRequest request(int i, int timeoutMs = 10000)
{
    ProviderRequest r;
    r.text = korean(i);
    r.sourceLang = QStringLiteral("ko");
    r.targetLang = QStringLiteral("en");
    r.timeoutMs = timeoutMs;
    return r;
}

//! An OpenAI-compatible fake that knows `count` sentences and answers each after `delayMs`.
void script(FakeProviderApi &api, int count, int delayMs)
{
    for (int i = 0; i < count; ++i)
        api.setTranslation(korean(i), english(i));
    api.server().setAnswerDelay(delayMs);
}

//! Spins the event loop until `done` reaches `count` or `waitMs` passed (a safety net only).
void waitFor(const std::shared_ptr<int> &done, int count, int waitMs = 20000)
{
    QEventLoop loop;
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop, done, count]() {
        if (*done >= count)
            loop.quit();
    });
    poll.start(5);
    if (*done < count)
        loop.exec();
}

std::vector<ProviderResult> translateAll(TranslationProvider &provider,
                                         const std::vector<ProviderRequest> &requests)
{
    auto results = std::make_shared<std::vector<ProviderResult>>(requests.size());
    auto done = std::make_shared<int>(0);
    for (size_t i = 0; i < requests.size(); ++i) {
        provider.translate(requests[i], [results, done, i](ProviderResult r) {
            (*results)[i] = std::move(r);
            ++*done;
        });
    }
    waitFor(done, int(requests.size()));
    EXPECT_EQ(*done, int(requests.size()));
    return *results;
}

} // namespace

TEST(ProviderConcurrency, MoreThanSixCallsAreOutAtOnce)
{
    FakeProviderApi api(FakeProviderApi::Kind::OpenAi, QStringLiteral("k"), QStringLiteral("m"));
    script(api, 24, 300);
    OpenAiProvider provider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    provider.setConcurrency(24);
    std::vector<ProviderRequest> requests;
    for (int i = 0; i < 24; ++i)
        requests.push_back(request(i));
    const auto results = translateAll(provider, requests);
    for (size_t i = 0; i < results.size(); ++i) {
        EXPECT_TRUE(results[i].ok) << i << ": " << results[i].error.toStdString();
        EXPECT_EQ(results[i].text, english(int(i)));
    }
    EXPECT_EQ(api.calls(), 24);
    // All 24 were at the server together: not six, the limit of one Qt network manager.
    EXPECT_EQ(api.server().mostOpenRequests(), 24);
    EXPECT_TRUE(api.violations().isEmpty())
        << api.violations().join(QStringLiteral("; ")).toStdString();
}

TEST(ProviderConcurrency, NoMoreThanTheConfiguredNumberAreOut)
{
    FakeProviderApi api(FakeProviderApi::Kind::OpenAi, QStringLiteral("k"), QStringLiteral("m"));
    script(api, 24, 300);
    OpenAiProvider provider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    provider.setConcurrency(8);
    EXPECT_EQ(provider.concurrency(), 8);
    std::vector<ProviderRequest> requests;
    for (int i = 0; i < 24; ++i)
        requests.push_back(request(i));
    const auto results = translateAll(provider, requests);
    for (const ProviderResult &r : results)
        EXPECT_TRUE(r.ok) << r.error.toStdString();
    EXPECT_EQ(api.calls(), 24);
    EXPECT_EQ(api.server().mostOpenRequests(), 8);
    EXPECT_EQ(provider.waiting(), 0);
}

TEST(ProviderConcurrency, TheTimeoutStartsWhenACallIsSentNotWhenItIsQueued)
{
    // One at a time, 200 ms each: the eighth call is sent after about 1.4 s. Timed from the
    // queue it would time out (1 s); timed from sending it has plenty of room.
    FakeProviderApi api(FakeProviderApi::Kind::OpenAi, QStringLiteral("k"), QStringLiteral("m"));
    script(api, 8, 200);
    OpenAiProvider provider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    provider.setConcurrency(1);
    std::vector<ProviderRequest> requests;
    for (int i = 0; i < 8; ++i)
        requests.push_back(request(i, 1000));
    const auto results = translateAll(provider, requests);
    for (const ProviderResult &r : results) {
        EXPECT_TRUE(r.ok) << r.error.toStdString();
        EXPECT_FALSE(r.notSent);
    }
    EXPECT_EQ(api.calls(), 8);
    EXPECT_EQ(api.server().mostOpenRequests(), 1);
}

TEST(ProviderConcurrency, CallsThatOnlyWaitedInTheQueueDoNotOpenTheBreaker)
{
    FakeProviderApi api(FakeProviderApi::Kind::OpenAi, QStringLiteral("k"), QStringLiteral("m"));
    script(api, 6, 0);
    api.hangNext(); // the one call that goes out never comes back
    ChainPolicy policy;
    policy.retries = 0;
    policy.breakerThreshold = 3;
    ProviderChain chain(policy);
    auto *provider = new OpenAiProvider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    provider->setConcurrency(1);
    chain.add(provider);

    auto answers = std::make_shared<std::vector<ChainAnswer>>();
    auto done = std::make_shared<int>(0);
    const QDeadlineTimer deadline(800);
    for (int i = 0; i < 5; ++i)
        chain.translate(request(i), deadline, [answers, done](ChainAnswer a) {
            answers->push_back(std::move(a));
            ++*done;
        });
    waitFor(done, 5);
    ASSERT_EQ(answers->size(), 5u);
    int notSent = 0;
    for (const ChainAnswer &a : *answers) {
        EXPECT_FALSE(a.ok);
        if (a.failures.join(QLatin1Char(' ')).contains(QStringLiteral("not sent")))
            ++notSent;
    }
    // One call reached the server and timed out; four waited behind it and never left.
    EXPECT_EQ(api.calls(), 1);
    EXPECT_EQ(notSent, 4);
    EXPECT_EQ(chain.breakerState(0), CircuitBreaker::State::Closed);
    EXPECT_TRUE(chain.metricsText().contains(QStringLiteral(
        "medtranslate_provider_calls_total{provider=\"openai\",outcome=\"not_sent\"} "
        "4")));
    EXPECT_TRUE(chain.metricsText().contains(
        QStringLiteral("medtranslate_provider_calls_total{provider=\"openai\",outcome=\"failed\"} "
                       "1")));

    // The provider is still in use: the next message is translated by it.
    auto next = std::make_shared<std::vector<ChainAnswer>>();
    auto nextDone = std::make_shared<int>(0);
    chain.translate(request(5), QDeadlineTimer(10000), [next, nextDone](ChainAnswer a) {
        next->push_back(std::move(a));
        ++*nextDone;
    });
    waitFor(nextDone, 1);
    ASSERT_EQ(next->size(), 1u);
    EXPECT_TRUE(next->front().ok) << next->front().failures.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(next->front().text, english(5));
}
