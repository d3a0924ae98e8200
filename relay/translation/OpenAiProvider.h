#pragma once

#include "translation/HttpProvider.h"

namespace medtranslate::relay {

//! OpenAI-compatible chat completions: POST {base}/v1/chat/completions with a Bearer key (none
//! for local servers); the answer is choices[0].message.content. Works with OpenAI and with
//! llama.cpp server, Ollama and vLLM.
class OpenAiProvider final : public HttpProvider
{
    Q_OBJECT

public:
    OpenAiProvider(QString apiKey, QString model, QString baseUrl, QObject *parent = nullptr);

    [[nodiscard]] QString name() const override { return QStringLiteral("openai"); }
    [[nodiscard]] QString model() const override { return m_model; }

protected:
    [[nodiscard]] Call buildCall(const ProviderRequest &request) const override;
    [[nodiscard]] std::optional<QString> parseAnswer(const QByteArray &body,
                                                     QString *error) const override;
    [[nodiscard]] bool answersStructured() const override { return true; }

private:
    QString m_apiKey;
    QString m_model;
    QString m_baseUrl;
};

} // namespace medtranslate::relay
