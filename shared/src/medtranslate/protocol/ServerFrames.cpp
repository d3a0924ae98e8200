#include "medtranslate/protocol/ServerFrames.h"

#include <nlohmann/json.hpp>

namespace medtranslate::protocol {

namespace {
struct TypeNameVisitor
{
    std::string_view operator()(const server::Welcome &) const { return "welcome"; }
    std::string_view operator()(const server::Ack &) const { return "ack"; }
    std::string_view operator()(const server::MessageFrame &) const { return "message"; }
    std::string_view operator()(const server::TranslationUpdate &) const { return "translation"; }
    std::string_view operator()(const server::RoomUpdate &) const { return "room"; }
    std::string_view operator()(const server::Queue &) const { return "queue"; }
    std::string_view operator()(const server::Typing &) const { return "typing"; }
    std::string_view operator()(const server::Read &) const { return "read"; }
    std::string_view operator()(const server::Ended &) const { return "ended"; }
    std::string_view operator()(const server::PreviewResult &) const { return "preview"; }
    std::string_view operator()(const server::Error &) const { return "error"; }
    std::string_view operator()(const server::Agents &) const { return "agents"; }
    std::string_view operator()(const server::TransferNote &) const { return "transfer_note"; }
    std::string_view operator()(const server::QueuePosition &) const { return "queue_position"; }
    std::string_view operator()(const server::Overview &) const { return "overview"; }
};
} // namespace

std::string_view typeName(const ServerFrame &frame)
{
    return std::visit(TypeNameVisitor{}, frame);
}

} // namespace medtranslate::protocol

namespace medtranslate::protocol::server {

void to_json(nlohmann::json &j, const Welcome &f)
{
    j = {{"type", "welcome"}, {"role", toString(f.role)}, {"rooms", f.rooms}};
    if (f.agent)
        j["agent"] = *f.agent;
    if (f.maxAttachmentBytes)
        j["max_attachment_bytes"] = *f.maxAttachmentBytes;
}

void to_json(nlohmann::json &j, const Ack &f)
{
    j = {{"type", "ack"},
         {"client_msg_id", f.clientMsgId},
         {"room_id", f.roomId},
         {"seq", f.seq},
         {"msg_id", f.msgId}};
}

void to_json(nlohmann::json &j, const MessageFrame &f)
{
    j = f.message;
    j["type"] = "message";
}

void to_json(nlohmann::json &j, const TranslationUpdate &f)
{
    j = {{"type", "translation"},
         {"room_id", f.roomId},
         {"seq", f.seq},
         {"translation", f.translation}};
}

void to_json(nlohmann::json &j, const RoomUpdate &f)
{
    j = f.room;
    j["type"] = "room";
}

void to_json(nlohmann::json &j, const Queue &f)
{
    j = {{"type", "queue"}, {"rooms", f.rooms}};
}

void to_json(nlohmann::json &j, const Typing &f)
{
    j = {{"type", "typing"},
         {"room_id", f.roomId},
         {"role", toString(f.role)},
         {"active", f.active}};
}

void to_json(nlohmann::json &j, const Read &f)
{
    j = {{"type", "read"}, {"room_id", f.roomId}, {"role", toString(f.role)}, {"seq", f.seq}};
}

void to_json(nlohmann::json &j, const Ended &f)
{
    j = {{"type", "ended"}, {"room_id", f.roomId}, {"by", f.by}};
}

void to_json(nlohmann::json &j, const PreviewResult &f)
{
    j = {{"type", "preview"},
         {"request_id", f.requestId},
         {"translation", f.translation},
         {"back_translation", f.backTranslation},
         {"glossary", f.glossary},
         {"suggestions", f.suggestions}};
}

void to_json(nlohmann::json &j, const Error &f)
{
    j = {{"type", "error"}, {"code", toString(f.code)}, {"message", f.message}, {"ref", f.ref}};
}

void to_json(nlohmann::json &j, const Agents &f)
{
    j = {{"type", "agents"}, {"agents", f.agents}};
}

void to_json(nlohmann::json &j, const TransferNote &f)
{
    j = {{"type", "transfer_note"}, {"room_id", f.roomId}, {"from", f.from}, {"note", f.note}};
}

void to_json(nlohmann::json &j, const QueuePosition &f)
{
    j = {{"type", "queue_position"},
         {"room_id", f.roomId},
         {"position", f.position},
         {"waiting", f.waiting},
         {"expected_wait_s", nullptr}};
    if (f.expectedWaitSeconds)
        j["expected_wait_s"] = *f.expectedWaitSeconds;
}

void to_json(nlohmann::json &j, const RoomOverview &r)
{
    j = r.room;
    j["waiting_s"] = r.waitingSeconds;
}

void from_json(const nlohmann::json &j, RoomOverview &r)
{
    r.room = j.get<Room>();
    r.waitingSeconds = j.value("waiting_s", std::int64_t{0});
}

void to_json(nlohmann::json &j, const Overview &f)
{
    j = {{"type", "overview"}, {"rooms", f.rooms}};
}

} // namespace medtranslate::protocol::server
