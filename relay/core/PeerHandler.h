#pragma once

#include "medtranslate/protocol/ClientFrames.h"

namespace medtranslate::relay {

class Peer;

//! Receives what a peer's client asks for, already parsed and validated.
class PeerHandler
{
public:
    virtual ~PeerHandler() = default;
    virtual void handleFrame(Peer &peer, protocol::ClientFrame &&frame) = 0;
    //! The client is gone; the peer is deleted right after this returns.
    virtual void peerClosed(Peer &peer) = 0;
};

} // namespace medtranslate::relay
