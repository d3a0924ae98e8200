#include "ui/AttachmentActions.h"

#include "client/AttachmentTransfer.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace medtranslate::console {

namespace {

//! Runs on a worker thread; an empty answer means written.
QString writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return out.errorString();
    return {};
}

} // namespace

AttachmentActions::AttachmentActions(AttachmentTransfer &transfer, QWidget *dialogParent)
    : QObject(dialogParent), m_transfer(transfer), m_dialogParent(dialogParent),
      m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    connect(&transfer, &AttachmentTransfer::downloaded, this, &AttachmentActions::onDownloaded);
    connect(&transfer, &AttachmentTransfer::downloadFailed, this,
            &AttachmentActions::onDownloadFailed);
}

AttachmentActions::~AttachmentActions() = default;

QString AttachmentActions::safeFileName(const QString &name)
{
    // The last part only, whichever separator the sender's system uses.
    QString clean = name.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    QString out;
    for (const QChar c : std::as_const(clean)) {
        // Control characters, and direction marks that make "gpj.exe" read as "exe.jpg".
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            continue;
        if (QStringLiteral(":*?\"<>|").contains(c))
            out += QLatin1Char('_');
        else
            out += c;
    }
    out = out.trimmed();
    while (out.startsWith(QLatin1Char('.')))
        out.remove(0, 1);
    if (out.size() > 120)
        out = out.left(60) + out.right(60);
    return out.isEmpty() ? QStringLiteral("attachment") : out;
}

void AttachmentActions::open(const QString &url, const QString &name)
{
    const bool first = !m_waiting.contains(url);
    m_waiting.insert(url, Request{true, name, {}});
    if (first)
        m_transfer.download(url);
    emit notice(tr("Opening %1…").arg(name));
}

void AttachmentActions::saveAs(const QString &url, const QString &name)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    auto *dialog = new QFileDialog(m_dialogParent, tr("Save attachment"),
                                   QDir(folder).filePath(safeFileName(name)));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, url](const QString &path) { saveTo(url, path); });
    dialog->open(); // not exec(): no nested event loop on the GUI thread
}

void AttachmentActions::saveTo(const QString &url, const QString &path)
{
    if (path.isEmpty())
        return;
    const bool first = !m_waiting.contains(url);
    m_waiting.insert(url, Request{false, {}, path});
    if (first)
        m_transfer.download(url);
}

void AttachmentActions::onDownloaded(const QString &url, const QByteArray &bytes)
{
    const QList<Request> requests = m_waiting.values(url);
    m_waiting.remove(url);
    for (const Request &request : requests)
        write(request, bytes);
}

void AttachmentActions::onDownloadFailed(const QString &url, const QString &detail)
{
    if (!m_waiting.contains(url))
        return;
    m_waiting.remove(url);
    emit failed(tr("The attachment could not be downloaded: %1").arg(detail));
}

QString AttachmentActions::openPath(const QString &name)
{
    if (!m_folder) {
        m_folder = std::make_unique<QTemporaryDir>(
            QDir(QDir::tempPath()).filePath(QStringLiteral("medtranslate-XXXXXX")));
        if (!m_folder->isValid())
            return {};
    }
    // A folder per file: two attachments with the same name never overwrite each other.
    const QString sub = m_folder->filePath(QString::number(++m_opened));
    if (!QDir().mkpath(sub))
        return {};
    return QDir(sub).filePath(safeFileName(name));
}

void AttachmentActions::write(const Request &request, const QByteArray &bytes)
{
    const QString path = request.open ? openPath(request.name) : request.path;
    if (path.isEmpty()) {
        emit failed(tr("There is no folder to put the attachment in."));
        return;
    }
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, request, path]() {
        watcher->deleteLater();
        if (const QString error = watcher->result(); !error.isEmpty()) {
            emit failed(tr("%1 could not be written: %2").arg(path, error));
            return;
        }
        if (!request.open) {
            emit notice(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
            emit saved(path);
            return;
        }
        emit opened(path);
        if (!m_opener(QUrl::fromLocalFile(path)))
            emit failed(tr("No program on this computer opens %1.").arg(request.name));
    });
    watcher->setFuture(QtConcurrent::run(writeFile, path, bytes));
}

} // namespace medtranslate::console
