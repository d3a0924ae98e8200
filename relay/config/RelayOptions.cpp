#include "config/RelayOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace medtranslate::relay {

namespace {

//! One setting: its flag, its environment variable and its key in the config file.
struct Setting
{
    const char *flag;
    const char *env;
    const char *fileKey; //!< dotted path into the JSON file, e.g. "translation.deadline_ms"
    const char *valueName;
    const char *help;
};

const Setting kSettings[] = {
    {"listen", "MEDTRANSLATE_LISTEN", "listen", "host:port",
     "Address to serve HTTP and WebSocket on (default 127.0.0.1:8080; port 0 picks a free one)."},
    {"db", "MEDTRANSLATE_DB", "db", "path",
     "SQLite file, or the PostgreSQL database name (default var/medtranslate.db)."},
    {"db-driver", "MEDTRANSLATE_DB_DRIVER", "db_driver", "sqlite|postgres",
     "Database driver (default sqlite)."},
    {"db-host", "MEDTRANSLATE_DB_HOST", "db_host", "host", "PostgreSQL host."},
    {"db-port", "MEDTRANSLATE_DB_PORT", "db_port", "port", "PostgreSQL port (default 5432)."},
    {"db-user", "MEDTRANSLATE_DB_USER", "db_user", "user",
     "PostgreSQL user; the password comes from MEDTRANSLATE_DB_PASSWORD or the config file."},
    {"resources", "MEDTRANSLATE_RESOURCES", "resources", "dir",
     "Folder with glossary/, phrases/, templates/, red-flags/ and desk/ (default: "
     "share/medtranslate/resources of the installation, else the source tree)."},
    {"emergency-department", "MEDTRANSLATE_EMERGENCY_DEPARTMENT", "emergency_department", "name",
     "The hospital's emergency department as a patient with a red flag is told to go to, in "
     "every language (default: the wording of resources/red-flags/reply.tsv, e.g. \"our "
     "hospital's emergency department\")."},
    {"emergency-phone", "MEDTRANSLATE_EMERGENCY_PHONE", "emergency_phone", "number",
     "The emergency department's phone number, added to that message (default: none; 119 is "
     "always given)."},
    {"desk-hours", "MEDTRANSLATE_DESK_HOURS", "desk.hours", "file",
     "The desk's opening hours: JSON with time_zone, weekly ranges and holidays (docs/desk.md; "
     "default: desk/hours.json of --resources, open around the clock). Outside them a patient "
     "is told when the desk opens and may leave contact details."},
    {"prechat", "MEDTRANSLATE_PRECHAT", "desk.prechat", "file",
     "Which pre-chat fields (name, contact, reason) the widget asks before the first message: "
     "JSON, each off, optional or required (default: desk/prechat.json of --resources, all "
     "off)."},
    {"unattended-notice", "MEDTRANSLATE_UNATTENDED_NOTICE", "desk.unattended_notice", "on|off",
     "Within opening hours, tell a patient whose consultation opens while no counselor is "
     "online that nobody can answer now, that 119 is the emergency number and that they may "
     "leave contact details (default on)."},
    {"widget-dir", "MEDTRANSLATE_WIDGET_DIR", "widget_dir", "dir",
     "Folder with the patient widget files (default: share/medtranslate/widget of the "
     "installation, else the source tree)."},
    {"allowed-origins", "MEDTRANSLATE_ALLOWED_ORIGINS", "allowed_origins", "list",
     "Comma-separated hospital sites allowed to embed the chat (default: any)."},
    {"public-url", "MEDTRANSLATE_PUBLIC_URL", "public_url", "list",
     "Comma-separated addresses browsers reach the relay at, e.g. https://chat.hospital.example "
     "behind a proxy; its own pages there may open consultations (the listen address always "
     "may)."},
    {"admin-listen", "MEDTRANSLATE_ADMIN_LISTEN", "admin_listen", "host:port|off",
     "Where /metrics and the detailed /health are served (default 127.0.0.1 and the port after "
     "--listen's; off: nowhere). On the main port they answer only with the token in "
     "MEDTRANSLATE_ADMIN_TOKEN; the public /health says just ok or degraded."},
    {"health-db-slow-ms", "MEDTRANSLATE_HEALTH_DB_SLOW_MS", "health_db_slow_ms", "ms",
     "/health reports degraded (200, reason database_slow) when its database query or the last "
     "group commit took longer than this (default 1000)."},
    {"tls-cert", "MEDTRANSLATE_TLS_CERT", "tls_cert", "file",
     "PEM certificate; with --tls-key turns on HTTPS/WSS."},
    {"tls-key", "MEDTRANSLATE_TLS_KEY", "tls_key", "file", "PEM private key."},
    {"providers", "MEDTRANSLATE_PROVIDERS", "translation.providers", "list",
     "Translation providers in fallback order: anthropic, openai, deepl (default: those with a "
     "key)."},
    {"translation-deadline-ms", "MEDTRANSLATE_TRANSLATION_DEADLINE_MS", "translation.deadline_ms",
     "ms", "Time after which a translation is reported unavailable (default 15000)."},
    {"max-pending-translations", "MEDTRANSLATE_MAX_PENDING_TRANSLATIONS", "translation.max_pending",
     "n",
     "Translations that may wait for a provider at once; past it the oldest is reported "
     "unavailable with the warning overloaded (default 20000, 0: no limit)."},
    {"retranslate-after-ms", "MEDTRANSLATE_RETRANSLATE_AFTER_MS",
     "translation.retranslate_after_ms", "ms",
     "A message left untranslated because the providers failed is translated again after about "
     "this long, then three times longer each time up to 5 minutes (default 5000, 0: only when "
     "an agent asks)."},
    {"retranslate-attempts", "MEDTRANSLATE_RETRANSLATE_ATTEMPTS",
     "translation.retranslate_attempts", "n",
     "Automatic re-translations of one message before it is left to the agent (default 10)."},
    {"provider-timeout-ms", "MEDTRANSLATE_PROVIDER_TIMEOUT_MS", "translation.timeout_ms", "ms",
     "Timeout of one provider call, from when it is sent (default 10000)."},
    {"provider-concurrency", "MEDTRANSLATE_PROVIDER_CONCURRENCY", "translation.concurrency", "n",
     "Calls in flight at once per provider; more wait their turn without counting as failures "
     "(default 32)."},
    {"provider-retries", "MEDTRANSLATE_PROVIDER_RETRIES", "translation.retries", "n",
     "Extra calls to a provider that answered 429 or 5xx, honouring Retry-After (default 2)."},
    {"breaker-threshold", "MEDTRANSLATE_BREAKER_THRESHOLD", "translation.breaker_threshold", "n",
     "Failures in a row after which a provider is skipped for a while (default 3)."},
    {"breaker-cooldown-ms", "MEDTRANSLATE_BREAKER_COOLDOWN_MS", "translation.breaker_cooldown_ms",
     "ms", "How long a failing provider is skipped (default 30000)."},
    {"cache-ttl-days", "MEDTRANSLATE_CACHE_TTL_DAYS", "translation.cache_ttl_days", "days",
     "How long provider translations are reused; 0 turns the cache off (default 30)."},
    {"cache-memory-entries", "MEDTRANSLATE_CACHE_MEMORY_ENTRIES",
     "translation.cache_memory_entries", "n",
     "Translations kept in memory for instant answers (default 10000)."},
    {"hello-timeout-ms", "MEDTRANSLATE_HELLO_TIMEOUT_MS", "hello_timeout_ms", "ms",
     "Time a new connection has to send hello (default 10000)."},
    {"max-frame-bytes", "MEDTRANSLATE_MAX_FRAME_BYTES", "max_frame_bytes", "bytes",
     "Largest WebSocket frame accepted (default 65536)."},
    {"max-text-chars", "MEDTRANSLATE_MAX_TEXT_CHARS", "max_text_chars", "n",
     "Longest message text accepted (default 4000)."},
    {"ping-interval-ms", "MEDTRANSLATE_PING_INTERVAL_MS", "ping_interval_ms", "ms",
     "How often each connection is pinged; one silent for two rounds is dropped; 0 turns it "
     "off (default 25000)."},
    {"login-attempts", "MEDTRANSLATE_LOGIN_ATTEMPTS", "login_attempts", "n",
     "Failed logins one username may make from one address in 15 minutes before that pair "
     "is locked (429) for a minute, twice as long at each further lockout; one address gets 5x "
     "that over all usernames; 0 turns it off (default 5)."},
    {"rooms-per-address", "MEDTRANSLATE_ROOMS_PER_ADDRESS", "rooms_per_address", "n",
     "Consultations one address may open in 10 minutes; 0 turns it off (default 30; raise it "
     "behind a reverse proxy)."},
    {"max-connections", "MEDTRANSLATE_MAX_CONNECTIONS", "max_connections", "n",
     "Connections (HTTP and WebSocket) held at once; more are answered 503 and closed; 0: as "
     "many as open files allow (default 19500)."},
    {"max-connections-per-address", "MEDTRANSLATE_MAX_CONNECTIONS_PER_ADDRESS",
     "max_connections_per_address", "n",
     "Connections held at once from one client address; 0 turns it off (default 256; raise it "
     "behind a reverse proxy)."},
    {"http-header-timeout-ms", "MEDTRANSLATE_HTTP_HEADER_TIMEOUT_MS", "http_header_timeout_ms",
     "ms",
     "Time a request's line and headers have to arrive, else 408 and close (default "
     "10000)."},
    {"http-body-timeout-ms", "MEDTRANSLATE_HTTP_BODY_TIMEOUT_MS", "http_body_timeout_ms", "ms",
     "Time a request body has to arrive after its headers (default 30000)."},
    {"http-idle-timeout-ms", "MEDTRANSLATE_HTTP_IDLE_TIMEOUT_MS", "http_idle_timeout_ms", "ms",
     "Time a kept-alive HTTP connection may stay idle between requests (default 60000)."},
    {"max-body-bytes", "MEDTRANSLATE_MAX_BODY_BYTES", "max_body_bytes", "bytes",
     "Largest HTTP request body; a larger Content-Length is refused with 413 before the body "
     "is read (default 65536)."},
    {"patient-token-ttl-h", "MEDTRANSLATE_PATIENT_TOKEN_TTL_H", "patient_token_ttl_h", "hours",
     "How long a patient token opens its consultation after it was created; 0: no expiry "
     "(default 72)."},
    {"ended-read-only-s", "MEDTRANSLATE_ENDED_READ_ONLY_S", "ended_read_only_s", "seconds",
     "How long a patient may still read a consultation after it ended; then the token opens "
     "nothing (default 900)."},
    {"room-messages-per-minute", "MEDTRANSLATE_ROOM_MESSAGES_PER_MINUTE",
     "room_messages_per_minute", "n",
     "Messages one side of a consultation may send per minute over all its connections; 0 "
     "turns it off (default 30)."},
    {"room-translation-chars", "MEDTRANSLATE_ROOM_TRANSLATION_CHARS", "room_translation_chars", "n",
     "Characters per hour one consultation may send for machine translation; 0 turns it "
     "off (default 20000)."},
    {"address-translation-chars", "MEDTRANSLATE_ADDRESS_TRANSLATION_CHARS",
     "address_translation_chars", "n",
     "Characters per hour patients at one address may send for machine translation; 0 turns "
     "it off (default 100000; raise it behind a reverse proxy)."},
    {"retention-days", "MEDTRANSLATE_RETENTION_DAYS", "retention_days", "days",
     "Remove ended consultations, their attachments included, this many days after they end, "
     "checked every hour (an audit entry stays for each); 0 keeps everything (default)."},
    {"attachment-store", "MEDTRANSLATE_ATTACHMENT_STORE", "attachments.store", "local|s3",
     "Where attachment files are kept: a local folder (default) or an S3-compatible bucket "
     "(shared by several relays)."},
    {"attachment-dir", "MEDTRANSLATE_ATTACHMENT_DIR", "attachments.dir", "path",
     "The local attachment folder (default: 'attachments' beside the SQLite database)."},
    {"max-attachment-bytes", "MEDTRANSLATE_MAX_ATTACHMENT_BYTES", "attachments.max_bytes", "bytes",
     "Largest file a patient or counselor may send (default 10485760, 10 MiB)."},
    {"max-image-pixels", "MEDTRANSLATE_MAX_IMAGE_PIXELS", "attachments.max_image_pixels", "n",
     "Images with more pixels are refused before they are decoded (default 40000000)."},
    {"s3-endpoint", "MEDTRANSLATE_S3_ENDPOINT", "attachments.s3.endpoint", "url",
     "S3-compatible endpoint, e.g. https://s3.ap-northeast-2.amazonaws.com; the secret key "
     "comes from MEDTRANSLATE_S3_SECRET_ACCESS_KEY or the config file, never a flag."},
    {"s3-bucket", "MEDTRANSLATE_S3_BUCKET", "attachments.s3.bucket", "name",
     "S3 bucket for attachments."},
    {"s3-region", "MEDTRANSLATE_S3_REGION", "attachments.s3.region", "region",
     "S3 region that signs the requests (default us-east-1)."},
    {"s3-prefix", "MEDTRANSLATE_S3_PREFIX", "attachments.s3.prefix", "text",
     "Prefix of every object key in the bucket, e.g. medtranslate/."},
    {"s3-access-key-id", "MEDTRANSLATE_S3_ACCESS_KEY_ID", "attachments.s3.access_key_id", "id",
     "S3 access key id."},
    {"account-check-ms", "MEDTRANSLATE_ACCOUNT_CHECK_MS", "account_check_ms", "ms",
     "How often a serving relay looks for account changes made beside it (--disable-agent, "
     "--reset-password, --set-agent): one single-row read; within about this time a disabled "
     "agent's connections are closed and its consultations go back to the queue (default "
     "1000)."},
    {"webhook-url", "MEDTRANSLATE_WEBHOOK_URL", "webhooks.url", "url",
     "http(s) address the hospital's system receives consultation.created, message.created and "
     "consultation.ended at, signed with HMAC-SHA256 (docs/webhooks.md); the secret comes from "
     "--webhook-secret-file or MEDTRANSLATE_WEBHOOK_SECRET, never a flag."},
    {"webhook-secret-file", "MEDTRANSLATE_WEBHOOK_SECRET_FILE", "webhooks.secret_file", "file",
     "File holding the webhook signing secret (surrounding whitespace ignored)."},
    {"webhook-timeout-ms", "MEDTRANSLATE_WEBHOOK_TIMEOUT_MS", "webhooks.timeout_ms", "ms",
     "How long one webhook delivery attempt may take (default 10000)."},
    {"webhook-backoff-ms", "MEDTRANSLATE_WEBHOOK_BACKOFF_MS", "webhooks.backoff_ms", "ms",
     "Wait before the first retry of a failed delivery, doubling each time (default 1000)."},
    {"webhook-backoff-cap-ms", "MEDTRANSLATE_WEBHOOK_BACKOFF_CAP_MS", "webhooks.backoff_cap_ms",
     "ms", "Longest wait between retries of a failed delivery (default 300000)."},
    {"routing", "MEDTRANSLATE_ROUTING", "routing", "manual|auto",
     "auto: a new consultation goes to the online, available counselor who reads the patient's "
     "language with the fewest active chats (below their --agent-max-chats, 5 when unset), "
     "ties to the one idle longest; manual: counselors accept from the queue (default auto)."},
    {"agent-grace-s", "MEDTRANSLATE_AGENT_GRACE_S", "agent_grace_s", "seconds",
     "A counselor whose last connection dropped keeps their chats this long, then they go back "
     "to the queue, first in line, with a notice to the patient; 0 keeps them (default 60)."},
    {"rate-limit", "MEDTRANSLATE_RATE_LIMIT", "rate_limit", "frames/s",
     "Frames per second one connection may send on average, with a burst of twice that (default "
     "20)."},
};

QJsonValue fileValue(const QJsonObject &root, const QString &dotted)
{
    QJsonValue value = root;
    for (const QString &part : dotted.split(QLatin1Char('.'))) {
        if (!value.isObject())
            return {};
        value = value.toObject().value(part);
    }
    return value;
}

QString jsonToString(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const auto &item : value.toArray())
            parts << item.toVariant().toString();
        return parts.join(QLatin1Char(','));
    }
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return value.toVariant().toString();
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    return items;
}

//! Finds a folder shipped with the project when no flag names it: installed beside the binary
//! (<prefix>/bin/../share/medtranslate/<name>), else in the source tree the relay was built
//! from, for running from a build directory. MEDTRANSLATE_NO_SOURCE_TREE=1 turns the source
//! tree off, so an installed layout can be tested on a machine that has the sources.
QString defaultDataDir(const QString &name, const QProcessEnvironment &environment)
{
    QStringList candidates = {QCoreApplication::applicationDirPath() +
                              QStringLiteral("/../share/medtranslate/") + name};
    if (environment.value(QStringLiteral("MEDTRANSLATE_NO_SOURCE_TREE")).isEmpty())
        candidates << QStringLiteral(MEDTRANSLATE_SOURCE_ROOT "/") + name;
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isDir())
            return QDir(candidate).absolutePath();
    }
    return QDir::cleanPath(candidates.first());
}

bool parseAddress(const QString &flag, const QString &text, QHostAddress &outAddress,
                  quint16 &outPort, QString *error)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    QString host = colon > 0 ? text.left(colon) : QStringLiteral("127.0.0.1");
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (colon < 0 || !ok || port < 0 || port > 65535) {
        *error = QStringLiteral("--%1 wants host:port, got '%2'").arg(flag, text);
        return false;
    }
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    QHostAddress address;
    if (host == QLatin1String("*") || host == QLatin1String("0.0.0.0"))
        address = QHostAddress::AnyIPv4;
    else if (!address.setAddress(host)) {
        *error = QStringLiteral("--%1: '%2' is not an IP address").arg(flag, host);
        return false;
    }
    outAddress = address;
    outPort = quint16(port);
    return true;
}

bool toInt(const QString &name, const QString &text, int minimum, int &out, QString *error)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum) {
        *error = QStringLiteral("--%1 wants a whole number of at least %2, got '%3'")
                     .arg(name)
                     .arg(minimum)
                     .arg(text);
        return false;
    }
    out = value;
    return true;
}

//! The webhook target and its secret. A URL without a secret is refused rather than sent
//! unsigned: a receiver could not tell the relay's calls from anyone else's.
bool readWebhooks(const QString &urlText, const QString &secretFile, const QString &secretText,
                  WebhookConfig &out, QString *error)
{
    if (urlText.isEmpty() && !secretFile.isEmpty()) {
        *error = QStringLiteral("--webhook-secret-file goes with --webhook-url");
        return false;
    }
    QByteArray secret = secretText.toUtf8().trimmed();
    if (!secretFile.isEmpty()) {
        QFile file(secretFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--webhook-secret-file: cannot read '%1': %2")
                         .arg(secretFile, file.errorString());
            return false;
        }
        secret = file.readAll().trimmed();
        if (secret.isEmpty()) {
            *error = QStringLiteral("--webhook-secret-file: '%1' is empty").arg(secretFile);
            return false;
        }
    }
    if (out.backoffCapMs < out.backoffBaseMs) {
        *error = QStringLiteral("--webhook-backoff-cap-ms (%1) is below --webhook-backoff-ms (%2)")
                     .arg(out.backoffCapMs)
                     .arg(out.backoffBaseMs);
        return false;
    }
    if (urlText.isEmpty())
        return true;
    const QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        *error = QStringLiteral("--webhook-url wants an http:// or https:// address, got '%1'")
                     .arg(urlText);
        return false;
    }
    if (secret.isEmpty()) {
        *error = QStringLiteral("--webhook-url needs a signing secret: --webhook-secret-file PATH "
                                "or MEDTRANSLATE_WEBHOOK_SECRET (never on the command line)");
        return false;
    }
    out.url = url;
    out.secret = secret;
    return true;
}

} // namespace

QDateTime RelayOptions::parseDate(const QString &flag, const QString &text, QString *error)
{
    const QString t = text.trimmed();
    // A day is its first moment in UTC; a time says its own zone or is taken as UTC.
    QDate day = QDate::fromString(t, Qt::ISODate);
    if (day.isValid() && t.size() == 10)
        return QDateTime(day, QTime(0, 0), QTimeZone::utc());
    QDateTime time = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(t, Qt::ISODate);
    if (time.isValid()) {
        if (time.timeSpec() == Qt::LocalTime)
            time.setTimeZone(QTimeZone::utc());
        return time.toUTC();
    }
    *error = QStringLiteral("%1 needs a date as YYYY-MM-DD (UTC) or an ISO 8601 time such as "
                            "2026-03-01T09:00:00+09:00, got '%2'")
                 .arg(flag, text);
    return {};
}

std::optional<RelayOptions> RelayOptions::parse(const QStringList &arguments,
                                                const QProcessEnvironment &environment,
                                                QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "MedTranslate relay: translated chat between foreign patients and Korean hospital "
        "counselors.\nSettings come from flags, then MEDTRANSLATE_* environment variables, then "
        "the --config JSON file. API keys are read from ANTHROPIC_API_KEY, OPENAI_API_KEY and "
        "DEEPL_API_KEY (or the config file), never from flags.\nAccount commands (--add-agent, "
        "--set-agent, --disable-agent, --enable-agent, --reset-password, --list-agents) work "
        "beside a running relay on the same database; they exit 0 when done, 1 when refused "
        "(with the reason) and 2 for flags that do not parse."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           QStringLiteral("Show the version."));
    const QCommandLineOption configOption(
        QStringLiteral("config"), QStringLiteral("JSON config file (also MEDTRANSLATE_CONFIG)."),
        QStringLiteral("file"));
    // Account commands: each changes the database and exits, beside a running relay or not.
    const QString passwordSource =
        QStringLiteral(" The password is read from a prompt (no echo) or standard input, never "
                       "from the command line; its rules are under 'Passwords' below.");
    const QCommandLineOption addAgentOption(
        QStringLiteral("add-agent"),
        QStringLiteral("Create an agent account and exit; with --agent-name, "
                       "--agent-display-name, --agent-role, --agent-languages, "
                       "--agent-max-chats.") +
            passwordSource,
        QStringLiteral("username"));
    const QCommandLineOption setAgentOption(
        QStringLiteral("set-agent"),
        QStringLiteral("Change an agent account and exit: any of --agent-name, "
                       "--agent-display-name, --agent-role, --agent-languages, "
                       "--agent-max-chats."),
        QStringLiteral("username"));
    const QCommandLineOption disableAgentOption(
        QStringLiteral("disable-agent"),
        QStringLiteral("Disable an agent account and exit: it can no longer log in or use its "
                       "tokens, a running relay closes its connections within about "
                       "--account-check-ms, and its active consultations go back to the "
                       "waiting queue."),
        QStringLiteral("username"));
    const QCommandLineOption enableAgentOption(
        QStringLiteral("enable-agent"),
        QStringLiteral("Enable a disabled agent account again and exit; the agent logs in anew."),
        QStringLiteral("username"));
    const QCommandLineOption resetPasswordOption(
        QStringLiteral("reset-password"),
        QStringLiteral("Give an agent a new password and exit; every session of the agent ends "
                       "(a running relay closes its connections, its tokens stop working).") +
            passwordSource,
        QStringLiteral("username"));
    const QCommandLineOption agentNameOption(
        QStringLiteral("agent-name"),
        QStringLiteral("The agent's name as colleagues see it, e.g. 김민지 (--add-agent default: "
                       "the username)."),
        QStringLiteral("name"));
    const QCommandLineOption agentDisplayNameOption(
        QStringLiteral("agent-display-name"),
        QStringLiteral("The name patients may be shown, in Latin letters, e.g. \"Kim Minji\"."),
        QStringLiteral("name"));
    const QCommandLineOption agentRoleOption(
        QStringLiteral("agent-role"),
        QStringLiteral("agent or admin (admins may act on any room; --add-agent default: agent)."),
        QStringLiteral("role"));
    const QCommandLineOption agentLanguagesOption(
        QStringLiteral("agent-languages"),
        QStringLiteral("Comma-separated patient languages the agent takes: en, ja, zh, th, vi "
                       "(--add-agent default: all)."),
        QStringLiteral("list"));
    const QCommandLineOption agentMaxChatsOption(
        QStringLiteral("agent-max-chats"),
        QStringLiteral("How many consultations the agent takes at once, a positive number."),
        QStringLiteral("n"));
    const QCommandLineOption listAgentsOption(
        QStringLiteral("list-agents"),
        QStringLiteral("List agent accounts and exit: a table with a header row, or JSON with "
                       "--format json."));
    const QCommandLineOption formatOption(
        QStringLiteral("format"),
        QStringLiteral("Output format: table (default) or json for --list-agents; json "
                       "(default), html or pdf for an export; text (default) or json for "
                       "--audit, --stats and --webhook-log."),
        QStringLiteral("format"));
    const QCommandLineOption exportOption(
        QStringLiteral("export"),
        QStringLiteral("Write the bilingual transcript of one consultation and exit (see "
                       "--format, --output)."),
        QStringLiteral("room"));
    const QCommandLineOption exportSinceOption(
        QStringLiteral("export-since"),
        QStringLiteral("Write the transcripts of the consultations opened since a date "
                       "(YYYY-MM-DD, UTC, or an ISO 8601 time) and exit; with --until."),
        QStringLiteral("date"));
    const QCommandLineOption untilOption(
        QStringLiteral("until"),
        QStringLiteral("End (exclusive) of --export-since's period (default now)."),
        QStringLiteral("date"));
    const QCommandLineOption outputOption(
        QStringLiteral("output"),
        QStringLiteral("File to write an export to (default standard output; pdf needs a file)."),
        QStringLiteral("path"));
    const QCommandLineOption purgeOption(
        QStringLiteral("purge-ended-before"),
        QStringLiteral("Remove the consultations that ended before a date, with their messages "
                       "and attachments, keeping an audit entry for each; exit."),
        QStringLiteral("date"));
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"),
        QStringLiteral("With --purge-ended-before: list what would go, remove nothing."));
    const QCommandLineOption auditOption(
        QStringLiteral("audit"), QStringLiteral("Print the audit log and exit (see --since)."));
    const QCommandLineOption statsOption(
        QStringLiteral("stats"),
        QStringLiteral("Print consultation statistics and exit: counts by language and status, "
                       "waiting and first-reply times, messages, translation outcomes, "
                       "warnings, cache hit rate (see --since)."));
    const QCommandLineOption webhookLogOption(
        QStringLiteral("webhook-log"),
        QStringLiteral("Print the webhook delivery attempts and how many events still wait, "
                       "and exit (see --since)."));
    const QCommandLineOption sinceOption(
        QStringLiteral("since"),
        QStringLiteral("With --audit or --webhook-log: entries from this date on; with --stats: "
                       "the consultations opened from this date on."),
        QStringLiteral("date"));
    const QCommandLineOption verifyOption(
        QStringLiteral("verify"),
        QStringLiteral("Check the record chains (tamper evidence) of every consultation, or of "
                       "the one named after it (--verify ROOM), and exit: 0 when all are intact, "
                       "1 naming the first broken link."));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("Create a demo agent account if none exists and print its password once."));
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    parser.addOption(configOption);
    std::vector<QCommandLineOption> settingOptions;
    for (const auto &s : kSettings) {
        settingOptions.emplace_back(QString::fromLatin1(s.flag),
                                    QString::fromUtf8(s.help) + QStringLiteral(" [") +
                                        QString::fromLatin1(s.env) + QLatin1Char(']'),
                                    QString::fromLatin1(s.valueName));
        parser.addOption(settingOptions.back());
    }
    for (const auto *option : {&addAgentOption,
                               &setAgentOption,
                               &disableAgentOption,
                               &enableAgentOption,
                               &resetPasswordOption,
                               &agentNameOption,
                               &agentDisplayNameOption,
                               &agentRoleOption,
                               &agentLanguagesOption,
                               &agentMaxChatsOption,
                               &listAgentsOption,
                               &formatOption,
                               &exportOption,
                               &exportSinceOption,
                               &untilOption,
                               &outputOption,
                               &purgeOption,
                               &dryRunOption,
                               &auditOption,
                               &statsOption,
                               &webhookLogOption,
                               &sinceOption,
                               &verifyOption,
                               &demoOption})
        parser.addOption(*option);

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    RelayOptions options;
    options.helpText = parser.helpText();
    if (parser.isSet(helpOption)) {
        options.command = Command::Help;
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.command = Command::Version;
        return options;
    }
    // --verify's room is the one argument that is not an option.
    QStringList positional = parser.positionalArguments();
    if (parser.isSet(verifyOption) && positional.size() == 1) {
        options.verifyRoom = positional.takeFirst().trimmed();
        if (options.verifyRoom.isEmpty()) {
            *error = QStringLiteral("--verify wants a room id or nothing (every room)");
            return std::nullopt;
        }
    }
    if (!positional.isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(positional.first());
        return std::nullopt;
    }

    QJsonObject file;
    const QString configPath = parser.isSet(configOption)
                                   ? parser.value(configOption)
                                   : environment.value(QStringLiteral("MEDTRANSLATE_CONFIG"));
    if (!configPath.isEmpty()) {
        QFile f(configPath);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read config file '%1'").arg(configPath);
            return std::nullopt;
        }
        QJsonParseError parseError;
        const auto doc = QJsonDocument::fromJson(f.readAll(), &parseError);
        if (!doc.isObject()) {
            *error = QStringLiteral("config file '%1' is not a JSON object: %2")
                         .arg(configPath, parseError.errorString());
            return std::nullopt;
        }
        file = doc.object();
    }

    // Flags win over the environment, which wins over the file.
    auto value = [&](const char *flag) -> QString {
        for (size_t i = 0; i < std::size(kSettings); ++i) {
            if (qstrcmp(kSettings[i].flag, flag) != 0)
                continue;
            if (parser.isSet(settingOptions[i]))
                return parser.value(settingOptions[i]);
            if (environment.contains(QString::fromLatin1(kSettings[i].env)))
                return environment.value(QString::fromLatin1(kSettings[i].env));
            return jsonToString(fileValue(file, QString::fromLatin1(kSettings[i].fileKey)));
        }
        Q_UNREACHABLE();
    };
    auto secret = [&](const char *env, const char *fileKey) {
        const QString fromEnv = environment.value(QString::fromLatin1(env));
        return fromEnv.isEmpty() ? jsonToString(fileValue(file, QString::fromLatin1(fileKey)))
                                 : fromEnv;
    };

    RelayConfig &c = options.config;
    if (const QString listen = value("listen");
        !listen.isEmpty() &&
        !parseAddress(QStringLiteral("listen"), listen, c.listenAddress, c.port, error))
        return std::nullopt;
    c.store.database = value("db");
    if (c.store.database.isEmpty())
        c.store.database = QStringLiteral("var/medtranslate.db");
    if (const QString driver = value("db-driver"); !driver.isEmpty())
        c.store.driver = driver;
    if (c.store.driver != QLatin1String("sqlite") && c.store.driver != QLatin1String("postgres")) {
        *error =
            QStringLiteral("--db-driver must be sqlite or postgres, got '%1'").arg(c.store.driver);
        return std::nullopt;
    }
    c.store.host = value("db-host");
    if (const QString port = value("db-port");
        !port.isEmpty() && !toInt(QStringLiteral("db-port"), port, 1, c.store.port, error))
        return std::nullopt;
    c.store.user = value("db-user");
    c.store.password = secret("MEDTRANSLATE_DB_PASSWORD", "db_password");
    c.resourcesDir = value("resources");
    if (c.resourcesDir.isEmpty())
        c.resourcesDir = defaultDataDir(QStringLiteral("resources"), environment);
    c.emergencyDepartment = value("emergency-department").trimmed();
    c.emergencyPhone = value("emergency-phone").trimmed();
    c.desk.hoursFile = value("desk-hours");
    c.desk.prechatFile = value("prechat");
    if (const QString notice = value("unattended-notice"); !notice.isEmpty()) {
        if (notice != QLatin1String("on") && notice != QLatin1String("off") &&
            notice != QLatin1String("true") && notice != QLatin1String("false")) {
            *error = QStringLiteral("--unattended-notice must be on or off, got '%1'").arg(notice);
            return std::nullopt;
        }
        c.desk.unattendedNotice = notice == QLatin1String("on") || notice == QLatin1String("true");
    }
    c.widgetDir = value("widget-dir");
    if (c.widgetDir.isEmpty())
        c.widgetDir = defaultDataDir(QStringLiteral("widget"), environment);
    c.allowedOrigins = splitList(value("allowed-origins"));
    if (c.allowedOrigins == QStringList{QStringLiteral("*")})
        c.allowedOrigins.clear();
    c.publicUrls = splitList(value("public-url"));
    if (const QString admin = value("admin-listen"); !admin.isEmpty()) {
        quint16 port = 0;
        if (admin == QLatin1String("off"))
            c.adminEnabled = false;
        else if (!parseAddress(QStringLiteral("admin-listen"), admin, c.adminAddress, port, error))
            return std::nullopt;
        c.adminPort = port;
    }
    c.adminToken = secret("MEDTRANSLATE_ADMIN_TOKEN", "admin_token");
    c.tlsCertificate = value("tls-cert");
    c.tlsKey = value("tls-key");
    if (c.tlsCertificate.isEmpty() != c.tlsKey.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    int attachmentBytes = int(c.attachments.maxBytes);
    int imagePixels = int(c.attachments.maxImagePixels);
    const struct
    {
        const char *flag;
        int minimum;
        int *target;
    } numbers[] = {
        {"translation-deadline-ms", 100, &c.translation.deadlineMs},
        {"max-pending-translations", 0, &c.translation.maxPending},
        {"retranslate-after-ms", 0, &c.translation.retranslateAfterMs},
        {"retranslate-attempts", 1, &c.translation.retranslateAttempts},
        {"provider-timeout-ms", 100, &c.translation.providerTimeoutMs},
        {"provider-concurrency", 1, &c.translation.providerConcurrency},
        {"provider-retries", 0, &c.translation.providerRetries},
        {"breaker-threshold", 1, &c.translation.breakerThreshold},
        {"breaker-cooldown-ms", 0, &c.translation.breakerCooldownMs},
        {"cache-ttl-days", 0, &c.translation.cacheTtlDays},
        {"cache-memory-entries", 0, &c.translation.cacheMemoryEntries},
        {"health-db-slow-ms", 1, &c.healthDbSlowMs},
        {"hello-timeout-ms", 100, &c.helloTimeoutMs},
        {"max-frame-bytes", 1024, &c.maxFrameBytes},
        {"max-text-chars", 1, &c.maxTextChars},
        {"ping-interval-ms", 0, &c.pingIntervalMs},
        {"login-attempts", 0, &c.loginMaxFailures},
        {"rooms-per-address", 0, &c.roomsPerAddress},
        {"max-connections", 0, &c.connections.maxConnections},
        {"max-connections-per-address", 0, &c.connections.maxPerAddress},
        {"http-header-timeout-ms", 100, &c.connections.headerTimeoutMs},
        {"http-body-timeout-ms", 100, &c.connections.bodyTimeoutMs},
        {"http-idle-timeout-ms", 100, &c.connections.idleTimeoutMs},
        {"max-body-bytes", 1024, &c.connections.maxBodyBytes},
        {"max-attachment-bytes", 1024, &attachmentBytes},
        {"max-image-pixels", 1, &imagePixels},
        {"patient-token-ttl-h", 0, &c.patientTokenTtlHours},
        {"room-messages-per-minute", 0, &c.roomMessagesPerMinute},
        {"room-translation-chars", 0, &c.roomTranslationCharsPerHour},
        {"address-translation-chars", 0, &c.addressTranslationCharsPerHour},
        {"ended-read-only-s", 0, &c.endedReadOnlySeconds},
        {"retention-days", 0, &c.retentionDays},
        {"account-check-ms", 100, &c.accountCheckMs},
        {"webhook-timeout-ms", 100, &c.webhooks.timeoutMs},
        {"webhook-backoff-ms", 10, &c.webhooks.backoffBaseMs},
        {"webhook-backoff-cap-ms", 10, &c.webhooks.backoffCapMs},
        {"agent-grace-s", 0, &c.agentGraceSeconds},
    };
    for (const auto &n : numbers) {
        if (const QString text = value(n.flag);
            !text.isEmpty() &&
            !toInt(QString::fromLatin1(n.flag), text, n.minimum, *n.target, error))
            return std::nullopt;
    }

    AttachmentConfig &a = c.attachments;
    a.maxBytes = attachmentBytes;
    a.maxImagePixels = imagePixels;
    // The guard lets an upload's body be the largest file and its multipart envelope.
    c.connections.maxUploadBytes = a.maxBytes + 64 * 1024;
    if (const QString store = value("attachment-store"); !store.isEmpty())
        a.store = store;
    if (a.store != QLatin1String("local") && a.store != QLatin1String("s3")) {
        *error = QStringLiteral("--attachment-store must be local or s3, got '%1'").arg(a.store);
        return std::nullopt;
    }
    a.directory = value("attachment-dir");
    a.s3.endpoint = value("s3-endpoint");
    a.s3.bucket = value("s3-bucket");
    if (const QString region = value("s3-region"); !region.isEmpty())
        a.s3.region = region;
    a.s3.prefix = value("s3-prefix");
    a.s3.accessKeyId = value("s3-access-key-id");
    a.s3.secretAccessKey =
        secret("MEDTRANSLATE_S3_SECRET_ACCESS_KEY", "attachments.s3.secret_access_key");
    a.s3.sessionToken = secret("MEDTRANSLATE_S3_SESSION_TOKEN", "attachments.s3.session_token");
    if (a.store == QLatin1String("s3") &&
        (a.s3.endpoint.isEmpty() || a.s3.bucket.isEmpty() || a.s3.accessKeyId.isEmpty() ||
         a.s3.secretAccessKey.isEmpty())) {
        *error = QStringLiteral("--attachment-store s3 needs --s3-endpoint, --s3-bucket, "
                                "--s3-access-key-id and MEDTRANSLATE_S3_SECRET_ACCESS_KEY");
        return std::nullopt;
    }

    if (!readWebhooks(value("webhook-url"), value("webhook-secret-file"),
                      secret("MEDTRANSLATE_WEBHOOK_SECRET", "webhooks.secret"), c.webhooks, error))
        return std::nullopt;
    if (const QString routing = value("routing"); !routing.isEmpty()) {
        if (routing != QLatin1String("auto") && routing != QLatin1String("manual")) {
            *error = QStringLiteral("--routing must be manual or auto, got '%1'").arg(routing);
            return std::nullopt;
        }
        c.autoRouting = routing == QLatin1String("auto");
    }

    if (c.pingIntervalMs != 0 && c.pingIntervalMs < 1000) {
        *error = QStringLiteral("--ping-interval-ms wants 0 (off) or at least 1000, got %1")
                     .arg(c.pingIntervalMs);
        return std::nullopt;
    }

    if (const QString rate = value("rate-limit"); !rate.isEmpty()) {
        bool ok = false;
        const double perSecond = rate.toDouble(&ok);
        if (!ok || perSecond < 1) {
            *error = QStringLiteral(
                         "--rate-limit wants a number of frames per second of at least 1, got '%1'")
                         .arg(rate);
            return std::nullopt;
        }
        c.framesPerSecond = perSecond;
        c.frameBurst = 2 * perSecond;
    }

    TranslationConfig &t = c.translation;
    t.anthropicKey = secret("ANTHROPIC_API_KEY", "translation.anthropic.api_key");
    t.openaiKey = secret("OPENAI_API_KEY", "translation.openai.api_key");
    t.deeplKey = secret("DEEPL_API_KEY", "translation.deepl.api_key");
    auto override = [&](QString &target, const char *env, const char *fileKey) {
        const QString v = secret(env, fileKey);
        if (!v.isEmpty())
            target = v;
    };
    override(t.anthropicModel, "MEDTRANSLATE_ANTHROPIC_MODEL", "translation.anthropic.model");
    override(t.anthropicUrl, "MEDTRANSLATE_ANTHROPIC_URL", "translation.anthropic.base_url");
    override(t.openaiModel, "MEDTRANSLATE_OPENAI_MODEL", "translation.openai.model");
    override(t.openaiUrl, "MEDTRANSLATE_OPENAI_URL", "translation.openai.base_url");
    override(t.deeplUrl, "MEDTRANSLATE_DEEPL_URL", "translation.deepl.base_url");
    if (t.deeplUrl.isEmpty())
        t.deeplUrl = t.deeplKey.endsWith(QLatin1String(":fx"))
                         ? QStringLiteral("https://api-free.deepl.com")
                         : QStringLiteral("https://api.deepl.com");
    t.providers = splitList(value("providers"));
    if (t.providers.isEmpty()) {
        if (!t.anthropicKey.isEmpty())
            t.providers << QStringLiteral("anthropic");
        if (!t.openaiKey.isEmpty())
            t.providers << QStringLiteral("openai");
        if (!t.deeplKey.isEmpty())
            t.providers << QStringLiteral("deepl");
    }
    for (const QString &p : t.providers) {
        if (p != QLatin1String("anthropic") && p != QLatin1String("openai") &&
            p != QLatin1String("deepl")) {
            *error = QStringLiteral("unknown translation provider '%1' (anthropic, openai, deepl)")
                         .arg(p);
            return std::nullopt;
        }
    }

    const struct
    {
        const QCommandLineOption &option;
        Command command;
    } accountCommands[] = {
        {addAgentOption, Command::AddAgent},           {setAgentOption, Command::SetAgent},
        {disableAgentOption, Command::DisableAgent},   {enableAgentOption, Command::EnableAgent},
        {resetPasswordOption, Command::ResetPassword}, {listAgentsOption, Command::ListAgents},
    };
    QStringList given;
    for (const auto &account : accountCommands) {
        if (!parser.isSet(account.option))
            continue;
        given << QStringLiteral("--") + account.option.names().constFirst();
        options.command = account.command;
        if (account.command != Command::ListAgents)
            options.agentUsername = parser.value(account.option).trimmed();
    }
    if (given.size() > 1) {
        *error = QStringLiteral("one account command at a time, got %1")
                     .arg(given.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (!given.isEmpty() && options.command != Command::ListAgents &&
        options.agentUsername.isEmpty()) {
        *error = QStringLiteral("%1 wants a username").arg(given.constFirst());
        return std::nullopt;
    }
    AgentChanges &fields = options.agentFields;
    if (parser.isSet(agentNameOption))
        fields.displayName = parser.value(agentNameOption).trimmed();
    if (parser.isSet(agentDisplayNameOption))
        fields.patientFacingName = parser.value(agentDisplayNameOption).trimmed();
    if (parser.isSet(agentRoleOption)) {
        fields.role = parser.value(agentRoleOption).trimmed();
        if (*fields.role != QLatin1String("agent") && *fields.role != QLatin1String("admin")) {
            *error =
                QStringLiteral("--agent-role must be agent or admin, got '%1'").arg(*fields.role);
            return std::nullopt;
        }
    }
    if (parser.isSet(agentLanguagesOption))
        fields.languages = splitList(parser.value(agentLanguagesOption));
    if (parser.isSet(agentMaxChatsOption)) {
        int maxChats = 0;
        if (!toInt(QStringLiteral("agent-max-chats"), parser.value(agentMaxChatsOption), 1,
                   maxChats, error))
            return std::nullopt;
        fields.maxChats = maxChats;
    }
    const bool anyField = fields.displayName || fields.patientFacingName || fields.role ||
                          fields.languages || fields.maxChats;
    const bool takesFields =
        options.command == Command::AddAgent || options.command == Command::SetAgent;
    if (anyField && !takesFields) {
        *error = QStringLiteral("--agent-name, --agent-display-name, --agent-role, "
                                "--agent-languages and --agent-max-chats go with --add-agent or "
                                "--set-agent");
        return std::nullopt;
    }
    if (options.command == Command::SetAgent && !anyField) {
        *error = QStringLiteral("--set-agent wants at least one of --agent-name, "
                                "--agent-display-name, --agent-role, --agent-languages, "
                                "--agent-max-chats");
        return std::nullopt;
    }
    const bool records = parser.isSet(exportOption) || parser.isSet(exportSinceOption) ||
                         parser.isSet(purgeOption) || parser.isSet(auditOption) ||
                         parser.isSet(verifyOption) || parser.isSet(statsOption) ||
                         parser.isSet(webhookLogOption);
    if (records && !given.isEmpty()) {
        *error =
            QStringLiteral("%1 goes alone, not with an account command").arg(given.constFirst());
        return std::nullopt;
    }
    if (options.command == Command::ListAgents && parser.isSet(formatOption)) {
        const QString format = parser.value(formatOption);
        if (format != QLatin1String("table") && format != QLatin1String("json")) {
            *error = QStringLiteral("--format must be table or json, got '%1'").arg(format);
            return std::nullopt;
        }
        options.listFormat = format == QLatin1String("json") ? ListFormat::Json : ListFormat::Table;
    } else if (parser.isSet(formatOption) && !records) {
        *error = QStringLiteral("--format goes with --list-agents, an export, --audit, --stats or "
                                "--webhook-log");
        return std::nullopt;
    }
    if (parser.isSet(exportOption) || parser.isSet(exportSinceOption)) {
        options.command = Command::Export;
        if (parser.isSet(exportOption) == parser.isSet(exportSinceOption)) {
            *error = QStringLiteral("use --export ROOM or --export-since DATE, not both");
            return std::nullopt;
        }
        options.exportRoom = parser.value(exportOption).trimmed();
        if (parser.isSet(exportSinceOption) &&
            !(options.exportSince = parseDate(QStringLiteral("--export-since"),
                                              parser.value(exportSinceOption), error))
                 .isValid())
            return std::nullopt;
        if (parser.isSet(untilOption) &&
            !(options.exportUntil =
                  parseDate(QStringLiteral("--until"), parser.value(untilOption), error))
                 .isValid())
            return std::nullopt;
        if (options.exportUntil.isValid() && options.exportUntil <= options.exportSince) {
            *error = QStringLiteral("--until must be after --export-since");
            return std::nullopt;
        }
        options.format =
            parser.isSet(formatOption) ? parser.value(formatOption) : QStringLiteral("json");
        if (!QStringList{QStringLiteral("json"), QStringLiteral("html"), QStringLiteral("pdf")}
                 .contains(options.format)) {
            *error = QStringLiteral("--format must be json, html or pdf for an export, got '%1'")
                         .arg(options.format);
            return std::nullopt;
        }
        options.output = parser.value(outputOption);
        if (options.format == QLatin1String("pdf") && options.output.isEmpty()) {
            *error = QStringLiteral("a pdf export needs --output FILE");
            return std::nullopt;
        }
    } else if (parser.isSet(purgeOption)) {
        options.command = Command::PurgeEnded;
        if (!(options.purgeBefore = parseDate(QStringLiteral("--purge-ended-before"),
                                              parser.value(purgeOption), error))
                 .isValid())
            return std::nullopt;
        options.dryRun = parser.isSet(dryRunOption);
    } else if (parser.isSet(auditOption) || parser.isSet(statsOption) ||
               parser.isSet(webhookLogOption)) {
        if (int(parser.isSet(auditOption)) + int(parser.isSet(statsOption)) +
                int(parser.isSet(webhookLogOption)) >
            1) {
            *error = QStringLiteral("use one of --audit, --stats and --webhook-log at a time");
            return std::nullopt;
        }
        const QString name = parser.isSet(auditOption)   ? QStringLiteral("--audit")
                             : parser.isSet(statsOption) ? QStringLiteral("--stats")
                                                         : QStringLiteral("--webhook-log");
        options.command = parser.isSet(auditOption)   ? Command::Audit
                          : parser.isSet(statsOption) ? Command::Stats
                                                      : Command::WebhookLog;
        if (parser.isSet(sinceOption) &&
            !(options.auditSince =
                  parseDate(QStringLiteral("--since"), parser.value(sinceOption), error))
                 .isValid())
            return std::nullopt;
        options.format =
            parser.isSet(formatOption) ? parser.value(formatOption) : QStringLiteral("text");
        if (options.format != QLatin1String("json") && options.format != QLatin1String("text")) {
            *error = QStringLiteral("--format must be text or json for %1, got '%2'")
                         .arg(name, options.format);
            return std::nullopt;
        }
    }
    if (parser.isSet(verifyOption)) {
        if (options.command != Command::Serve) {
            *error = QStringLiteral("--verify goes alone, not with another records command");
            return std::nullopt;
        }
        if (parser.isSet(formatOption)) {
            *error = QStringLiteral("--format does not go with --verify");
            return std::nullopt;
        }
        options.command = Command::Verify;
    }
    if (parser.isSet(untilOption) &&
        (options.command != Command::Export || !options.exportRoom.isEmpty())) {
        *error = QStringLiteral("--until goes with --export-since");
        return std::nullopt;
    }
    if (parser.isSet(sinceOption) && options.command != Command::Audit &&
        options.command != Command::Stats && options.command != Command::WebhookLog) {
        *error = QStringLiteral("--since goes with --audit, --stats or --webhook-log");
        return std::nullopt;
    }
    if (options.command != Command::PurgeEnded && parser.isSet(dryRunOption)) {
        *error = QStringLiteral("--dry-run goes with --purge-ended-before");
        return std::nullopt;
    }
    options.demo = parser.isSet(demoOption);
    return options;
}

} // namespace medtranslate::relay
