#pragma once

#include "medtranslate/protocol/Types.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace medtranslate::relay {

//! An agent account as the relay knows it (never with its password hash).
struct AgentRecord
{
    QString id;
    QString username;
    QString displayName;
    QString role; //!< "agent" or "admin"
    QStringList languages;
    QString patientFacingName; //!< in Latin letters, for patients; empty when not set
    int maxChats = 0;          //!< consultations at once; 0 when not set
    bool enabled = true;       //!< a disabled account cannot log in or use its tokens
};

//! An agent with the counter of its sessions, for a running relay to see which accounts'
//! sessions an administrator ended since it last looked.
struct AgentAccount
{
    AgentRecord agent;
    qint64 sessionsEpoch = 0; //!< raised when the account is disabled or gets a new password
};

//! The accounts as a running relay polls them: `accounts` is only filled when `revision`
//! moved past the one the relay knew.
struct AccountSnapshot
{
    qint64 revision = 0;
    std::optional<std::vector<AgentAccount>> accounts;
};

//! What an account command did: `changed` is false when the account already was so.
struct AccountUpdate
{
    bool changed = false;
    int sessionsEnded = 0; //!< login tokens dropped
    int roomsRequeued = 0; //!< active consultations put back in the waiting queue
};

//! What `--set-agent` changes; unset fields stay as they are.
struct AgentChanges
{
    std::optional<QString> displayName;
    std::optional<QString> patientFacingName;
    std::optional<QString> role;
    std::optional<QStringList> languages;
    std::optional<int> maxChats;
};

//! An agent with the password hash to check a login against; only for the login check.
struct AgentCredentials
{
    AgentRecord agent;
    QString passwordHash;
    qint64 sessionsEpoch = 0; //!< a login's session is only stored while this is current
};

//! A room as stored, with what only the relay may see.
struct RoomRecord
{
    protocol::Room room;
    QString patientTokenHash;
    QString origin;
    QString endedAt; //!< ISO 8601 UTC; empty while the room is open
};

//! What a `send` asks the store to keep; seq, msg_id and created_at are the store's to assign.
//! A message with an attachment also names the stored objects behind it.
struct NewMessage
{
    protocol::Message message;
    QString blobKey;      //!< attachments: the file's object (its SHA-256)
    QString thumbnailKey; //!< attachments: the thumbnail's object, if any
};

//! A stored attachment as the relay looks it up to serve it (never by its name).
struct AttachmentRecord
{
    QString id;
    QString roomId;
    qint64 seq = 0;
    QString blobKey;
    QString thumbnailKey;
    QString name;
    QString contentType;
    qint64 size = 0;
};

//! A stored message; `duplicate` when its client_msg_id was already stored.
struct AppendResult
{
    protocol::Message message;
    bool duplicate = false;
};

//! What a cached translation is filed under. The digest covers the languages, the glossary
//! stamp and the normalized masked text; provider and model are kept beside it, so a model
//! change never serves an old model's wording.
struct CacheKey
{
    QString digest;
    QString sourceLang;
    QString targetLang;
    QString glossaryVersion;
    QString text; //!< normalized and masked: no personal data is ever stored
};

//! A provider's answer for a masked text, tokens still in place.
struct CachedTranslation
{
    QString provider;
    QString model;
    QString text;
    qint64 createdAt = 0; //!< seconds since the epoch
};

//! One row of the translation cache.
struct CacheEntry
{
    CacheKey key;
    CachedTranslation value;
};

//! An ended consultation that retention may remove, with what would go with it.
struct PurgeCandidate
{
    QString roomId;
    QString patientLanguage;
    QString createdAt;
    QString endedAt;
    int messages = 0;
    int attachments = 0;
    qint64 attachmentBytes = 0;
};

//! What removing one consultation took away.
struct PurgedRoom
{
    int messages = 0;
    int attachments = 0;
    //! Stored objects no other attachment refers to any more: the caller removes them.
    QStringList orphanedKeys;
};

//! One line of the audit log.
struct AuditEntry
{
    QString id;
    QString at;     //!< ISO 8601 UTC
    QString actor;  //!< "agent:<username>", "admin:<os user>", "relay"
    QString action; //!< "login", "login_failed", "export", "purge", ...
    QString target; //!< a room, an account; may be empty
    QString detail;
    QString origin; //!< a peer address, "command line"
};

//! What a search over past consultations asks for (`GET /api/consultations`). The bounds are
//! ISO 8601 UTC as the rooms' created_at is stored; empty ones are open.
struct ConsultationQuery
{
    QString language; //!< the patient's language; empty for all
    QString from;     //!< rooms created at or after this
    QString until;    //!< rooms created before this
    QString words;    //!< found in a message's text or its translation; empty for every room
    //! Keyset paging: only rooms before (created_at, id) in the newest-first order.
    QString beforeCreatedAt;
    QString beforeId;
    int limit = 50;
};

//! One consultation a search found, with the first message that has the words.
struct ConsultationMatch
{
    RoomRecord room;
    qint64 messageCount = 0;
    //! The first message with the words: nothing when the search had none.
    std::optional<protocol::Message> match;
};

//! A webhook event due to be sent: the body exactly as stored, and the attempts so far.
struct WebhookEvent
{
    QString id; //!< also X-MedTranslate-Delivery
    QString roomId;
    QString event;
    QByteArray payload;
    int attempts = 0;
};

//! What the webhook dispatcher may send now, and the outbox's size for /metrics.
struct WebhookDue
{
    std::vector<WebhookEvent> events; //!< at most one per room: the room's oldest
    qint64 pending = 0;               //!< every event not delivered yet
    QString oldestPendingAt;          //!< when the oldest of them occurred; empty when none
};

//! One delivery attempt, as the dispatcher saw it end.
struct WebhookAttempt
{
    WebhookEvent event;
    QString attemptedAt; //!< ISO 8601 UTC with milliseconds
    bool delivered = false;
    int status = 0;        //!< HTTP status; 0 when no answer came
    QString error;         //!< why it failed; empty when delivered
    qint64 durationMs = 0; //!< from sending to the answer or the error
    QString nextAttemptAt; //!< when a failed event is tried again
};

//! One line of the webhook delivery log (--webhook-log).
struct WebhookLogEntry
{
    QString attemptedAt;
    QString eventId;
    QString roomId;
    QString event;
    int attempt = 0; //!< 1 for the first try
    bool delivered = false;
    int status = 0;
    QString error;
    qint64 durationMs = 0;
};

//! The webhook delivery log and what still waits.
struct WebhookLog
{
    std::vector<WebhookLogEntry> attempts; //!< oldest first
    qint64 pending = 0;
    QString oldestPendingAt;
};

//! Where a room's record chain first breaks, and how (docs/records.md).
struct ChainBreak
{
    qint64 link = 0; //!< the first link that does not hold
    qint64 seq = 0;  //!< the message concerned; 0 when none is known
    QString reason;  //!< "message text changed", "message missing", "hash mismatch", ...
};

//! What checking one room's record chain found.
struct ChainCheck
{
    QString roomId;
    qint64 links = 0;
    QString headHash; //!< the last link's hash; empty for a room without messages
    std::optional<ChainBreak> broken;
};

//! A consultation as the statistics see it (--stats).
struct StatsRoom
{
    QString id;
    QString patientLanguage;
    QString status;
    QString createdAt; //!< ISO 8601 UTC
};

//! A message as the statistics see it: no text, only who, when and the translation's outcome.
struct StatsMessage
{
    QString roomId;
    qint64 seq = 0;
    QString sender;      //!< "patient", "agent", "system"
    QString event;       //!< a system notice's kind ("agent_joined"), else empty
    QString translation; //!< the stored translation JSON
    QString createdAt;
};

//! Everything --stats reads for one period: rooms, and their messages in order.
struct StatsRows
{
    std::vector<StatsRoom> rooms;
    std::vector<StatsMessage> messages; //!< by room, then seq
};

} // namespace medtranslate::relay
