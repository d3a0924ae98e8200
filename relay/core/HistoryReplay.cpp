#include "core/HistoryReplay.h"

#include "core/Identity.h"
#include "core/Peer.h"
#include "core/RoomAccess.h"
#include "core/RoomLifecycle.h"
#include "core/RoomRegistry.h"
#include "storage/Store.h"

namespace medtranslate::relay {

using protocol::ErrorCode;
namespace server = protocol::server;

namespace {
constexpr int kReplayPage = 500;
}

HistoryReplay::HistoryReplay(Store &store, RoomLifecycle &lifecycle, QObject *parent)
    : QObject(parent), m_store(store), m_lifecycle(lifecycle)
{
}

void HistoryReplay::history(Peer &peer, const protocol::client::History &history)
{
    const QString roomId = QString::fromStdString(history.roomId);
    const Identity who{peer.role(), peer.roomId(), peer.agent()};
    QPointer<Peer> guard(&peer);
    const qint64 after = history.afterSeq;
    m_lifecycle.withRoom(
        roomId, &peer, [this, guard, who, roomId, after](RoomState *room, QString error) {
            if (!guard)
                return;
            if (!error.isEmpty())
                return guard->sendError(ErrorCode::Internal,
                                        QStringLiteral("history is unavailable now; try again"));
            if (!room)
                return guard->sendError(ErrorCode::NotFound, QStringLiteral("no such room"));
            if (!RoomAccess::mayRead(who, *room))
                return guard->sendError(ErrorCode::Forbidden, QStringLiteral("not your room"));
            replay(*guard, roomId, after);
        });
}

void HistoryReplay::replay(Peer &peer, const QString &roomId, qint64 afterSeq)
{
    peer.beginReplay(roomId);
    replayPage(QPointer<Peer>(&peer), roomId, afterSeq);
}

void HistoryReplay::replayPage(QPointer<Peer> peer, const QString &roomId, qint64 afterSeq)
{
    using Page = std::vector<protocol::Message>;
    m_store.messagesAfter(
        roomId, afterSeq, kReplayPage, this, [this, peer, roomId, afterSeq](Result<Page> page) {
            if (!peer)
                return;
            if (!page.ok()) {
                peer->sendError(ErrorCode::Internal,
                                QStringLiteral("history is unavailable now; ask again"));
                peer->endReplay(roomId, 0);
                return;
            }
            qint64 last = afterSeq;
            for (const auto &message : page.value()) {
                peer->send(server::MessageFrame{message});
                last = message.seq;
            }
            if (int(page.value().size()) == kReplayPage)
                replayPage(peer, roomId, last);
            else
                peer->endReplay(roomId, last);
        });
}

} // namespace medtranslate::relay
