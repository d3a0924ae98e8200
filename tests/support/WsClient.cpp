#include "WsClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace medtranslate::test {

WsClient::WsClient()
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        auto frame = Json::parse(text.toStdString(), nullptr, false);
        m_inbox.push_back(frame.is_discarded()
                              ? Json{{"type", "<invalid>"}, {"raw", text.toStdString()}}
                              : frame);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this]() {
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
    });
}

WsClient::~WsClient()
{
    m_socket.abort();
}

bool WsClient::open(const QUrl &url, int timeoutMs)
{
    m_closed = false;
    m_socket.open(url);
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (m_socket.state() == QAbstractSocket::UnconnectedState && m_closed)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void WsClient::send(const Json &frame)
{
    sendText(QString::fromStdString(frame.dump()));
}

void WsClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

std::optional<WsClient::Json> WsClient::take(const Predicate &predicate, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (auto it = m_inbox.begin(); it != m_inbox.end(); ++it) {
            if (predicate(*it)) {
                Json frame = std::move(*it);
                m_inbox.erase(it);
                return frame;
            }
        }
        if (deadline.hasExpired())
            return std::nullopt;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QCoreApplication::sendPostedEvents();
    }
}

std::optional<WsClient::Json> WsClient::takeType(const std::string &type, int timeoutMs)
{
    return take([&type](const Json &f) { return f.value("type", std::string{}) == type; },
                timeoutMs);
}

std::deque<WsClient::Json> WsClient::drain(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    std::deque<Json> frames;
    frames.swap(m_inbox);
    return frames;
}

bool WsClient::waitForClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_closed && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return m_closed;
}

void WsClient::close()
{
    m_socket.close();
}

void WsClient::abort()
{
    m_socket.abort();
}

std::optional<WsClient::Json> WsClient::hello(const std::string &role, const QString &token,
                                              std::optional<qint64> lastSeq)
{
    Json frame{{"type", "hello"}, {"role", role}, {"token", token.toStdString()}};
    if (lastSeq)
        frame["last_seq"] = *lastSeq;
    send(frame);
    return take([](const Json &f) {
        const auto type = f.value("type", std::string{});
        return type == "welcome" || type == "error";
    });
}

} // namespace medtranslate::test
