#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <nlohmann/json.hpp>

namespace medtranslate::test {

struct HttpResponse
{
    int status = 0; //!< 0 when the request failed or timed out
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    [[nodiscard]] nlohmann::json json() const;
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
};

//! Blocking HTTP for tests (spins the event loop, with a timeout).
class HttpClient final
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    static HttpResponse get(const QUrl &url, const QString &bearer = {}, int timeoutMs = 5000,
                            const Headers &headers = {});
    static HttpResponse post(const QUrl &url, const QByteArray &body, const QString &bearer = {},
                             int timeoutMs = 5000);
    //! With headers of its own (a Content-Type other than JSON, say).
    static HttpResponse post(const QUrl &url, const QByteArray &body, const QString &bearer,
                             int timeoutMs, const Headers &headers);
};

} // namespace medtranslate::test
