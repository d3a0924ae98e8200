#pragma once

#include "core/Peer.h"

#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace medtranslate::relay {
class PeerHandler;
}

namespace medtranslate::test {

//! A peer that lives in the test: frames a test writes go through the same parser and
//! validation as a WebSocket's, straight into the core; what the core sends lands in an inbox.
class TestPeer final : public relay::Peer
{
    Q_OBJECT

public:
    using Json = nlohmann::json;
    using Predicate = std::function<bool(const Json &)>;

    explicit TestPeer(relay::PeerHandler &handler);
    ~TestPeer() override;

    //! Parses `frame` as a client frame and hands it to the core; false if the parser refused
    //! it (the error frame is then in the inbox, as a client would get it).
    bool say(const Json &frame);
    //! The client goes away.
    void leave();

    //! Removes and returns the first frame (already received or arriving) matching `predicate`.
    std::optional<Json> take(const Predicate &predicate, int timeoutMs = 5000);
    std::optional<Json> takeType(const std::string &type, int timeoutMs = 5000);
    //! Everything that arrives within `ms`, removed from the inbox.
    std::deque<Json> drain(int ms);
    [[nodiscard]] bool closedByRelay() const { return !m_closeReason.isEmpty(); }

    [[nodiscard]] QString address() const override { return QStringLiteral("test-peer:0"); }
    [[nodiscard]] QString host() const override { return QStringLiteral("test-peer"); }
    void closeForPolicy(const QString &reason) override;

protected:
    void transmit(const QString &frame) override;

private:
    relay::PeerHandler &m_handler;
    std::deque<Json> m_inbox;
    QString m_closeReason;
    bool m_left = false;
};

} // namespace medtranslate::test
