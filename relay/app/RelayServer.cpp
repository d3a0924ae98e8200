#include "app/RelayServer.h"

#include "attachments/BlobStore.h"
#include "attachments/BlobStoreFactory.h"
#include "auth/AccountWatcher.h"
#include "auth/AuthService.h"
#include "content/DeskHours.h"
#include "content/EmergencyReply.h"
#include "content/PrechatForm.h"
#include "content/RedFlagDetector.h"
#include "content/TemplateLibrary.h"
#include "core/ConsultationService.h"
#include "core/RelayMetrics.h"
#include "core/RoomRegistry.h"
#include "hooks/WebhookDispatcher.h"
#include "http/ConnectionGuard.h"
#include "http/GuardedListener.h"
#include "http/HttpApi.h"
#include "http/OriginPolicy.h"
#include "net/WebSocketPeer.h"
#include "records/RetentionPurge.h"
#include "storage/Store.h"
#include "translation/TranslationPipeline.h"

#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QWebSocket>
#include <sys/resource.h>

Q_LOGGING_CATEGORY(lcRelay, "medtranslate.relay")

namespace medtranslate::relay {

namespace {
// A serving relay claims its database; admin commands open it beside a running relay.
RelayConfig serving(RelayConfig config)
{
    config.store.exclusive = true;
    config.store.webhookOutbox = config.webhooks.enabled();
    return config;
}

//! Raises the open-file limit to what the system allows and keeps the connection limit below
//! it, with room for the database, the widget files and provider calls.
ConnectionLimits withinOpenFiles(ConnectionLimits limits)
{
    constexpr int kReserved = 256;
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0)
        return limits;
    if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
        ::getrlimit(RLIMIT_NOFILE, &files);
    }
    const int allowed = int(std::min<rlim_t>(files.rlim_cur, 1 << 24)) - kReserved;
    if (allowed > 0 && (limits.maxConnections == 0 || limits.maxConnections > allowed)) {
        qCInfo(lcRelay) << "connections limited to" << allowed << "by the open-file limit";
        limits.maxConnections = allowed;
    }
    return limits;
}
} // namespace

RelayServer::RelayServer(RelayConfig config, QObject *parent)
    : QObject(parent), m_config(serving(std::move(config))),
      m_store(std::make_unique<Store>(m_config.store)),
      m_templates(std::make_unique<TemplateLibrary>()),
      m_redFlags(std::make_unique<RedFlagDetector>()),
      m_emergencyReply(std::make_unique<EmergencyReply>()),
      m_deskHours(std::make_unique<DeskHours>()), m_prechat(std::make_unique<PrechatForm>()),
      m_rooms(std::make_unique<RoomRegistry>()), m_metrics(std::make_unique<RelayMetrics>())
{
}

RelayServer::~RelayServer()
{
    // Connections go first, while the services they report to still exist.
    delete m_admin;
    m_admin = nullptr;
    delete m_http;
    m_http = nullptr;
    const auto peers = findChildren<WebSocketPeer *>(Qt::FindDirectChildrenOnly);
    for (WebSocketPeer *peer : peers)
        delete peer;
    // The services go before the stores they use (members outlive this body, children not).
    delete m_accounts;
    m_accounts = nullptr;
    delete m_webhooks;
    m_webhooks = nullptr;
    delete m_api;
    m_api = nullptr;
    delete m_consultations;
    m_consultations = nullptr;
}

void RelayServer::setTranslator(Translator *translator)
{
    m_translator = translator;
    m_translator->setParent(this);
    // Every translator gets the relay's deadline: a message is never left pending.
    m_translator->setLimits(m_config.translation.deadlineMs, m_config.translation.maxPending);
}

QUrl RelayServer::httpUrl() const
{
    const bool tls = !m_config.tlsCertificate.isEmpty();
    QUrl url;
    url.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_config.listenAddress == QHostAddress::AnyIPv4
                    ? QStringLiteral("127.0.0.1")
                    : m_config.listenAddress.toString());
    url.setPort(m_port);
    return url;
}

QUrl RelayServer::webSocketUrl() const
{
    QUrl url = httpUrl();
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                         : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws"));
    return url;
}

bool RelayServer::start(QString *error)
{
    if (!m_store->open(error))
        return false;
    if (!m_translator) {
        auto resources = TranslationPipeline::loadResources(m_config.resourcesDir, error);
        if (!resources)
            return false;
        setTranslator(
            new TranslationPipeline(m_config.translation, std::move(*resources), m_store.get()));
    }
    if (!m_templates->loadDirectory(
            QDir(m_config.resourcesDir).filePath(QStringLiteral("templates")), error))
        return false;
    // No relay serves patients without its emergency table and reply.
    const QDir redFlags(QDir(m_config.resourcesDir).filePath(QStringLiteral("red-flags")));
    if (!m_redFlags->loadDirectory(redFlags.filePath(QStringLiteral("expressions")), error) ||
        !m_emergencyReply->load(redFlags.filePath(QStringLiteral("reply.tsv")), error))
        return false;
    m_emergencyReply->setDepartment(m_config.emergencyDepartment, m_config.emergencyPhone);
    // The desk's hours and pre-chat step: a bad file stops the relay rather than serving hours
    // nobody meant.
    const QDir desk(QDir(m_config.resourcesDir).filePath(QStringLiteral("desk")));
    auto hours = DeskHours::load(m_config.desk.hoursFile.isEmpty()
                                     ? desk.filePath(QStringLiteral("hours.json"))
                                     : m_config.desk.hoursFile,
                                 error);
    if (!hours)
        return false;
    *m_deskHours = std::move(*hours);
    auto prechat = PrechatForm::load(m_config.desk.prechatFile.isEmpty()
                                         ? desk.filePath(QStringLiteral("prechat.json"))
                                         : m_config.desk.prechatFile,
                                     error);
    if (!prechat)
        return false;
    *m_prechat = *prechat;
    m_blobs = BlobStoreFactory::create(m_config.attachments, m_config.store, error);
    if (!m_blobs)
        return false;
    m_auth = new AuthService(m_config, *m_store, this);
    m_consultations = new ConsultationService(m_config, *m_store, *m_translator, *m_templates,
                                              *m_redFlags, *m_emergencyReply, *m_deskHours,
                                              *m_rooms, *m_auth, *m_metrics, *m_blobs, this);
    if (!m_consultations->loadOpenRooms(error))
        return false;
    m_accounts = new AccountWatcher(*m_store, m_config.accountCheckMs, this);
    connect(m_accounts, &AccountWatcher::sessionsEnded, m_auth, &AuthService::forgetSessions);
    connect(m_accounts, &AccountWatcher::sessionsEnded, m_consultations,
            &ConsultationService::endAgentSessions);
    connect(m_accounts, &AccountWatcher::agentChanged, m_auth, &AuthService::updateAgent);
    connect(m_accounts, &AccountWatcher::agentChanged, m_consultations,
            &ConsultationService::updateAgent);
    if (!m_accounts->start(error))
        return false;

    m_http = new QHttpServer(this);
    m_api = new HttpApi(m_config, *m_store, *m_auth, *m_consultations, *m_translator, *m_templates,
                        *m_prechat, *m_metrics, this);
    m_api->registerRoutes(*m_http);
    // Qt 6.4 upgrades a request to WebSocket only if a route matches its path and writes
    // nothing; a plain GET on /ws is told to upgrade.
    m_http->route(
        QStringLiteral("/ws"), QHttpServerRequest::Method::Get,
        [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            for (const auto &[key, value] : request.headers()) {
                if (key.compare("Upgrade", Qt::CaseInsensitive) == 0 &&
                    value.compare("websocket", Qt::CaseInsensitive) == 0)
                    return;
            }
            responder.write(
                QByteArray(
                    R"({"error":{"code":"bad_request","message":"WebSocket upgrade required"}})"),
                "application/json", QHttpServerResponder::StatusCode::UpgradeRequired);
        });
    connect(m_http, &QHttpServer::newWebSocketConnection, this, &RelayServer::acceptWebSockets);

    std::optional<QSslConfiguration> tls;
    if (!m_config.tlsCertificate.isEmpty()) {
        QFile certFile(m_config.tlsCertificate);
        QFile keyFile(m_config.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the TLS certificate or key");
            return false;
        }
        const QSslCertificate certificate(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        if (certificate.isNull() || key.isNull()) {
            *error = QStringLiteral("the TLS certificate or key is not valid PEM (RSA keys)");
            return false;
        }
        tls = QSslConfiguration::defaultConfiguration();
        tls->setLocalCertificate(certificate);
        tls->setPrivateKey(key);
    }
    // Our own listener: accepted sockets get TCP_NODELAY (Qt HttpServer 6.4 sets none) and
    // the guard sees every request's headers before Qt buffers its body.
    auto *guard = new ConnectionGuard(withinOpenFiles(m_config.connections), *m_metrics);
    QTcpServer *listener = listenGuarded(m_config.listenAddress, m_config.port, tls, guard, m_http);
    if (listener)
        guard->setParent(listener);
    else
        delete guard;
    m_port = listener ? listener->serverPort() : 0;
    m_api->origins().setListening(m_config.listenAddress, m_port, tls.has_value());
    if (listener)
        m_http->bind(listener);
    if (m_port == 0) {
        *error = QStringLiteral("cannot listen on %1:%2 (in use, or not allowed)")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.port);
        return false;
    }
    if (m_config.adminEnabled && !startAdmin(error))
        return false;
    if (m_config.pingIntervalMs > 0) {
        connect(&m_keepAlive, &QTimer::timeout, this, &RelayServer::keepAlive,
                Qt::UniqueConnection);
        m_keepAlive.start(m_config.pingIntervalMs);
    }
    if (m_config.webhooks.enabled()) {
        m_webhooks = new WebhookDispatcher(m_config.webhooks, *m_store, this);
        m_api->setWebhooks(m_webhooks);
        m_webhooks->start();
    }
    if (m_config.retentionDays > 0) {
        m_retention = new RetentionPurge(*m_store, m_blobs.get(), this);
        connect(&m_retentionTimer, &QTimer::timeout, this, &RelayServer::applyRetention,
                Qt::UniqueConnection);
        m_retentionTimer.start(kRetentionCheckMs);
        // The first check soon after start-up, not an hour later.
        QTimer::singleShot(0, this, &RelayServer::applyRetention);
    }
    return true;
}

void RelayServer::applyRetention()
{
    if (!m_retention || m_retention->isRunning())
        return;
    const QDateTime before =
        QDateTime::currentDateTimeUtc().addDays(-qint64(m_config.retentionDays));
    m_retention->run(before, false, QStringLiteral("relay"),
                     QStringLiteral("retention after %1 days").arg(m_config.retentionDays));
}

bool RelayServer::startAdmin(QString *error)
{
    m_admin = new QHttpServer(this);
    m_api->registerAdminRoutes(*m_admin);
    const quint16 wanted = m_config.adminPort.value_or(
        m_config.port == 0 || m_config.port == 65535 ? 0 : quint16(m_config.port + 1));
    auto *guard = new ConnectionGuard(m_config.connections, *m_metrics);
    QTcpServer *listener =
        listenGuarded(m_config.adminAddress, wanted, std::nullopt, guard, m_admin);
    if (!listener) {
        delete guard;
        *error = QStringLiteral("cannot listen on the admin address %1:%2 (in use? choose one "
                                "with --admin-listen host:port, or --admin-listen off)")
                     .arg(m_config.adminAddress.toString())
                     .arg(wanted);
        return false;
    }
    guard->setParent(listener);
    m_admin->bind(listener);
    m_adminPort = listener->serverPort();
    return true;
}

QUrl RelayServer::adminUrl() const
{
    if (m_adminPort == 0)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_config.adminAddress.toString());
    url.setPort(m_adminPort);
    return url;
}

void RelayServer::keepAlive()
{
    const auto peers = findChildren<WebSocketPeer *>(Qt::FindDirectChildrenOnly);
    for (WebSocketPeer *peer : peers)
        peer->keepAlive(m_config.pingIntervalMs);
}

void RelayServer::acceptWebSockets()
{
    while (m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http->nextPendingWebSocketConnection();
        if (!socket)
            continue;
        const QString origin = socket->origin();
        // Native clients send no Origin; browsers may connect from the relay's own pages or
        // from an allowed hospital site (never judged by the Host header).
        if (!m_api->origins().allows(origin, OriginPolicy::Audience::Patients)) {
            qCInfo(lcRelay) << "refusing WebSocket from origin" << origin;
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("origin not allowed"));
            socket.release()->deleteLater();
            continue;
        }
        new WebSocketPeer(socket.release(), m_config, m_consultations->handler(), *m_metrics, this);
    }
}

} // namespace medtranslate::relay
