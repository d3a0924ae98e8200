#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QUrl>
#include <functional>
#include <memory>

class QWidget;

namespace medtranslate::console {

class AttachmentTransfer;

//! Opens and saves the attachments of the chats: fetched with the agent's token, written off
//! the GUI thread, opened with the desktop's viewer. A name from the relay is only a
//! suggestion: a saved file is named by the agent in the save dialog, and an opened one is
//! written under a sanitized name into a private folder that goes when the console closes,
//! so patients' files do not pile up on a shared desk computer.
class AttachmentActions final : public QObject
{
    Q_OBJECT

public:
    AttachmentActions(AttachmentTransfer &transfer, QWidget *dialogParent);
    ~AttachmentActions() override;

    //! Downloads the file and hands it to the desktop's viewer.
    void open(const QString &url, const QString &name);
    //! Asks where to save (a non-blocking dialog), then downloads and writes the file there.
    void saveAs(const QString &url, const QString &name);
    //! Downloads the file and writes it to `path` (what saveAs does once the agent chose).
    void saveTo(const QString &url, const QString &path);

    //! What opens a written file; tests put their own in place of the desktop's.
    void setOpener(std::function<bool(const QUrl &)> opener) { m_opener = std::move(opener); }
    //! A name that is safe as the last part of a path: no folders, no control characters,
    //! nothing that hides its extension; "attachment" when nothing is left.
    [[nodiscard]] static QString safeFileName(const QString &name);

signals:
    //! A short message for the status bar.
    void notice(const QString &text);
    void opened(const QString &path);
    void saved(const QString &path);
    void failed(const QString &detail);

private:
    struct Request
    {
        bool open = false;
        QString name; //!< open: the file's display name
        QString path; //!< save: where the agent chose
    };

    void onDownloaded(const QString &url, const QByteArray &bytes);
    void onDownloadFailed(const QString &url, const QString &detail);
    void write(const Request &request, const QByteArray &bytes);
    [[nodiscard]] QString openPath(const QString &name);

    AttachmentTransfer &m_transfer;
    QPointer<QWidget> m_dialogParent;
    std::function<bool(const QUrl &)> m_opener;
    QMultiHash<QString, Request> m_waiting;  //!< by download URL
    std::unique_ptr<QTemporaryDir> m_folder; //!< made when the first file is opened
    int m_opened = 0;
};

} // namespace medtranslate::console
