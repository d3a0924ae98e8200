#pragma once

#include "medtranslate/protocol/Types.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

//! Frames the relay sends to clients.
namespace medtranslate::protocol::server {

struct Welcome
{
    Role role = Role::Patient;
    std::vector<Room> rooms;
    std::optional<AgentRef> agent; //!< extension: who the agent connection is
    //! Extension: the largest file this relay accepts as an attachment, so clients refuse a
    //! file before uploading it rather than after.
    std::optional<std::int64_t> maxAttachmentBytes;
    bool operator==(const Welcome &) const = default;
};

//! The message is durably stored.
struct Ack
{
    std::string clientMsgId;
    std::string roomId;
    std::int64_t seq = 0;
    std::string msgId;
    bool operator==(const Ack &) const = default;
};

struct MessageFrame
{
    Message message;
    bool operator==(const MessageFrame &) const = default;
};

//! A translation that finished after its message went out.
struct TranslationUpdate
{
    std::string roomId;
    std::int64_t seq = 0;
    Translation translation;
    bool operator==(const TranslationUpdate &) const = default;
};

struct RoomUpdate
{
    Room room;
    bool operator==(const RoomUpdate &) const = default;
};

//! The waiting rooms, sent to agents whenever the queue changes.
struct Queue
{
    std::vector<Room> rooms;
    bool operator==(const Queue &) const = default;
};

//! Extension: the agents' presence list, sent to every agent when a colleague's status or
//! number of active consultations changes.
struct Agents
{
    std::vector<AgentPresence> agents;
    bool operator==(const Agents &) const = default;
};

//! Extension: the note a colleague left with a transfer, for the receiving agent only.
struct TransferNote
{
    std::string roomId;
    AgentRef from;
    std::string note;
    bool operator==(const TransferNote &) const = default;
};

//! Extension: a waiting patient's place in the queue (1 is next) and the expected wait, sent to
//! waiting patients whenever the queue changes.
struct QueuePosition
{
    std::string roomId;
    std::int64_t position = 0;
    std::int64_t waiting = 0; //!< rooms in the queue
    //! The median of recent waits; unset when there is none to go by.
    std::optional<std::int64_t> expectedWaitSeconds;
    bool operator==(const QueuePosition &) const = default;
};

//! Extension: one room of the supervisors' overview.
struct RoomOverview
{
    Room room;
    //! Seconds, as of the frame: a waiting room's time in the queue; an active room's time
    //! since the patient's oldest message the agent has not answered (0 when none).
    std::int64_t waitingSeconds = 0;
    bool operator==(const RoomOverview &) const = default;
};

//! Extension: every waiting and active room with its agent, for agents with the admin role.
struct Overview
{
    std::vector<RoomOverview> rooms;
    bool operator==(const Overview &) const = default;
};

struct Typing
{
    std::string roomId;
    Role role = Role::Patient;
    bool active = false;
    bool operator==(const Typing &) const = default;
};

struct Read
{
    std::string roomId;
    Role role = Role::Patient;
    std::int64_t seq = 0;
    bool operator==(const Read &) const = default;
};

struct Ended
{
    std::string roomId;
    std::string by; //!< "patient", "agent" or "system"
    bool operator==(const Ended &) const = default;
};

struct PreviewResult
{
    std::string requestId;
    Translation translation;
    BackTranslation backTranslation;
    std::vector<GlossaryHit> glossary;
    //! When the text cannot be translated: vetted sentences close to it (may be empty).
    std::vector<VettedPhrase> suggestions;
    bool operator==(const PreviewResult &) const = default;
};

struct Error
{
    ErrorCode code = ErrorCode::BadRequest;
    std::string message;
    std::string ref; //!< the client_msg_id or request_id this answers, if any
    bool operator==(const Error &) const = default;
};

} // namespace medtranslate::protocol::server

namespace medtranslate::protocol {

using ServerFrame =
    std::variant<server::Welcome, server::Ack, server::MessageFrame, server::TranslationUpdate,
                 server::RoomUpdate, server::Queue, server::Typing, server::Read, server::Ended,
                 server::PreviewResult, server::Error, server::Agents, server::TransferNote,
                 server::QueuePosition, server::Overview>;

std::string_view typeName(const ServerFrame &frame);

} // namespace medtranslate::protocol

namespace medtranslate::protocol::server {
void to_json(nlohmann::json &j, const Welcome &f);
void to_json(nlohmann::json &j, const Ack &f);
void to_json(nlohmann::json &j, const MessageFrame &f);
void to_json(nlohmann::json &j, const TranslationUpdate &f);
void to_json(nlohmann::json &j, const RoomUpdate &f);
void to_json(nlohmann::json &j, const Queue &f);
void to_json(nlohmann::json &j, const Typing &f);
void to_json(nlohmann::json &j, const Read &f);
void to_json(nlohmann::json &j, const Ended &f);
void to_json(nlohmann::json &j, const PreviewResult &f);
void to_json(nlohmann::json &j, const Error &f);
void to_json(nlohmann::json &j, const Agents &f);
void to_json(nlohmann::json &j, const TransferNote &f);
void to_json(nlohmann::json &j, const QueuePosition &f);
void to_json(nlohmann::json &j, const RoomOverview &r);
void from_json(const nlohmann::json &j, RoomOverview &r);
void to_json(nlohmann::json &j, const Overview &f);
} // namespace medtranslate::protocol::server
