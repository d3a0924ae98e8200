// Renders the console's main window with two chats, a translation preview, messages the
// relay refused, attachments and the language flag, and saves console-main.png,
// console-preview.png, console-failed.png, console-attachments.png and console-language.png
// into the folder given on the command line.
//
// The console runs unchanged: a scripted stand-in for the relay on a loopback port answers the
// login, the templates and the WebSocket, and sends the frames a real relay would send, so
// every message, badge and the connection state go through RelayClient and the models.

#include "client/ChatRegistry.h"
#include "client/ChatSession.h"
#include "client/RelayClient.h"
#include "client/TemplateModel.h"
#include "medtranslate/TsvTable.h"
#include "medtranslate/protocol/FrameCodec.h"
#include "ui/ChatPage.h"
#include "ui/ChatTabs.h"
#include "ui/ChatView.h"
#include "ui/Composer.h"
#include "ui/MainWindow.h"
#include "ui/OverviewPanel.h"
#include "ui/UiLanguage.h"

#include <QApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>
#include <functional>
#include <nlohmann/json.hpp>

using namespace medtranslate::console;
namespace protocol = medtranslate::protocol;
namespace server = protocol::server;

namespace {

bool spinUntil(const std::function<bool()> &done, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

void spin(int ms)
{
    spinUntil([] { return false; }, ms);
}

QString ago(int minutes)
{
    return QDateTime::currentDateTimeUtc().addSecs(-60 * minutes).toString(Qt::ISODate);
}

//! Just enough of a relay for pictures: HTTP login and templates, and a WebSocket whose frames
//! the program decides.
class ScriptedRelay : public QObject
{
public:
    explicit ScriptedRelay(const QString &templatesTsv)
    {
        m_http.listen(QHostAddress::LocalHost);
        connect(&m_http, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_http.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this,
                        [this, socket]() { onRequest(socket); });
        });
        connect(&m_ws, &QWebSocketServer::newConnection, this, [this]() {
            m_socket = m_ws.nextPendingConnection();
            connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
                const auto frame = nlohmann::json::parse(text.toStdString(), nullptr, false);
                if (onFrame)
                    onFrame(frame);
            });
        });
        loadTemplates(templatesTsv);
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_http.serverPort()));
    }
    bool connected() const { return m_socket != nullptr; }
    void send(const protocol::ServerFrame &frame)
    {
        m_socket->sendTextMessage(QString::fromStdString(protocol::encode(frame)));
    }

    std::function<void(const nlohmann::json &)> onFrame;

private:
    void onRequest(QTcpSocket *socket)
    {
        const QByteArray head = socket->peek(64 * 1024);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        if (head.startsWith("GET /ws")) {
            socket->disconnect(this);
            m_ws.handleConnection(socket);
            return;
        }
        const qsizetype lengthAt = head.toLower().indexOf("content-length:");
        const int length =
            lengthAt < 0 ? 0
                         : head.mid(lengthAt + 15, head.indexOf("\r\n", lengthAt) - lengthAt - 15)
                               .trimmed()
                               .toInt();
        if (head.size() < end + 4 + length)
            return;
        socket->read(end + 4 + length);
        std::string body;
        if (head.startsWith("POST /api/auth/login"))
            body = nlohmann::json{{"token", "screenshot-token"},
                                  {"agent",
                                   {{"id", "agent-kim"},
                                    {"name", "김서연"},
                                    {"languages", {"vi", "ja"}},
                                    {"role", "agent"}}}}
                       .dump();
        else
            body = m_templates.dump();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: "
                      "close\r\nContent-Length: " +
                      QByteArray::number(qsizetype(body.size())) + "\r\n\r\n" +
                      QByteArray::fromStdString(body));
        socket->disconnectFromHost();
    }

    void loadTemplates(const QString &path)
    {
        m_templates = {{"templates", nlohmann::json::array()}};
        const auto table = medtranslate::TsvTable::load(path.toStdString());
        if (!table)
            return;
        for (const auto &row : table->rows()) {
            nlohmann::json texts;
            for (const char *lang : {"ko", "en", "ja", "zh", "th", "vi"})
                texts[lang] = row[size_t(table->column(lang))];
            m_templates["templates"].push_back(
                {{"id", row[size_t(table->column("id"))]},
                 {"category", row[size_t(table->column("category"))]},
                 {"title", row[size_t(table->column("title"))]},
                 {"texts", texts}});
        }
    }

    QTcpServer m_http;
    QWebSocketServer m_ws{QStringLiteral("scripted relay"), QWebSocketServer::NonSecureMode};
    QWebSocket *m_socket = nullptr;
    nlohmann::json m_templates;
};

protocol::Room room(const std::string &id, const std::string &lang, int minutesAgo,
                    protocol::RoomStatus status = protocol::RoomStatus::Active)
{
    protocol::Room r;
    r.roomId = id;
    r.status = status;
    r.patientLanguage = lang;
    if (status == protocol::RoomStatus::Active)
        r.agent = protocol::AgentRef{"agent-kim", "김서연"};
    r.patientOnline = true;
    r.agentOnline = true;
    r.createdAt = ago(minutesAgo).toStdString();
    return r;
}

protocol::Message message(const std::string &roomId, qint64 seq, protocol::Sender sender,
                          const std::string &text, const std::string &lang,
                          const std::string &translation, const std::string &translationLang,
                          protocol::TranslationStatus status, int minutesAgo)
{
    protocol::Message m;
    m.roomId = roomId;
    m.seq = seq;
    m.msgId = roomId + "-" + std::to_string(seq);
    m.clientMsgId = "c-" + m.msgId;
    m.sender = sender;
    m.senderName = sender == protocol::Sender::Agent ? "김서연" : "";
    m.text = text;
    m.lang = lang;
    m.translation.text = translation;
    m.translation.lang = translationLang;
    m.translation.status = status;
    m.translation.provider = "engine";
    m.createdAt = ago(minutesAgo).toStdString();
    return m;
}

//! An attachment message as the relay announces it; the name is the text, not translated.
protocol::Message attachment(const std::string &roomId, std::int64_t seq, protocol::Sender sender,
                             const std::string &name, const std::string &type, std::int64_t size,
                             bool thumbnail, int minutesAgo)
{
    const std::string lang = sender == protocol::Sender::Agent ? "ko" : "ja";
    protocol::Message m = message(roomId, seq, sender, name, lang, name,
                                  sender == protocol::Sender::Agent ? "ja" : "ko",
                                  protocol::TranslationStatus::Vetted, minutesAgo);
    protocol::Attachment a;
    a.id = "att-" + std::to_string(seq);
    a.name = name;
    a.type = type;
    a.size = size;
    a.url = "/api/rooms/" + roomId + "/attachments/" + a.id;
    if (thumbnail)
        a.thumbnailUrl = a.url + "/thumbnail";
    m.attachment = a;
    return m;
}

//! Stands in for a thumbnail: a photo of skin with a red patch, or a small map.
QImage sampleThumbnail(bool map)
{
    QImage image(320, 240, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    if (map) {
        image.fill(QColor(0xee, 0xf1, 0xe6));
        p.setPen(QPen(QColor(0xff, 0xff, 0xff), 14));
        p.drawLine(0, 150, 320, 110);
        p.drawLine(140, 0, 180, 240);
        p.setPen(QPen(QColor(0x1f, 0x4f, 0x99), 6));
        p.drawLine(20, 146, 172, 124);
        p.drawLine(172, 124, 166, 60);
        p.setBrush(QColor(0xd9, 0x3b, 0x3b));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(166, 52), 12, 12);
        return image;
    }
    QLinearGradient skin(0, 0, 320, 240);
    skin.setColorAt(0, QColor(0xe8, 0xc0, 0xa0));
    skin.setColorAt(1, QColor(0xd4, 0xa4, 0x84));
    p.fillRect(image.rect(), skin);
    QRadialGradient patch(QPointF(170, 120), 70);
    patch.setColorAt(0, QColor(0xc8, 0x50, 0x50, 220));
    patch.setColorAt(1, QColor(0xc8, 0x50, 0x50, 0));
    p.setBrush(patch);
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(170, 120), 70, 56);
    return image;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 10));
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(outDir);
    UiLanguage::install(QStringLiteral("ko"));

    ScriptedRelay relay(
        QStringLiteral(MEDTRANSLATE_SOURCE_ROOT "/resources/templates/templates.tsv"));
    RelayClient client;
    ChatRegistry registry(client);
    TemplateModel templates;
    QObject::connect(&client, &RelayClient::templatesLoaded, &templates,
                     &TemplateModel::setTemplates);
    MainWindow window(registry, &templates);
    window.resize(1360, 820);
    window.show();

    client.login(relay.url(), QStringLiteral("kim"), QStringLiteral("pw"));
    if (!spinUntil([&] { return client.hasToken(); }))
        return 1;
    window.setAgentName(client.agent().name);
    client.fetchTemplates();
    client.connectToRelay();
    if (!spinUntil([&] { return relay.connected(); }))
        return 2;
    using S = protocol::Sender;
    using T = protocol::TranslationStatus;
    relay.onFrame = [&](const nlohmann::json &frame) {
        if (frame.value("type", std::string{}) == "hello") {
            server::Welcome welcome;
            welcome.role = protocol::Role::Agent;
            welcome.agent = protocol::AgentRef{"agent-kim", "김서연"};
            auto vi = room("room-7f3a21", "vi", 14);
            vi.patientReadSeq = 3;
            vi.agentReadSeq = 4;
            welcome.rooms = {vi, room("room-c19e02", "ja", 6)};
            relay.send(welcome);
            server::Queue queue;
            auto en = room("room-5b77d0", "en", 7, protocol::RoomStatus::Waiting);
            en.firstMessage = "Hi, can I get a health check-up next week?";
            en.firstMessageTranslation = "안녕하세요, 다음 주에 건강검진을 받을 수 있을까요?";
            auto zh = room("room-e20b4c", "zh", 1, protocol::RoomStatus::Waiting);
            zh.firstMessage = "我孩子发烧了，可以今天看病吗？";
            zh.firstMessageTranslation = "아이가 열이 나는데 오늘 진료받을 수 있나요?";
            queue.rooms = {en, zh};
            relay.send(queue);
        } else if (frame.value("type", std::string{}) == "history" &&
                   frame["room_id"] == "room-7f3a21") {
            const std::string r = "room-7f3a21";
            relay.send(server::MessageFrame{
                message(r, 1, S::Patient, "Chào bác sĩ, tôi bị đau đầu và sốt từ hôm qua.", "vi",
                        "안녕하세요, 어제부터 두통과 열이 있어요.", "ko", T::Ok, 14)});
            relay.send(server::MessageFrame{
                message(r, 2, S::System, "김서연 상담사가 상담을 시작했습니다.", "ko",
                        "Tư vấn viên 김서연 đã tham gia.", "vi", T::Vetted, 13)});
            auto greet =
                message(r, 3, S::Agent,
                        "안녕하세요, 저희 병원 국제진료센터입니다. 무엇을 도와드릴까요?", "ko",
                        "Xin chào, đây là trung tâm bệnh nhân quốc tế của bệnh viện chúng tôi. Tôi "
                        "có thể giúp gì cho bạn?",
                        "vi", T::Vetted, 12);
            greet.templateId = "tpl-greet-first";
            relay.send(server::MessageFrame{greet});
            relay.send(server::MessageFrame{
                message(r, 4, S::Patient, "Tôi đã uống 2 viên paracetamol 500mg.", "vi",
                        "파라세타몰 500mg 두 알을 먹었어요.", "ko", T::Cached, 10)});
            auto dose = message(
                r, 5, S::Agent, "오늘 오후 3시에 내과로 오세요. 여권을 꼭 가져오세요.", "ko",
                "Hãy đến khoa nội lúc 13 giờ chiều nay. Nhớ mang theo hộ chiếu.", "vi", T::Ok, 6);
            dose.translation.warnings = {"number_mismatch"};
            relay.send(server::MessageFrame{dose});
            relay.send(server::MessageFrame{
                message(r, 6, S::Patient, "Tôi có cần nhịn ăn trước khi khám không?", "vi",
                        "Tôi có cần nhịn ăn trước khi khám không?", "vi", T::Unavailable, 2)});
            relay.send(server::Typing{r, protocol::Role::Patient, true});
        } else if (frame.value("type", std::string{}) == "history" &&
                   frame["room_id"] == "room-c19e02") {
            const std::string r = "room-c19e02";
            relay.send(
                server::MessageFrame{message(r, 1, S::Patient, "予約を来週に変更したいです。", "ja",
                                             "예약을 다음 주로 변경하고 싶어요.", "ko", T::Ok, 6)});
            relay.send(server::MessageFrame{message(r, 2, S::System,
                                                    "김서연 상담사가 상담을 시작했습니다.", "ko",
                                                    "担当者が参加しました。", "ja", T::Vetted, 5)});
            relay.send(server::MessageFrame{
                message(r, 3, S::Patient, "火曜日の午前は空いていますか？", "ja",
                        "화요일 오전에 비어 있나요?", "ko", T::Fallback, 1)});
            relay.send(server::MessageFrame{message(r, 4, S::Patient, "よろしくお願いします。",
                                                    "ja", "", "ko", T::Pending, 0)});
            relay.send(server::MessageFrame{
                attachment(r, 5, S::Patient, "IMG_2041.jpg", "image/jpeg", 1'843'200, true, 1)});
            relay.send(server::MessageFrame{
                attachment(r, 6, S::Patient, "紹介状.pdf", "application/pdf", 245'760, false, 1)});
            relay.send(server::MessageFrame{
                attachment(r, 7, S::Agent, "오시는길_약도.png", "image/png", 412'000, true, 0)});
        } else if (frame.value("type", std::string{}) == "preview") {
            server::PreviewResult result;
            result.requestId = frame.value("request_id", std::string{});
            result.translation.text = "Hãy uống thuốc huyết áp 50mg mỗi ngày một lần sau bữa sáng.";
            result.translation.lang = "vi";
            result.translation.status = T::Ok;
            result.translation.warnings = {"number_mismatch"};
            result.backTranslation = {"혈압약은 하루 한 번 아침 식사 후 50mg 드세요.", "ko"};
            result.glossary = {{"혈압약", "thuốc huyết áp"}};
            relay.send(result);
        } else if (frame.value("type", std::string{}) == "send") {
            // Refused: the database is full, or the text is over the relay's limit.
            const std::string ref = frame.value("client_msg_id", std::string{});
            relay.send(ref == "c-too-long"
                           ? server::Error{protocol::ErrorCode::TooLarge, "text too long", ref}
                           : server::Error{protocol::ErrorCode::Internal,
                                           "the message could not be stored", ref});
        }
    };
    // The hello went out before the script was set: reconnect so it is answered.
    client.abortConnection();
    if (!spinUntil([&] { return client.isConnected() && registry.sessions().size() == 2; }))
        return 3;
    spinUntil([&] { return templates.rowCount() > 0; });
    spin(500);

    ChatTabs *tabs = window.tabs();
    tabs->setCurrentIndex(0);
    spin(300);
    window.grab().save(outDir + QStringLiteral("/console-main.png"));

    Composer *composer = tabs->currentPage()->composer();
    composer->editor()->setPlainText(
        QStringLiteral("혈압약은 하루 한 번 아침 식사 후 5mg 드세요."));
    spin(1200);
    window.grab().save(outDir + QStringLiteral("/console-preview.png"));

    composer->editor()->clear();
    ChatSession *vi = registry.session(QStringLiteral("room-7f3a21"));
    vi->sendText(QStringLiteral("c-not-stored"),
                 QStringLiteral("검사 결과는 내일 오후에 나옵니다."));
    vi->sendText(QStringLiteral("c-too-long"),
                 QStringLiteral("복용 중인 약을 모두 알려 주세요. ").repeated(6).trimmed());
    if (!spinUntil([&] {
            const MessageListModel &m = *vi->messages();
            const int a = m.rowOfClientMsgId(QStringLiteral("c-not-stored"));
            const int b = m.rowOfClientMsgId(QStringLiteral("c-too-long"));
            return a >= 0 && b >= 0 && m.deliveryAt(a) == MessageListModel::Delivery::Failed &&
                   m.deliveryAt(b) == MessageListModel::Delivery::Failed;
        }))
        return 4;
    ChatView *view = tabs->currentPage()->view();
    view->setCurrentIndex(
        vi->messages()->index(vi->messages()->rowOfClientMsgId(QStringLiteral("c-not-stored"))));
    spin(300);
    window.grab().save(outDir + QStringLiteral("/console-failed.png"));

    // The Japanese chat: a patient's photo and referral letter, and the counselor's map. This
    // relay serves no files, so the thumbnails are put in place as fetched ones would be.
    ChatSession *ja = registry.session(QStringLiteral("room-c19e02"));
    tabs->setCurrentIndex(1);
    spin(300);
    ja->messages()->setThumbnail(
        QStringLiteral("/api/rooms/room-c19e02/attachments/att-5/thumbnail"),
        sampleThumbnail(false));
    ja->messages()->setThumbnail(
        QStringLiteral("/api/rooms/room-c19e02/attachments/att-7/thumbnail"),
        sampleThumbnail(true));
    tabs->currentPage()->view()->scrollToBottom();
    spin(300);
    window.grab().save(outDir + QStringLiteral("/console-attachments.png"));

    // A supervisor's view of the whole desk, while the child's fever raises a red flag: the
    // queue's urgent tab, the red banner (no tray here) and the "all consultations" list.
    auto zh = room("room-e20b4c", "zh", 2, protocol::RoomStatus::Waiting);
    zh.firstMessage = "我孩子发烧39度，一直抽搐";
    zh.firstMessageTranslation = "아이가 39도 열이 나고 계속 경련을 해요";
    zh.urgent = true;
    zh.redFlags = {{"seizure", {"一直抽搐"}}};
    auto en = room("room-5b77d0", "en", 7, protocol::RoomStatus::Waiting);
    en.firstMessage = "Hi, can I get a health check-up next week?";
    en.firstMessageTranslation = "안녕하세요, 다음 주에 건강검진을 받을 수 있을까요?";
    relay.send(server::Queue{{zh, en}});
    server::Overview overview;
    auto th = room("room-0d4411", "th", 9);
    th.agent = protocol::AgentRef{"agent-park", "박지훈"};
    overview.rooms = {{zh, 95},
                      {en, 410},
                      {room("room-7f3a21", "vi", 14), 0},
                      {room("room-c19e02", "ja", 7), 40},
                      {th, 380}};
    relay.send(overview);
    if (!spinUntil([&] { return window.overviewPanel() != nullptr; }))
        return 5;
    window.sidePanels()->setCurrentWidget(window.overviewPanel());
    spin(300);
    window.grab().save(outDir + QStringLiteral("/console-overview.png"));
    // The Vietnamese chat's patient turns out to write Thai: the chat flags it.
    tabs->setCurrentIndex(0);
    const std::string r = "room-7f3a21";
    relay.send(server::Typing{r, protocol::Role::Patient, false});
    relay.send(
        server::MessageFrame{message(r, 7, S::Patient, "ขอโทษค่ะ ฉันอ่านภาษาเวียดนามไม่ออก", "th",
                                     "죄송해요, 저는 베트남어를 읽지 못해요.", "ko", T::Ok, 1)});
    relay.send(server::MessageFrame{message(r, 8, S::Patient, "ฉันปวดหัวมากและมีไข้ค่ะ", "th",
                                            "머리가 많이 아프고 열이 나요.", "ko", T::Ok, 0)});
    if (!spinUntil([&] { return vi->suspectedLanguage() == QLatin1String("th"); }))
        return 5;
    tabs->currentPage()->view()->scrollToBottom();
    spin(300);
    window.grab().save(outDir + QStringLiteral("/console-language.png"));
    return 0;
}
