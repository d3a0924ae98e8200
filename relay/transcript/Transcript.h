#pragma once

#include "medtranslate/protocol/Types.h"

#include <QString>
#include <vector>

namespace medtranslate::relay {

//! One consultation as the record keeps it: the room and every message, in seq order. Only
//! what an export shows, so that the console can hold one without the relay's storage.
struct Transcript
{
    protocol::Room room;
    QString endedAt; //!< ISO 8601 UTC; empty while the room is open
    std::vector<protocol::Message> messages;
};

} // namespace medtranslate::relay
