// Each real provider client against a local fake of its API: the request must be exactly what
// the API requires, the answer is parsed as the API sends it, and failures are reported so the
// chain can act (retryable 429/5xx with Retry-After, timeouts, malformed JSON).
#include "FakeProviderApi.h"
#include "translation/AnthropicProvider.h"
#include "translation/DeepLProvider.h"
#include "translation/HttpProvider.h"
#include "translation/OpenAiProvider.h"

#include <QDateTime>
#include <QEventLoop>
#include <QLocale>
#include <QPointer>
#include <QTimer>
#include <gtest/gtest.h>
#include <memory>
#include <optional>

using namespace medtranslate;
using namespace medtranslate::relay;
using medtranslate::test::FakeProviderApi;

namespace {

std::optional<ProviderResult> call(TranslationProvider &provider, const ProviderRequest &request,
                                   int waitMs = 5000)
{
    auto result = std::make_shared<std::optional<ProviderResult>>();
    QEventLoop loop;
    QPointer<QEventLoop> guard(&loop);
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    provider.translate(request, [result, guard](ProviderResult r) {
        *result = std::move(r);
        if (guard)
            guard->quit();
    });
    if (!result->has_value())
        loop.exec();
    return *result;
}

ProviderRequest koToEn(const QString &text)
{
    ProviderRequest request;
    request.text = text;
    request.sourceLang = QStringLiteral("ko");
    request.targetLang = QStringLiteral("en");
    request.glossary = {protocol::GlossaryHit{"두통", "headache"}};
    request.timeoutMs = 3000;
    return request;
}

} // namespace

TEST(AnthropicProvider, SendsTheMessagesApiRequestAndReadsContentText)
{
    FakeProviderApi api(FakeProviderApi::Kind::Anthropic, QStringLiteral("sk-ant-1"),
                        QStringLiteral("claude-x"));
    api.setTranslation(QStringLiteral("어제부터 두통이 있어요"),
                       QStringLiteral("I have had a headache since yesterday."));
    AnthropicProvider provider(QStringLiteral("sk-ant-1"), QStringLiteral("claude-x"),
                               api.baseUrl());
    const auto result = call(provider, koToEn(QStringLiteral("어제부터 두통이 있어요")));
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->ok) << result->error.toStdString();
    EXPECT_EQ(result->text, QStringLiteral("I have had a headache since yesterday."));
    ASSERT_EQ(api.calls(), 1);
    EXPECT_TRUE(api.violations().isEmpty())
        << api.violations().join(QStringLiteral("; ")).toStdString();
    const auto body = api.server().requests()[0].json();
    EXPECT_EQ(body["messages"][0]["role"], "user");
    EXPECT_EQ(body["messages"][0]["content"], "어제부터 두통이 있어요");
    EXPECT_GT(body["max_tokens"].get<int>(), 0);
    const QString system = api.systemOf(0);
    EXPECT_TRUE(system.contains(QStringLiteral("medical interpreter")));
    EXPECT_TRUE(system.contains(QStringLiteral("from Korean into English")));
    EXPECT_TRUE(system.contains(QStringLiteral("- 두통 → headache")));
    EXPECT_TRUE(system.contains(QStringLiteral("⟦P1⟧")));
}

TEST(AnthropicProvider, AnswerCutOffAtMaxTokensIsAFailure)
{
    FakeProviderApi api(FakeProviderApi::Kind::Anthropic, QStringLiteral("k"), QStringLiteral("m"));
    api.server().enqueue(test::FakeReply{
        200,
        R"({"type":"message","role":"assistant","content":[{"type":"text","text":"I have a"}],"stop_reason":"max_tokens"})",
        {},
        false});
    AnthropicProvider provider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    const auto result = call(provider, koToEn(QStringLiteral("두통")));
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->ok);
    EXPECT_FALSE(result->retryable);
    EXPECT_TRUE(result->error.contains(QStringLiteral("max_tokens")));
}

TEST(OpenAiProvider, SendsChatCompletionsWithASystemMessageAndBearerKey)
{
    FakeProviderApi api(FakeProviderApi::Kind::OpenAi, QStringLiteral("sk-o-1"),
                        QStringLiteral("gpt-x"));
    api.setTranslation(QStringLiteral("두통"), QStringLiteral("headache"));
    OpenAiProvider provider(QStringLiteral("sk-o-1"), QStringLiteral("gpt-x"), api.baseUrl());
    const auto result = call(provider, koToEn(QStringLiteral("두통")));
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->ok) << result->error.toStdString();
    EXPECT_EQ(result->text, QStringLiteral("headache"));
    ASSERT_EQ(api.calls(), 1);
    EXPECT_TRUE(api.violations().isEmpty())
        << api.violations().join(QStringLiteral("; ")).toStdString();
    const auto body = api.server().requests()[0].json();
    EXPECT_EQ(body["messages"][0]["role"], "system");
    EXPECT_EQ(body["messages"][1]["content"], "두통");
    EXPECT_EQ(body["temperature"], 0);
    EXPECT_TRUE(api.systemOf(0).contains(QStringLiteral("- 두통 → headache")));
}

TEST(OpenAiProvider, LocalServerWithoutKeyAndWithV1InTheBaseUrl)
{
    // llama.cpp server, Ollama and vLLM are often configured as http://host:port/v1, no key.
    FakeProviderApi api(FakeProviderApi::Kind::OpenAi, QString(), QStringLiteral("llama"));
    api.setTranslation(QStringLiteral("두통"), QStringLiteral("headache"));
    OpenAiProvider provider(QString(), QStringLiteral("llama"),
                            api.baseUrl() + QStringLiteral("/v1/"));
    const auto result = call(provider, koToEn(QStringLiteral("두통")));
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->ok) << result->error.toStdString();
    EXPECT_TRUE(api.violations().isEmpty())
        << api.violations().join(QStringLiteral("; ")).toStdString();
    ASSERT_EQ(api.calls(), 1);
    EXPECT_TRUE(api.server().requests()[0].header("authorization").isEmpty());
}

TEST(OpenAiProvider, AnswerCutOffByLengthIsAFailure)
{
    FakeProviderApi api(FakeProviderApi::Kind::OpenAi, QStringLiteral("k"), QStringLiteral("m"));
    api.server().enqueue(test::FakeReply{
        200,
        R"({"choices":[{"index":0,"message":{"role":"assistant","content":"I have"},"finish_reason":"length"}]})",
        {},
        false});
    OpenAiProvider provider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    const auto result = call(provider, koToEn(QStringLiteral("두통")));
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->ok);
}

TEST(DeepLProvider, UsesDeepLLanguageCodesAndAuthKeyHeader)
{
    FakeProviderApi api(FakeProviderApi::Kind::DeepL, QStringLiteral("dk:fx"));
    api.setTranslation(QStringLiteral("두통"), QStringLiteral("头痛"));
    DeepLProvider provider(QStringLiteral("dk:fx"), api.baseUrl());
    ProviderRequest request = koToEn(QStringLiteral("두통"));
    request.targetLang = QStringLiteral("zh");
    const auto result = call(provider, request);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->ok) << result->error.toStdString();
    EXPECT_EQ(result->text, QStringLiteral("头痛"));
    EXPECT_TRUE(api.violations().isEmpty())
        << api.violations().join(QStringLiteral("; ")).toStdString();
    EXPECT_EQ(api.deeplTargetOf(0), QStringLiteral("ZH-HANS"));
    EXPECT_EQ(api.deeplSourceOf(0), QStringLiteral("KO"));
    const auto body = api.server().requests()[0].json();
    EXPECT_EQ(body["text"], nlohmann::json::array({"두통"}));
    EXPECT_EQ(body["model_type"], "prefer_quality_optimized");
    EXPECT_FALSE(body.contains("context")); // none given, none sent
}

TEST(DeepLProvider, EarlierTurnsGoInTheContextParameterNotInTheText)
{
    FakeProviderApi api(FakeProviderApi::Kind::DeepL, QStringLiteral("dk"));
    api.setTranslation(QStringLiteral("네, 월요일부터요"), QStringLiteral("Yes, since Monday."));
    DeepLProvider provider(QStringLiteral("dk"), api.baseUrl());
    ProviderRequest request = koToEn(QStringLiteral("네, 월요일부터요"));
    request.context = {ContextTurn{true, QStringLiteral("Do you have a fever?")},
                       ContextTurn{false, QStringLiteral("열이 있으세요?")}};
    const auto result = call(provider, request);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->ok) << result->error.toStdString();
    EXPECT_TRUE(api.violations().isEmpty())
        << api.violations().join(QStringLiteral("; ")).toStdString();
    const auto body = api.server().requests()[0].json();
    EXPECT_EQ(body["text"], nlohmann::json::array({"네, 월요일부터요"}));
    EXPECT_EQ(body["context"], "Do you have a fever?\n열이 있으세요?");
}

TEST(AnthropicProvider, EarlierTurnsAreContextInThePromptAndTheMessageStaysAlone)
{
    FakeProviderApi api(FakeProviderApi::Kind::Anthropic, QStringLiteral("k"), QStringLiteral("m"));
    api.setTranslation(QStringLiteral("네, 월요일부터요"), QStringLiteral("Yes, since Monday."));
    AnthropicProvider provider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    ProviderRequest request = koToEn(QStringLiteral("네, 월요일부터요"));
    request.context = {ContextTurn{true, QStringLiteral("I have had a cough.")},
                       ContextTurn{false, QStringLiteral("언제부터 기침을 하셨어요?")}};
    const auto result = call(provider, request);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->ok) << result->error.toStdString();
    EXPECT_EQ(result->text, QStringLiteral("Yes, since Monday."));
    const QString system = api.systemOf(0);
    const qsizetype patient = system.indexOf(QStringLiteral("- Patient: I have had a cough."));
    const qsizetype counselor =
        system.indexOf(QStringLiteral("- Counselor: 언제부터 기침을 하셨어요?"));
    ASSERT_GE(patient, 0) << system.toStdString();
    EXPECT_GT(counselor, patient); // oldest first
    EXPECT_TRUE(system.contains(QStringLiteral("never translate it")));
    const auto body = api.server().requests()[0].json();
    ASSERT_EQ(body["messages"].size(), 1u);
    EXPECT_EQ(body["messages"][0]["content"], "네, 월요일부터요");
}

TEST(DeepLProvider, EnglishTargetIsAmericanAndSourceHasNoVariant)
{
    EXPECT_EQ(DeepLProvider::targetCode(QStringLiteral("en")), QStringLiteral("EN-US"));
    EXPECT_EQ(DeepLProvider::sourceCode(QStringLiteral("en")), QStringLiteral("EN"));
    EXPECT_EQ(DeepLProvider::sourceCode(QStringLiteral("zh")), QStringLiteral("ZH"));
    EXPECT_EQ(DeepLProvider::targetCode(QStringLiteral("vi")), QStringLiteral("VI"));
    EXPECT_EQ(DeepLProvider::targetCode(QStringLiteral("th")), QStringLiteral("TH"));
    DeepLProvider provider(QStringLiteral("k"), QStringLiteral("http://127.0.0.1:1"));
    for (const char *a : {"ko", "en", "ja", "zh", "th", "vi"}) {
        for (const char *b : {"ko", "en", "ja", "zh", "th", "vi"})
            EXPECT_TRUE(provider.supports(QString::fromLatin1(a), QString::fromLatin1(b)))
                << a << b;
    }
    EXPECT_FALSE(provider.supports(QStringLiteral("ko"), QStringLiteral("km")));
}

TEST(HttpProvider, RateLimitIsRetryableWithRetryAfter)
{
    FakeProviderApi api(FakeProviderApi::Kind::Anthropic, QStringLiteral("k"), QStringLiteral("m"));
    api.failNext(429, "7");
    AnthropicProvider provider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    const auto result = call(provider, koToEn(QStringLiteral("두통")));
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->ok);
    EXPECT_TRUE(result->retryable);
    EXPECT_EQ(result->httpStatus, 429);
    EXPECT_EQ(result->retryAfterMs, 7000);
}

TEST(HttpProvider, ServerErrorIsRetryableClientErrorIsNot)
{
    FakeProviderApi api(FakeProviderApi::Kind::OpenAi, QStringLiteral("k"), QStringLiteral("m"));
    api.failNext(500);
    api.failNext(401);
    OpenAiProvider provider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    const auto first = call(provider, koToEn(QStringLiteral("두통")));
    ASSERT_TRUE(first);
    EXPECT_FALSE(first->ok);
    EXPECT_TRUE(first->retryable);
    EXPECT_EQ(first->retryAfterMs, -1);
    const auto second = call(provider, koToEn(QStringLiteral("두통")));
    ASSERT_TRUE(second);
    EXPECT_FALSE(second->ok);
    EXPECT_FALSE(second->retryable);
    EXPECT_EQ(second->httpStatus, 401);
}

TEST(HttpProvider, HangingServerTimesOut)
{
    FakeProviderApi api(FakeProviderApi::Kind::DeepL, QStringLiteral("k"));
    api.hangNext();
    DeepLProvider provider(QStringLiteral("k"), api.baseUrl());
    ProviderRequest request = koToEn(QStringLiteral("두통"));
    request.timeoutMs = 300;
    const auto result = call(provider, request, 5000);
    ASSERT_TRUE(result) << "the provider must answer after its timeout";
    EXPECT_FALSE(result->ok);
    EXPECT_FALSE(result->retryable);
    EXPECT_TRUE(result->error.contains(QStringLiteral("300 ms")));
}

TEST(HttpProvider, MalformedJsonIsAFailure)
{
    FakeProviderApi api(FakeProviderApi::Kind::Anthropic, QStringLiteral("k"), QStringLiteral("m"));
    api.malformedNext();
    AnthropicProvider provider(QStringLiteral("k"), QStringLiteral("m"), api.baseUrl());
    const auto result = call(provider, koToEn(QStringLiteral("두통")));
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->ok);
    EXPECT_TRUE(result->error.contains(QStringLiteral("malformed")));
}

TEST(HttpProvider, RetryAfterAsSecondsOrHttpDate)
{
    EXPECT_EQ(HttpProvider::parseRetryAfter("2"), 2000);
    EXPECT_EQ(HttpProvider::parseRetryAfter(" 0 "), 0);
    EXPECT_EQ(HttpProvider::parseRetryAfter(""), -1);
    EXPECT_EQ(HttpProvider::parseRetryAfter("soon"), -1);
    const QDateTime inTenSeconds = QDateTime::currentDateTimeUtc().addSecs(10);
    const QByteArray date =
        QLocale::c()
            .toString(inTenSeconds, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
            .toLatin1();
    const int ms = HttpProvider::parseRetryAfter(date);
    EXPECT_GT(ms, 5000);
    EXPECT_LE(ms, 10000);
    const QByteArray past = QLocale::c()
                                .toString(QDateTime::currentDateTimeUtc().addSecs(-60),
                                          QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                                .toLatin1();
    EXPECT_EQ(HttpProvider::parseRetryAfter(past), 0);
}

TEST(HttpProvider, EndpointDoesNotDoubleV1)
{
    EXPECT_EQ(HttpProvider::endpoint(QStringLiteral("https://api.anthropic.com"),
                                     QStringLiteral("/v1/messages"))
                  .toString(),
              QStringLiteral("https://api.anthropic.com/v1/messages"));
    EXPECT_EQ(HttpProvider::endpoint(QStringLiteral("http://localhost:11434/v1/"),
                                     QStringLiteral("/v1/chat/completions"))
                  .toString(),
              QStringLiteral("http://localhost:11434/v1/chat/completions"));
    EXPECT_EQ(HttpProvider::endpoint(QStringLiteral("https://api-free.deepl.com/"),
                                     QStringLiteral("/v2/translate"))
                  .toString(),
              QStringLiteral("https://api-free.deepl.com/v2/translate"));
}
