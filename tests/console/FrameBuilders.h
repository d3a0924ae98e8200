#pragma once

#include "medtranslate/protocol/Types.h"

#include <cstdint>
#include <string>

namespace medtranslate::test {

//! Frames as the relay sends them, for console tests that feed a ChatRegistry without a relay.

//! An active room held by `agent` (the console's own counselor unless said otherwise).
inline protocol::Room activeRoom(const std::string &id, const std::string &lang = "vi",
                                 protocol::AgentRef agent = {"", "김상담"})
{
    protocol::Room r;
    r.roomId = id;
    r.status = protocol::RoomStatus::Active;
    r.patientLanguage = lang;
    r.agent = std::move(agent);
    return r;
}

//! A patient message written in Vietnamese with its Korean translation.
inline protocol::Message patientMessage(const std::string &roomId, std::int64_t seq,
                                        const std::string &text = "Xin chào",
                                        const std::string &korean = "안녕하세요")
{
    protocol::Message m;
    m.roomId = roomId;
    m.seq = seq;
    m.sender = protocol::Sender::Patient;
    m.text = text;
    m.lang = "vi";
    m.translation = {korean, "ko", protocol::TranslationStatus::Ok, "x", {}, "vi", {}};
    m.createdAt = "2026-11-26T06:00:00Z";
    return m;
}

} // namespace medtranslate::test
