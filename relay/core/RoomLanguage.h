#pragma once

#include "medtranslate/protocol/ClientFrames.h"

#include <QObject>

namespace medtranslate::relay {

class FanOut;
class MessageFlow;
class Peer;
class RoomAccess;
class RoomRegistry;
class Store;

//! Corrects the language a room was opened in, when the patient writes another one
//! (`set_language`, docs/protocol.md): the room's patient, its agent or an admin may. Stored
//! first, then the room in memory changes, both sides get the `room` frame and a notice, and
//! every translation from then on reads the new language.
class RoomLanguage final : public QObject
{
    Q_OBJECT

public:
    RoomLanguage(Store &store, RoomRegistry &rooms, const RoomAccess &access, FanOut &fanOut,
                 MessageFlow &messages, QObject *parent = nullptr);

    void setLanguage(Peer &peer, const protocol::client::SetLanguage &request);

signals:
    //! A waiting room now needs an agent of another language: routing looks again.
    void roomWaiting();

private:
    Store &m_store;
    RoomRegistry &m_rooms;
    const RoomAccess &m_access;
    FanOut &m_fanOut;
    MessageFlow &m_messages;
};

} // namespace medtranslate::relay
