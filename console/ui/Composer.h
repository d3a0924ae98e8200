#pragma once

#include "client/TranslationWarning.h"
#include "medtranslate/protocol/ServerFrames.h"

#include <QTimer>
#include <QWidget>
#include <optional>

class QLabel;
class QMessageBox;
class QMimeData;
class QPlainTextEdit;
class QPushButton;

namespace medtranslate::console {

class PreviewPane;

//! Where the agent writes. Enter sends, Shift+Enter starts a new line. While the agent types, a
//! preview of the translation is requested after a short pause; a text is sent only once its
//! preview is known (or could not be had in time), and a preview with a warning asks the agent
//! to confirm first. Files come with the attach button, or pasted or dropped into the editor.
//! The composer only emits requests: the chat's session sends them.
class Composer final : public QWidget
{
    Q_OBJECT

public:
    explicit Composer(QWidget *parent = nullptr);

    void setPatientLanguage(const QString &code);
    //! A read-only chat cannot send; `reason` says why.
    void setSendingEnabled(bool enabled, const QString &reason = {});
    //! The pause after the last keystroke before a preview is asked (default 400 ms).
    void setPreviewDelay(int ms);
    //! How long a send waits for its text's preview before going without (default 4 s).
    void setPreviewWait(int ms);

    void showPreview(const protocol::server::PreviewResult &result);
    void showPreviewFailed(const QString &requestId, const QString &detail);

    //! What Enter does.
    void send();

    [[nodiscard]] QPlainTextEdit *editor() const { return m_editor; }
    [[nodiscard]] QPushButton *attachButton() const { return m_attachButton; }
    //! What a paste or a drop into the editor brings: files or a picture go out as
    //! attachments (filesOffered, imageOffered); true when it brought one, else the text
    //! editor takes it as text.
    bool offerMimeData(const QMimeData *data);
    [[nodiscard]] PreviewPane *previewPane() const { return m_preview; }
    [[nodiscard]] bool isWaitingToSend() const { return m_sendWhenChecked; }

signals:
    void previewRequested(const QString &requestId, const QString &text);
    //! `clientMsgId` is a fresh UUID: the relay's idempotency key for this message.
    void sendRequested(const QString &clientMsgId, const QString &text);
    void typingChanged(bool active);
    //! The attach button: the chat asks which files to send.
    void attachRequested();
    //! Local files pasted or dropped into the editor.
    void filesOffered(const QStringList &paths);
    //! A picture pasted from the clipboard (a screenshot, an image copied from a page).
    void imageOffered(const QImage &image);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Check
    {
        QString requestId;
        QString text;
        std::optional<protocol::server::PreviewResult> result;
        bool failed = false;
    };

    void onTextChanged();
    void requestPreview();
    void decide();
    //! Asks before a doubtful text goes out: "send anyway" or back to editing.
    void confirmThenSend(const QString &title, const QString &text, const QString &details);
    void emitSend();
    void setTyping(bool active);
    void setFrozen(bool frozen);
    [[nodiscard]] QString currentText() const;

    QPlainTextEdit *m_editor;
    PreviewPane *m_preview;
    QPushButton *m_sendButton;
    QPushButton *m_attachButton;
    QLabel *m_disabledNote;
    QTimer m_previewTimer;
    QTimer m_waitTimer;
    QTimer m_typingTimer;
    Check m_check;
    bool m_sendWhenChecked = false;
    bool m_typing = false;
    bool m_enabled = true;
};

} // namespace medtranslate::console
