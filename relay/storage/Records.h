#pragma once

#include "medtranslate/protocol/Types.h"

#include <QString>
#include <QStringList>

namespace medtranslate::relay {

//! An agent account as the relay knows it (never with its password hash).
struct AgentRecord
{
    QString id;
    QString username;
    QString displayName;
    QString role; //!< "agent" or "admin"
    QStringList languages;
};

//! An agent with the password hash to check a login against; only for the login check.
struct AgentCredentials
{
    AgentRecord agent;
    QString passwordHash;
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

} // namespace medtranslate::relay
