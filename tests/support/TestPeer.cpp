#include "TestPeer.h"

#include "core/PeerHandler.h"
#include "medtranslate/protocol/FrameCodec.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace medtranslate::test {

TestPeer::TestPeer(relay::PeerHandler &handler) : m_handler(handler) {}

TestPeer::~TestPeer()
{
    leave();
}

bool TestPeer::say(const Json &frame)
{
    const std::string text = frame.dump();
    auto parsed = protocol::parseClientFrame(text, protocol::Limits{});
    if (auto *error = std::get_if<protocol::FrameError>(&parsed)) {
        sendError(error->code, QString::fromStdString(error->message),
                  QString::fromStdString(error->ref));
        return false;
    }
    m_handler.handleFrame(*this, std::move(std::get<protocol::ClientFrame>(parsed)));
    return true;
}

void TestPeer::leave()
{
    if (m_left)
        return;
    m_left = true;
    markClosed();
    m_handler.peerClosed(*this);
}

void TestPeer::closeForPolicy(const QString &reason)
{
    m_closeReason = reason;
    leave();
}

void TestPeer::transmit(const QString &frame)
{
    m_inbox.push_back(Json::parse(frame.toStdString()));
}

std::optional<TestPeer::Json> TestPeer::take(const Predicate &predicate, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (auto it = m_inbox.begin(); it != m_inbox.end(); ++it) {
            if (predicate(*it)) {
                Json found = std::move(*it);
                m_inbox.erase(it);
                return found;
            }
        }
        if (deadline.hasExpired())
            return std::nullopt;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
}

std::optional<TestPeer::Json> TestPeer::takeType(const std::string &type, int timeoutMs)
{
    return take([&type](const Json &f) { return f.value("type", std::string{}) == type; },
                timeoutMs);
}

std::deque<TestPeer::Json> TestPeer::drain(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return std::exchange(m_inbox, {});
}

} // namespace medtranslate::test
