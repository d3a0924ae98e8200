#pragma once

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <memory>
#include <vector>

namespace medtranslate::bench {

//! Drives a running relay: opens rooms, connects patients and agents, has agents accept the
//! rooms, then lets every patient send messages with a bounded window of unacknowledged ones,
//! and measures acknowledged messages per second, ack latency and delivery to the agents.
class RelayLoad final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl relay; //!< http://127.0.0.1:PORT
        QString agentUser;
        QString agentPassword;
        int rooms = 100;
        int messagesPerRoom = 100;
        int window = 8; //!< unacked messages a patient keeps in flight
        //! Extra patient connections that send nothing, in waiting rooms of their own (25 to a
        //! room), for memory per connection; they receive none of the load's messages.
        int idleConnections = 0;
        qint64 relayPid = 0; //!< to read the relay's resident memory
    };

    explicit RelayLoad(Options options);
    //! Runs to the end and returns the process exit code.
    void start();

signals:
    void finished(int exitCode);

private:
    struct Patient
    {
        QString roomId;
        QString token;
        std::unique_ptr<QWebSocket> socket;
        int sent = 0;
        int acked = 0;
        std::vector<qint64> sentAt;
    };

    void createRooms();
    void connectAgents();
    void connectPatients();
    void acceptRooms();
    void runLoad();
    void pump(Patient &patient);
    void connectIdle();
    void report();
    void fail(const QString &why);
    [[nodiscard]] qint64 relayRssKiB() const;

    Options m_options;
    QNetworkAccessManager m_http;
    std::vector<Patient> m_patients;
    std::unique_ptr<QWebSocket> m_agent;
    std::vector<std::unique_ptr<QWebSocket>> m_idle;
    std::vector<QString> m_idleTokens; //!< patient tokens of the idle connections' rooms
    int m_roomsAccepted = 0;
    qint64 m_agentMessages = 0;
    qint64 m_agentTranslations = 0;
    qint64 m_totalAcked = 0;
    std::vector<qint64> m_latenciesUs;
    QElapsedTimer m_clock;
    qint64 m_loadStartedUs = 0;
    qint64 m_loadEndedUs = 0;
    qint64 m_rssBeforeKiB = 0;
    qint64 m_rssLoadedKiB = 0;
};

} // namespace medtranslate::bench
