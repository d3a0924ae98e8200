#pragma once

#include "translation/HttpProvider.h"

namespace medtranslate::relay {

//! Anthropic's Messages API: POST {base}/v1/messages with x-api-key and
//! anthropic-version 2023-06-01; the answer is the text blocks of `content`.
class AnthropicProvider final : public HttpProvider
{
    Q_OBJECT

public:
    AnthropicProvider(QString apiKey, QString model, QString baseUrl, QObject *parent = nullptr);

    [[nodiscard]] QString name() const override { return QStringLiteral("anthropic"); }
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
