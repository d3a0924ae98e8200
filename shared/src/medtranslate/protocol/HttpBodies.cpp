#include "medtranslate/protocol/HttpBodies.h"

#include "medtranslate/Language.h"
#include "medtranslate/protocol/Validation.h"

#include <nlohmann/json.hpp>
#include <regex>

namespace medtranslate::protocol::http {

namespace {

//! A request field as the relay reads it: anything but a string is no value at all.
std::string lenientString(const nlohmann::json &j, const char *key, std::string fallback = {})
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

template <typename T> void optionalField(const nlohmann::json &j, const char *key, T &out)
{
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null())
        it->get_to(out);
}

//! Length in UTF-16 code units: code points beyond the BMP count twice.
std::size_t utf16Length(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80)
            count += byte >= 0xF0 ? 2 : 1;
    }
    return count;
}

ErrorBody error(ErrorCode code, std::string message)
{
    return ErrorBody{code, std::move(message)};
}

} // namespace

void to_json(nlohmann::json &j, const ErrorBody &e)
{
    j = {{"error", {{"code", toString(e.code)}, {"message", e.message}}}};
}

void from_json(const nlohmann::json &j, ErrorBody &e)
{
    const auto &body = j.at("error");
    const auto code = errorCodeFromString(body.at("code").get<std::string>());
    e.code = code.value_or(ErrorCode::Internal);
    e.message = lenientString(body, "message");
}

void to_json(nlohmann::json &j, const HealthReason &r)
{
    j = {{"code", r.code}, {"message", r.message}};
}

void from_json(const nlohmann::json &j, HealthReason &r)
{
    r = HealthReason{};
    j.at("code").get_to(r.code);
    optionalField(j, "message", r.message);
}

void to_json(nlohmann::json &j, const HealthResponse &h)
{
    j = {{"status", h.status},
         {"database", h.database},
         {"translation", h.translation},
         {"uptime_seconds", h.uptimeSeconds}};
    if (!h.reasons.empty())
        j["reasons"] = h.reasons;
    if (!h.eventLoop.empty())
        j["event_loop"] = h.eventLoop;
}

void from_json(const nlohmann::json &j, HealthResponse &h)
{
    h = HealthResponse{};
    j.at("status").get_to(h.status);
    optionalField(j, "database", h.database);
    optionalField(j, "translation", h.translation);
    if (const auto it = j.find("uptime_seconds"); it != j.end() && !it->is_null())
        h.uptimeSeconds = int64From(*it);
    optionalField(j, "event_loop", h.eventLoop);
    if (const auto it = j.find("reasons"); it != j.end() && it->is_array())
        it->get_to(h.reasons);
}

void to_json(nlohmann::json &j, const CreateRoomRequest &r)
{
    j = {{"language", r.language}};
    if (r.prechat)
        j["prechat"] = *r.prechat;
}

void from_json(const nlohmann::json &j, CreateRoomRequest &r)
{
    r.language = lenientString(j, "language");
    r.prechat.reset();
    // Read leniently like the rest: a field of the wrong type counts as not filled in.
    if (const auto it = j.find("prechat"); it != j.end() && it->is_object())
        r.prechat = Prechat{lenientString(*it, "name"), lenientString(*it, "contact"),
                            lenientString(*it, "reason")};
}

void to_json(nlohmann::json &j, const PrechatFields &f)
{
    j = {{"name", f.name}, {"contact", f.contact}, {"reason", f.reason}};
}

void from_json(const nlohmann::json &j, PrechatFields &f)
{
    f.name = j.value("name", std::string("off"));
    f.contact = j.value("contact", std::string("off"));
    f.reason = j.value("reason", std::string("off"));
}

void to_json(nlohmann::json &j, const DeskResponse &r)
{
    j = {{"open", r.open},
         {"attended", r.attended},
         {"next_open", r.nextOpen.empty() ? nlohmann::json() : nlohmann::json(r.nextOpen)},
         {"time_zone", r.timeZone},
         {"prechat", r.prechat}};
}

void from_json(const nlohmann::json &j, DeskResponse &r)
{
    j.at("open").get_to(r.open);
    r.attended = j.value("attended", true);
    r.nextOpen = j.contains("next_open") && j.at("next_open").is_string()
                     ? j.at("next_open").get<std::string>()
                     : std::string();
    r.timeZone = j.value("time_zone", std::string());
    if (j.contains("prechat"))
        j.at("prechat").get_to(r.prechat);
}

std::optional<ErrorBody> validate(const CreateRoomRequest &r)
{
    if (r.language.empty())
        return error(ErrorCode::BadRequest, "missing field 'language'");
    if (!isPatientLanguage(r.language))
        return error(ErrorCode::UnsupportedLanguage, "supported: en, ja, zh, th, vi");
    return std::nullopt;
}

void to_json(nlohmann::json &j, const CreateRoomResponse &r)
{
    j = {{"room_id", r.roomId}, {"patient_token", r.patientToken}};
}

void from_json(const nlohmann::json &j, CreateRoomResponse &r)
{
    j.at("room_id").get_to(r.roomId);
    j.at("patient_token").get_to(r.patientToken);
}

void to_json(nlohmann::json &j, const LoginRequest &r)
{
    j = {{"username", r.username}, {"password", r.password}};
}

void from_json(const nlohmann::json &j, LoginRequest &r)
{
    r.username = lenientString(j, "username");
    r.password = lenientString(j, "password");
}

std::optional<ErrorBody> validate(const LoginRequest &r)
{
    if (r.username.empty() || r.password.empty())
        return error(ErrorCode::BadRequest, "username and password are required");
    return std::nullopt;
}

void to_json(nlohmann::json &j, const AgentAccount &a)
{
    j = {{"id", a.id}, {"name", a.name}, {"languages", a.languages}, {"role", a.role}};
}

void from_json(const nlohmann::json &j, AgentAccount &a)
{
    a = AgentAccount{};
    j.at("id").get_to(a.id);
    optionalField(j, "name", a.name);
    optionalField(j, "languages", a.languages);
    optionalField(j, "role", a.role);
}

void to_json(nlohmann::json &j, const LoginResponse &r)
{
    j = {{"token", r.token}, {"agent", r.agent}};
}

void from_json(const nlohmann::json &j, LoginResponse &r)
{
    j.at("token").get_to(r.token);
    j.at("agent").get_to(r.agent);
}

void to_json(nlohmann::json &j, const HistoryResponse &r)
{
    j = {{"messages", r.messages}};
}

void from_json(const nlohmann::json &j, HistoryResponse &r)
{
    j.at("messages").get_to(r.messages);
}

void to_json(nlohmann::json &j, const AttachmentResponse &r)
{
    j = {{"message", r.message}};
}

void from_json(const nlohmann::json &j, AttachmentResponse &r)
{
    j.at("message").get_to(r.message);
}

void to_json(nlohmann::json &j, const QuickReply &q)
{
    j = {{"id", q.id}, {"category", q.category}, {"title", q.title}, {"texts", q.texts}};
}

void from_json(const nlohmann::json &j, QuickReply &q)
{
    q = QuickReply{};
    j.at("id").get_to(q.id);
    optionalField(j, "category", q.category);
    optionalField(j, "title", q.title);
    j.at("texts").get_to(q.texts);
}

void to_json(nlohmann::json &j, const TemplatesResponse &r)
{
    j = {{"templates", r.templates}};
}

void from_json(const nlohmann::json &j, TemplatesResponse &r)
{
    j.at("templates").get_to(r.templates);
}

void to_json(nlohmann::json &j, const TranslateRequest &r)
{
    j = {{"text", r.text}, {"source", r.source}, {"target", r.target}};
}

void from_json(const nlohmann::json &j, TranslateRequest &r)
{
    r.text = lenientString(j, "text");
    r.source = lenientString(j, "source", "ko");
    r.target = lenientString(j, "target");
}

std::optional<ErrorBody> validate(const TranslateRequest &r, std::size_t maxTextChars)
{
    if (!hasVisibleText(r.text) || utf16Length(r.text) > maxTextChars)
        return error(ErrorCode::BadRequest,
                     "text must be 1 to " + std::to_string(maxTextChars) + " characters");
    if (!findLanguage(r.source) || !findLanguage(r.target))
        return error(ErrorCode::UnsupportedLanguage, "supported: ko, en, ja, zh, th, vi");
    return std::nullopt;
}

void to_json(nlohmann::json &j, const TranslateResponse &r)
{
    j = r.translation;
    j["glossary"] = r.glossary;
}

void from_json(const nlohmann::json &j, TranslateResponse &r)
{
    j.get_to(r.translation);
    r.glossary.clear();
    optionalField(j, "glossary", r.glossary);
}

void to_json(nlohmann::json &j, const AgentDirectoryEntry &a)
{
    j = {{"id", a.id},
         {"name", a.name},
         {"role", a.role},
         {"languages", a.languages},
         {"online", a.online}};
}

void from_json(const nlohmann::json &j, AgentDirectoryEntry &a)
{
    a = AgentDirectoryEntry{};
    j.at("id").get_to(a.id);
    optionalField(j, "name", a.name);
    optionalField(j, "role", a.role);
    optionalField(j, "languages", a.languages);
    optionalField(j, "online", a.online);
}

void to_json(nlohmann::json &j, const AgentsResponse &r)
{
    j = {{"agents", r.agents}};
}

void from_json(const nlohmann::json &j, AgentsResponse &r)
{
    j.at("agents").get_to(r.agents);
}

namespace {

//! `2026-12-04`, or `2026-12-04T09:30[:00[.123]]` with `Z` or an offset.
bool isDateOrDateTime(const std::string &s)
{
    static const std::regex shape(
        R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)");
    return std::regex_match(s, shape);
}

} // namespace

std::optional<ErrorBody> validate(const ConsultationSearchRequest &r)
{
    if (!r.language.empty() && r.language != "all" && !findLanguage(r.language))
        return error(ErrorCode::BadRequest, "language must be all, ko, en, ja, zh, th or vi");
    for (const std::string *date : {&r.from, &r.to}) {
        if (!date->empty() && !isDateOrDateTime(*date))
            return error(ErrorCode::BadRequest,
                         "from and to must be dates (2026-12-04) or ISO 8601 date-times with a "
                         "zone (2026-12-04T00:00:00+09:00)");
    }
    if (r.limit < 1 || r.limit > 100)
        return error(ErrorCode::BadRequest, "limit must be 1 to 100");
    if (utf16Length(r.q) > 200)
        return error(ErrorCode::BadRequest, "q must be at most 200 characters");
    for (const char c : r.q) {
        if (static_cast<unsigned char>(c) < 0x20)
            return error(ErrorCode::BadRequest, "q must be one line of text");
    }
    return std::nullopt;
}

void to_json(nlohmann::json &j, const ConsultationSnippet &s)
{
    j = {{"seq", s.seq},
         {"sender", toString(s.sender)},
         {"sent_at", s.sentAt},
         {"text", s.text},
         {"translation", s.translation}};
}

void from_json(const nlohmann::json &j, ConsultationSnippet &s)
{
    s = ConsultationSnippet{};
    j.at("seq").get_to(s.seq);
    s.sender = senderFromString(lenientString(j, "sender")).value_or(Sender::System);
    s.sentAt = lenientString(j, "sent_at");
    s.text = lenientString(j, "text");
    s.translation = lenientString(j, "translation");
}

void to_json(nlohmann::json &j, const ConsultationSummary &c)
{
    j = {{"room_id", c.roomId},
         {"language", c.language},
         {"status", toString(c.status)},
         {"created_at", c.createdAt},
         {"ended_at", c.endedAt.empty() ? nlohmann::json() : nlohmann::json(c.endedAt)},
         {"agent", c.agent ? nlohmann::json(*c.agent) : nlohmann::json()},
         {"message_count", c.messageCount},
         {"urgent", c.urgent}};
    if (c.match)
        j["match"] = *c.match;
}

void from_json(const nlohmann::json &j, ConsultationSummary &c)
{
    c = ConsultationSummary{};
    j.at("room_id").get_to(c.roomId);
    c.language = lenientString(j, "language");
    c.status = roomStatusFromString(lenientString(j, "status")).value_or(RoomStatus::Ended);
    c.createdAt = lenientString(j, "created_at");
    c.endedAt = lenientString(j, "ended_at");
    if (j.contains("agent") && j.at("agent").is_object())
        c.agent = j.at("agent").get<AgentRef>();
    optionalField(j, "message_count", c.messageCount);
    optionalField(j, "urgent", c.urgent);
    if (j.contains("match") && j.at("match").is_object())
        c.match = j.at("match").get<ConsultationSnippet>();
}

void to_json(nlohmann::json &j, const ConsultationSearchResponse &r)
{
    j = {{"consultations", r.consultations}};
    if (!r.nextBefore.empty())
        j["next_before"] = r.nextBefore;
}

void from_json(const nlohmann::json &j, ConsultationSearchResponse &r)
{
    r = ConsultationSearchResponse{};
    j.at("consultations").get_to(r.consultations);
    r.nextBefore = lenientString(j, "next_before");
}

template <typename T> std::optional<T> parseBody(std::string_view body)
{
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object())
        return std::nullopt;
    try {
        return json.get<T>();
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
}

template std::optional<ErrorBody> parseBody<ErrorBody>(std::string_view);
template std::optional<HealthResponse> parseBody<HealthResponse>(std::string_view);
template std::optional<CreateRoomRequest> parseBody<CreateRoomRequest>(std::string_view);
template std::optional<CreateRoomResponse> parseBody<CreateRoomResponse>(std::string_view);
template std::optional<DeskResponse> parseBody<DeskResponse>(std::string_view);
template std::optional<LoginRequest> parseBody<LoginRequest>(std::string_view);
template std::optional<LoginResponse> parseBody<LoginResponse>(std::string_view);
template std::optional<HistoryResponse> parseBody<HistoryResponse>(std::string_view);
template std::optional<AttachmentResponse> parseBody<AttachmentResponse>(std::string_view);
template std::optional<TemplatesResponse> parseBody<TemplatesResponse>(std::string_view);
template std::optional<TranslateRequest> parseBody<TranslateRequest>(std::string_view);
template std::optional<TranslateResponse> parseBody<TranslateResponse>(std::string_view);
template std::optional<AgentsResponse> parseBody<AgentsResponse>(std::string_view);
template std::optional<ConsultationSearchResponse>
    parseBody<ConsultationSearchResponse>(std::string_view);

} // namespace medtranslate::protocol::http
