#pragma once

#include "medtranslate/protocol/HttpBodies.h"

#include <QWidget>
#include <vector>

class QLabel;

namespace medtranslate::console {

class AttachmentActions;
class ChatView;
class ConsultationSearch;
class MessageListModel;
class RelayClient;

//! A past consultation, read only: the chat's own message list (original and translation
//! side by side), a header with who, when and in which language, and no composer. Loads the
//! messages through the search's client when shown; errors stay in the window.
class ConsultationHistoryWindow final : public QWidget
{
    Q_OBJECT

public:
    ConsultationHistoryWindow(ConsultationSearch &search, RelayClient &client,
                              protocol::http::ConsultationSummary consultation,
                              QWidget *parent = nullptr);

    [[nodiscard]] QString roomId() const { return QString::fromStdString(m_consultation.roomId); }
    [[nodiscard]] MessageListModel *messages() const { return m_messages; }
    [[nodiscard]] ChatView *view() const { return m_view; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    //! True once the messages are there.
    [[nodiscard]] bool isLoaded() const { return m_loaded; }

    //! Asks for the messages again (after an error, say).
    void reload();

signals:
    void loaded();
    void failed(const QString &detail);

private:
    void onLoaded(const QString &roomId, const std::vector<protocol::Message> &messages);
    void onFailed(const QString &roomId, const QString &detail);

    ConsultationSearch &m_search;
    protocol::http::ConsultationSummary m_consultation;
    MessageListModel *m_messages;
    ChatView *m_view;
    QLabel *m_status;
    AttachmentActions *m_attachments;
    bool m_loaded = false;
};

} // namespace medtranslate::console
