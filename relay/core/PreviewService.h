#pragma once

#include "medtranslate/protocol/ClientFrames.h"

#include <QObject>

namespace medtranslate::relay {

class Peer;
class RoomAccess;
class Translator;

//! An agent's draft translated before sending, and translated back into Korean so the agent
//! can see what the patient will read.
class PreviewService final : public QObject
{
    Q_OBJECT

public:
    PreviewService(Translator &translator, const RoomAccess &access, QObject *parent = nullptr);

    void preview(Peer &peer, const protocol::client::Preview &preview);

private:
    Translator &m_translator;
    const RoomAccess &m_access;
};

} // namespace medtranslate::relay
