#pragma once

#include "config/RelayConfig.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <memory>

class QHttpServer;

namespace medtranslate::relay {

class AccountWatcher;
class AuthService;
class BlobStore;
class ConsultationService;
class DeskHours;
class EmergencyReply;
class PrechatForm;
class HttpApi;
class RedFlagDetector;
class RelayMetrics;
class RetentionPurge;
class RoomRegistry;
class WebhookDispatcher;
class Store;
class TemplateLibrary;
class Translator;

//! The whole relay: HTTP and WebSocket on one port, wired to storage, auth, translation and
//! the consultation logic. Tests run it in-process on port 0.
class RelayServer final : public QObject
{
    Q_OBJECT

public:
    explicit RelayServer(RelayConfig config, QObject *parent = nullptr);
    ~RelayServer() override;

    //! Uses `translator` (which this server then owns) instead of the configured pipeline;
    //! call before start().
    void setTranslator(Translator *translator);

    //! Opens the database, loads resources and open rooms, and listens. Blocks briefly.
    bool start(QString *error);
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl httpUrl() const;
    [[nodiscard]] QUrl webSocketUrl() const;
    //! Where /metrics and the detailed /health are served; empty with --admin-listen off.
    [[nodiscard]] QUrl adminUrl() const;
    [[nodiscard]] Store &store() { return *m_store; }
    //! Where attachments are kept; null before start().
    [[nodiscard]] BlobStore *blobs() { return m_blobs.get(); }
    [[nodiscard]] Translator &translator() { return *m_translator; }
    [[nodiscard]] const RelayConfig &config() const { return m_config; }
    //! The relay's own retention; null unless --retention-days is set.
    [[nodiscard]] RetentionPurge *retention() const { return m_retention; }

private:
    bool startAdmin(QString *error);
    void acceptWebSockets();
    void keepAlive();
    //! Removes what ended more than --retention-days ago.
    void applyRetention();

    RelayConfig m_config;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TemplateLibrary> m_templates;
    std::unique_ptr<RedFlagDetector> m_redFlags;
    std::unique_ptr<EmergencyReply> m_emergencyReply;
    std::unique_ptr<DeskHours> m_deskHours;
    std::unique_ptr<PrechatForm> m_prechat;
    std::unique_ptr<RoomRegistry> m_rooms;
    std::unique_ptr<RelayMetrics> m_metrics;
    std::unique_ptr<BlobStore> m_blobs; //!< attachment bytes
    Translator *m_translator = nullptr;
    AuthService *m_auth = nullptr;
    AccountWatcher *m_accounts = nullptr; //!< account changes made beside the relay
    ConsultationService *m_consultations = nullptr;
    HttpApi *m_api = nullptr;
    QHttpServer *m_http = nullptr;
    QHttpServer *m_admin = nullptr; //!< operators' address
    quint16 m_adminPort = 0;
    quint16 m_port = 0;
    QTimer m_keepAlive; // one timer for every connection's pings, not one per connection
    static constexpr int kRetentionCheckMs = 60 * 60 * 1000;
    RetentionPurge *m_retention = nullptr;   //!< with --retention-days
    WebhookDispatcher *m_webhooks = nullptr; //!< with --webhook-url
    QTimer m_retentionTimer;
};

} // namespace medtranslate::relay
