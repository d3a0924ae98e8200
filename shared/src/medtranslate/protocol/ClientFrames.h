#pragma once

#include "medtranslate/protocol/Types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

//! Frames a client (widget, console) sends to the relay.
namespace medtranslate::protocol::client {

//! First frame of every connection.
struct Hello
{
    Role role = Role::Patient;
    std::string token;
    std::optional<std::int64_t> lastSeq; //!< patients: resume after this seq
    bool operator==(const Hello &) const = default;
};

//! A message with text, or (agents) a vetted template by id.
struct Send
{
    std::string roomId;
    std::string clientMsgId; //!< idempotency key chosen by the client
    std::string text;
    std::string templateId;
    bool operator==(const Send &) const = default;
};

struct Typing
{
    std::string roomId;
    bool active = false;
    bool operator==(const Typing &) const = default;
};

struct Read
{
    std::string roomId;
    std::int64_t seq = 0;
    bool operator==(const Read &) const = default;
};

struct End
{
    std::string roomId;
    bool operator==(const End &) const = default;
};

struct History
{
    std::string roomId;
    std::int64_t afterSeq = 0;
    bool operator==(const History &) const = default;
};

//! Agents: what would the patient read, and what does it say back in Korean.
struct Preview
{
    std::string roomId;
    std::string text;
    std::string requestId;
    bool operator==(const Preview &) const = default;
};

struct Accept
{
    std::string roomId;
    bool operator==(const Accept &) const = default;
};

//! Longest transfer note, in characters: a line or two for the colleague, not a report.
inline constexpr std::size_t kMaxTransferNoteChars = 500;

struct Transfer
{
    std::string roomId;
    std::string agentId;
    //! Extension: a few words for the receiving colleague; only agents ever see it.
    std::string note;
    bool operator==(const Transfer &) const = default;
};

//! An agent asks for a message left untranslated to be translated again (docs/protocol.md).
struct Retranslate
{
    std::string roomId;
    std::int64_t seq = 0;
    bool operator==(const Retranslate &) const = default;
};

//! Extension: an agent says whether it takes new consultations (`online` or `away`).
struct Status
{
    AgentStatus status = AgentStatus::Online;
    bool operator==(const Status &) const = default;
};

//! Extension: a patient leaves an e-mail address or phone number (or both) so the desk can
//! answer later; the room becomes `answer_later`. Patients only, for their own room.
struct ContactDetails
{
    std::string roomId;
    Contact contact;
    bool operator==(const ContactDetails &) const = default;
};

//! Extension: the patient writes another language than the room was opened in; either side
//! corrects it (docs/protocol.md). The relay answers with a `room` frame, or an error.
struct SetLanguage
{
    std::string roomId;
    std::string language;  //!< a patient language: en ja zh th vi
    std::string requestId; //!< optional; an error answering the frame echoes it in `ref`
    bool operator==(const SetLanguage &) const = default;
};

} // namespace medtranslate::protocol::client

namespace medtranslate::protocol {

using ClientFrame =
    std::variant<client::Hello, client::Send, client::Typing, client::Read, client::End,
                 client::History, client::Preview, client::Accept, client::Transfer,
                 client::Retranslate, client::Status, client::ContactDetails,
                 client::SetLanguage>;

//! The contract's `type` string of a frame.
std::string_view typeName(const ClientFrame &frame);

//! What an error answering this frame echoes in `ref`: its client_msg_id or request_id.
std::string referenceOf(const ClientFrame &frame);

} // namespace medtranslate::protocol

namespace medtranslate::protocol::client {
void to_json(nlohmann::json &j, const Hello &f);
void to_json(nlohmann::json &j, const Send &f);
void to_json(nlohmann::json &j, const Typing &f);
void to_json(nlohmann::json &j, const Read &f);
void to_json(nlohmann::json &j, const End &f);
void to_json(nlohmann::json &j, const History &f);
void to_json(nlohmann::json &j, const Preview &f);
void to_json(nlohmann::json &j, const Accept &f);
void to_json(nlohmann::json &j, const Transfer &f);
void to_json(nlohmann::json &j, const Retranslate &f);
void to_json(nlohmann::json &j, const Status &f);
void to_json(nlohmann::json &j, const ContactDetails &f);
void to_json(nlohmann::json &j, const SetLanguage &f);
} // namespace medtranslate::protocol::client
