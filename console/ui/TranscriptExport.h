#pragma once

#include "transcript/TranscriptRenderer.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QWidget;

namespace medtranslate::console {

class ChatSession;

//! "Export consultation…" for one chat: asks where to save, fetches the relay's transcript
//! document, lays it out as PDF, HTML or JSON with the relay's own renderer off the GUI
//! thread, and writes it atomically, so that a failure never leaves half a record behind.
class TranscriptExport final : public QObject
{
    Q_OBJECT

public:
    //! Shows the save question for `suggested` and calls `chosen` with the path, or with an
    //! empty path when the agent cancelled. Replaceable so that tests need no real dialog.
    using PathChooser =
        std::function<void(const QString &suggested, std::function<void(const QString &)> chosen)>;

    TranscriptExport(ChatSession &session, QWidget *dialogParent);

    void setPathChooser(PathChooser chooser) { m_chooser = std::move(chooser); }
    //! Asks where, then exports there; does nothing while an export runs.
    void start();
    //! Exports to `path`, the format taken from its suffix (.pdf, .html/.htm, .json).
    void exportTo(const QString &path);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    [[nodiscard]] static std::optional<relay::TranscriptRenderer::Format>
    formatOf(const QString &path);

signals:
    void busyChanged(bool busy);
    void finished(const QString &path);
    //! Why nothing was written, in the agent's words.
    void failed(const QString &message);

private:
    //! The file's bytes, or nothing with `error` set. Both run in a worker thread: everything
    //! they lay out (QTextDocument, QPdfWriter) is created there.
    static std::optional<QByteArray>
    render(const QByteArray &document, relay::TranscriptRenderer::Format format, QString *error);
    //! The error, or nothing when the whole file is in place.
    static QString renderAndWrite(const QByteArray &document,
                                  relay::TranscriptRenderer::Format format, const QString &path);

    void chooseWithDialog(const QString &suggested, std::function<void(const QString &)> chosen);
    void onLoaded(const QString &roomId, const QByteArray &document);
    void onFailed(const QString &roomId, const QString &detail);
    void finish(const QString &error);
    void setBusy(bool busy);

    ChatSession &m_session;
    QPointer<QWidget> m_dialogParent;
    PathChooser m_chooser;
    bool m_busy = false;
    QString m_path;
    relay::TranscriptRenderer::Format m_format = relay::TranscriptRenderer::Format::Pdf;
    QFutureWatcher<QString> m_work; //!< the rendering and writing; its result is an error
};

} // namespace medtranslate::console
