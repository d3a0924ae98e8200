#include "records/TranscriptLoader.h"

#include "storage/Store.h"

namespace medtranslate::relay {

TranscriptLoader::TranscriptLoader(Store &store, QObject *parent) : QObject(parent), m_store(store)
{
}

void TranscriptLoader::loadRoom(const QString &roomId)
{
    m_store.roomById(roomId, this, [this, roomId](Result<std::optional<RoomRecord>> room) {
        if (!room.ok()) {
            emit failed(tr("the consultation could not be read: %1").arg(room.error().message));
            return;
        }
        if (!room.value()) {
            emit failed(tr("there is no consultation %1").arg(roomId));
            return;
        }
        m_transcripts = {Transcript{room.value()->room, room.value()->endedAt, {}}};
        loadMessages(0, 0);
    });
}

void TranscriptLoader::loadCreatedBetween(const QString &from, const QString &until)
{
    m_store.roomsCreatedBetween(from, until, this, [this](Result<std::vector<RoomRecord>> rooms) {
        if (!rooms.ok()) {
            emit failed(tr("the consultations could not be listed: %1").arg(rooms.error().message));
            return;
        }
        m_transcripts.clear();
        for (RoomRecord &room : rooms.value())
            m_transcripts.push_back(Transcript{std::move(room.room), room.endedAt, {}});
        loadMessages(0, 0);
    });
}

void TranscriptLoader::loadMessages(size_t index, qint64 afterSeq)
{
    if (index >= m_transcripts.size()) {
        emit loaded(m_transcripts);
        return;
    }
    const QString roomId = QString::fromStdString(m_transcripts[index].room.roomId);
    m_store.messagesAfter(roomId, afterSeq, kPage, this,
                          [this, index, roomId](Result<std::vector<protocol::Message>> page) {
                              if (!page.ok()) {
                                  emit failed(tr("the messages of %1 could not be read: %2")
                                                  .arg(roomId, page.error().message));
                                  return;
                              }
                              auto &messages = m_transcripts[index].messages;
                              messages.insert(messages.end(), page.value().begin(),
                                              page.value().end());
                              if (int(page.value().size()) == kPage)
                                  loadMessages(index, messages.back().seq);
                              else
                                  loadMessages(index + 1, 0);
                          });
}

} // namespace medtranslate::relay
