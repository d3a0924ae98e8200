#pragma once

#include "medtranslate/protocol/ClientFrames.h"

#include <QObject>
#include <QPointer>

namespace medtranslate::relay {

class Peer;
class RoomLifecycle;
class Store;

//! Sends a room's stored messages after a seq, page by page, while the peer holds back the
//! room's live frames; then the held frames follow, each seq once and in order.
class HistoryReplay final : public QObject
{
    Q_OBJECT

public:
    HistoryReplay(Store &store, RoomLifecycle &lifecycle, QObject *parent = nullptr);

    //! The `history` frame: checks that the peer may read the room first.
    void history(Peer &peer, const protocol::client::History &history);
    //! Replays `roomId` after `afterSeq` to a peer already allowed to read it.
    void replay(Peer &peer, const QString &roomId, qint64 afterSeq);

private:
    void replayPage(QPointer<Peer> peer, const QString &roomId, qint64 afterSeq);

    Store &m_store;
    RoomLifecycle &m_lifecycle;
};

} // namespace medtranslate::relay
