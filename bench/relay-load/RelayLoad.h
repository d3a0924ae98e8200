#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <memory>
#include <vector>

namespace medtranslate::bench {

//! Drives a running relay with an open-loop load: patients send on an even schedule whatever
//! the relay answers, their agents answer every few messages, and every `message` frame the
//! other side receives is checked (no loss, no duplicate, seq order) and timed from its `send`.
//! A separate phase holds idle connections and measures the connect rate and memory per
//! connection. Prints one table row per run on stdout and the details on stderr.
class RelayLoad final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl relay;             //!< http://127.0.0.1:PORT
        QStringList agentUsers; //!< accounts sharing the pairs' rooms round-robin
        QString agentPassword;
        int pairs = 100;    //!< rooms, each one patient and its agent
        double rate = 1000; //!< patient messages per second over all pairs; 0: no load
        double durationS = 10;
        int replyEvery = 4; //!< the agent answers every n-th patient message; 0: never
        //! A run ends this long after the last frame that was missing (plus the translation
        //! deadline in slow-provider runs).
        double drainS = 5;
        int idleConnections = 0; //!< held before the load, 25 to a waiting room
        int connectWindow = 256; //!< idle connections being opened at once
        //! Slow-provider runs: translation frames are counted against this deadline.
        int translationDeadlineMs = 0;
        qint64 relayPid = 0; //!< to read the relay's resident memory
    };

    explicit RelayLoad(Options options);
    ~RelayLoad() override;
    //! Runs to the end and emits finished with the process exit code.
    void start();

signals:
    void finished(int exitCode);

private:
    //! One direction of one pair: what was sent and what the other side made of it.
    struct Stream
    {
        std::vector<qint64> sentAtUs; //!< by message index
        std::vector<quint8> received; //!< times the other side got the `message`
        int sent = 0;
        int acked = 0;
    };
    struct Pair
    {
        QString roomId;
        QString patientToken;
        QString sendPrefix;  //!< the patient's `send` frame up to its client_msg_id
        QString replyPrefix; //!< the agent's
        std::unique_ptr<QWebSocket> patient;
        int agent = 0; //!< index into m_agents
        Stream fromPatient;
        Stream fromAgent;
        qint64 lastSeqAtPatient = -1;
        qint64 lastSeqAtAgent = -1;
        bool active = false; //!< its agent accepted it
        //! Seq → send time of the other side's messages whose translation is still to come.
        QHash<qint64, qint64> pendingAtPatient;
        QHash<qint64, qint64> pendingAtAgent;
    };
    enum class Side { Patient, Agent };

    void createRooms(int count, const std::function<void()> &then);
    void connectAgents();
    void connectPatients();
    void acceptRooms();
    void connectIdle();
    void openIdle();
    void idleReport();
    void runLoad();
    void tick();
    void sendPatient(Pair &pair);
    void sendAgent(Pair &pair);
    void onFrame(Side side, int connection, const QString &text);
    void onMessage(Side side, QStringView frame);
    void onTranslation(Side side, QStringView frame);
    void onAck(QStringView frame);
    void checkDrained();
    void loadReport();
    void closed(const QWebSocket *socket, const char *what);
    [[nodiscard]] static QString closeReason(const QWebSocket *socket);
    void finish(int exitCode);
    void fail(const QString &why);
    [[nodiscard]] qint64 nowUs() const { return m_clock.nsecsElapsed() / 1000; }
    [[nodiscard]] qint64 relayRssKiB() const;
    //! client_msg_id "p12-345" / "a12-6" → pair 12, index 345 / 6; false for other ids.
    [[nodiscard]] static bool parseId(QStringView id, bool *fromPatient, int *pair, int *index);

    Options m_options;
    QNetworkAccessManager m_http;
    QElapsedTimer m_clock;
    std::vector<Pair> m_pairs;
    QHash<QString, int> m_pairByRoom;
    std::vector<std::unique_ptr<QWebSocket>> m_agents;
    std::vector<QString> m_agentTokens;
    std::vector<QString> m_createdRooms;  //!< room ids of the last createRooms call
    std::vector<QString> m_createdTokens; //!< their patient tokens
    bool m_done = false;
    int m_welcomed = 0;
    int m_accepted = 0;
    QTimer m_ticker;
    QTimer m_drainTimer;
    qint64 m_startUs = 0;
    qint64 m_endUs = 0;
    qint64 m_lastDeliveryUs = 0;
    qint64 m_lastProgressUs = 0;
    qint64 m_scheduled = 0; //!< patient messages sent so far on the schedule
    qint64 m_total = 0;     //!< patient messages the run sends
    qint64 m_delivered = 0;
    qint64 m_deliveredAtProgress = 0;
    qint64 m_translationsExpected = 0;
    qint64 m_translations = 0;
    qint64 m_translationsInTime = 0;
    qint64 m_duplicates = 0;
    qint64 m_orderViolations = 0;
    qint64 m_errors = 0;
    std::vector<qint32> m_patientToAgentUs;
    std::vector<qint32> m_agentToPatientUs;
    std::vector<qint32> m_ackUs;
    // Idle connections.
    std::vector<std::unique_ptr<QWebSocket>> m_idle;
    std::vector<QString> m_idleTokens;
    int m_idleOpened = 0;
    int m_idleWelcomed = 0;
    int m_idleDropped = 0;
    qint64 m_idleStartUs = 0;
    qint64 m_idleEndUs = 0;
    qint64 m_rssBeforeKiB = 0;
    qint64 m_rssIdleKiB = 0;
};

} // namespace medtranslate::bench
