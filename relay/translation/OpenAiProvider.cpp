#include "translation/OpenAiProvider.h"

#include "translation/MedicalPrompt.h"

#include <nlohmann/json.hpp>

namespace medtranslate::relay {

OpenAiProvider::OpenAiProvider(QString apiKey, QString model, QString baseUrl, QObject *parent)
    : HttpProvider(parent), m_apiKey(std::move(apiKey)), m_model(std::move(model)),
      m_baseUrl(std::move(baseUrl))
{
}

HttpProvider::Call OpenAiProvider::buildCall(const ProviderRequest &request) const
{
    Call call;
    call.request.setUrl(endpoint(m_baseUrl, QStringLiteral("/v1/chat/completions")));
    if (!m_apiKey.isEmpty())
        call.request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    call.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const std::string system = MedicalPrompt::system(request.sourceLang, request.targetLang,
                                                     request.glossary, request.context)
                                   .toStdString();
    const nlohmann::json body = {
        {"model", m_model.toStdString()},
        {"messages",
         nlohmann::json::array({{{"role", "system"}, {"content", system}},
                                {{"role", "user"}, {"content", request.text.toStdString()}}})},
        {"temperature", 0},
    };
    call.body = QByteArray::fromStdString(body.dump());
    return call;
}

std::optional<QString> OpenAiProvider::parseAnswer(const QByteArray &body, QString *error) const
{
    const auto json = nlohmann::json::parse(body.toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains("choices") || !json["choices"].is_array() ||
        json["choices"].empty()) {
        *error = QStringLiteral("malformed answer (no choices)");
        return std::nullopt;
    }
    const auto &choice = json["choices"][0];
    if (!choice.is_object() || !choice.contains("message") || !choice["message"].is_object() ||
        !choice["message"].contains("content") || !choice["message"]["content"].is_string()) {
        *error = QStringLiteral("malformed answer (no message content)");
        return std::nullopt;
    }
    if (choice.contains("finish_reason") && choice["finish_reason"].is_string() &&
        choice["finish_reason"].get<std::string>() == "length") {
        *error = QStringLiteral("answer cut off at the token limit");
        return std::nullopt;
    }
    const QString text =
        QString::fromStdString(choice["message"]["content"].get<std::string>()).trimmed();
    if (text.isEmpty()) {
        *error = QStringLiteral("malformed answer (empty content)");
        return std::nullopt;
    }
    return text;
}

} // namespace medtranslate::relay
