#include "translation/AnthropicProvider.h"

#include "translation/MedicalPrompt.h"

#include <nlohmann/json.hpp>

namespace medtranslate::relay {

AnthropicProvider::AnthropicProvider(QString apiKey, QString model, QString baseUrl,
                                     QObject *parent)
    : HttpProvider(parent), m_apiKey(std::move(apiKey)), m_model(std::move(model)),
      m_baseUrl(std::move(baseUrl))
{
}

HttpProvider::Call AnthropicProvider::buildCall(const ProviderRequest &request) const
{
    Call call;
    call.request.setUrl(endpoint(m_baseUrl, QStringLiteral("/v1/messages")));
    call.request.setRawHeader("x-api-key", m_apiKey.toUtf8());
    call.request.setRawHeader("anthropic-version", "2023-06-01");
    call.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    // Room for scripts that take more tokens than letters (Thai, Korean), never unbounded.
    const int maxTokens = std::clamp(int(request.text.size()) * 4, 512, 8192);
    const nlohmann::json body = {
        {"model", m_model.toStdString()},
        {"max_tokens", maxTokens},
        {"temperature", 0},
        {"system", MedicalPrompt::system(request.sourceLang, request.targetLang, request.glossary,
                                         request.context)
                       .toStdString()},
        {"messages",
         nlohmann::json::array({{{"role", "user"}, {"content", request.text.toStdString()}}})},
    };
    call.body = QByteArray::fromStdString(body.dump());
    return call;
}

std::optional<QString> AnthropicProvider::parseAnswer(const QByteArray &body, QString *error) const
{
    const auto json = nlohmann::json::parse(body.toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains("content") || !json["content"].is_array()) {
        *error = QStringLiteral("malformed answer (no content array)");
        return std::nullopt;
    }
    if (json.value("stop_reason", std::string{}) == "max_tokens") {
        *error = QStringLiteral("answer cut off at max_tokens");
        return std::nullopt;
    }
    QString text;
    for (const auto &block : json["content"]) {
        if (block.is_object() && block.value("type", std::string{}) == "text" &&
            block.contains("text") && block["text"].is_string())
            text += QString::fromStdString(block["text"].get<std::string>());
    }
    text = text.trimmed();
    if (text.isEmpty()) {
        *error = QStringLiteral("malformed answer (no text)");
        return std::nullopt;
    }
    return text;
}

} // namespace medtranslate::relay
