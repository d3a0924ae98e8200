#pragma once

#include "medtranslate/protocol/HttpBodies.h"

#include <QByteArray>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <utility>
#include <vector>

namespace medtranslate::relay {

//! An HTTP answer that may be written later, after asynchronous work. Qt HttpServer 6.4 lets
//! the responder be moved out of the handler; this keeps it with a guard on its socket, so a
//! client that hung up meanwhile is simply skipped.
class HttpReply final
{
public:
    using Status = QHttpServerResponder::StatusCode;
    using Headers = std::vector<std::pair<QByteArray, QByteArray>>;

    static std::shared_ptr<HttpReply> from(QHttpServerResponder &&responder);

    //! A JSON body, usually one of protocol::http's structs.
    void json(const nlohmann::json &body, Status status = Status::Ok, const Headers &headers = {});
    void error(Status status, protocol::ErrorCode code, const QString &message,
               const Headers &headers = {});
    //! A refused request body, with the status its code always has (400 for bad input).
    void error(const protocol::http::ErrorBody &body);
    void bytes(const QByteArray &body, const QByteArray &mimeType, Status status = Status::Ok,
               const Headers &headers = {});
    [[nodiscard]] bool answered() const { return m_answered; }

    explicit HttpReply(QHttpServerResponder &&responder);

private:
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_answered = false;
};

} // namespace medtranslate::relay
