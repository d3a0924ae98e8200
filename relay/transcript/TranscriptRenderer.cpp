#include "transcript/TranscriptRenderer.h"

#include "medtranslate/Language.h"
#include "transcript/TranscriptJson.h"

#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace medtranslate::relay {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString esc(const std::string &s)
{
    return esc(qs(s));
}

QString languageName(const std::string &code)
{
    if (const auto language = findLanguage(code))
        return QStringLiteral("%1 (%2)").arg(qs(language->nativeName), qs(code));
    return qs(code);
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
    if (bytes >= 1024)
        return QStringLiteral("%1 KB").arg((bytes + 512) / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString senderText(const protocol::Message &m)
{
    switch (m.sender) {
    case protocol::Sender::Patient:
        return QStringLiteral("환자 Patient");
    case protocol::Sender::Agent:
        return QStringLiteral("상담사 Counselor") +
               (m.senderName.empty() ? QString() : QStringLiteral("<br>") + esc(m.senderName));
    case protocol::Sender::System:
        break;
    }
    return QStringLiteral("시스템 System");
}

//! Who translated, in the record's words: a template or vetted phrase says `vetted`.
QString translatedBy(const protocol::Translation &t)
{
    using S = protocol::TranslationStatus;
    switch (t.status) {
    case S::Vetted:
        return QStringLiteral("vetted");
    case S::Unavailable:
        return QStringLiteral("not translated (unavailable)");
    case S::Pending:
        return QStringLiteral("not translated yet (pending)");
    default:
        break;
    }
    QString by = t.provider.empty() ? QStringLiteral("unknown provider") : qs(t.provider);
    if (t.status != S::Ok)
        by += QStringLiteral(" (%1)").arg(qs(protocol::toString(t.status)));
    return by;
}

QString attachmentText(const protocol::Attachment &a)
{
    QString text = QStringLiteral("📎 <b>%1</b><br><span class=\"small\">%2, %3")
                       .arg(esc(a.name), esc(a.type), sizeText(a.size));
    if (a.width > 0 && a.height > 0)
        text += QStringLiteral(", %1×%2 px").arg(a.width).arg(a.height);
    if (!a.sha256.empty())
        text += QStringLiteral("<br>SHA-256 %1").arg(esc(a.sha256));
    return text + QStringLiteral("</span>");
}

const char *kStyle = R"(
body { font-family: "Noto Sans CJK KR", "Noto Sans", "Noto Sans Thai", "Loma", sans-serif;
       font-size: 10pt; color: #111; margin: 20px; }
h1 { font-size: 15pt; margin: 0 0 4px 0; }
h2 { font-size: 12.5pt; margin: 18px 0 6px 0; }
.small { color: #555; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; }
table.meta td { padding: 1px 14px 1px 0; border: none; }
table.t th, table.t td { border: 1px solid #b8bec8; padding: 4px 6px; vertical-align: top;
                         text-align: left; }
table.t th { background: #e9eef6; }
tr.system td { background: #f4f4f4; color: #444; }
.warn { color: #a30000; font-weight: bold; }
@media print { body { margin: 0; } tr { page-break-inside: avoid; } }
)";

} // namespace

std::optional<TranscriptRenderer::Format> TranscriptRenderer::formatFromString(const QString &name)
{
    if (name == QLatin1String("json"))
        return Format::Json;
    if (name == QLatin1String("html"))
        return Format::Html;
    if (name == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString TranscriptRenderer::describe(const protocol::TranslationWarning &w)
{
    using K = protocol::TranslationWarning::Kind;
    const QString source = qs(w.source);
    const QString translation = qs(w.translation);
    switch (w.kind) {
    case K::NumberMismatch:
        return translation.isEmpty()
                   ? QStringLiteral("number %1 missing from the translation").arg(source)
                   : QStringLiteral("number %1 became %2").arg(source, translation);
    case K::UnitMismatch:
        return QStringLiteral("unit changed: %1 became %2").arg(source, translation);
    case K::GlossaryMissing:
        return QStringLiteral("medical term %1 without its approved translation %2")
            .arg(source, qs(w.expected));
    case K::TimeMismatch:
        return QStringLiteral("time of day changed: %1 became %2").arg(source, translation);
    case K::NegationMismatch:
        return QStringLiteral("a negation was dropped or added");
    case K::UnclearTerm:
        return QStringLiteral("the translator was unsure what %1 means").arg(source);
    case K::DntMissing:
        return QStringLiteral("name %1 did not come back as written").arg(source);
    case K::PlaceholderMissing:
        return QStringLiteral("masked personal data did not come back");
    case K::DeadlineExceeded:
        return QStringLiteral("not translated in time");
    case K::NoVettedTranslation:
        return QStringLiteral("no vetted translation (offline)");
    case K::ProvidersFailed:
        return QStringLiteral("every translation service failed");
    case K::Overloaded:
        return QStringLiteral("translation overloaded");
    case K::Other:
        break;
    }
    return source.isEmpty() ? qs(w.kindName) : QStringLiteral("%1: %2").arg(qs(w.kindName), source);
}

QByteArray TranscriptRenderer::json(const std::vector<Transcript> &transcripts,
                                    const QDateTime &exportedAt)
{
    return TranscriptJson::write(transcripts, exportedAt);
}

QString TranscriptRenderer::html(const std::vector<Transcript> &transcripts,
                                 const QDateTime &exportedAt)
{
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\">"
                        "<title>MedTranslate 상담 기록 · Consultation record</title><style>");
    h += QString::fromUtf8(kStyle);
    h += QStringLiteral(
             "</style></head><body>\n<h1>MedTranslate 상담 기록 · Consultation record</h1>"
             "<p class=\"small\">Exported %1 UTC · %2 consultation(s) · times in UTC</p>\n")
             .arg(exportedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
             .arg(transcripts.size());
    for (const Transcript &t : transcripts) {
        const protocol::Room &room = t.room;
        h += QStringLiteral("<h2>상담 Consultation %1</h2>\n<table class=\"meta\">")
                 .arg(esc(room.roomId));
        const auto meta = [&h](const QString &label, const QString &value) {
            h += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(label, value);
        };
        meta(QStringLiteral("환자 언어 Patient language"), esc(languageName(room.patientLanguage)));
        meta(QStringLiteral("상태 Status"), esc(qs(protocol::toString(room.status))));
        if (room.agent)
            meta(QStringLiteral("담당 상담사 Counselor"),
                 QStringLiteral("%1 (%2)").arg(esc(room.agent->name), esc(room.agent->id)));
        meta(QStringLiteral("시작 Opened"), esc(room.createdAt));
        if (!t.endedAt.isEmpty())
            meta(QStringLiteral("종료 Ended"), esc(t.endedAt));
        meta(QStringLiteral("메시지 Messages"), QString::number(t.messages.size()));
        h += QStringLiteral(
            "</table>\n<table class=\"t\"><thead><tr><th>#</th><th>시각 Time</th>"
            "<th>보낸 사람 Sender</th><th>원문 Original</th><th>번역 Translation</th>"
            "<th>번역 정보 Translated by · warnings</th></tr></thead><tbody>\n");
        for (const protocol::Message &m : t.messages) {
            const bool system = m.sender == protocol::Sender::System;
            QString original;
            if (m.attachment)
                original = attachmentText(*m.attachment);
            else
                original = esc(m.text) + QStringLiteral("<br><span class=\"small\">%1</span>")
                                             .arg(esc(languageName(m.lang)));
            QString translation;
            if (m.attachment) {
                translation = QStringLiteral("<span class=\"small\">file, not translated</span>");
            } else if (!m.translation.text.empty()) {
                translation =
                    esc(m.translation.text) + QStringLiteral("<br><span class=\"small\">%1</span>")
                                                  .arg(esc(languageName(m.translation.lang)));
            }
            QString by = m.attachment ? QString() : esc(translatedBy(m.translation));
            if (!m.templateId.empty())
                by += QStringLiteral("<br><span class=\"small\">template %1</span>")
                          .arg(esc(m.templateId));
            for (const auto &w : m.translation.typedWarnings())
                by += QStringLiteral("<br><span class=\"warn\">⚠ %1</span>").arg(esc(describe(w)));
            h += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                                "<td>%7</td></tr>\n")
                     .arg(system ? QStringLiteral(" class=\"system\"") : QString())
                     .arg(m.seq)
                     .arg(esc(m.createdAt), senderText(m), original, translation, by);
        }
        h += QStringLiteral("</tbody></table>\n");
        QStringList files;
        for (const protocol::Message &m : t.messages) {
            if (m.attachment)
                files << QStringLiteral("<li>#%1 %2</li>")
                             .arg(m.seq)
                             .arg(attachmentText(*m.attachment));
        }
        if (!files.isEmpty())
            h += QStringLiteral("<p><b>첨부 파일 Attachments</b></p><ul>%1</ul>\n")
                     .arg(files.join(QString()));
    }
    h += QStringLiteral("</body></html>\n");
    return h;
}

bool TranscriptRenderer::writePdf(const QString &html, const QString &path, QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("PDF needs the relay's graphical text layout (QGuiApplication)");
        return false;
    }
    {
        // QPdfWriter says nothing when it cannot write: find out first, and empty an old file
        // so that a failure cannot pass for success.
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("cannot write %1: %2").arg(path, probe.errorString());
            return false;
        }
    }
    QPdfWriter writer(path);
    writer.setTitle(QStringLiteral("MedTranslate consultation record"));
    writer.setCreator(QStringLiteral("MedTranslate relay"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    writer.setResolution(300);
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("Noto Sans CJK KR"), 9));
    document.setHtml(html);
    document.print(&writer);
    const QFileInfo written(path);
    if (!written.exists() || written.size() == 0) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace medtranslate::relay
