#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>
#include <optional>

namespace medtranslate::relay {

//! Limits on one HTTP request, checked from its headers before its body is read.
struct HttpRequestLimits
{
    qsizetype maxHeaderBytes = 16 * 1024; //!< request line and headers together
    qint64 maxBodyBytes = 64 * 1024;
    //! File uploads (`POST /api/rooms/{id}/attachments`) may be this large instead.
    qint64 maxUploadBytes = 64 * 1024;
};

//! Follows the requests on one HTTP/1.1 connection byte by byte, as they arrive, without
//! keeping their bodies: Qt HttpServer 6.4 buffers a whole body (twice) before any route sees
//! it, so a body that is too big, or a header block that never ends, has to be refused here,
//! from the headers. It only frames requests (request line, headers, Content-Length); Qt still
//! parses them.
class HttpRequestScanner final
{
public:
    enum class Phase {
        Idle,     //!< between requests: nothing of the next one has arrived
        Headers,  //!< inside a request line or its headers
        Body,     //!< inside a body of known length
        Upgraded, //!< the connection became a WebSocket; nothing more is HTTP
        Refused,  //!< the request broke a rule; see refusal()
    };

    //! Why a request is refused: the HTTP status and the contract's error code for the answer.
    struct Refusal
    {
        int status = 400;
        const char *code = "bad_request";
        QString message;
    };

    explicit HttpRequestScanner(HttpRequestLimits limits = {}) : m_limits(limits) {}

    //! Takes the next bytes of the stream. Returns how many were consumed: all of them, or
    //! fewer when the connection was upgraded or refused (the rest is not HTTP to follow).
    qsizetype feed(QByteArrayView bytes);

    [[nodiscard]] Phase phase() const { return m_phase; }
    [[nodiscard]] const std::optional<Refusal> &refusal() const { return m_refusal; }
    //! Counts phase changes, so a caller sees a whole request go by within one feed().
    [[nodiscard]] quint64 changes() const { return m_changes; }
    [[nodiscard]] quint64 requests() const { return m_requests; }
    //! True for the request line of a file upload, which has its own body limit.
    [[nodiscard]] static bool isUpload(QByteArrayView method, QByteArrayView target);

private:
    void enter(Phase phase);
    void headersComplete();
    void refuse(int status, const char *code, QString message);

    HttpRequestLimits m_limits;
    Phase m_phase = Phase::Idle;
    QByteArray m_head;     //!< request line and headers of the current request
    qint64 m_bodyLeft = 0; //!< bytes of the current body still to come
    quint64 m_changes = 0;
    quint64 m_requests = 0; //!< requests whose headers were complete and accepted
    std::optional<Refusal> m_refusal;
};

} // namespace medtranslate::relay
