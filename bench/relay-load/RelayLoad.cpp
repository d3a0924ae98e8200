#include "RelayLoad.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace medtranslate::bench {

using Json = nlohmann::json;

namespace {
Json parse(const QString &text)
{
    return Json::parse(text.toStdString(), nullptr, false);
}
QUrl wsUrl(QUrl http)
{
    http.setScheme(http.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                           : QStringLiteral("ws"));
    http.setPath(QStringLiteral("/ws"));
    return http;
}
} // namespace

RelayLoad::RelayLoad(Options options) : m_options(std::move(options))
{
    m_clock.start();
}

void RelayLoad::start()
{
    QTimer::singleShot(600000, this, [this]() {
        fail(QStringLiteral("the benchmark did not finish within 10 minutes"));
    });
    createRooms();
}

void RelayLoad::fail(const QString &why)
{
    std::fprintf(stderr, "bench failed: %s\n", qPrintable(why));
    emit finished(1);
}

qint64 RelayLoad::relayRssKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_options.relayPid));
    if (m_options.relayPid <= 0 || !status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void RelayLoad::createRooms()
{
    constexpr int kIdlePerRoom = 25;
    const int idleRooms = (m_options.idleConnections + kIdlePerRoom - 1) / kIdlePerRoom;
    m_patients.resize(size_t(m_options.rooms));
    m_idleTokens.resize(size_t(idleRooms));
    auto remaining = std::make_shared<int>(m_options.rooms + idleRooms);
    const char *languages[] = {"en", "ja", "zh", "th", "vi"};
    for (int i = 0; i < m_options.rooms + idleRooms; ++i) {
        QNetworkRequest request(m_options.relay.resolved(QUrl(QStringLiteral("/api/rooms"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_http.post(
            request, QByteArray::fromStdString(Json{{"language", languages[i % 5]}}.dump()));
        connect(reply, &QNetworkReply::finished, this, [this, reply, i, remaining]() {
            reply->deleteLater();
            const Json body = Json::parse(reply->readAll().toStdString(), nullptr, false);
            if (reply->error() != QNetworkReply::NoError || !body.contains("room_id"))
                return fail(QStringLiteral("cannot create a room: %1").arg(reply->errorString()));
            if (i >= m_options.rooms) {
                m_idleTokens[size_t(i - m_options.rooms)] =
                    QString::fromStdString(body["patient_token"]);
            } else {
                m_patients[size_t(i)].roomId = QString::fromStdString(body["room_id"]);
                m_patients[size_t(i)].token = QString::fromStdString(body["patient_token"]);
            }
            if (--*remaining == 0)
                connectAgents();
        });
    }
}

void RelayLoad::connectAgents()
{
    QNetworkRequest request(m_options.relay.resolved(QUrl(QStringLiteral("/api/auth/login"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = m_http.post(
        request, QByteArray::fromStdString(Json{{"username", m_options.agentUser.toStdString()},
                                                {"password", m_options.agentPassword.toStdString()}}
                                               .dump()));
    connect(reply, &QNetworkReply::finished, this, [this, reply]() {
        reply->deleteLater();
        const Json body = Json::parse(reply->readAll().toStdString(), nullptr, false);
        if (!body.contains("token"))
            return fail(QStringLiteral("agent login failed"));
        const std::string token = body["token"];
        m_agent = std::make_unique<QWebSocket>();
        connect(m_agent.get(), &QWebSocket::connected, this, [this, token]() {
            m_agent->sendTextMessage(QString::fromStdString(
                Json{{"type", "hello"}, {"role", "agent"}, {"token", token}}.dump()));
        });
        connect(m_agent.get(), &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            const Json frame = parse(text);
            const std::string type = frame.value("type", std::string{});
            if (type == "welcome") {
                connectPatients();
            } else if (type == "room" && frame.value("status", std::string{}) == "active") {
                if (++m_roomsAccepted == m_options.rooms)
                    connectIdle();
            } else if (type == "message" && frame.value("sender", std::string{}) == "patient") {
                ++m_agentMessages;
            } else if (type == "translation") {
                ++m_agentTranslations;
            } else if (type == "error") {
                std::fprintf(stderr, "agent got error: %s\n", text.toUtf8().constData());
            }
        });
        m_agent->open(wsUrl(m_options.relay));
    });
}

void RelayLoad::connectPatients()
{
    auto welcomed = std::make_shared<int>(0);
    for (auto &patient : m_patients) {
        patient.socket = std::make_unique<QWebSocket>();
        QWebSocket *socket = patient.socket.get();
        Patient *p = &patient;
        connect(socket, &QWebSocket::connected, this, [socket, p]() {
            socket->sendTextMessage(QString::fromStdString(Json{
                {"type", "hello"},
                {"role", "patient"},
                {"token", p->token.toStdString()},
                {"last_seq", 0}}.dump()));
        });
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, p, welcomed](const QString &text) {
                    const Json frame = parse(text);
                    const std::string type = frame.value("type", std::string{});
                    if (type == "welcome") {
                        if (++*welcomed == m_options.rooms)
                            acceptRooms();
                    } else if (type == "ack") {
                        const int index =
                            std::stoi(frame["client_msg_id"].get<std::string>().substr(2));
                        m_latenciesUs.push_back(m_clock.nsecsElapsed() / 1000 -
                                                p->sentAt[size_t(index)]);
                        ++p->acked;
                        if (++m_totalAcked == qint64(m_options.rooms) * m_options.messagesPerRoom) {
                            m_loadEndedUs = m_clock.nsecsElapsed() / 1000;
                            // Give the last deliveries to the agent a moment, then report.
                            QTimer::singleShot(500, this, &RelayLoad::report);
                            return;
                        }
                        pump(*p);
                    } else if (type == "error") {
                        std::fprintf(stderr, "patient got error: %s\n", text.toUtf8().constData());
                    }
                });
        socket->open(wsUrl(m_options.relay));
    }
}

void RelayLoad::acceptRooms()
{
    for (const auto &patient : m_patients)
        m_agent->sendTextMessage(QString::fromStdString(
            Json{{"type", "accept"}, {"room_id", patient.roomId.toStdString()}}.dump()));
}

void RelayLoad::connectIdle()
{
    m_rssBeforeKiB = relayRssKiB();
    if (m_options.idleConnections <= 0) {
        runLoad();
        return;
    }
    auto welcomed = std::make_shared<int>(0);
    for (int i = 0; i < m_options.idleConnections; ++i) {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *raw = socket.get();
        const QString token = m_idleTokens[size_t(i) % m_idleTokens.size()];
        connect(raw, &QWebSocket::connected, this, [raw, token]() {
            raw->sendTextMessage(QString::fromStdString(Json{
                {"type", "hello"},
                {"role", "patient"},
                {"token", token.toStdString()},
                {"last_seq", 1 << 30}}.dump()));
        });
        connect(raw, &QWebSocket::textMessageReceived, this, [this, welcomed](const QString &text) {
            if (parse(text).value("type", std::string{}) == "welcome" &&
                ++*welcomed == m_options.idleConnections) {
                m_rssLoadedKiB = relayRssKiB();
                runLoad();
            }
        });
        raw->open(wsUrl(m_options.relay));
        m_idle.push_back(std::move(socket));
    }
}

void RelayLoad::runLoad()
{
    for (auto &patient : m_patients)
        patient.sentAt.resize(size_t(m_options.messagesPerRoom));
    m_loadStartedUs = m_clock.nsecsElapsed() / 1000;
    for (auto &patient : m_patients)
        pump(patient);
}

void RelayLoad::pump(Patient &patient)
{
    while (patient.sent < m_options.messagesPerRoom &&
           patient.sent - patient.acked < m_options.window) {
        const int index = patient.sent++;
        patient.sentAt[size_t(index)] = m_clock.nsecsElapsed() / 1000;
        patient.socket->sendTextMessage(QString::fromStdString(Json{
            {"type", "send"},
            {"room_id", patient.roomId.toStdString()},
            {"client_msg_id", "m-" + std::to_string(index)},
            {"text", "Benchmark message number " + std::to_string(index) +
                         " about a headache"}}.dump()));
    }
}

void RelayLoad::report()
{
    const qint64 total = qint64(m_options.rooms) * m_options.messagesPerRoom;
    const double seconds = double(m_loadEndedUs - m_loadStartedUs) / 1e6;
    std::sort(m_latenciesUs.begin(), m_latenciesUs.end());
    auto percentile = [this](double p) {
        return double(m_latenciesUs[std::min(m_latenciesUs.size() - 1,
                                             size_t(p * double(m_latenciesUs.size())))]) /
               1000.0;
    };
    std::printf("rooms: %d, messages: %lld (window %d per patient)\n", m_options.rooms,
                static_cast<long long>(total), m_options.window);
    std::printf("stored and acked: %.0f messages/s over %.2f s\n", double(total) / seconds,
                seconds);
    std::printf("ack latency ms: p50 %.2f, p99 %.2f, max %.2f\n", percentile(0.5), percentile(0.99),
                percentile(1.0));
    std::printf("agent received: %lld messages, %lld translation frames\n",
                static_cast<long long>(m_agentMessages),
                static_cast<long long>(m_agentTranslations));
    if (m_rssBeforeKiB > 0 && m_rssLoadedKiB > 0 && m_options.idleConnections > 0) {
        std::printf("relay RSS: %.1f MiB before %d idle connections, %.1f MiB with them: %.1f KiB "
                    "per connection\n",
                    double(m_rssBeforeKiB) / 1024, m_options.idleConnections,
                    double(m_rssLoadedKiB) / 1024,
                    double(m_rssLoadedKiB - m_rssBeforeKiB) / m_options.idleConnections);
    }
    if (const qint64 rss = relayRssKiB(); rss > 0)
        std::printf("relay RSS after the load: %.1f MiB\n", double(rss) / 1024);
    const bool complete = m_agentMessages == total;
    if (!complete)
        std::fprintf(stderr, "the agent received %lld of %lld messages\n",
                     static_cast<long long>(m_agentMessages), static_cast<long long>(total));
    emit finished(complete ? 0 : 1);
}

} // namespace medtranslate::bench
