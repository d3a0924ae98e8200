#include "medtranslate/protocol/Types.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <utility>

namespace medtranslate::protocol {

namespace {

template <typename E, size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N> &table,
                        std::string_view text)
{
    for (const auto &[value, name] : table) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

template <typename E, size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N> &table, E value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return name;
    }
    return {};
}

constexpr std::array kErrorCodes{
    std::pair{ErrorCode::BadRequest, std::string_view{"bad_request"}},
    std::pair{ErrorCode::Unauthorized, std::string_view{"unauthorized"}},
    std::pair{ErrorCode::Forbidden, std::string_view{"forbidden"}},
    std::pair{ErrorCode::NotFound, std::string_view{"not_found"}},
    std::pair{ErrorCode::TooLarge, std::string_view{"too_large"}},
    std::pair{ErrorCode::RateLimited, std::string_view{"rate_limited"}},
    std::pair{ErrorCode::RoomEnded, std::string_view{"room_ended"}},
    std::pair{ErrorCode::AlreadyAssigned, std::string_view{"already_assigned"}},
    std::pair{ErrorCode::UnsupportedLanguage, std::string_view{"unsupported_language"}},
    std::pair{ErrorCode::Internal, std::string_view{"internal"}},
};
constexpr std::array kRoles{
    std::pair{Role::Patient, std::string_view{"patient"}},
    std::pair{Role::Agent, std::string_view{"agent"}},
};
constexpr std::array kSenders{
    std::pair{Sender::Patient, std::string_view{"patient"}},
    std::pair{Sender::Agent, std::string_view{"agent"}},
    std::pair{Sender::System, std::string_view{"system"}},
};
constexpr std::array kAgentStatuses{
    std::pair{AgentStatus::Online, std::string_view{"online"}},
    std::pair{AgentStatus::Away, std::string_view{"away"}},
    std::pair{AgentStatus::Offline, std::string_view{"offline"}},
};
constexpr std::array kRoomStatuses{
    std::pair{RoomStatus::Waiting, std::string_view{"waiting"}},
    std::pair{RoomStatus::Active, std::string_view{"active"}},
    std::pair{RoomStatus::Ended, std::string_view{"ended"}},
};
constexpr std::array kTranslationStatuses{
    std::pair{TranslationStatus::Ok, std::string_view{"ok"}},
    std::pair{TranslationStatus::Cached, std::string_view{"cached"}},
    std::pair{TranslationStatus::Fallback, std::string_view{"fallback"}},
    std::pair{TranslationStatus::Vetted, std::string_view{"vetted"}},
    std::pair{TranslationStatus::Pending, std::string_view{"pending"}},
    std::pair{TranslationStatus::Unavailable, std::string_view{"unavailable"}},
};

// Reads an enum field strictly: a wrong value is a type error, not a default.
template <typename E, size_t N>
E enumField(const nlohmann::json &j, const char *key,
            const std::array<std::pair<E, std::string_view>, N> &table)
{
    const auto value = lookup(table, j.at(key).get<std::string>());
    if (!value)
        throw nlohmann::json::other_error::create(501, std::string("invalid value for ") + key, &j);
    return *value;
}

template <typename T> void optionalField(const nlohmann::json &j, const char *key, T &out)
{
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null())
        it->get_to(out);
}

void optionalField(const nlohmann::json &j, const char *key, std::int64_t &out)
{
    const auto it = j.find(key);
    if (it != j.end() && !it->is_null())
        out = int64From(*it);
}

} // namespace

std::int64_t int64From(const nlohmann::json &value)
{
    if (value.is_number_float()) {
        const double d = value.get<double>();
        // 2^63 is exact in a double; the negation keeps NaN out too.
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
            throw nlohmann::json::out_of_range::create(406, "integer field out of range", &value);
        return static_cast<std::int64_t>(d);
    }
    return value.get<std::int64_t>();
}

std::string_view toString(ErrorCode code)
{
    return nameOf(kErrorCodes, code);
}
std::optional<ErrorCode> errorCodeFromString(std::string_view t)
{
    return lookup(kErrorCodes, t);
}
std::string_view toString(Role role)
{
    return nameOf(kRoles, role);
}
std::optional<Role> roleFromString(std::string_view t)
{
    return lookup(kRoles, t);
}
std::string_view toString(Sender sender)
{
    return nameOf(kSenders, sender);
}
std::optional<Sender> senderFromString(std::string_view t)
{
    return lookup(kSenders, t);
}
std::string_view toString(RoomStatus status)
{
    return nameOf(kRoomStatuses, status);
}
std::optional<RoomStatus> roomStatusFromString(std::string_view t)
{
    return lookup(kRoomStatuses, t);
}
std::string_view toString(TranslationStatus status)
{
    return nameOf(kTranslationStatuses, status);
}
std::optional<TranslationStatus> translationStatusFromString(std::string_view t)
{
    return lookup(kTranslationStatuses, t);
}

void to_json(nlohmann::json &j, const Translation &t)
{
    j = nlohmann::json{{"text", t.text},
                       {"lang", t.lang},
                       {"status", toString(t.status)},
                       {"provider", t.provider},
                       {"warnings", t.warnings}};
    if (!t.sourceLang.empty())
        j["source_lang"] = t.sourceLang;
    if (!t.warningDetails.empty())
        j["warning_details"] = t.warningDetails;
}

void from_json(const nlohmann::json &j, Translation &t)
{
    t = Translation{};
    t.status = enumField(j, "status", kTranslationStatuses);
    j.at("lang").get_to(t.lang);
    optionalField(j, "text", t.text);
    optionalField(j, "provider", t.provider);
    optionalField(j, "warnings", t.warnings);
    optionalField(j, "source_lang", t.sourceLang);
    // An extension: if it is unreadable the strings still are, so it is dropped, not fatal.
    try {
        optionalField(j, "warning_details", t.warningDetails);
    } catch (const nlohmann::json::exception &) {
        t.warningDetails.clear();
    }
}

void Translation::addWarning(TranslationWarning warning)
{
    warnings.push_back(warning.legacy());
    warningDetails.push_back(std::move(warning));
}

std::vector<TranslationWarning> Translation::typedWarnings() const
{
    if (!warningDetails.empty())
        return warningDetails;
    std::vector<TranslationWarning> parsed;
    parsed.reserve(warnings.size());
    for (const std::string &w : warnings)
        parsed.push_back(TranslationWarning::fromLegacy(w));
    return parsed;
}

void to_json(nlohmann::json &j, const AgentRef &a)
{
    j = {{"id", a.id}, {"name", a.name}};
}

void from_json(const nlohmann::json &j, AgentRef &a)
{
    j.at("id").get_to(a.id);
    optionalField(j, "name", a.name);
}

void to_json(nlohmann::json &j, const RedFlag &f)
{
    j = {{"category", f.category}, {"words", f.words}};
}

void from_json(const nlohmann::json &j, RedFlag &f)
{
    f = RedFlag{};
    j.at("category").get_to(f.category);
    optionalField(j, "words", f.words);
}

void to_json(nlohmann::json &j, const Contact &c)
{
    j = nlohmann::json::object();
    if (!c.email.empty())
        j["email"] = c.email;
    if (!c.phone.empty())
        j["phone"] = c.phone;
}

void from_json(const nlohmann::json &j, Contact &c)
{
    c = Contact{};
    optionalField(j, "email", c.email);
    optionalField(j, "phone", c.phone);
}

void to_json(nlohmann::json &j, const Prechat &p)
{
    j = nlohmann::json::object();
    if (!p.name.empty())
        j["name"] = p.name;
    if (!p.contact.empty())
        j["contact"] = p.contact;
    if (!p.reason.empty())
        j["reason"] = p.reason;
}

void from_json(const nlohmann::json &j, Prechat &p)
{
    p = Prechat{};
    optionalField(j, "name", p.name);
    optionalField(j, "contact", p.contact);
    optionalField(j, "reason", p.reason);
}

void to_json(nlohmann::json &j, const Room &r)
{
    j = nlohmann::json{{"room_id", r.roomId},
                       {"status", toString(r.status)},
                       {"patient_language", r.patientLanguage},
                       {"agent", nullptr},
                       {"patient_online", r.patientOnline},
                       {"agent_online", r.agentOnline},
                       {"last_seq", r.lastSeq},
                       {"created_at", r.createdAt},
                       {"patient_read_seq", r.patientReadSeq},
                       {"agent_read_seq", r.agentReadSeq}};
    if (r.agent)
        j["agent"] = *r.agent;
    if (!r.firstMessage.empty()) {
        j["first_message"] = r.firstMessage;
        j["first_message_translation"] = r.firstMessageTranslation;
    }
    // Only when raised: frames of ordinary rooms stay as they were.
    if (r.urgent) {
        j["urgent"] = true;
        j["red_flags"] = r.redFlags;
    }
    if (r.answerLater)
        j["answer_later"] = true;
    if (r.contact && !r.contact->empty())
        j["contact"] = *r.contact;
    if (r.prechat && !r.prechat->empty())
        j["prechat"] = *r.prechat;
}

void from_json(const nlohmann::json &j, Room &r)
{
    r = Room{};
    j.at("room_id").get_to(r.roomId);
    r.status = enumField(j, "status", kRoomStatuses);
    j.at("patient_language").get_to(r.patientLanguage);
    if (j.contains("agent") && !j.at("agent").is_null())
        r.agent = j.at("agent").get<AgentRef>();
    optionalField(j, "patient_online", r.patientOnline);
    optionalField(j, "agent_online", r.agentOnline);
    optionalField(j, "last_seq", r.lastSeq);
    optionalField(j, "created_at", r.createdAt);
    optionalField(j, "patient_read_seq", r.patientReadSeq);
    optionalField(j, "agent_read_seq", r.agentReadSeq);
    optionalField(j, "first_message", r.firstMessage);
    optionalField(j, "first_message_translation", r.firstMessageTranslation);
    optionalField(j, "urgent", r.urgent);
    optionalField(j, "red_flags", r.redFlags);
    optionalField(j, "answer_later", r.answerLater);
    if (j.contains("contact") && j.at("contact").is_object())
        r.contact = j.at("contact").get<Contact>();
    if (j.contains("prechat") && j.at("prechat").is_object())
        r.prechat = j.at("prechat").get<Prechat>();
}

void to_json(nlohmann::json &j, const Attachment &a)
{
    j = nlohmann::json{{"id", a.id},     {"name", a.name},     {"type", a.type},
                       {"size", a.size}, {"sha256", a.sha256}, {"url", a.url}};
    if (a.width > 0 && a.height > 0) {
        j["width"] = a.width;
        j["height"] = a.height;
    }
    if (!a.thumbnailUrl.empty())
        j["thumbnail_url"] = a.thumbnailUrl;
}

void from_json(const nlohmann::json &j, Attachment &a)
{
    a = Attachment{};
    j.at("id").get_to(a.id);
    j.at("name").get_to(a.name);
    j.at("type").get_to(a.type);
    a.size = int64From(j.at("size"));
    optionalField(j, "sha256", a.sha256);
    j.at("url").get_to(a.url);
    // Read wide and clamped: a huge number in a frame must not overflow an int.
    std::int64_t width = 0, height = 0;
    optionalField(j, "width", width);
    optionalField(j, "height", height);
    constexpr std::int64_t kMaxSide = 1 << 20;
    a.width = int(std::clamp<std::int64_t>(width, 0, kMaxSide));
    a.height = int(std::clamp<std::int64_t>(height, 0, kMaxSide));
    optionalField(j, "thumbnail_url", a.thumbnailUrl);
}

void to_json(nlohmann::json &j, const Message &m)
{
    j = nlohmann::json{{"room_id", m.roomId},
                       {"seq", m.seq},
                       {"msg_id", m.msgId},
                       {"client_msg_id", m.clientMsgId},
                       {"sender", toString(m.sender)},
                       {"sender_name", m.senderName},
                       {"text", m.text},
                       {"lang", m.lang},
                       {"translation", m.translation},
                       {"created_at", m.createdAt}};
    if (!m.event.empty())
        j["event"] = m.event;
    if (!m.templateId.empty())
        j["template_id"] = m.templateId;
    if (m.attachment) {
        j["kind"] = "attachment";
        j["attachment"] = *m.attachment;
    }
}

void from_json(const nlohmann::json &j, Message &m)
{
    m = Message{};
    j.at("room_id").get_to(m.roomId);
    m.seq = int64From(j.at("seq"));
    j.at("msg_id").get_to(m.msgId);
    optionalField(j, "client_msg_id", m.clientMsgId);
    m.sender = enumField(j, "sender", kSenders);
    optionalField(j, "sender_name", m.senderName);
    j.at("text").get_to(m.text);
    j.at("lang").get_to(m.lang);
    j.at("translation").get_to(m.translation);
    optionalField(j, "created_at", m.createdAt);
    optionalField(j, "event", m.event);
    optionalField(j, "template_id", m.templateId);
    if (j.contains("attachment") && j.at("attachment").is_object())
        m.attachment = j.at("attachment").get<Attachment>();
}

void to_json(nlohmann::json &j, const GlossaryHit &g)
{
    j = {{"source", g.source}, {"target", g.target}};
}

void from_json(const nlohmann::json &j, GlossaryHit &g)
{
    j.at("source").get_to(g.source);
    j.at("target").get_to(g.target);
}

void to_json(nlohmann::json &j, const VettedPhrase &p)
{
    j = {{"text", p.text}, {"translation", p.translation}};
}

void from_json(const nlohmann::json &j, VettedPhrase &p)
{
    j.at("text").get_to(p.text);
    j.at("translation").get_to(p.translation);
}

void to_json(nlohmann::json &j, const BackTranslation &b)
{
    j = {{"text", b.text}, {"lang", b.lang}};
}

void from_json(const nlohmann::json &j, BackTranslation &b)
{
    j.at("text").get_to(b.text);
    j.at("lang").get_to(b.lang);
}

std::string_view toString(AgentStatus status)
{
    return nameOf(kAgentStatuses, status);
}
std::optional<AgentStatus> agentStatusFromString(std::string_view t)
{
    return lookup(kAgentStatuses, t);
}

void to_json(nlohmann::json &j, const AgentPresence &a)
{
    j = {{"id", a.id},
         {"name", a.name},
         {"status", toString(a.status)},
         {"active_chats", a.activeChats}};
}

void from_json(const nlohmann::json &j, AgentPresence &a)
{
    j.at("id").get_to(a.id);
    optionalField(j, "name", a.name);
    a.status = enumField(j, "status", kAgentStatuses);
    optionalField(j, "active_chats", a.activeChats);
}

} // namespace medtranslate::protocol
