#include "medtranslate/protocol/FrameCodec.h"

#include "medtranslate/Language.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace medtranslate::protocol {

namespace {

using nlohmann::json;

//! A field that is missing or of the wrong type; carries the contract's field name.
struct FieldError : std::runtime_error
{
    FieldError(ErrorCode c, const std::string &what) : std::runtime_error(what), code(c) {}
    ErrorCode code;
};

//! Reads fields of one JSON object, naming the field in every complaint.
class Reader
{
public:
    explicit Reader(const json &object) : m_object(object) {}

    std::string string(const char *key) const
    {
        const auto *value = find(key);
        if (!value)
            throw FieldError(ErrorCode::BadRequest, std::string("missing field '") + key + "'");
        if (!value->is_string())
            throw FieldError(ErrorCode::BadRequest,
                             std::string("field '") + key + "' must be a string");
        return value->get<std::string>();
    }

    std::string optionalString(const char *key) const
    {
        const auto *value = find(key);
        if (!value || value->is_null())
            return {};
        if (!value->is_string())
            throw FieldError(ErrorCode::BadRequest,
                             std::string("field '") + key + "' must be a string");
        return value->get<std::string>();
    }

    std::string id(const char *key, const Limits &limits) const
    {
        auto value = string(key);
        if (!isValidId(value, limits.maxIdBytes))
            throw FieldError(ErrorCode::BadRequest,
                             std::string("field '") + key + "' is not a valid id");
        return value;
    }

    std::int64_t integer(const char *key) const
    {
        const auto *value = find(key);
        if (!value)
            throw FieldError(ErrorCode::BadRequest, std::string("missing field '") + key + "'");
        return integerValue(key, *value);
    }

    std::optional<std::int64_t> optionalInteger(const char *key) const
    {
        const auto *value = find(key);
        if (!value || value->is_null())
            return std::nullopt;
        return integerValue(key, *value);
    }

    const json &object(const char *key) const
    {
        const auto *value = find(key);
        if (!value)
            throw FieldError(ErrorCode::BadRequest, std::string("missing field '") + key + "'");
        if (!value->is_object())
            throw FieldError(ErrorCode::BadRequest,
                             std::string("field '") + key + "' must be an object");
        return *value;
    }

    bool boolean(const char *key) const
    {
        const auto *value = find(key);
        if (!value)
            throw FieldError(ErrorCode::BadRequest, std::string("missing field '") + key + "'");
        if (!value->is_boolean())
            throw FieldError(ErrorCode::BadRequest,
                             std::string("field '") + key + "' must be a boolean");
        return value->get<bool>();
    }

private:
    const json *find(const char *key) const
    {
        const auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }

    static std::int64_t integerValue(const char *key, const json &value)
    {
        if (!value.is_number_integer() ||
            (value.is_number_integer() && value.get<std::int64_t>() < 0))
            throw FieldError(ErrorCode::BadRequest,
                             std::string("field '") + key + "' must be a non-negative integer");
        return value.get<std::int64_t>();
    }

    const json &m_object;
};

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

void checkText(const std::string &text, const Limits &limits)
{
    if (!hasVisibleText(text))
        throw FieldError(ErrorCode::BadRequest, "field 'text' is empty");
    if (utf8Length(text) > limits.maxTextChars)
        throw FieldError(ErrorCode::TooLarge, "field 'text' is longer than " +
                                                  std::to_string(limits.maxTextChars) +
                                                  " characters");
}

ClientFrame readClientFrame(const std::string &type, const Reader &r, const Limits &limits)
{
    if (type == "hello") {
        client::Hello f;
        const auto role = roleFromString(r.string("role"));
        if (!role)
            throw FieldError(ErrorCode::BadRequest, "field 'role' must be 'patient' or 'agent'");
        f.role = *role;
        f.token = r.string("token");
        if (f.token.empty() || f.token.size() > limits.maxTokenBytes)
            throw FieldError(ErrorCode::Unauthorized, "invalid token");
        f.lastSeq = r.optionalInteger("last_seq");
        return f;
    }
    if (type == "send") {
        client::Send f;
        f.roomId = r.id("room_id", limits);
        f.clientMsgId = r.id("client_msg_id", limits);
        f.templateId = r.optionalString("template_id");
        if (!f.templateId.empty()) {
            if (!isValidId(f.templateId, limits.maxIdBytes))
                throw FieldError(ErrorCode::BadRequest, "field 'template_id' is not a valid id");
        } else {
            f.text = r.string("text");
            checkText(f.text, limits);
        }
        return f;
    }
    if (type == "typing")
        return client::Typing{r.id("room_id", limits), r.boolean("active")};
    if (type == "read")
        return client::Read{r.id("room_id", limits), r.integer("seq")};
    if (type == "end")
        return client::End{r.id("room_id", limits)};
    if (type == "history") {
        client::History f{r.id("room_id", limits), 0};
        f.afterSeq = r.optionalInteger("after_seq").value_or(0);
        return f;
    }
    if (type == "preview") {
        client::Preview f{r.id("room_id", limits), r.string("text"), r.id("request_id", limits)};
        checkText(f.text, limits);
        return f;
    }
    if (type == "accept")
        return client::Accept{r.id("room_id", limits)};
    if (type == "transfer") {
        client::Transfer f{r.id("room_id", limits), r.id("agent_id", limits),
                           r.optionalString("note")};
        if (utf8Length(f.note) > client::kMaxTransferNoteChars)
            throw FieldError(ErrorCode::TooLarge,
                             "field 'note' is longer than " +
                                 std::to_string(client::kMaxTransferNoteChars) + " characters");
        return f;
    }
    if (type == "status") {
        // An agent chooses between these two; offline is what no connection means.
        const auto status = agentStatusFromString(r.string("status"));
        if (!status || *status == AgentStatus::Offline)
            throw FieldError(ErrorCode::BadRequest, "field 'status' must be 'online' or 'away'");
        return client::Status{*status};
    }
    if (type == "retranslate") {
        client::Retranslate f{r.id("room_id", limits), r.integer("seq")};
        if (f.seq < 1)
            throw FieldError(ErrorCode::BadRequest, "field 'seq' must be 1 or more");
        return f;
    }
    if (type == "contact") {
        client::ContactDetails f;
        f.roomId = r.id("room_id", limits);
        const json &details = r.object("contact");
        const Reader c(details);
        f.contact.email = trimmed(c.optionalString("email"));
        f.contact.phone = trimmed(c.optionalString("phone"));
        if (f.contact.empty())
            throw FieldError(ErrorCode::BadRequest,
                             "field 'contact' needs an 'email' or a 'phone'");
        if (!f.contact.email.empty() && !isValidEmail(f.contact.email))
            throw FieldError(ErrorCode::BadRequest,
                             "field 'contact.email' is not an e-mail address such as "
                             "name@example.com");
        if (!f.contact.phone.empty() && !isValidPhone(f.contact.phone))
            throw FieldError(ErrorCode::BadRequest,
                             "field 'contact.phone' is not a phone number (7 to 15 digits, "
                             "with an optional leading + and spaces or dashes)");
        return f;
    }

    if (type == "set_language") {
        client::SetLanguage f{r.id("room_id", limits), r.string("language"),
                              r.optionalString("request_id")};
        if (!f.requestId.empty() && !isValidId(f.requestId, limits.maxIdBytes))
            throw FieldError(ErrorCode::BadRequest, "field 'request_id' is not a valid id");
        // Korean is the agents' side of every room, never the patient's.
        if (!isPatientLanguage(f.language))
            throw FieldError(ErrorCode::UnsupportedLanguage,
                             "field 'language' must be one of en, ja, zh, th, vi");
        return f;
    }
    throw FieldError(ErrorCode::BadRequest, "unknown frame type '" + type + "'");
}

// Echoes the idempotency key or request id so a client can match the error to what it sent.
std::string refOf(const json &object)
{
    for (const char *key : {"client_msg_id", "request_id"}) {
        const auto it = object.find(key);
        if (it != object.end() && it->is_string()) {
            auto value = it->get<std::string>();
            if (isValidId(value))
                return value;
        }
    }
    return {};
}

ServerFrame readServerFrame(const std::string &type, const json &j)
{
    if (type == "welcome") {
        server::Welcome f;
        const auto role = roleFromString(j.at("role").get<std::string>());
        if (!role)
            throw FieldError(ErrorCode::BadRequest, "bad role");
        f.role = *role;
        f.rooms = j.at("rooms").get<std::vector<Room>>();
        if (j.contains("agent") && !j.at("agent").is_null())
            f.agent = j.at("agent").get<AgentRef>();
        if (const auto it = j.find("max_attachment_bytes"); it != j.end() && !it->is_null())
            f.maxAttachmentBytes = int64From(*it);
        return f;
    }
    if (type == "ack") {
        return server::Ack{j.at("client_msg_id").get<std::string>(),
                           j.at("room_id").get<std::string>(), int64From(j.at("seq")),
                           j.at("msg_id").get<std::string>()};
    }
    if (type == "message")
        return server::MessageFrame{j.get<Message>()};
    if (type == "translation") {
        return server::TranslationUpdate{j.at("room_id").get<std::string>(), int64From(j.at("seq")),
                                         j.at("translation").get<Translation>()};
    }
    if (type == "room")
        return server::RoomUpdate{j.get<Room>()};
    if (type == "queue")
        return server::Queue{j.at("rooms").get<std::vector<Room>>()};
    if (type == "agents")
        return server::Agents{j.at("agents").get<std::vector<AgentPresence>>()};
    if (type == "queue_position") {
        server::QueuePosition f{j.at("room_id").get<std::string>(), int64From(j.at("position")),
                                int64From(j.at("waiting")), std::nullopt};
        if (const auto it = j.find("expected_wait_s"); it != j.end() && !it->is_null())
            f.expectedWaitSeconds = int64From(*it);
        return f;
    }
    if (type == "overview")
        return server::Overview{j.at("rooms").get<std::vector<server::RoomOverview>>()};
    if (type == "transfer_note")
        return server::TransferNote{j.at("room_id").get<std::string>(),
                                    j.at("from").get<AgentRef>(), j.at("note").get<std::string>()};
    if (type == "typing" || type == "read") {
        const auto role = roleFromString(j.at("role").get<std::string>());
        if (!role)
            throw FieldError(ErrorCode::BadRequest, "bad role");
        if (type == "typing")
            return server::Typing{j.at("room_id").get<std::string>(), *role,
                                  j.at("active").get<bool>()};
        return server::Read{j.at("room_id").get<std::string>(), *role, int64From(j.at("seq"))};
    }
    if (type == "ended")
        return server::Ended{j.at("room_id").get<std::string>(), j.value("by", std::string{})};
    if (type == "preview") {
        server::PreviewResult f;
        f.requestId = j.at("request_id").get<std::string>();
        f.translation = j.at("translation").get<Translation>();
        if (j.contains("back_translation") && !j.at("back_translation").is_null())
            f.backTranslation = j.at("back_translation").get<BackTranslation>();
        if (j.contains("glossary"))
            f.glossary = j.at("glossary").get<std::vector<GlossaryHit>>();
        if (j.contains("suggestions"))
            f.suggestions = j.at("suggestions").get<std::vector<VettedPhrase>>();
        return f;
    }
    if (type == "error") {
        const auto code = errorCodeFromString(j.at("code").get<std::string>());
        return server::Error{code.value_or(ErrorCode::Internal), j.value("message", std::string{}),
                             j.value("ref", std::string{})};
    }
    throw FieldError(ErrorCode::BadRequest, "unknown frame type '" + type + "'");
}

// Invalid UTF-8 never reaches here from parsed input, but a replacement beats an exception.
std::string dump(const json &j)
{
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

ClientParseResult parseClientFrame(std::string_view data, const Limits &limits)
{
    if (data.size() > limits.maxFrameBytes) {
        return FrameError{ErrorCode::TooLarge,
                          "frame is larger than " + std::to_string(limits.maxFrameBytes) + " bytes",
                          {}};
    }
    json object = json::parse(data, nullptr, false);
    if (object.is_discarded())
        return FrameError{ErrorCode::BadRequest, "frame is not valid JSON", {}};
    if (!object.is_object())
        return FrameError{ErrorCode::BadRequest, "frame must be a JSON object", {}};
    const auto ref = refOf(object);
    const auto typeIt = object.find("type");
    if (typeIt == object.end() || !typeIt->is_string())
        return FrameError{ErrorCode::BadRequest, "frame has no string field 'type'", ref};
    try {
        return readClientFrame(typeIt->get<std::string>(), Reader(object), limits);
    } catch (const FieldError &e) {
        return FrameError{e.code, e.what(), ref};
    }
}

ServerParseResult parseServerFrame(std::string_view data)
{
    json object = json::parse(data, nullptr, false);
    if (object.is_discarded() || !object.is_object())
        return FrameError{ErrorCode::BadRequest, "frame is not a JSON object", {}};
    const auto typeIt = object.find("type");
    if (typeIt == object.end() || !typeIt->is_string())
        return FrameError{ErrorCode::BadRequest, "frame has no string field 'type'", {}};
    try {
        return readServerFrame(typeIt->get<std::string>(), object);
    } catch (const FieldError &e) {
        return FrameError{e.code, e.what(), {}};
    } catch (const json::exception &e) {
        return FrameError{ErrorCode::BadRequest, e.what(), {}};
    }
}

std::string encode(const ServerFrame &frame)
{
    return std::visit([](const auto &f) { return dump(json(f)); }, frame);
}

std::string encode(const ClientFrame &frame)
{
    return std::visit([](const auto &f) { return dump(json(f)); }, frame);
}

} // namespace medtranslate::protocol
