#pragma once

#include "translation/HttpProvider.h"

namespace medtranslate::relay {

//! DeepL: POST {base}/v2/translate with "Authorization: DeepL-Auth-Key …" and a JSON body.
//! Uses DeepL's own codes (EN-US, ZH-HANS as targets); Thai and Vietnamese need its next-gen
//! models, hence model_type prefer_quality_optimized. A pair it cannot do is skipped.
class DeepLProvider final : public HttpProvider
{
    Q_OBJECT

public:
    DeepLProvider(QString apiKey, QString baseUrl, QObject *parent = nullptr);

    [[nodiscard]] QString name() const override { return QStringLiteral("deepl"); }
    [[nodiscard]] QString model() const override
    {
        return QStringLiteral("prefer_quality_optimized");
    }
    [[nodiscard]] bool supports(const QString &sourceLang,
                                const QString &targetLang) const override;

    //! DeepL's code for our language as a source or a target; empty when it has none.
    [[nodiscard]] static QString sourceCode(const QString &lang);
    [[nodiscard]] static QString targetCode(const QString &lang);

protected:
    [[nodiscard]] Call buildCall(const ProviderRequest &request) const override;
    [[nodiscard]] std::optional<QString> parseAnswer(const QByteArray &body,
                                                     QString *error) const override;

private:
    QString m_apiKey;
    QString m_baseUrl;
};

} // namespace medtranslate::relay
