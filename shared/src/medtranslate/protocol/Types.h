#pragma once

#include "medtranslate/protocol/TranslationWarning.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

//! Value types shared by the frames of the wire contract (docs/protocol.md).
namespace medtranslate::protocol {

//! Error codes of the contract's `error` frame and HTTP error bodies.
enum class ErrorCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    TooLarge,
    RateLimited,
    RoomEnded,
    AlreadyAssigned,
    UnsupportedLanguage,
    Internal,
};
std::string_view toString(ErrorCode code);
std::optional<ErrorCode> errorCodeFromString(std::string_view text);

//! An integer field, read as `get<std::int64_t>()` reads it (floats truncate, as they always
//! have), but a float beyond int64's range throws a json exception instead of being undefined
//! behaviour.
std::int64_t int64From(const nlohmann::json &value);

enum class Role { Patient, Agent };
std::string_view toString(Role role);
std::optional<Role> roleFromString(std::string_view text);

//! Who wrote a message; `System` for the relay's own notices.
enum class Sender { Patient, Agent, System };
std::string_view toString(Sender sender);
std::optional<Sender> senderFromString(std::string_view text);

enum class RoomStatus { Waiting, Active, Ended };
std::string_view toString(RoomStatus status);
std::optional<RoomStatus> roomStatusFromString(std::string_view text);

enum class TranslationStatus { Ok, Cached, Fallback, Vetted, Pending, Unavailable };
std::string_view toString(TranslationStatus status);
std::optional<TranslationStatus> translationStatusFromString(std::string_view text);

//! The translation a message carries for the other side.
struct Translation
{
    std::string text; //!< empty while pending or unavailable
    std::string lang; //!< the language translated into
    TranslationStatus status = TranslationStatus::Pending;
    std::string provider;              //!< who translated; empty when nobody did
    std::vector<std::string> warnings; //!< e.g. "number_mismatch", "glossary_missing:…"
    std::string sourceLang;            //!< extension: the language actually detected
    //! Extension: the same warnings typed, with the values concerned (`warning_details`).
    std::vector<TranslationWarning> warningDetails;
    bool operator==(const Translation &) const = default;

    //! Records a warning in both wire forms; producers use only this.
    void addWarning(TranslationWarning warning);
    //! The typed warnings: `warning_details` when the relay sent them, else the strings read
    //! with their prefix grammar (a relay older than the extension).
    [[nodiscard]] std::vector<TranslationWarning> typedWarnings() const;
};
void to_json(nlohmann::json &j, const Translation &t);
void from_json(const nlohmann::json &j, Translation &t);

struct AgentRef
{
    std::string id;
    std::string name;
    bool operator==(const AgentRef &) const = default;
};
void to_json(nlohmann::json &j, const AgentRef &a);
void from_json(const nlohmann::json &j, AgentRef &a);

//! Extension: a kind of emergency found in a patient's own words (docs/red-flags.md).
struct RedFlag
{
    std::string category;           //!< e.g. "chest_pain"
    std::vector<std::string> words; //!< as the patient wrote them
    bool operator==(const RedFlag &) const = default;
};
void to_json(nlohmann::json &j, const RedFlag &f);
void from_json(const nlohmann::json &j, RedFlag &f);

//! Extension: how the desk may answer a patient later (the `contact` frame). Personal data:
//! shown to agents, never sent to a translation provider.
struct Contact
{
    std::string email; //!< empty when not given
    std::string phone; //!< as the patient wrote it; empty when not given
    bool operator==(const Contact &) const = default;
    [[nodiscard]] bool empty() const { return email.empty() && phone.empty(); }
};
void to_json(nlohmann::json &j, const Contact &c);
void from_json(const nlohmann::json &j, Contact &c);

//! Extension: what the patient filled in before the chat (the hospital's pre-chat step).
//! Personal data: shown to agents, never sent to a translation provider. Empty fields were
//! not asked or left blank.
struct Prechat
{
    std::string name;
    std::string contact; //!< an e-mail address or a phone number
    std::string reason;  //!< in the patient's language, untranslated
    bool operator==(const Prechat &) const = default;
    [[nodiscard]] bool empty() const { return name.empty() && contact.empty() && reason.empty(); }
};
void to_json(nlohmann::json &j, const Prechat &p);
void from_json(const nlohmann::json &j, Prechat &p);

//! A consultation as clients see it.
struct Room
{
    std::string roomId;
    RoomStatus status = RoomStatus::Waiting;
    std::string patientLanguage;
    std::optional<AgentRef> agent;
    bool patientOnline = false;
    bool agentOnline = false;
    std::int64_t lastSeq = 0;
    std::string createdAt;               //!< extension: for waiting times in the queue
    std::int64_t patientReadSeq = 0;     //!< extension: read marks survive reconnects
    std::int64_t agentReadSeq = 0;       //!< extension
    std::string firstMessage;            //!< extension, queue only: the patient's first words
    std::string firstMessageTranslation; //!< extension, queue only: the same in Korean
    //! Extension: a patient message showed an emergency; the room stays urgent and sorts first.
    bool urgent = false;
    std::vector<RedFlag> redFlags; //!< extension: what showed it, one entry per category
    //! Extension: the patient left contact details for the desk to answer later; the room
    //! waits in the queue after the patients still waiting live.
    bool answerLater = false;
    std::optional<Contact> contact; //!< extension: set with answerLater
    std::optional<Prechat> prechat; //!< extension: the pre-chat answers, when any were given
    bool operator==(const Room &) const = default;
};
void to_json(nlohmann::json &j, const Room &r);
void from_json(const nlohmann::json &j, Room &r);

//! A file sent in a room (extension): what a message of kind "attachment" carries.
struct Attachment
{
    std::string id;
    std::string name;      //!< display name, never a path
    std::string type;      //!< MIME type found in the content
    std::int64_t size = 0; //!< bytes as stored
    std::string sha256;    //!< of the stored bytes, hex
    std::string url;       //!< download, with the room's bearer token
    int width = 0;         //!< images the relay decodes; 0 otherwise
    int height = 0;
    std::string thumbnailUrl; //!< empty when there is no thumbnail
    bool operator==(const Attachment &) const = default;
};
void to_json(nlohmann::json &j, const Attachment &a);
void from_json(const nlohmann::json &j, Attachment &a);

//! One stored message of a room.
struct Message
{
    std::string roomId;
    std::int64_t seq = 0;
    std::string msgId;
    std::string clientMsgId;
    Sender sender = Sender::Patient;
    std::string senderName;
    std::string text;
    std::string lang;
    Translation translation;
    std::string createdAt;
    std::string event;      //!< extension: "agent_joined", "ended", ... on system messages
    std::string templateId; //!< extension: set when an agent sent a vetted template
    //! Extension: a file; the message's `kind` is "attachment" when it is set.
    std::optional<Attachment> attachment;
    bool operator==(const Message &) const = default;
};
void to_json(nlohmann::json &j, const Message &m);
void from_json(const nlohmann::json &j, Message &m);

//! A glossary term found in a text, with the term it must become.
struct GlossaryHit
{
    std::string source;
    std::string target;
    bool operator==(const GlossaryHit &) const = default;
};
void to_json(nlohmann::json &j, const GlossaryHit &g);
void from_json(const nlohmann::json &j, GlossaryHit &g);

//! A vetted sentence close to what an agent wrote: its Korean text and its vetted
//! translation (a preview's `suggestions`, docs/protocol.md).
struct VettedPhrase
{
    std::string text;
    std::string translation;
    bool operator==(const VettedPhrase &) const = default;
};
void to_json(nlohmann::json &j, const VettedPhrase &p);
void from_json(const nlohmann::json &j, VettedPhrase &p);

struct BackTranslation
{
    std::string text;
    std::string lang;
    bool operator==(const BackTranslation &) const = default;
};
void to_json(nlohmann::json &j, const BackTranslation &b);
void from_json(const nlohmann::json &j, BackTranslation &b);

//! Extension: whether an agent takes new consultations. `away` keeps its own rooms but gets
//! no new ones; `offline` has no connection open.
enum class AgentStatus { Online, Away, Offline };
std::string_view toString(AgentStatus status);
std::optional<AgentStatus> agentStatusFromString(std::string_view text);

//! Extension: a colleague as the agents' presence list (`agents` frame) shows them.
struct AgentPresence
{
    std::string id;
    std::string name;
    AgentStatus status = AgentStatus::Offline;
    std::int64_t activeChats = 0; //!< active consultations assigned to the agent
    bool operator==(const AgentPresence &) const = default;
};
void to_json(nlohmann::json &j, const AgentPresence &a);
void from_json(const nlohmann::json &j, AgentPresence &a);

} // namespace medtranslate::protocol
