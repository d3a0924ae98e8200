#include "translation/DeepLProvider.h"

#include <QHash>
#include <QStringList>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {
// From DeepL's list of supported languages; TH and VI are text-only, next-gen models.
const QHash<QString, QString> &sources()
{
    static const QHash<QString, QString> codes = {
        {QStringLiteral("ko"), QStringLiteral("KO")}, {QStringLiteral("en"), QStringLiteral("EN")},
        {QStringLiteral("ja"), QStringLiteral("JA")}, {QStringLiteral("zh"), QStringLiteral("ZH")},
        {QStringLiteral("th"), QStringLiteral("TH")}, {QStringLiteral("vi"), QStringLiteral("VI")},
    };
    return codes;
}
const QHash<QString, QString> &targets()
{
    static const QHash<QString, QString> codes = {
        {QStringLiteral("ko"), QStringLiteral("KO")},
        {QStringLiteral("en"), QStringLiteral("EN-US")},
        {QStringLiteral("ja"), QStringLiteral("JA")},
        {QStringLiteral("zh"), QStringLiteral("ZH-HANS")},
        {QStringLiteral("th"), QStringLiteral("TH")},
        {QStringLiteral("vi"), QStringLiteral("VI")},
    };
    return codes;
}
} // namespace

DeepLProvider::DeepLProvider(QString apiKey, QString baseUrl, QObject *parent)
    : HttpProvider(parent), m_apiKey(std::move(apiKey)), m_baseUrl(std::move(baseUrl))
{
}

QString DeepLProvider::sourceCode(const QString &lang)
{
    return sources().value(lang);
}
QString DeepLProvider::targetCode(const QString &lang)
{
    return targets().value(lang);
}

bool DeepLProvider::supports(const QString &sourceLang, const QString &targetLang) const
{
    return !sourceCode(sourceLang).isEmpty() && !targetCode(targetLang).isEmpty();
}

HttpProvider::Call DeepLProvider::buildCall(const ProviderRequest &request) const
{
    Call call;
    call.request.setUrl(endpoint(m_baseUrl, QStringLiteral("/v2/translate")));
    call.request.setRawHeader("Authorization", "DeepL-Auth-Key " + m_apiKey.toUtf8());
    call.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    nlohmann::json body = {
        {"text", nlohmann::json::array({request.text.toStdString()})},
        {"source_lang", sourceCode(request.sourceLang).toStdString()},
        {"target_lang", targetCode(request.targetLang).toStdString()},
        {"model_type", "prefer_quality_optimized"},
        // The polite register where DeepL has one, silently the default where it has not.
        {"formality", "prefer_more"},
    };
    if (!request.context.empty()) {
        // Surrounding text DeepL reads but neither translates nor bills.
        QStringList turns;
        for (const ContextTurn &turn : request.context)
            turns << turn.text;
        body["context"] = turns.join(QLatin1Char('\n')).toStdString();
    }
    call.body = QByteArray::fromStdString(body.dump());
    return call;
}

std::optional<QString> DeepLProvider::parseAnswer(const QByteArray &body, QString *error) const
{
    const auto json = nlohmann::json::parse(body.toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains("translations") || !json["translations"].is_array() ||
        json["translations"].empty() || !json["translations"][0].is_object() ||
        !json["translations"][0].contains("text") || !json["translations"][0]["text"].is_string()) {
        *error = QStringLiteral("malformed answer (no translations[0].text)");
        return std::nullopt;
    }
    const QString text =
        QString::fromStdString(json["translations"][0]["text"].get<std::string>()).trimmed();
    if (text.isEmpty()) {
        *error = QStringLiteral("malformed answer (empty text)");
        return std::nullopt;
    }
    return text;
}

} // namespace medtranslate::relay
