#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QImage>
#include <QString>
#include <QStringList>
#include <vector>

namespace medtranslate::console {

//! A file the agent chose to send (picked, dropped or pasted), read and checked off the GUI
//! thread: its bytes, a display name, the type its bytes show and, for images, a small preview
//! to show while it uploads. What the relay would refuse (too large, not a photo or a PDF, an
//! empty file) is refused here already, with the reason, so nothing useless is uploaded.
class OutgoingFile final
{
    Q_DECLARE_TR_FUNCTIONS(OutgoingFile)

public:
    QByteArray bytes;
    QString name;     //!< for display; never a path
    QString mimeType; //!< by content
    QImage preview;   //!< images only, at most kPreviewSide px
    QString problem;  //!< why it cannot be sent; empty when it can

    static constexpr int kPreviewSide = 320;

    [[nodiscard]] bool ok() const { return problem.isEmpty(); }
    [[nodiscard]] bool isImage() const { return mimeType.startsWith(QLatin1String("image/")); }

    //! Reads the files at `paths` on a worker thread, in that order.
    [[nodiscard]] static QFuture<std::vector<OutgoingFile>> read(const QStringList &paths,
                                                                 qint64 maxBytes);
    //! Reads one file (on the calling thread).
    [[nodiscard]] static OutgoingFile readNow(const QString &path, qint64 maxBytes);
    //! Encodes a pasted image (PNG, else JPEG when that is too large) on a worker thread.
    [[nodiscard]] static QFuture<OutgoingFile> fromImage(const QImage &image, qint64 maxBytes);
    //! Checks bytes already in memory (what `read` and `fromImage` end with).
    [[nodiscard]] static OutgoingFile check(QByteArray bytes, const QString &name, qint64 maxBytes);
    //! "2.4 MB", "830 KB", "512 bytes".
    [[nodiscard]] static QString sizeText(qint64 bytes);
};

} // namespace medtranslate::console
