#include "http/HttpReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace medtranslate::relay {

std::shared_ptr<HttpReply> HttpReply::from(QHttpServerResponder &&responder)
{
    return std::make_shared<HttpReply>(std::move(responder));
}

HttpReply::HttpReply(QHttpServerResponder &&responder)
    : m_responder(std::move(responder)), m_socket(m_responder.socket())
{
}

void HttpReply::bytes(const QByteArray &body, const QByteArray &mimeType, Status status,
                      const Headers &headers)
{
    if (m_answered || !m_socket || !m_socket->isOpen())
        return;
    m_answered = true;
    m_responder.writeStatusLine(status);
    m_responder.writeHeader("Content-Type", mimeType);
    m_responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    m_responder.writeHeader("X-Content-Type-Options", "nosniff");
    // API answers are never cached; a caller may say otherwise (widget files revalidate).
    bool cacheControl = false;
    for (const auto &[key, value] : headers) {
        m_responder.writeHeader(key, value);
        cacheControl = cacheControl || key.compare("Cache-Control", Qt::CaseInsensitive) == 0;
    }
    if (!cacheControl)
        m_responder.writeHeader("Cache-Control", "no-store");
    m_responder.writeBody(body);
}

void HttpReply::json(const QJsonValue &body, Status status, const Headers &headers)
{
    const QJsonDocument doc =
        body.isArray() ? QJsonDocument(body.toArray()) : QJsonDocument(body.toObject());
    bytes(doc.toJson(QJsonDocument::Compact), "application/json", status, headers);
}

void HttpReply::error(Status status, const QString &code, const QString &message,
                      const Headers &headers)
{
    json(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                           {QStringLiteral("message"), message}}}},
         status, headers);
}

} // namespace medtranslate::relay
