#pragma once

#include "storage/Records.h"

#include <vector>

namespace medtranslate::relay {

//! One consultation as the record keeps it: the room and every message, in seq order.
struct Transcript
{
    RoomRecord room;
    std::vector<protocol::Message> messages;
};

} // namespace medtranslate::relay
