#include "FakeProviderApi.h"

#include <QSet>

namespace medtranslate::test {

namespace {

using nlohmann::json;

QString str(const json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

// DeepL's codes: sources without variants, targets with EN and ZH variants spelled out.
const QSet<QString> &deeplSources()
{
    static const QSet<QString> codes = {"AR", "BG", "CS", "DA", "DE", "EL", "EN", "ES", "ET",
                                        "FI", "FR", "HE", "HU", "ID", "IT", "JA", "KO", "LT",
                                        "LV", "NB", "NL", "PL", "PT", "RO", "RU", "SK", "SL",
                                        "SV", "TH", "TR", "UK", "VI", "ZH"};
    return codes;
}
const QSet<QString> &deeplTargets()
{
    static const QSet<QString> codes = {
        "AR", "BG", "CS", "DA", "DE",    "EL",      "EN-GB",  "EN-US", "ES", "ES-419",
        "ET", "FI", "FR", "HE", "HU",    "ID",      "IT",     "JA",    "KO", "LT",
        "LV", "NB", "NL", "PL", "PT-BR", "PT-PT",   "RO",     "RU",    "SK", "SL",
        "SV", "TH", "TR", "UK", "VI",    "ZH-HANS", "ZH-HANT"};
    return codes;
}

} // namespace

FakeProviderApi::FakeProviderApi(Kind kind, QString key, QString model)
    : m_kind(kind), m_key(std::move(key)), m_model(std::move(model))
{
    m_server.setHandler([this](const FakeRequest &request) { return answer(request); });
}

QStringList FakeProviderApi::check(const FakeRequest &r) const
{
    QStringList v;
    const json body = r.json();
    if (r.method != "POST")
        v << QStringLiteral("method %1, not POST").arg(QString::fromLatin1(r.method));
    if (!r.header("content-type").startsWith("application/json"))
        v << QStringLiteral("content-type is not application/json");
    if (!body.is_object()) {
        v << QStringLiteral("body is not a JSON object");
        return v;
    }
    switch (m_kind) {
    case Kind::Anthropic: {
        if (r.path != "/v1/messages")
            v << QStringLiteral("path %1").arg(QString::fromLatin1(r.path));
        if (r.header("x-api-key") != m_key.toUtf8())
            v << QStringLiteral("x-api-key missing or wrong");
        if (r.header("anthropic-version") != "2023-06-01")
            v << QStringLiteral("anthropic-version is not 2023-06-01");
        if (str(body.value("model", json())) != m_model)
            v << QStringLiteral("model is not %1").arg(m_model);
        if (!body.contains("max_tokens") || !body["max_tokens"].is_number_integer() ||
            body["max_tokens"].get<int>() < 1)
            v << QStringLiteral("max_tokens missing");
        if (body.contains("system") && !body["system"].is_string())
            v << QStringLiteral("system is not a string");
        const json messages = body.value("messages", json());
        if (!messages.is_array() || messages.size() != 1 || !messages[0].is_object() ||
            str(messages[0].value("role", json())) != QLatin1String("user") ||
            !messages[0].value("content", json()).is_string())
            v << QStringLiteral("messages is not one user message with string content");
        break;
    }
    case Kind::OpenAi: {
        if (r.path != "/v1/chat/completions")
            v << QStringLiteral("path %1").arg(QString::fromLatin1(r.path));
        const QByteArray expected = m_key.isEmpty() ? QByteArray() : "Bearer " + m_key.toUtf8();
        if (r.header("authorization") != expected)
            v << QStringLiteral("authorization is not the Bearer key");
        if (str(body.value("model", json())) != m_model)
            v << QStringLiteral("model is not %1").arg(m_model);
        const json messages = body.value("messages", json());
        if (!messages.is_array() || messages.size() != 2 ||
            str(messages[0].value("role", json())) != QLatin1String("system") ||
            str(messages[1].value("role", json())) != QLatin1String("user") ||
            !messages[0].value("content", json()).is_string() ||
            !messages[1].value("content", json()).is_string())
            v << QStringLiteral("messages are not [system, user]");
        if (body.contains("temperature") && !body["temperature"].is_number())
            v << QStringLiteral("temperature is not a number");
        break;
    }
    case Kind::DeepL: {
        if (r.path != "/v2/translate")
            v << QStringLiteral("path %1").arg(QString::fromLatin1(r.path));
        if (r.header("authorization") != "DeepL-Auth-Key " + m_key.toUtf8())
            v << QStringLiteral("authorization is not DeepL-Auth-Key");
        const json text = body.value("text", json());
        if (!text.is_array() || text.empty() || !text[0].is_string())
            v << QStringLiteral("text is not an array of strings");
        if (!deeplTargets().contains(str(body.value("target_lang", json()))))
            v << QStringLiteral("target_lang %1 is not a DeepL target code")
                     .arg(str(body.value("target_lang", json())));
        if (body.contains("context") && !body["context"].is_string())
            v << QStringLiteral("context is not a string");
        if (body.contains("source_lang") && !deeplSources().contains(str(body["source_lang"])))
            v << QStringLiteral("source_lang %1 is not a DeepL source code")
                     .arg(str(body["source_lang"]));
        break;
    }
    }
    return v;
}

FakeReply FakeProviderApi::answer(const FakeRequest &request)
{
    const QStringList problems = check(request);
    if (!problems.isEmpty()) {
        m_violations << problems;
        return error(400);
    }
    if (m_failAlways)
        return error(m_failAlways);
    const QString input = textOf(calls() - 1);
    const auto it = m_translations.constFind(input);
    if (it == m_translations.constEnd()) {
        m_violations << QStringLiteral("no scripted translation for '%1'").arg(input);
        return error(400);
    }
    return success(*it);
}

FakeReply FakeProviderApi::success(const QString &text) const
{
    json body;
    switch (m_kind) {
    case Kind::Anthropic:
        body = {{"id", "msg_01FakeFakeFake"},
                {"type", "message"},
                {"role", "assistant"},
                {"model", m_model.toStdString()},
                {"content", json::array({{{"type", "text"}, {"text", text.toStdString()}}})},
                {"stop_reason", "end_turn"},
                {"stop_sequence", nullptr},
                {"usage", {{"input_tokens", 42}, {"output_tokens", 17}}}};
        break;
    case Kind::OpenAi:
        body = {
            {"id", "chatcmpl-fake"},
            {"object", "chat.completion"},
            {"created", 1764140000},
            {"model", m_model.toStdString()},
            {"choices",
             json::array({{{"index", 0},
                           {"message", {{"role", "assistant"}, {"content", text.toStdString()}}},
                           {"finish_reason", "stop"}}})},
            {"usage", {{"prompt_tokens", 42}, {"completion_tokens", 17}, {"total_tokens", 59}}}};
        break;
    case Kind::DeepL:
        body = {{"translations", json::array({{{"detected_source_language", "KO"},
                                               {"text", text.toStdString()}}})}};
        break;
    }
    return FakeReply{200, QByteArray::fromStdString(body.dump()), {}, false};
}

FakeReply FakeProviderApi::error(int status, const QByteArray &retryAfter) const
{
    json body;
    switch (m_kind) {
    case Kind::Anthropic:
        body = {{"type", "error"},
                {"error",
                 {{"type", status == 429   ? "rate_limit_error"
                           : status >= 500 ? "api_error"
                                           : "invalid_request_error"},
                  {"message", "fake failure"}}}};
        break;
    case Kind::OpenAi:
        body = {{"error",
                 {{"message", "fake failure"},
                  {"type", status == 429 ? "rate_limit_exceeded" : "server_error"}}}};
        break;
    case Kind::DeepL:
        body = {{"message", status == 429 ? "Too many requests" : "Internal error"}};
        break;
    }
    FakeReply reply{status, QByteArray::fromStdString(body.dump()), {}, false};
    if (!retryAfter.isEmpty())
        reply.headers.append({"Retry-After", retryAfter});
    return reply;
}

void FakeProviderApi::failNext(int status, const QByteArray &retryAfter)
{
    m_server.enqueue(error(status, retryAfter));
}

void FakeProviderApi::hangNext()
{
    FakeReply reply;
    reply.hang = true;
    m_server.enqueue(reply);
}

void FakeProviderApi::malformedNext()
{
    m_server.enqueue(
        FakeReply{200, QByteArray("{\"content\": [ {\"type\": \"text\", \"text\": "), {}, false});
}

QString FakeProviderApi::textOf(int i) const
{
    if (i < 0 || i >= calls())
        return {};
    const json body = m_server.requests()[size_t(i)].json();
    if (!body.is_object())
        return {};
    if (m_kind == Kind::DeepL) {
        const json text = body.value("text", json());
        return text.is_array() && !text.empty() ? str(text[0]) : QString();
    }
    const json messages = body.value("messages", json());
    if (!messages.is_array() || messages.empty())
        return {};
    return str(messages.back().value("content", json()));
}

QString FakeProviderApi::systemOf(int i) const
{
    if (i < 0 || i >= calls())
        return {};
    const json body = m_server.requests()[size_t(i)].json();
    if (!body.is_object())
        return {};
    if (m_kind == Kind::Anthropic)
        return str(body.value("system", json()));
    const json messages = body.value("messages", json());
    return messages.is_array() && !messages.empty() ? str(messages[0].value("content", json()))
                                                    : QString();
}

QString FakeProviderApi::deeplTargetOf(int i) const
{
    if (i < 0 || i >= calls())
        return {};
    return str(m_server.requests()[size_t(i)].json().value("target_lang", json()));
}

QString FakeProviderApi::deeplSourceOf(int i) const
{
    if (i < 0 || i >= calls())
        return {};
    return str(m_server.requests()[size_t(i)].json().value("source_lang", json()));
}

} // namespace medtranslate::test
