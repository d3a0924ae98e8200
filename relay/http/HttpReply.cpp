#include "http/HttpReply.h"

#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {

HttpReply::Status statusFor(protocol::ErrorCode code)
{
    using Code = protocol::ErrorCode;
    using Status = HttpReply::Status;
    switch (code) {
    case Code::BadRequest:
    case Code::UnsupportedLanguage:
        return Status::BadRequest;
    case Code::Unauthorized:
        return Status::Unauthorized;
    case Code::Forbidden:
        return Status::Forbidden;
    case Code::NotFound:
        return Status::NotFound;
    case Code::TooLarge:
        return Status::PayloadTooLarge;
    case Code::RateLimited:
        return Status::TooManyRequests;
    case Code::RoomEnded:
    case Code::AlreadyAssigned:
        return Status::Conflict;
    case Code::Internal:
        break;
    }
    return Status::InternalServerError;
}

} // namespace

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

void HttpReply::json(const nlohmann::json &body, Status status, const Headers &headers)
{
    bytes(QByteArray::fromStdString(
              body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
          "application/json", status, headers);
}

void HttpReply::error(Status status, protocol::ErrorCode code, const QString &message,
                      const Headers &headers)
{
    json(protocol::http::ErrorBody{code, message.toStdString()}, status, headers);
}

void HttpReply::error(const protocol::http::ErrorBody &body)
{
    json(body, statusFor(body.code));
}

} // namespace medtranslate::relay
