#pragma once

#include "medtranslate/protocol/Types.h"

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

//! The bodies of the relay's HTTP routes (docs/protocol.md, "HTTP"). Requests are read the way
//! the relay always read them: a field of the wrong type counts as missing, and `validate`
//! gives the error the route answers.
namespace medtranslate::protocol::http {

//! `{"error":{"code","message"}}`, the body of every HTTP error.
struct ErrorBody
{
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    bool operator==(const ErrorBody &) const = default;
};
void to_json(nlohmann::json &j, const ErrorBody &e);
void from_json(const nlohmann::json &j, ErrorBody &e);

//! Why `GET /health` says "degraded": a short machine word and a sentence for people.
struct HealthReason
{
    std::string
        code; //!< database_unavailable, database_writes_fail, database_slow, translation_failing
    std::string message;
    bool operator==(const HealthReason &) const = default;
};
void to_json(nlohmann::json &j, const HealthReason &r);
void from_json(const nlohmann::json &j, HealthReason &r);

//! `GET /health`.
struct HealthResponse
{
    std::string status;                //!< "ok", or "degraded" (see `reasons`)
    std::vector<HealthReason> reasons; //!< empty while "ok"; left out of the JSON then
    std::string database;              //!< "ok" or the database's error
    std::string translation;           //!< the providers in use
    std::int64_t uptimeSeconds = 0;
    std::string eventLoop; //!< Qt's event dispatcher (the relay picks the UNIX one)
    bool operator==(const HealthResponse &) const = default;
};
void to_json(nlohmann::json &j, const HealthResponse &h);
void from_json(const nlohmann::json &j, HealthResponse &h);

//! `POST /api/rooms`.
struct CreateRoomRequest
{
    std::string language;
    //! Extension: the answers of the hospital's pre-chat step (GET /api/desk says which it
    //! asks); the relay checks them against its own settings.
    std::optional<Prechat> prechat;
    bool operator==(const CreateRoomRequest &) const = default;
};
void to_json(nlohmann::json &j, const CreateRoomRequest &r);
void from_json(const nlohmann::json &j, CreateRoomRequest &r);
[[nodiscard]] std::optional<ErrorBody> validate(const CreateRoomRequest &r);

struct CreateRoomResponse
{
    std::string roomId;
    std::string patientToken;
    bool operator==(const CreateRoomResponse &) const = default;
};
void to_json(nlohmann::json &j, const CreateRoomResponse &r);
void from_json(const nlohmann::json &j, CreateRoomResponse &r);

//! How the hospital asks one pre-chat field: "off", "optional" or "required".
struct PrechatFields
{
    std::string name = "off";
    std::string contact = "off";
    std::string reason = "off";
    bool operator==(const PrechatFields &) const = default;
};
void to_json(nlohmann::json &j, const PrechatFields &f);
void from_json(const nlohmann::json &j, PrechatFields &f);

//! `GET /api/desk` (extension): whether the desk answers now, and the pre-chat step.
struct DeskResponse
{
    bool open = true;      //!< within opening hours (resources/desk/hours.json)
    bool attended = true;  //!< a counselor is connected and online now
    std::string nextOpen;  //!< ISO 8601 UTC while closed; empty while open or never
    std::string timeZone;  //!< the hospital's, IANA
    PrechatFields prechat; //!< which pre-chat fields the widget shows
    bool operator==(const DeskResponse &) const = default;
};
void to_json(nlohmann::json &j, const DeskResponse &r);
void from_json(const nlohmann::json &j, DeskResponse &r);

//! `POST /api/auth/login`.
struct LoginRequest
{
    std::string username;
    std::string password;
    bool operator==(const LoginRequest &) const = default;
};
void to_json(nlohmann::json &j, const LoginRequest &r);
void from_json(const nlohmann::json &j, LoginRequest &r);
[[nodiscard]] std::optional<ErrorBody> validate(const LoginRequest &r);

//! The logged-in agent, as the login answer describes them.
struct AgentAccount
{
    std::string id;
    std::string name;
    std::vector<std::string> languages;
    std::string role; //!< "agent" or "admin"
    bool operator==(const AgentAccount &) const = default;
};
void to_json(nlohmann::json &j, const AgentAccount &a);
void from_json(const nlohmann::json &j, AgentAccount &a);

struct LoginResponse
{
    std::string token;
    AgentAccount agent;
    bool operator==(const LoginResponse &) const = default;
};
void to_json(nlohmann::json &j, const LoginResponse &r);
void from_json(const nlohmann::json &j, LoginResponse &r);

//! `GET /api/rooms/{id}/messages`.
struct HistoryResponse
{
    std::vector<Message> messages;
    bool operator==(const HistoryResponse &) const = default;
};
void to_json(nlohmann::json &j, const HistoryResponse &r);
void from_json(const nlohmann::json &j, HistoryResponse &r);

//! `POST /api/rooms/{id}/attachments` (extension): the stored message announcing the file.
struct AttachmentResponse
{
    Message message;
    bool operator==(const AttachmentResponse &) const = default;
};
void to_json(nlohmann::json &j, const AttachmentResponse &r);
void from_json(const nlohmann::json &j, AttachmentResponse &r);

//! A quick reply with vetted text per language (resources/templates/*.tsv).
struct QuickReply
{
    std::string id;
    std::string category;
    std::string title;
    std::map<std::string, std::string> texts; //!< language code → vetted text; "ko" always
    bool operator==(const QuickReply &) const = default;
};
void to_json(nlohmann::json &j, const QuickReply &q);
void from_json(const nlohmann::json &j, QuickReply &q);

//! `GET /api/templates`.
struct TemplatesResponse
{
    std::vector<QuickReply> templates;
    bool operator==(const TemplatesResponse &) const = default;
};
void to_json(nlohmann::json &j, const TemplatesResponse &r);
void from_json(const nlohmann::json &j, TemplatesResponse &r);

//! `POST /api/translate`.
struct TranslateRequest
{
    std::string text;
    std::string source = "ko"; //!< the agent's language unless said otherwise
    std::string target;
    bool operator==(const TranslateRequest &) const = default;
};
void to_json(nlohmann::json &j, const TranslateRequest &r);
void from_json(const nlohmann::json &j, TranslateRequest &r);
//! `maxTextChars` counts UTF-16 units, as the relay always has for this route.
[[nodiscard]] std::optional<ErrorBody> validate(const TranslateRequest &r,
                                                std::size_t maxTextChars);

//! The translation object, flattened, plus the glossary terms found.
struct TranslateResponse
{
    Translation translation;
    std::vector<GlossaryHit> glossary;
    bool operator==(const TranslateResponse &) const = default;
};
void to_json(nlohmann::json &j, const TranslateResponse &r);
void from_json(const nlohmann::json &j, TranslateResponse &r);

//! One counselor of `GET /api/agents` (extension).
struct AgentDirectoryEntry
{
    std::string id;
    std::string name;
    std::string role;
    std::vector<std::string> languages;
    bool online = false;
    bool operator==(const AgentDirectoryEntry &) const = default;
};
void to_json(nlohmann::json &j, const AgentDirectoryEntry &a);
void from_json(const nlohmann::json &j, AgentDirectoryEntry &a);

struct AgentsResponse
{
    std::vector<AgentDirectoryEntry> agents;
    bool operator==(const AgentsResponse &) const = default;
};
void to_json(nlohmann::json &j, const AgentsResponse &r);
void from_json(const nlohmann::json &j, AgentsResponse &r);

//! `GET /api/consultations` (extension): a search over the desk's past consultations. Read
//! from the query string; every field is optional.
struct ConsultationSearchRequest
{
    std::string language; //!< the patient's language; empty or "all" for every language
    std::string from;     //!< a date (a UTC day) or an ISO 8601 date-time with a zone; inclusive
    std::string to;       //!< the same; a date includes its whole day, a date-time is exclusive
    std::string q;        //!< words in a message or its translation; empty for every room
    int limit = 50;
    std::string before; //!< the `next_before` of the previous page
    bool operator==(const ConsultationSearchRequest &) const = default;
};
//! Checks the shapes (the relay checks that dates exist and the cursor is its own).
[[nodiscard]] std::optional<ErrorBody> validate(const ConsultationSearchRequest &r);

//! Where the words were found: the message, cut around them, and its translation.
struct ConsultationSnippet
{
    std::int64_t seq = 0;
    Sender sender = Sender::Patient;
    std::string sentAt;
    std::string text;        //!< the original, cut to about 160 characters around the words
    std::string translation; //!< its translation, cut the same way; empty when none
    bool operator==(const ConsultationSnippet &) const = default;
};
void to_json(nlohmann::json &j, const ConsultationSnippet &s);
void from_json(const nlohmann::json &j, ConsultationSnippet &s);

//! One consultation a search found.
struct ConsultationSummary
{
    std::string roomId;
    std::string language;
    RoomStatus status = RoomStatus::Ended;
    std::string createdAt;
    std::string endedAt; //!< empty (null on the wire) while open
    std::optional<AgentRef> agent;
    std::int64_t messageCount = 0;
    bool urgent = false;
    std::optional<ConsultationSnippet> match; //!< only when the search had words
    bool operator==(const ConsultationSummary &) const = default;
};
void to_json(nlohmann::json &j, const ConsultationSummary &c);
void from_json(const nlohmann::json &j, ConsultationSummary &c);

struct ConsultationSearchResponse
{
    std::vector<ConsultationSummary> consultations; //!< newest first
    std::string nextBefore; //!< for the next page; empty (left out) when this was the last
    bool operator==(const ConsultationSearchResponse &) const = default;
};
void to_json(nlohmann::json &j, const ConsultationSearchResponse &r);
void from_json(const nlohmann::json &j, ConsultationSearchResponse &r);

//! Reads a body of type T, or nothing when it is not JSON or lacks what T needs.
template <typename T> std::optional<T> parseBody(std::string_view body);

} // namespace medtranslate::protocol::http
