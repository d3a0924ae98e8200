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

//! A room as stored, with what only the relay may see.
struct RoomRecord
{
    protocol::Room room;
    QString patientTokenHash;
    QString origin;
};

//! What a `send` asks the store to keep; seq, msg_id and created_at are the store's to assign.
struct NewMessage
{
    protocol::Message message;
};

//! A stored message; `duplicate` when its client_msg_id was already stored.
struct AppendResult
{
    protocol::Message message;
    bool duplicate = false;
};

} // namespace medtranslate::relay
