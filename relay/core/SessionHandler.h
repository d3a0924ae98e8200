#pragma once

#include "medtranslate/protocol/ClientFrames.h"

namespace medtranslate::relay {

class ClientSession;

//! Receives what a connection's client asks for, already parsed and validated.
class SessionHandler
{
public:
    virtual ~SessionHandler() = default;
    virtual void handleFrame(ClientSession &session, protocol::ClientFrame &&frame) = 0;
    //! The connection is gone; the session is deleted right after this returns.
    virtual void sessionClosed(ClientSession &session) = 0;
};

} // namespace medtranslate::relay
