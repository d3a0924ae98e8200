#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpServer>
#include <functional>
#include <optional>
#include <vector>

class QTcpSocket;

namespace medtranslate::test {

//! One request as the fake S3 received it; header names lowercased, in the order sent.
struct FakeS3Request
{
    QByteArray method;
    QByteArray target; //!< path and query as on the request line
    QList<QPair<QByteArray, QByteArray>> headers;
    qsizetype bodySize = 0;
    int status = 0; //!< what it was answered (0: not answered)

    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] int headerCount(const QByteArray &name) const;
};

//! An S3-compatible server on 127.0.0.1 for store tests. It checks each request as S3 does:
//! the AWS Signature V4 recomputed from what arrived with the secret it knows, x-amz-date
//! present and within 15 minutes, x-amz-content-sha256 matching the body, the session token
//! when it has one. It keeps objects of one bucket in memory (PUT, GET, HEAD, DELETE), answers
//! S3's XML errors, can fail or stall on demand and counts requests.
class FakeS3Server final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString bucket = QStringLiteral("bucket");
        QString region = QStringLiteral("us-east-1");
        QString accessKeyId = QStringLiteral("AKIAFAKES3TEST");
        QString secretAccessKey = QStringLiteral("fake/secret+key");
        QString sessionToken; //!< when set, every request must sign it
    };

    FakeS3Server() : FakeS3Server(Options{}) {}
    explicit FakeS3Server(Options options);
    ~FakeS3Server() override;

    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] QString endpoint() const; //!< http://127.0.0.1:<port>

    //! The next `count` requests are answered `status` (500 InternalError, 503 SlowDown …)
    //! before anything is checked.
    void failNext(int count, int status = 503);
    //! While on, requests are read and never answered.
    void setStalled(bool stalled) { m_stalled = stalled; }
    //! The server's own time, for the 15-minute check.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    [[nodiscard]] int requestCount() const { return int(m_requests.size()); }
    [[nodiscard]] const std::vector<FakeS3Request> &requests() const { return m_requests; }
    //! Objects by key within the bucket (the path after "/bucket/").
    [[nodiscard]] bool hasObject(const QByteArray &key) const { return m_objects.contains(key); }
    [[nodiscard]] QByteArray object(const QByteArray &key) const;
    [[nodiscard]] QByteArray contentType(const QByteArray &key) const;
    [[nodiscard]] int objectCount() const { return int(m_objects.size()); }
    //! Stores bytes behind the protocol's back (a corrupted or planted object).
    void plant(const QByteArray &key, const QByteArray &bytes);

private:
    struct Object
    {
        QByteArray bytes;
        QByteArray contentType;
    };
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool headOnly = false; //!< Content-Length of the body, no body
    };

    void accept();
    void readFrom(QTcpSocket *socket);
    [[nodiscard]] Reply answer(const FakeS3Request &request, const QByteArray &body);
    //! Empty when the request is signed as S3 wants, else the error reply.
    [[nodiscard]] std::optional<Reply> checkAuth(const FakeS3Request &request,
                                                 const QByteArray &body) const;
    static Reply error(int status, const QByteArray &code, const QByteArray &message);
    static void respond(QTcpSocket *socket, const Reply &reply);

    Options m_options;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    std::vector<FakeS3Request> m_requests;
    QHash<QByteArray, Object> m_objects;
    std::function<QDateTime()> m_clock;
    int m_failCount = 0;
    int m_failStatus = 503;
    bool m_stalled = false;
};

} // namespace medtranslate::test
