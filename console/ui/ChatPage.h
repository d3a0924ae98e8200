#pragma once

#include "client/ConsoleTypes.h"

#include <QWidget>
#include <functional>

class QDragEnterEvent;
class QDropEvent;
class QImage;
class QLabel;
class QPixmap;
class QPushButton;

namespace medtranslate::console {

class AttachmentActions;
class ChatSession;
class ChatView;
class OutgoingFile;
class Composer;
class LanguageCorrection;
class TranscriptExport;

//! One chat tab: who the patient is, the messages, the typing indicator, the composer, and the
//! End and Transfer actions. Requests go to the ChatSession.
class ChatPage final : public QWidget
{
    Q_OBJECT

public:
    explicit ChatPage(ChatSession *session, QWidget *parent = nullptr);

    [[nodiscard]] ChatSession *session() const { return m_session; }
    [[nodiscard]] ChatView *view() const { return m_view; }
    [[nodiscard]] Composer *composer() const { return m_composer; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] QLabel *typingIndicator() const { return m_typing; }
    [[nodiscard]] QLabel *urgentBanner() const { return m_urgent; }
    //! What the patient told before the chat, and the contact left to be answered later.
    [[nodiscard]] QLabel *patientDetails() const { return m_details; }
    //! The language flag and the header's language menu.
    [[nodiscard]] LanguageCorrection *languageCorrection() const { return m_language; }

    //! The agent is looking at this chat: what arrives counts as read.
    void setSeen(bool seen);
    void sendTemplate(const QuickReply &reply);
    //! Reads, checks and sends files to the patient, one message each; what cannot be sent
    //! is named in a warning and nothing of it is uploaded.
    void sendFiles(const QStringList &paths);
    //! Sends a pasted image as a picture.
    void sendImage(const QImage &image);
    [[nodiscard]] AttachmentActions *attachmentActions() const { return m_attachmentActions; }
    //! "Export consultation…": the record of this chat as PDF, HTML or JSON.
    [[nodiscard]] TranscriptExport *transcriptExport() const { return m_export; }
    [[nodiscard]] QPushButton *exportButton() const { return m_exportButton; }

signals:
    //! A short message for the status bar.
    void notice(const QString &text);
    void titleChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void chooseFiles();
    //! Files that arrived by drag and drop or paste are sent only once the agent confirms.
    void confirmFiles(const QStringList &paths);
    void confirmImage(const QImage &image);
    //! A non-blocking Send / Cancel question; `onSend` runs when the agent chose Send.
    void askToSend(const QString &title, const QString &text, const QPixmap &picture,
                   std::function<void()> onSend);
    void sendChecked(const std::vector<OutgoingFile> &files);
    void updateHeader();
    void updateDetails();
    void updateState();
    void confirmEnd();
    void askTransfer();
    void requestTransfer(const QString &agentId, const QString &note);
    void exportFailed(const QString &message);

    ChatSession *m_session;
    QLabel *m_title;
    QLabel *m_presence;
    QLabel *m_closed;
    QLabel *m_urgent; //!< the red-flag banner: what the patient wrote that raised it
    QLabel *m_details = nullptr;
    QString m_reasonAsked;  //!< the pre-chat reason whose Korean was asked for
    QString m_reasonKorean; //!< its Korean, once the relay answered
    LanguageCorrection *m_language;
    QPushButton *m_end;
    QPushButton *m_transfer;
    QPushButton *m_exportButton;
    ChatView *m_view;
    QLabel *m_typing;
    Composer *m_composer;
    AttachmentActions *m_attachmentActions;
    TranscriptExport *m_export;
    bool m_seen = false;
};

} // namespace medtranslate::console
