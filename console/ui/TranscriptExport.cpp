#include "ui/TranscriptExport.h"

#include "client/ChatSession.h"
#include "client/RelayClient.h"
#include "transcript/TranscriptJson.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtConcurrent>

namespace medtranslate::console {

namespace {

using Format = relay::TranscriptRenderer::Format;

} // namespace

std::optional<QByteArray> TranscriptExport::render(const QByteArray &document, Format format,
                                                   QString *error)
{
    QString why;
    const auto read = relay::TranscriptJson::read(document, &why);
    if (!read) {
        *error = tr("The relay sent a transcript the console does not understand (%1).").arg(why);
        return std::nullopt;
    }
    switch (format) {
    case Format::Json:
        return relay::TranscriptRenderer::json(read->transcripts, read->exportedAt);
    case Format::Html:
        return relay::TranscriptRenderer::html(read->transcripts, read->exportedAt).toUtf8();
    case Format::Pdf:
        break;
    }
    // The renderer prints to a path; a private folder keeps the half-written PDF out of sight
    // until QSaveFile puts the whole of it in place.
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        *error = tr("No room for a temporary file: %1").arg(scratch.errorString());
        return std::nullopt;
    }
    const QString pdfPath = scratch.filePath(QStringLiteral("transcript.pdf"));
    const QString html = relay::TranscriptRenderer::html(read->transcripts, read->exportedAt);
    if (!relay::TranscriptRenderer::writePdf(html, pdfPath, &why)) {
        *error = tr("The PDF could not be laid out: %1").arg(why);
        return std::nullopt;
    }
    QFile pdf(pdfPath);
    if (!pdf.open(QIODevice::ReadOnly)) {
        *error = tr("The PDF could not be laid out: %1").arg(pdf.errorString());
        return std::nullopt;
    }
    return pdf.readAll();
}

QString TranscriptExport::renderAndWrite(const QByteArray &document, Format format,
                                         const QString &path)
{
    QString error;
    const auto bytes = render(document, format, &error);
    if (!bytes)
        return error;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), why);
    }
    return {};
}

TranscriptExport::TranscriptExport(ChatSession &session, QWidget *dialogParent)
    : QObject(dialogParent), m_session(session), m_dialogParent(dialogParent)
{
    m_chooser = [this](const QString &suggested, std::function<void(const QString &)> chosen) {
        chooseWithDialog(suggested, std::move(chosen));
    };
    RelayClient &client = session.client();
    connect(&client, &RelayClient::transcriptLoaded, this, &TranscriptExport::onLoaded);
    connect(&client, &RelayClient::transcriptFailed, this, &TranscriptExport::onFailed);
    connect(&m_work, &QFutureWatcher<QString>::finished, this,
            [this]() { finish(m_work.result()); });
}

std::optional<Format> TranscriptExport::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("htm"))
        return Format::Html;
    return relay::TranscriptRenderer::formatFromString(suffix);
}

void TranscriptExport::start()
{
    if (m_busy)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        QStringLiteral("consultation-%1-%2.pdf")
            .arg(m_session.roomId().right(8),
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd")));
    m_chooser(QDir(folder).filePath(name), [this](const QString &path) {
        if (!path.isEmpty())
            exportTo(path);
    });
}

void TranscriptExport::chooseWithDialog(const QString &suggested,
                                        std::function<void(const QString &)> chosen)
{
    const QString pdf = tr("PDF document (*.pdf)");
    const QString html = tr("Web page (*.html *.htm)");
    const QString json = tr("JSON for other systems (*.json)");
    auto *dialog = new QFileDialog(m_dialogParent, tr("Export consultation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({pdf, html, json});
    dialog->selectFile(suggested);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    // The filter chosen decides the suffix of a name typed without one.
    connect(dialog, &QFileDialog::filterSelected, dialog, [=](const QString &filter) {
        dialog->setDefaultSuffix(filter == json   ? QStringLiteral("json")
                                 : filter == html ? QStringLiteral("html")
                                                  : QStringLiteral("pdf"));
    });
    connect(dialog, &QFileDialog::fileSelected, this, chosen);
    dialog->open();
}

void TranscriptExport::exportTo(const QString &path)
{
    if (m_busy)
        return;
    const auto format = formatOf(path);
    if (!format) {
        emit failed(tr("Choose a name ending in .pdf, .html or .json: %1")
                        .arg(QDir::toNativeSeparators(path)));
        return;
    }
    m_path = path;
    m_format = *format;
    setBusy(true);
    m_session.client().fetchTranscript(m_session.roomId());
}

void TranscriptExport::onLoaded(const QString &roomId, const QByteArray &document)
{
    if (!m_busy || roomId != m_session.roomId() || m_work.isRunning())
        return;
    m_work.setFuture(
        QtConcurrent::run(&TranscriptExport::renderAndWrite, document, m_format, m_path));
}

void TranscriptExport::onFailed(const QString &roomId, const QString &detail)
{
    if (!m_busy || roomId != m_session.roomId() || m_work.isRunning())
        return;
    finish(tr("The relay did not give the transcript: %1").arg(detail));
}

void TranscriptExport::finish(const QString &error)
{
    setBusy(false);
    if (error.isEmpty())
        emit finished(m_path);
    else
        emit failed(error);
}

void TranscriptExport::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace medtranslate::console
