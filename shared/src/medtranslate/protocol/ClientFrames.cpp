#include "medtranslate/protocol/ClientFrames.h"

#include <nlohmann/json.hpp>

namespace medtranslate::protocol {

namespace {
struct TypeNameVisitor
{
    std::string_view operator()(const client::Hello &) const { return "hello"; }
    std::string_view operator()(const client::Send &) const { return "send"; }
    std::string_view operator()(const client::Typing &) const { return "typing"; }
    std::string_view operator()(const client::Read &) const { return "read"; }
    std::string_view operator()(const client::End &) const { return "end"; }
    std::string_view operator()(const client::History &) const { return "history"; }
    std::string_view operator()(const client::Preview &) const { return "preview"; }
    std::string_view operator()(const client::Accept &) const { return "accept"; }
    std::string_view operator()(const client::Transfer &) const { return "transfer"; }
    std::string_view operator()(const client::Retranslate &) const { return "retranslate"; }
    std::string_view operator()(const client::Status &) const { return "status"; }
    std::string_view operator()(const client::ContactDetails &) const { return "contact"; }
    std::string_view operator()(const client::SetLanguage &) const { return "set_language"; }
};
} // namespace

std::string_view typeName(const ClientFrame &frame)
{
    return std::visit(TypeNameVisitor{}, frame);
}

std::string referenceOf(const ClientFrame &frame)
{
    if (const auto *send = std::get_if<client::Send>(&frame))
        return send->clientMsgId;
    if (const auto *preview = std::get_if<client::Preview>(&frame))
        return preview->requestId;
    if (const auto *language = std::get_if<client::SetLanguage>(&frame))
        return language->requestId;
    return {};
}

} // namespace medtranslate::protocol

namespace medtranslate::protocol::client {

void to_json(nlohmann::json &j, const Hello &f)
{
    j = {{"type", "hello"}, {"role", toString(f.role)}, {"token", f.token}};
    if (f.lastSeq)
        j["last_seq"] = *f.lastSeq;
}

void to_json(nlohmann::json &j, const Send &f)
{
    j = {{"type", "send"}, {"room_id", f.roomId}, {"client_msg_id", f.clientMsgId}};
    if (!f.templateId.empty())
        j["template_id"] = f.templateId;
    else
        j["text"] = f.text;
}

void to_json(nlohmann::json &j, const Typing &f)
{
    j = {{"type", "typing"}, {"room_id", f.roomId}, {"active", f.active}};
}

void to_json(nlohmann::json &j, const Read &f)
{
    j = {{"type", "read"}, {"room_id", f.roomId}, {"seq", f.seq}};
}

void to_json(nlohmann::json &j, const End &f)
{
    j = {{"type", "end"}, {"room_id", f.roomId}};
}

void to_json(nlohmann::json &j, const History &f)
{
    j = {{"type", "history"}, {"room_id", f.roomId}, {"after_seq", f.afterSeq}};
}

void to_json(nlohmann::json &j, const Preview &f)
{
    j = {{"type", "preview"}, {"room_id", f.roomId}, {"text", f.text}, {"request_id", f.requestId}};
}

void to_json(nlohmann::json &j, const Accept &f)
{
    j = {{"type", "accept"}, {"room_id", f.roomId}};
}

void to_json(nlohmann::json &j, const Transfer &f)
{
    j = {{"type", "transfer"}, {"room_id", f.roomId}, {"agent_id", f.agentId}};
    if (!f.note.empty())
        j["note"] = f.note;
}

void to_json(nlohmann::json &j, const Status &f)
{
    j = {{"type", "status"}, {"status", toString(f.status)}};
}

void to_json(nlohmann::json &j, const ContactDetails &f)
{
    j = {{"type", "contact"}, {"room_id", f.roomId}, {"contact", f.contact}};
}

void to_json(nlohmann::json &j, const SetLanguage &f)
{
    j = {{"type", "set_language"}, {"room_id", f.roomId}, {"language", f.language}};
    if (!f.requestId.empty())
        j["request_id"] = f.requestId;
}

void to_json(nlohmann::json &j, const Retranslate &f)
{
    j = {{"type", "retranslate"}, {"room_id", f.roomId}, {"seq", f.seq}};
}

} // namespace medtranslate::protocol::client
