#include "client/ChatRegistry.h"

#include "client/ChatSession.h"
#include "client/OverviewModel.h"
#include "client/QueueModel.h"
#include "client/RelayClient.h"

#include <utility>

namespace medtranslate::console {

namespace server = protocol::server;

ChatRegistry::ChatRegistry(RelayClient &client, QObject *parent)
    : QObject(parent), m_client(client), m_queue(new QueueModel(this)),
      m_overview(new OverviewModel(this))
{
    qRegisterMetaType<ChatSession *>(); // declared, not defined, where moc reads the signal
    connect(&client, &RelayClient::welcomed, this, &ChatRegistry::handleWelcome);
    connect(&client, &RelayClient::queueChanged, this, &ChatRegistry::handleQueue);
    connect(&client, &RelayClient::roomChanged, this, &ChatRegistry::handleRoom);
    connect(&client, &RelayClient::messageReceived, this, &ChatRegistry::handleMessage);
    connect(&client, &RelayClient::translationUpdated, this, &ChatRegistry::handleTranslation);
    connect(&client, &RelayClient::acknowledged, this, &ChatRegistry::handleAck);
    connect(&client, &RelayClient::typingReceived, this, &ChatRegistry::handleTyping);
    connect(&client, &RelayClient::readReceived, this, &ChatRegistry::handleRead);
    connect(&client, &RelayClient::roomEnded, this, &ChatRegistry::handleEnded);
    connect(&client, &RelayClient::previewReceived, this, &ChatRegistry::handlePreview);
    connect(&client, &RelayClient::previewFailed, this, &ChatRegistry::handlePreviewFailed);
    connect(&client, &RelayClient::sendFailed, this, &ChatRegistry::handleSendFailed);
    connect(&client, &RelayClient::overviewReceived, this,
            [this](const server::Overview &overview) { m_overview->setRooms(overview.rooms); });
    // A waiting room that turns urgent, and one of our own chats, both need the counselor now.
    connect(m_queue, &QueueModel::urgentRaised, this, &ChatRegistry::urgentRaised);
}

ChatRegistry::~ChatRegistry() = default;

ChatSession *ChatRegistry::session(const QString &roomId) const
{
    const auto it = m_sessions.find(roomId);
    return it == m_sessions.end() ? nullptr : it->second;
}

QList<ChatSession *> ChatRegistry::sessions() const
{
    QList<ChatSession *> list;
    for (const auto &[id, s] : m_sessions)
        list << s;
    return list;
}

bool ChatRegistry::accept(const QString &roomId)
{
    if (!m_client.accept(roomId))
        return false;
    m_accepting.insert(roomId);
    return true;
}

void ChatRegistry::clear()
{
    const auto sessions = std::exchange(m_sessions, {});
    for (const auto &[id, s] : sessions) {
        emit chatClosed(id);
        s->deleteLater(); // its page goes the same way
    }
    m_accepting.clear();
    m_queue->setRooms({});
    m_overview->setRooms({});
}

void ChatRegistry::close(const QString &roomId)
{
    const auto it = m_sessions.find(roomId);
    if (it == m_sessions.end() || it->second->isActive())
        return;
    ChatSession *s = it->second;
    m_sessions.erase(it);
    emit chatClosed(roomId);
    s->deleteLater();
}

bool ChatRegistry::isMine(const protocol::Room &room) const
{
    return room.agent && QString::fromStdString(room.agent->id) == m_client.agent().id;
}

ChatSession *ChatRegistry::open(const protocol::Room &room, bool accepted)
{
    auto *s = new ChatSession(m_client, room, this);
    m_sessions.emplace(QString::fromStdString(room.roomId), s);
    emit chatOpened(s, accepted);
    return s;
}

void ChatRegistry::handleWelcome(const server::Welcome &welcome)
{
    QSet<QString> assigned;
    for (const auto &room : welcome.rooms) {
        const QString id = QString::fromStdString(room.roomId);
        assigned.insert(id);
        if (ChatSession *s = session(id))
            s->updateRoom(room, true);
        else
            open(room, false);
    }
    for (const auto &[id, s] : m_sessions) {
        if (s->isActive() && !assigned.contains(id))
            s->detach(tr("This consultation is no longer assigned to you (ended or transferred "
                         "while the console was offline)."));
    }
}

void ChatRegistry::handleQueue(const std::vector<protocol::Room> &rooms)
{
    m_queue->setRooms(rooms);
}

void ChatRegistry::handleRoom(const protocol::Room &room)
{
    const QString id = QString::fromStdString(room.roomId);
    const bool mine = isMine(room);
    if (ChatSession *s = session(id)) {
        const bool wasUrgent = s->room().urgent;
        s->updateRoom(room, mine);
        if (room.urgent && !wasUrgent && s->isActive())
            emit urgentRaised({id});
        return;
    }
    if (mine && room.status == protocol::RoomStatus::Active)
        open(room, m_accepting.remove(id));
}

void ChatRegistry::handleMessage(const protocol::Message &message)
{
    ChatSession *s = session(QString::fromStdString(message.roomId));
    if (!s)
        return;
    if (s->addMessage(message) && message.sender == protocol::Sender::Patient)
        emit patientMessage(s, message);
}

void ChatRegistry::handleTranslation(const server::TranslationUpdate &update)
{
    if (ChatSession *s = session(QString::fromStdString(update.roomId)))
        s->applyTranslation(update.seq, update.translation);
}

void ChatRegistry::handleAck(const server::Ack &ack)
{
    if (ChatSession *s = session(QString::fromStdString(ack.roomId)))
        s->acknowledge(ack);
}

void ChatRegistry::handleTyping(const server::Typing &typing)
{
    ChatSession *s = session(QString::fromStdString(typing.roomId));
    if (s && typing.role == protocol::Role::Patient)
        s->setPatientTyping(typing.active);
}

void ChatRegistry::handleRead(const server::Read &read)
{
    ChatSession *s = session(QString::fromStdString(read.roomId));
    if (s && read.role == protocol::Role::Patient)
        s->setPatientRead(read.seq);
}

void ChatRegistry::handleEnded(const server::Ended &ended)
{
    if (ChatSession *s = session(QString::fromStdString(ended.roomId)))
        s->markEnded(QString::fromStdString(ended.by));
}

void ChatRegistry::handlePreview(const server::PreviewResult &result)
{
    const QString id = QString::fromStdString(result.requestId);
    for (const auto &[roomId, s] : m_sessions) {
        if (s->ownsPreview(id)) {
            s->deliverPreview(result);
            return;
        }
    }
}

void ChatRegistry::handlePreviewFailed(const QString &requestId, const QString &detail)
{
    for (const auto &[roomId, s] : m_sessions) {
        if (s->ownsPreview(requestId)) {
            s->failPreview(requestId, detail);
            return;
        }
    }
}

void ChatRegistry::handleSendFailed(const QString &roomId, const QString &clientMsgId,
                                    protocol::ErrorCode code, const QString &detail)
{
    if (ChatSession *s = session(roomId))
        s->failSend(clientMsgId, code, detail);
}

} // namespace medtranslate::console
