#pragma once

#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace medtranslate::test {

//! A WebSocket client for tests: keeps every frame it receives in an inbox and lets a test
//! take the first frame that matches, waiting (with a timeout) until one arrives.
class WsClient final : public QObject
{
    Q_OBJECT

public:
    using Json = nlohmann::json;
    using Predicate = std::function<bool(const Json &)>;

    WsClient();
    ~WsClient() override;

    bool open(const QUrl &url, int timeoutMs = 5000);
    void send(const Json &frame);
    void sendText(const QString &text);
    //! Removes and returns the first frame (already received or arriving) matching `predicate`.
    std::optional<Json> take(const Predicate &predicate, int timeoutMs = 5000);
    std::optional<Json> takeType(const std::string &type, int timeoutMs = 5000);
    //! Everything that arrives within `ms`, removed from the inbox.
    std::deque<Json> drain(int ms);
    //! Frames received and not yet taken.
    [[nodiscard]] const std::deque<Json> &inbox() const { return m_inbox; }
    bool waitForClosed(int timeoutMs = 5000);
    [[nodiscard]] bool isClosed() const { return m_closed; }
    [[nodiscard]] int closeCode() const { return m_closeCode; }
    void close();
    void abort();

    //! hello as a patient or an agent; returns the welcome frame.
    std::optional<Json> hello(const std::string &role, const QString &token,
                              std::optional<qint64> lastSeq = std::nullopt);

private:
    QWebSocket m_socket;
    std::deque<Json> m_inbox;
    bool m_closed = false;
    int m_closeCode = 0;
};

} // namespace medtranslate::test
