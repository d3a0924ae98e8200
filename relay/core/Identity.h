#pragma once

#include "medtranslate/protocol/Types.h"
#include "storage/Records.h"

namespace medtranslate::relay {

//! Who is asking, for HTTP routes and frames alike.
struct Identity
{
    protocol::Role role = protocol::Role::Patient;
    QString roomId;    //!< patients
    AgentRecord agent; //!< agents
};

} // namespace medtranslate::relay
