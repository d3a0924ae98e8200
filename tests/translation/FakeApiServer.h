#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

class QTcpSocket;

namespace medtranslate::test {

//! One HTTP request as the fake server received it; header names are lower-cased.
struct FakeRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;

    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        return headers.value(name.toLower());
    }
    [[nodiscard]] nlohmann::json json() const;
};

//! What the fake server answers: a status with a body, or nothing at all (`hang`).
struct FakeReply
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool hang = false;
};

//! A minimal HTTP/1.1 server on 127.0.0.1 for provider tests: records every request and
//! answers each from a queue of scripted replies, else from a handler.
class FakeApiServer final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<FakeReply(const FakeRequest &)>;

    FakeApiServer();
    ~FakeApiServer() override;

    [[nodiscard]] QString baseUrl() const;
    //! Stops listening and drops every connection, like a server that went down: calls to it
    //! are refused until listenAgain() opens the same port.
    void close();
    bool listenAgain();
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    //! The next requests get these replies, in order, before the handler is asked.
    void enqueue(FakeReply reply) { m_queue.push_back(std::move(reply)); }

    [[nodiscard]] const std::vector<FakeRequest> &requests() const { return m_requests; }
    [[nodiscard]] int requestCount() const { return int(m_requests.size()); }
    //! Spins the event loop until `count` requests have arrived or `timeoutMs` passed.
    bool waitForRequests(int count, int timeoutMs = 5000);
    //! Every body received, concatenated: for "this never reached the server" checks.
    [[nodiscard]] QByteArray allBodies() const;

    //! Every answer is held back this long, like a slow model (hangs still never answer).
    void setAnswerDelay(int ms) { m_answerDelayMs = ms; }
    //! Requests received and not answered yet, now and at most so far.
    [[nodiscard]] int openRequests() const { return m_open; }
    [[nodiscard]] int mostOpenRequests() const { return m_mostOpen; }

private:
    void accept();
    void readFrom(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const FakeReply &reply);

    QTcpServer m_server;
    quint16 m_port = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, int> m_unanswered;
    std::vector<FakeRequest> m_requests;
    std::vector<FakeReply> m_queue;
    Handler m_handler;
    int m_answerDelayMs = 0;
    int m_open = 0;
    int m_mostOpen = 0;
};

} // namespace medtranslate::test
