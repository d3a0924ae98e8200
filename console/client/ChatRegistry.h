#pragma once

#include "medtranslate/protocol/ServerFrames.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <map>

namespace medtranslate::console {

class ChatSession;
class OverviewModel;
class QueueModel;
class RelayClient;

//! The chats this agent holds and the waiting queue, kept up to date from the relay's frames.
//! Routes each frame to the chat it belongs to. The handle* functions are public so a chat can
//! be fed without a relay (screenshots, tests).
class ChatRegistry final : public QObject
{
    Q_OBJECT

public:
    explicit ChatRegistry(RelayClient &client, QObject *parent = nullptr);
    ~ChatRegistry() override;

    [[nodiscard]] QueueModel *queue() { return m_queue; }
    //! The whole desk, filled only for supervisors (the relay's `overview` frames).
    [[nodiscard]] OverviewModel *overview() { return m_overview; }
    [[nodiscard]] ChatSession *session(const QString &roomId) const;
    [[nodiscard]] QList<ChatSession *> sessions() const;
    [[nodiscard]] RelayClient &client() { return m_client; }

    //! Asks the relay for the room; the chat opens in front when the relay assigns it.
    bool accept(const QString &roomId);
    //! Forgets every chat and the queue (the counselor logged out).
    void clear();
    //! Forgets a chat that is no longer active (the agent closed its tab).
    void close(const QString &roomId);

    void handleWelcome(const protocol::server::Welcome &welcome);
    void handleQueue(const std::vector<protocol::Room> &rooms);
    void handleRoom(const protocol::Room &room);
    void handleMessage(const protocol::Message &message);
    void handleTranslation(const protocol::server::TranslationUpdate &update);
    void handleAck(const protocol::server::Ack &ack);
    void handleTyping(const protocol::server::Typing &typing);
    void handleRead(const protocol::server::Read &read);
    void handleEnded(const protocol::server::Ended &ended);
    void handlePreview(const protocol::server::PreviewResult &result);
    void handlePreviewFailed(const QString &requestId, const QString &detail);
    void handleSendFailed(const QString &roomId, const QString &clientMsgId,
                          protocol::ErrorCode code, const QString &detail);

signals:
    //! A chat to show. `accepted`: this console just accepted it, so it should come to front.
    void chatOpened(medtranslate::console::ChatSession *session, bool accepted);
    void chatClosed(const QString &roomId);
    //! A patient message new to its chat (for notifications).
    void patientMessage(medtranslate::console::ChatSession *session,
                        const medtranslate::protocol::Message &message);
    //! Rooms that became urgent: waiting ones (new, or raised) and our own active chats.
    void urgentRaised(const QStringList &roomIds);

private:
    [[nodiscard]] bool isMine(const protocol::Room &room) const;
    ChatSession *open(const protocol::Room &room, bool accepted);

    RelayClient &m_client;
    QueueModel *m_queue;
    OverviewModel *m_overview;
    std::map<QString, ChatSession *> m_sessions; //!< owned as Qt children
    QSet<QString> m_accepting;
};

} // namespace medtranslate::console
