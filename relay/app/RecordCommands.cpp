#include "app/RecordCommands.h"

#include "attachments/BlobStore.h"
#include "attachments/BlobStoreFactory.h"
#include "records/RetentionPurge.h"
#include "records/StatsReport.h"
#include "records/TranscriptLoader.h"
#include "storage/Store.h"
#include "transcript/TranscriptRenderer.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {

//! Longest an admin command waits for the database and the attachment store.
constexpr int kCommandTimeoutMs = 10 * 60 * 1000;

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

//! --since as the reports compare it (with milliseconds, so nothing of its first second is
//! left out); empty for everything.
QString sinceOf(const RelayOptions &options)
{
    return options.auditSince.isValid() ? options.auditSince.toUTC().toString(Qt::ISODateWithMs)
                                        : QString();
}

//! Runs the event loop until `finish` is called or the deadline passes; false on timeout.
bool runUntilDone(const std::function<void(std::function<void()> finish)> &start)
{
    QEventLoop loop;
    bool done = false;
    start([&loop, &done]() {
        done = true;
        loop.quit();
    });
    if (!done) {
        QTimer::singleShot(kCommandTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done;
}

//! Runs one store job to its end: its value, or nothing with the reason printed to `err`.
template <typename T>
std::optional<T> askStore(const std::function<void(Store::Done<T>)> &start, QTextStream &err)
{
    std::optional<Result<T>> result;
    const bool finished = runUntilDone([&](std::function<void()> finish) {
        start([&result, finish](Result<T> r) {
            result.emplace(std::move(r));
            finish();
        });
    });
    if (!finished || !result->ok()) {
        err << "error: "
            << (finished ? result->error().message
                         : QStringLiteral("the database did not answer in time"))
            << Qt::endl;
        return std::nullopt;
    }
    return std::move(*result).value();
}

bool writeOutput(const QString &path, const QByteArray &bytes, QString *error)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
            *error = QStringLiteral("cannot write to standard output");
            return false;
        }
        return true;
    }
    // All or nothing: a transcript cut short by a full disk must not look complete.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool openStore(Store &store, QTextStream &err)
{
    if (const auto opened = store.openBlocking(); !opened.ok()) {
        err << "error: " << opened.error().message << Qt::endl;
        return false;
    }
    return true;
}

void auditBlocking(Store &store, AuditEntry entry, QTextStream &err)
{
    QObject context;
    const bool finished = runUntilDone([&](std::function<void()> finish) {
        store.appendAudit(std::move(entry), &context, [&err, finish](Result<void> written) {
            if (!written.ok())
                err << "warning: not written to the audit log: " << written.error().message
                    << Qt::endl;
            finish();
        });
    });
    if (!finished)
        err << "warning: the audit log did not answer in time" << Qt::endl;
}

} // namespace

QString RecordCommands::commandActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    return QStringLiteral("admin:") + (user.isEmpty() ? QStringLiteral("unknown") : user);
}

bool RecordCommands::needsGui(int argc, char **argv)
{
    bool exporting = false;
    bool pdf = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--export" || arg == "--export-since" || arg.startsWith("--export=") ||
            arg.startsWith("--export-since="))
            exporting = true;
        if (arg == "--format=pdf" ||
            (arg == "--format" && i + 1 < argc && qstrcmp(argv[i + 1], "pdf") == 0))
            pdf = true;
    }
    return exporting && pdf;
}

int RecordCommands::exportTranscripts(const RelayOptions &options)
{
    QTextStream err(stderr);
    Store store(options.config.store);
    if (!openStore(store, err))
        return 1;
    TranscriptLoader loader(store);
    std::vector<Transcript> transcripts;
    QString failure;
    const bool finished = runUntilDone([&](std::function<void()> finish) {
        QObject::connect(&loader, &TranscriptLoader::loaded,
                         [&transcripts, finish](const std::vector<Transcript> &loaded) {
                             transcripts = loaded;
                             finish();
                         });
        QObject::connect(&loader, &TranscriptLoader::failed,
                         [&failure, finish](const QString &error) {
                             failure = error;
                             finish();
                         });
        if (!options.exportRoom.isEmpty())
            loader.loadRoom(options.exportRoom);
        else
            loader.loadCreatedBetween(iso(options.exportSince), options.exportUntil.isValid()
                                                                    ? iso(options.exportUntil)
                                                                    : QString());
    });
    if (!finished)
        failure = QStringLiteral("the database did not answer in time");
    if (!failure.isEmpty()) {
        err << "error: " << failure << Qt::endl;
        return 1;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto format = TranscriptRenderer::formatFromString(options.format);
    QString error;
    bool written = false;
    if (format == TranscriptRenderer::Format::Json)
        written = writeOutput(options.output, TranscriptRenderer::json(transcripts, now), &error);
    else if (format == TranscriptRenderer::Format::Html)
        written = writeOutput(options.output, TranscriptRenderer::html(transcripts, now).toUtf8(),
                              &error);
    else
        written = TranscriptRenderer::writePdf(TranscriptRenderer::html(transcripts, now),
                                               options.output, &error);
    if (!written) {
        err << "error: " << error << Qt::endl;
        return 1;
    }
    int messages = 0;
    for (const Transcript &t : transcripts)
        messages += int(t.messages.size());
    AuditEntry entry;
    entry.actor = commandActor();
    entry.action = QStringLiteral("export");
    entry.target = options.exportRoom.isEmpty()
                       ? QStringLiteral("since %1").arg(iso(options.exportSince))
                       : options.exportRoom;
    entry.detail = QStringLiteral("%1, %2 consultations, %3 messages")
                       .arg(options.format)
                       .arg(transcripts.size())
                       .arg(messages);
    entry.origin = QStringLiteral("command line");
    auditBlocking(store, entry, err);
    if (!options.output.isEmpty() && options.output != QLatin1String("-"))
        err << "exported " << transcripts.size() << " consultation(s), " << messages
            << " message(s) to " << options.output << Qt::endl;
    return 0;
}

int RecordCommands::purgeEnded(const RelayOptions &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Store store(options.config.store);
    if (!openStore(store, err))
        return 1;
    QString error;
    std::unique_ptr<BlobStore> blobs =
        BlobStoreFactory::create(options.config.attachments, options.config.store, &error);
    if (!blobs) {
        err << "error: the attachment store: " << error << Qt::endl;
        return 1;
    }
    RetentionPurge purge(store, blobs.get());
    RetentionPurge::Report report;
    const bool finished = runUntilDone([&](std::function<void()> finish) {
        QObject::connect(&purge, &RetentionPurge::finished,
                         [&report, finish](const RetentionPurge::Report &r) {
                             report = r;
                             finish();
                         });
        purge.run(options.purgeBefore, options.dryRun, commandActor(),
                  QStringLiteral("command line"));
    });
    if (!finished) {
        err << "error: the database or the attachment store did not answer in time" << Qt::endl;
        return 1;
    }
    out << (report.dryRun ? "would remove" : "removed") << ' ' << report.rooms.size()
        << " consultation(s) that ended before " << iso(options.purgeBefore) << ": "
        << report.messages << " message(s), " << report.attachments << " attachment(s) ("
        << report.attachmentBytes << " bytes)" << Qt::endl;
    for (const PurgeCandidate &room : report.rooms)
        out << "  " << room.roomId << "  " << room.patientLanguage << "  ended " << room.endedAt
            << "  " << room.messages << " messages, " << room.attachments << " attachments"
            << Qt::endl;
    for (const QString &problem : std::as_const(report.problems))
        err << "error: " << problem << Qt::endl;
    return report.problems.isEmpty() ? 0 : 1;
}

int RecordCommands::printAudit(const RelayOptions &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Store store(options.config.store);
    if (!openStore(store, err))
        return 1;
    QObject context;
    const QString since = sinceOf(options);
    const auto entries = askStore<std::vector<AuditEntry>>(
        [&](Store::Done<std::vector<AuditEntry>> done) {
            store.audit(since, 1'000'000, &context, std::move(done));
        },
        err);
    if (!entries)
        return 1;
    if (options.format == QLatin1String("json")) {
        nlohmann::json list = nlohmann::json::array();
        for (const AuditEntry &e : *entries)
            list.push_back({{"at", e.at.toStdString()},
                            {"actor", e.actor.toStdString()},
                            {"action", e.action.toStdString()},
                            {"target", e.target.toStdString()},
                            {"detail", e.detail.toStdString()},
                            {"origin", e.origin.toStdString()}});
        out << QString::fromStdString(list.dump(2)) << Qt::endl;
        return 0;
    }
    out << "time\tactor\taction\ttarget\tdetail\torigin" << Qt::endl;
    for (const AuditEntry &e : *entries)
        out << e.at << '\t' << e.actor << '\t' << e.action << '\t' << e.target << '\t' << e.detail
            << '\t' << e.origin << Qt::endl;
    return 0;
}

int RecordCommands::printWebhookLog(const RelayOptions &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Store store(options.config.store);
    if (!openStore(store, err))
        return 1;
    QObject context;
    const QString since = sinceOf(options);
    const auto log = askStore<WebhookLog>(
        [&](Store::Done<WebhookLog> done) {
            store.webhookLog(since, 1'000'000, &context, std::move(done));
        },
        err);
    if (!log)
        return 1;
    if (options.format == QLatin1String("json")) {
        nlohmann::json attempts = nlohmann::json::array();
        for (const WebhookLogEntry &e : log->attempts)
            attempts.push_back({{"attempted_at", e.attemptedAt.toStdString()},
                                {"event_id", e.eventId.toStdString()},
                                {"event", e.event.toStdString()},
                                {"room", e.roomId.toStdString()},
                                {"attempt", e.attempt},
                                {"delivered", e.delivered},
                                {"status", e.status},
                                {"error", e.error.toStdString()},
                                {"duration_ms", e.durationMs}});
        const nlohmann::json report = {
            {"attempts", attempts},
            {"pending",
             {{"events", log->pending}, {"oldest_at", log->oldestPendingAt.toStdString()}}}};
        out << QString::fromStdString(report.dump(2)) << Qt::endl;
        return 0;
    }
    out << "time\tevent id\tevent\troom\tattempt\toutcome\tstatus\tms\terror" << Qt::endl;
    for (const WebhookLogEntry &e : log->attempts)
        out << e.attemptedAt << '\t' << e.eventId << '\t' << e.event << '\t' << e.roomId << '\t'
            << e.attempt << '\t' << (e.delivered ? "delivered" : "failed") << '\t' << e.status
            << '\t' << e.durationMs << '\t' << e.error << Qt::endl;
    out << "waiting: " << log->pending << " events";
    if (!log->oldestPendingAt.isEmpty())
        out << ", the oldest from " << log->oldestPendingAt;
    out << Qt::endl;
    return 0;
}

int RecordCommands::verifyChains(const RelayOptions &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    Store store(options.config.store);
    if (!openStore(store, err))
        return 1;
    QObject context;
    std::vector<QString> rooms;
    if (!options.verifyRoom.isEmpty()) {
        rooms.push_back(options.verifyRoom);
    } else {
        auto listed = askStore<std::vector<QString>>(
            [&](Store::Done<std::vector<QString>> done) {
                store.chainRooms(&context, std::move(done));
            },
            err);
        if (!listed)
            return 1;
        rooms = std::move(*listed);
    }
    // One room at a time: each check is one snapshot, short beside a running relay.
    int broken = 0;
    qint64 links = 0;
    QString firstBreak;
    for (const QString &roomId : rooms) {
        const auto checked = askStore<ChainCheck>(
            [&](Store::Done<ChainCheck> done) {
                store.verifyChain(roomId, &context, std::move(done));
            },
            err);
        if (!checked)
            return 1;
        const ChainCheck &check = *checked;
        links += check.links;
        if (!check.broken) {
            out << "room " << check.roomId << ": OK, " << check.links << " links";
            if (!check.headHash.isEmpty())
                out << ", head " << check.headHash;
            out << Qt::endl;
            continue;
        }
        const ChainBreak &b = *check.broken;
        QString where = QStringLiteral("link %1").arg(b.link);
        if (b.seq > 0)
            where += QStringLiteral(", seq %1").arg(b.seq);
        out << "room " << check.roomId << ": BROKEN at " << where << ": " << b.reason << Qt::endl;
        if (++broken == 1)
            firstBreak = QStringLiteral("%1 at %2: %3").arg(check.roomId, where, b.reason);
    }
    out << "verified " << rooms.size() << " consultation(s), " << links << " link(s): "
        << (broken == 0 ? QStringLiteral("all intact") : QStringLiteral("%1 broken").arg(broken))
        << Qt::endl;
    AuditEntry entry;
    entry.actor = commandActor();
    entry.action = QStringLiteral("verify");
    entry.target = options.verifyRoom.isEmpty() ? QStringLiteral("all") : options.verifyRoom;
    entry.detail =
        QStringLiteral("%1 consultations, %2 links, ").arg(rooms.size()).arg(links) +
        (broken == 0 ? QStringLiteral("intact")
                     : QStringLiteral("%1 broken, first %2").arg(broken).arg(firstBreak));
    entry.origin = QStringLiteral("command line");
    auditBlocking(store, entry, err);
    return broken == 0 ? 0 : 1;
}

int RecordCommands::printStats(const RelayOptions &options)
{
    QTextStream err(stderr);
    Store store(options.config.store);
    if (!openStore(store, err))
        return 1;
    QObject context;
    // Rooms store their creation time as ISO 8601 UTC to the second, so compare in that form.
    // Shown in the report as given, to the second.
    const QString since = options.auditSince.isValid() ? iso(options.auditSince) : QString();
    const auto rows = askStore<StatsRows>(
        [&](Store::Done<StatsRows> done) { store.statsRows(since, &context, std::move(done)); },
        err);
    if (!rows)
        return 1;
    const ConsultationStats stats = StatsReport::compute(*rows, since);
    const QByteArray bytes = options.format == QLatin1String("json")
                                 ? StatsReport::json(stats)
                                 : StatsReport::text(stats).toUtf8();
    QString error;
    if (!writeOutput(QString(), bytes, &error)) {
        err << "error: " << error << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace medtranslate::relay
