#include "RelayLoad.h"

#include "FrameFields.h"

#include <QFile>
#include <QNetworkReply>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace medtranslate::bench {

using Json = nlohmann::json;

namespace {
constexpr int kIdlePerRoom = 25;
constexpr int kReportedProblems = 5; //!< problems printed one by one; the rest only counted

QUrl wsUrl(QUrl http)
{
    http.setScheme(http.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                           : QStringLiteral("ws"));
    http.setPath(QStringLiteral("/ws"));
    return http;
}

QString helloFrame(const char *role, const QString &token, qint64 lastSeq)
{
    Json hello{{"type", "hello"}, {"role", role}, {"token", token.toStdString()}};
    if (lastSeq >= 0)
        hello["last_seq"] = lastSeq;
    return QString::fromStdString(hello.dump());
}

//! Milliseconds at fraction `p` of the sorted copy of `us`.
double percentileMs(std::vector<qint32> us, double p)
{
    if (us.empty())
        return 0;
    const size_t at = std::min(us.size() - 1, size_t(p * double(us.size())));
    std::nth_element(us.begin(), us.begin() + qsizetype(at), us.end());
    return double(us[at]) / 1000.0;
}

void note(qint64 count, const char *what, QStringView detail)
{
    if (count <= kReportedProblems)
        std::fprintf(stderr, "%s: %s\n", what, qPrintable(detail.toString()));
}
} // namespace

RelayLoad::RelayLoad(Options options) : m_options(std::move(options))
{
    m_clock.start();
    // One timer drives the whole schedule; it catches up on missed ticks, never waits for acks.
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(1);
    connect(&m_ticker, &QTimer::timeout, this, &RelayLoad::tick);
    m_drainTimer.setInterval(50);
    connect(&m_drainTimer, &QTimer::timeout, this, &RelayLoad::checkDrained);
}

void RelayLoad::start()
{
    const double runS =
        m_options.durationS + m_options.drainS + double(m_options.translationDeadlineMs) / 1000.0;
    QTimer::singleShot(int(std::min(3600.0, 300 + 3 * runS)) * 1000, this,
                       [this]() { fail(QStringLiteral("the benchmark did not finish in time")); });
    if (m_options.idleConnections > 0)
        connectIdle();
    else
        createRooms(m_options.pairs, [this]() { connectAgents(); });
}

RelayLoad::~RelayLoad()
{
    // Closing the sockets is no failure of the relay.
    for (const auto &socket : m_agents)
        if (socket)
            socket->disconnect(this);
    for (const Pair &pair : m_pairs)
        if (pair.patient)
            pair.patient->disconnect(this);
    for (const auto &socket : m_idle)
        if (socket)
            socket->disconnect(this);
}

QString RelayLoad::closeReason(const QWebSocket *socket)
{
    return QStringLiteral("close code %1 '%2', socket error '%3'")
        .arg(int(socket->closeCode()))
        .arg(socket->closeReason(), socket->errorString());
}

void RelayLoad::closed(const QWebSocket *socket, const char *what)
{
    // Before the load every connection is needed; during it a closed one is an error of the
    // run, whose messages then count as lost.
    if (m_startUs == 0)
        return fail(QStringLiteral("the relay closed %1: %2")
                        .arg(QLatin1String(what), closeReason(socket)));
    note(++m_errors, "the relay closed a connection",
         QStringLiteral("%1: %2").arg(QLatin1String(what), closeReason(socket)));
}

void RelayLoad::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    m_ticker.stop();
    m_drainTimer.stop();
    emit finished(exitCode);
}

void RelayLoad::fail(const QString &why)
{
    if (m_done)
        return;
    std::fprintf(stderr, "bench failed: %s\n", qPrintable(why));
    finish(1);
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

bool RelayLoad::parseId(QStringView id, bool *fromPatient, int *pair, int *index)
{
    if (id.size() < 4 || (id[0] != u'p' && id[0] != u'a'))
        return false;
    const qsizetype dash = id.indexOf(u'-');
    if (dash < 2)
        return false;
    bool okPair = false;
    bool okIndex = false;
    *pair = id.sliced(1, dash - 1).toInt(&okPair);
    *index = id.sliced(dash + 1).toInt(&okIndex);
    *fromPatient = id[0] == u'p';
    return okPair && okIndex;
}

void RelayLoad::createRooms(int count, const std::function<void()> &then)
{
    m_createdRooms.assign(size_t(count), {});
    m_createdTokens.assign(size_t(count), {});
    auto remaining = std::make_shared<int>(count);
    const char *languages[] = {"en", "ja", "zh", "th", "vi"};
    for (int i = 0; i < count; ++i) {
        QNetworkRequest request(m_options.relay.resolved(QUrl(QStringLiteral("/api/rooms"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_http.post(
            request, QByteArray::fromStdString(Json{{"language", languages[i % 5]}}.dump()));
        connect(reply, &QNetworkReply::finished, this, [this, reply, i, remaining, then]() {
            reply->deleteLater();
            const Json body = Json::parse(reply->readAll().toStdString(), nullptr, false);
            if (reply->error() != QNetworkReply::NoError || !body.contains("room_id"))
                return fail(QStringLiteral("cannot create a room: %1").arg(reply->errorString()));
            m_createdRooms[size_t(i)] = QString::fromStdString(body["room_id"]);
            m_createdTokens[size_t(i)] = QString::fromStdString(body["patient_token"]);
            if (--*remaining == 0)
                then();
        });
    }
}

void RelayLoad::connectAgents()
{
    const int n = m_options.pairs;
    m_pairs.resize(size_t(n));
    // Room for the whole schedule up front: nothing grows while the load runs.
    const auto perPair = size_t(std::ceil(m_options.rate * m_options.durationS / n)) + 2;
    const size_t repliesPerPair =
        m_options.replyEvery > 0 ? perPair / size_t(m_options.replyEvery) + 2 : 0;
    for (int i = 0; i < n; ++i) {
        Pair &pair = m_pairs[size_t(i)];
        pair.roomId = m_createdRooms[size_t(i)];
        pair.patientToken = m_createdTokens[size_t(i)];
        pair.agent = i % int(m_options.agentUsers.size());
        m_pairByRoom.insert(pair.roomId, i);
        const QString head =
            QStringLiteral("{\"type\":\"send\",\"room_id\":\"%1\",\"client_msg_id\":\"")
                .arg(pair.roomId);
        pair.sendPrefix = head + QStringLiteral("p%1-").arg(i);
        pair.replyPrefix = head + QStringLiteral("a%1-").arg(i);
        for (auto [stream, size] :
             {std::pair{&pair.fromPatient, perPair}, std::pair{&pair.fromAgent, repliesPerPair}}) {
            stream->sentAtUs.assign(size, 0);
            stream->received.assign(size, 0);
        }
    }
    const qint64 expected = qint64(perPair) * n;
    m_patientToAgentUs.reserve(size_t(expected));
    m_agentToPatientUs.reserve(size_t(expected) / 2);
    m_ackUs.reserve(size_t(expected) * 2);

    m_agents.resize(size_t(m_options.agentUsers.size()));
    m_welcomed = 0;
    for (int a = 0; a < int(m_agents.size()); ++a) {
        QNetworkRequest request(m_options.relay.resolved(QUrl(QStringLiteral("/api/auth/login"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_http.post(
            request,
            QByteArray::fromStdString(Json{{"username", m_options.agentUsers[a].toStdString()},
                                           {"password", m_options.agentPassword.toStdString()}}
                                          .dump()));
        connect(reply, &QNetworkReply::finished, this, [this, reply, a]() {
            reply->deleteLater();
            const Json body = Json::parse(reply->readAll().toStdString(), nullptr, false);
            if (!body.contains("token"))
                return fail(
                    QStringLiteral("login of agent %1 failed").arg(m_options.agentUsers[a]));
            const QString token = QString::fromStdString(body["token"]);
            auto socket = std::make_unique<QWebSocket>();
            QWebSocket *raw = socket.get();
            connect(raw, &QWebSocket::connected, this,
                    [raw, token]() { raw->sendTextMessage(helloFrame("agent", token, -1)); });
            connect(raw, &QWebSocket::textMessageReceived, this,
                    [this, a](const QString &text) { onFrame(Side::Agent, a, text); });
            connect(raw, &QWebSocket::disconnected, this,
                    [this, raw]() { closed(raw, "an agent connection"); });
            raw->open(wsUrl(m_options.relay));
            m_agents[size_t(a)] = std::move(socket);
        });
    }
}

void RelayLoad::connectPatients()
{
    m_welcomed = 0;
    for (int i = 0; i < int(m_pairs.size()); ++i) {
        Pair &pair = m_pairs[size_t(i)];
        pair.patient = std::make_unique<QWebSocket>();
        QWebSocket *raw = pair.patient.get();
        const QString hello = helloFrame("patient", pair.patientToken, 0);
        connect(raw, &QWebSocket::connected, this, [raw, hello]() { raw->sendTextMessage(hello); });
        connect(raw, &QWebSocket::textMessageReceived, this,
                [this, i](const QString &text) { onFrame(Side::Patient, i, text); });
        connect(raw, &QWebSocket::disconnected, this,
                [this, raw]() { closed(raw, "a patient connection"); });
        raw->open(wsUrl(m_options.relay));
    }
}

void RelayLoad::acceptRooms()
{
    for (const Pair &pair : m_pairs)
        m_agents[size_t(pair.agent)]->sendTextMessage(QString::fromStdString(
            Json{{"type", "accept"}, {"room_id", pair.roomId.toStdString()}}.dump()));
}

void RelayLoad::onFrame(Side side, int connection, const QString &text)
{
    const QStringView frame(text);
    const QStringView type = FrameFields::type(frame);
    if (type == u"message") {
        onMessage(side, frame);
    } else if (type == u"ack") {
        onAck(frame);
    } else if (type == u"translation") {
        onTranslation(side, frame);
    } else if (type == u"welcome") {
        const int expected = side == Side::Agent ? int(m_agents.size()) : int(m_pairs.size());
        if (++m_welcomed == expected)
            side == Side::Agent ? connectPatients() : acceptRooms();
    } else if (type == u"room" && side == Side::Agent &&
               FrameFields::string(frame, u"status") == u"active") {
        const auto it = m_pairByRoom.constFind(FrameFields::string(frame, u"room_id").toString());
        if (it != m_pairByRoom.cend() && !m_pairs[size_t(*it)].active &&
            m_pairs[size_t(*it)].agent == connection) {
            m_pairs[size_t(*it)].active = true;
            if (++m_accepted == int(m_pairs.size()))
                runLoad();
        }
    } else if (type == u"error") {
        note(++m_errors, side == Side::Agent ? "agent got an error" : "patient got an error",
             frame);
    }
}

void RelayLoad::onMessage(Side side, QStringView frame)
{
    bool fromPatient = false;
    int pairIndex = -1;
    int index = -1;
    const bool ours =
        parseId(FrameFields::string(frame, u"client_msg_id"), &fromPatient, &pairIndex, &index) &&
        pairIndex >= 0 && pairIndex < int(m_pairs.size());
    if (!ours) {
        // A system notice (the agent joined): it takes a seq in the room like any message.
        const auto it = m_pairByRoom.constFind(FrameFields::string(frame, u"room_id").toString());
        if (it == m_pairByRoom.cend())
            return;
        pairIndex = *it;
    }
    Pair &pair = m_pairs[size_t(pairIndex)];
    const qint64 seq = FrameFields::integer(frame, u"seq");
    qint64 &last = side == Side::Patient ? pair.lastSeqAtPatient : pair.lastSeqAtAgent;
    if (last >= 0 && seq != last + 1)
        note(++m_orderViolations, "seq out of order", frame);
    last = std::max(last, seq);
    if (!ours || fromPatient == (side == Side::Patient))
        return; // the sender's own copy
    Stream &stream = fromPatient ? pair.fromPatient : pair.fromAgent;
    if (index >= stream.sent) {
        note(++m_errors, "a message that was never sent", frame);
        return;
    }
    if (stream.received[size_t(index)]++ > 0) {
        note(++m_duplicates, "duplicate message", frame);
        return;
    }
    const qint64 now = nowUs();
    const auto latency = qint32(std::min<qint64>(now - stream.sentAtUs[size_t(index)], INT32_MAX));
    (fromPatient ? m_patientToAgentUs : m_agentToPatientUs).push_back(latency);
    ++m_delivered;
    m_lastDeliveryUs = now;
    if (m_options.translationDeadlineMs > 0 && FrameFields::string(frame, u"status") == u"pending")
        (side == Side::Patient ? pair.pendingAtPatient : pair.pendingAtAgent)
            .insert(seq, stream.sentAtUs[size_t(index)]);
    if (fromPatient && m_options.replyEvery > 0 && (index + 1) % m_options.replyEvery == 0)
        sendAgent(pair);
}

void RelayLoad::onTranslation(Side side, QStringView frame)
{
    if (m_options.translationDeadlineMs <= 0)
        return;
    const auto it = m_pairByRoom.constFind(FrameFields::string(frame, u"room_id").toString());
    if (it == m_pairByRoom.cend())
        return;
    Pair &pair = m_pairs[size_t(*it)];
    auto &pending = side == Side::Patient ? pair.pendingAtPatient : pair.pendingAtAgent;
    const auto sent = pending.constFind(FrameFields::integer(frame, u"seq"));
    if (sent == pending.cend())
        return; // the sender's own copy
    ++m_translations;
    if (FrameFields::string(frame, u"status") != u"unavailable" &&
        nowUs() - *sent <= qint64(m_options.translationDeadlineMs) * 1000)
        ++m_translationsInTime;
    pending.erase(sent);
}

void RelayLoad::onAck(QStringView frame)
{
    bool fromPatient = false;
    int pairIndex = -1;
    int index = -1;
    if (!parseId(FrameFields::string(frame, u"client_msg_id"), &fromPatient, &pairIndex, &index) ||
        pairIndex < 0 || pairIndex >= int(m_pairs.size()))
        return;
    Stream &stream =
        fromPatient ? m_pairs[size_t(pairIndex)].fromPatient : m_pairs[size_t(pairIndex)].fromAgent;
    if (index >= stream.sent)
        return;
    ++stream.acked;
    m_ackUs.push_back(
        qint32(std::min<qint64>(nowUs() - stream.sentAtUs[size_t(index)], INT32_MAX)));
}

void RelayLoad::runLoad()
{
    if (m_options.rate <= 0) {
        finish(0);
        return;
    }
    m_total = qint64(std::llround(m_options.rate * m_options.durationS));
    m_startUs = nowUs();
    m_ticker.start();
}

void RelayLoad::tick()
{
    const qint64 now = nowUs();
    const qint64 due = std::min(m_total, qint64(double(now - m_startUs) * m_options.rate / 1e6));
    const auto pairs = qint64(m_pairs.size());
    while (m_scheduled < due) {
        sendPatient(m_pairs[size_t(m_scheduled % pairs)]);
        ++m_scheduled;
    }
    if (m_scheduled == m_total) {
        m_ticker.stop();
        m_endUs = now;
        m_lastProgressUs = now;
        m_drainTimer.start();
    }
}

namespace {
//! The rest of a `send` frame after its prefix: the index, then a text unique to the pair and
//! the index, so that no translation comes from the cache.
QString patientTail(int pair, int index)
{
    return QStringLiteral("%1\",\"text\":\"Patient %2, message %1: I have had a headache since "
                          "yesterday\"}")
        .arg(index)
        .arg(pair);
}
QString agentTail(int pair, int index)
{
    return QStringLiteral("%1\",\"text\":\"상담사 %2, 메시지 %1: 언제부터 머리가 아프셨어요?\"}")
        .arg(index)
        .arg(pair);
}
} // namespace

void RelayLoad::sendPatient(Pair &pair)
{
    Stream &s = pair.fromPatient;
    if (size_t(s.sent) == s.sentAtUs.size()) {
        s.sentAtUs.resize(s.sentAtUs.size() * 2 + 8);
        s.received.resize(s.sentAtUs.size());
    }
    const int index = s.sent++;
    const int pairIndex = int(&pair - m_pairs.data());
    const QString frame = pair.sendPrefix + patientTail(pairIndex, index);
    s.sentAtUs[size_t(index)] = nowUs();
    pair.patient->sendTextMessage(frame);
}

void RelayLoad::sendAgent(Pair &pair)
{
    Stream &s = pair.fromAgent;
    if (size_t(s.sent) == s.sentAtUs.size()) {
        s.sentAtUs.resize(s.sentAtUs.size() * 2 + 8);
        s.received.resize(s.sentAtUs.size());
    }
    const int index = s.sent++;
    const int pairIndex = int(&pair - m_pairs.data());
    const QString frame = pair.replyPrefix + agentTail(pairIndex, index);
    s.sentAtUs[size_t(index)] = nowUs();
    m_agents[size_t(pair.agent)]->sendTextMessage(frame);
}

void RelayLoad::checkDrained()
{
    qint64 sent = 0;
    qint64 acked = 0;
    for (const Pair &pair : m_pairs) {
        sent += pair.fromPatient.sent + pair.fromAgent.sent;
        acked += pair.fromPatient.acked + pair.fromAgent.acked;
    }
    bool translationsDone = true;
    if (m_options.translationDeadlineMs > 0) {
        for (const Pair &pair : m_pairs)
            translationsDone &= pair.pendingAtAgent.isEmpty() && pair.pendingAtPatient.isEmpty();
    }
    const qint64 now = nowUs();
    const qint64 progress = m_delivered + acked + m_translations;
    if (progress != m_deliveredAtProgress) {
        m_deliveredAtProgress = progress;
        m_lastProgressUs = now;
    }
    if ((m_delivered == sent && acked == sent && translationsDone) ||
        double(now - m_lastProgressUs) >
            (m_options.drainS + m_options.translationDeadlineMs / 1000.0) * 1e6) {
        m_drainTimer.stop();
        loadReport();
    }
}

void RelayLoad::loadReport()
{
    qint64 patientSent = 0;
    qint64 agentSent = 0;
    qint64 acked = 0;
    for (const Pair &pair : m_pairs) {
        patientSent += pair.fromPatient.sent;
        agentSent += pair.fromAgent.sent;
        acked += pair.fromPatient.acked + pair.fromAgent.acked;
    }
    const qint64 sent = patientSent + agentSent;
    const qint64 lost = sent - m_delivered;
    const double seconds = double(std::max(m_lastDeliveryUs, m_endUs) - m_startUs) / 1e6;
    std::vector<qint32> all = m_patientToAgentUs;
    all.insert(all.end(), m_agentToPatientUs.begin(), m_agentToPatientUs.end());
    const double deliveredPerS = seconds > 0 ? double(m_delivered) / seconds : 0;
    if (m_options.translationDeadlineMs > 0) {
        std::printf("| %.0f | %.0f | %lld | %lld | %lld | %.1f |\n", m_options.rate, deliveredPerS,
                    static_cast<long long>(lost), static_cast<long long>(m_translations),
                    static_cast<long long>(m_translationsInTime), percentileMs(all, 0.99));
    } else {
        std::printf("| %.0f | %.0f | %lld | %.1f | %.1f |\n", m_options.rate, deliveredPerS,
                    static_cast<long long>(lost), percentileMs(all, 0.5), percentileMs(all, 0.99));
    }
    std::fflush(stdout);
    std::fprintf(stderr,
                 "rate %.0f/s for %.1f s: sent %lld patient + %lld agent messages (schedule "
                 "%.0f/s), delivered %lld in %.2f s, lost %lld, unacked %lld, duplicates %lld, "
                 "out of order %lld, errors %lld\n",
                 m_options.rate, m_options.durationS, static_cast<long long>(patientSent),
                 static_cast<long long>(agentSent),
                 double(patientSent) / (double(m_endUs - m_startUs) / 1e6),
                 static_cast<long long>(m_delivered), seconds, static_cast<long long>(lost),
                 static_cast<long long>(sent - acked), static_cast<long long>(m_duplicates),
                 static_cast<long long>(m_orderViolations), static_cast<long long>(m_errors));
    std::fprintf(stderr,
                 "  send->message ms: patient->agent p50 %.1f p99 %.1f max %.1f; agent->patient "
                 "p50 %.1f p99 %.1f max %.1f; send->ack p50 %.1f p99 %.1f\n",
                 percentileMs(m_patientToAgentUs, 0.5), percentileMs(m_patientToAgentUs, 0.99),
                 percentileMs(m_patientToAgentUs, 1.0), percentileMs(m_agentToPatientUs, 0.5),
                 percentileMs(m_agentToPatientUs, 0.99), percentileMs(m_agentToPatientUs, 1.0),
                 percentileMs(m_ackUs, 0.5), percentileMs(m_ackUs, 0.99));
    if (m_options.translationDeadlineMs > 0)
        std::fprintf(stderr, "  translation frames: %lld, %lld within %d ms\n",
                     static_cast<long long>(m_translations),
                     static_cast<long long>(m_translationsInTime), m_options.translationDeadlineMs);
    if (const qint64 rss = relayRssKiB(); rss > 0)
        std::fprintf(stderr, "  relay RSS after the run: %.1f MiB\n", double(rss) / 1024);
    const bool clean =
        lost == 0 && sent == acked && m_duplicates == 0 && m_orderViolations == 0 && m_errors == 0;
    finish(clean ? 0 : 1);
}

void RelayLoad::connectIdle()
{
    const int rooms = (m_options.idleConnections + kIdlePerRoom - 1) / kIdlePerRoom;
    createRooms(rooms, [this]() {
        m_idleTokens = m_createdTokens;
        // Let the rooms' own memory settle into the baseline: only connections are measured.
        QTimer::singleShot(1000, this, [this]() {
            m_rssBeforeKiB = relayRssKiB();
            m_idle.resize(size_t(m_options.idleConnections));
            m_idleStartUs = nowUs();
            for (int i = 0; i < m_options.connectWindow; ++i)
                openIdle();
        });
    });
}

void RelayLoad::openIdle()
{
    if (m_idleOpened == m_options.idleConnections)
        return;
    const int i = m_idleOpened++;
    m_idle[size_t(i)] = std::make_unique<QWebSocket>();
    QWebSocket *raw = m_idle[size_t(i)].get();
    const QString hello = helloFrame("patient", m_idleTokens[size_t(i / kIdlePerRoom)], 1 << 30);
    auto welcomed = std::make_shared<bool>(false);
    connect(raw, &QWebSocket::connected, this, [raw, hello]() { raw->sendTextMessage(hello); });
    connect(raw, &QWebSocket::textMessageReceived, this, [this, welcomed](const QString &text) {
        if (*welcomed || FrameFields::type(text) != u"welcome")
            return;
        *welcomed = true;
        ++m_idleWelcomed;
        if (m_idleWelcomed + m_idleDropped == m_options.idleConnections)
            idleReport();
        else
            openIdle();
    });
    connect(raw, &QWebSocket::disconnected, this, [this, raw, welcomed]() {
        ++m_idleDropped;
        note(m_idleDropped, "idle connection closed", closeReason(raw));
        if (*welcomed)
            return; // counted as not held at the report
        if (m_idleWelcomed + m_idleDropped == m_options.idleConnections)
            idleReport();
        else
            openIdle();
    });
    raw->open(wsUrl(m_options.relay));
}

void RelayLoad::idleReport()
{
    if (m_idleEndUs != 0)
        return;
    m_idleEndUs = nowUs();
    // Settle, then check that the relay still holds every connection and read its memory.
    QTimer::singleShot(2000, this, [this]() {
        m_rssIdleKiB = relayRssKiB();
        int held = 0;
        for (const auto &socket : m_idle)
            held += socket && socket->state() == QAbstractSocket::ConnectedState;
        const int n = m_options.idleConnections;
        const double seconds = double(m_idleEndUs - m_idleStartUs) / 1e6;
        const double kib =
            m_rssBeforeKiB > 0 && m_rssIdleKiB > 0 ? double(m_rssIdleKiB - m_rssBeforeKiB) / n : -1;
        std::printf("| %d | %d | %.0f | %.1f | %.1f |\n", n, held, double(m_idleWelcomed) / seconds,
                    kib, double(m_rssIdleKiB) / 1024);
        std::fflush(stdout);
        std::fprintf(stderr,
                     "idle: %d connections opened %d at a time, %d welcomed in %.2f s, %d "
                     "refused or dropped; relay RSS %.1f MiB before, %.1f MiB with them\n",
                     n, m_options.connectWindow, m_idleWelcomed, seconds, m_idleDropped,
                     double(m_rssBeforeKiB) / 1024, double(m_rssIdleKiB) / 1024);
        if (held < n) {
            std::fprintf(stderr, "the relay holds %d of %d idle connections\n", held, n);
            finish(1);
        } else if (m_options.rate > 0) {
            createRooms(m_options.pairs, [this]() { connectAgents(); });
        } else {
            finish(0);
        }
    });
}

} // namespace medtranslate::bench
