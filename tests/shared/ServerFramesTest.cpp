#include "medtranslate/protocol/FrameCodec.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace medtranslate::protocol;
using nlohmann::json;

namespace {

json encoded(const ServerFrame &frame)
{
    return json::parse(encode(frame));
}

std::set<std::string> keysOf(const json &object)
{
    std::set<std::string> keys;
    for (const auto &item : object.items())
        keys.insert(item.key());
    return keys;
}

template <typename T> T parseAs(std::string_view raw)
{
    const auto result = parseServerFrame(raw);
    if (const auto *error = std::get_if<FrameError>(&result)) {
        ADD_FAILURE() << "frame refused: " << error->message << "\n  frame: " << raw;
        return T{};
    }
    const auto &frame = std::get<ServerFrame>(result);
    if (const auto *typed = std::get_if<T>(&frame))
        return *typed;
    ADD_FAILURE() << "frame parsed as '" << typeName(frame) << "'\n  frame: " << raw;
    return T{};
}

template <typename T> void expectRoundTrip(const T &frame)
{
    const std::string text = encode(ServerFrame{frame});
    EXPECT_EQ(parseAs<T>(text), frame) << text;
}

Translation fullTranslation()
{
    Translation t;
    t.text = "두통이 있어요";
    t.lang = "ko";
    t.status = TranslationStatus::Ok;
    t.provider = "deepl";
    t.warnings = {"number_mismatch", "glossary_missing:두통"};
    return t;
}

Message patientMessage()
{
    Message m;
    m.roomId = "room-1";
    m.seq = 13;
    m.msgId = "m-013";
    m.clientMsgId = "5f0c7b1e-9a43";
    m.sender = Sender::Patient;
    m.senderName = "Nguyễn Văn A";
    m.text = "Tôi bị đau đầu";
    m.lang = "vi";
    m.translation = fullTranslation();
    m.createdAt = "2026-11-26T06:00:00Z";
    return m;
}

Room waitingRoom()
{
    Room r;
    r.roomId = "room-2";
    r.status = RoomStatus::Waiting;
    r.patientLanguage = "th";
    r.patientOnline = true;
    r.lastSeq = 1;
    r.createdAt = "2026-11-26T05:59:00Z";
    return r;
}

Room activeRoom()
{
    Room r;
    r.roomId = "room-1";
    r.status = RoomStatus::Active;
    r.patientLanguage = "vi";
    r.agent = AgentRef{"agent-kim", "김상담"};
    r.patientOnline = true;
    r.agentOnline = true;
    r.lastSeq = 13;
    r.createdAt = "2026-11-26T05:50:00Z";
    r.patientReadSeq = 12;
    r.agentReadSeq = 13;
    return r;
}

void expectContractRoom(const json &j, const Room &room)
{
    EXPECT_EQ(j.at("room_id"), room.roomId);
    EXPECT_EQ(j.at("status"), toString(room.status));
    EXPECT_EQ(j.at("patient_language"), room.patientLanguage);
    ASSERT_TRUE(j.contains("agent"));
    if (room.agent) {
        EXPECT_EQ(j.at("agent"), (json{{"id", room.agent->id}, {"name", room.agent->name}}));
    } else {
        EXPECT_TRUE(j.at("agent").is_null()) << j.at("agent");
    }
    EXPECT_EQ(j.at("patient_online"), room.patientOnline);
    EXPECT_EQ(j.at("agent_online"), room.agentOnline);
    EXPECT_EQ(j.at("last_seq"), room.lastSeq);
}

} // namespace

// ---- value types ----

TEST(ProtocolTypes, EnumNamesMatchTheContract)
{
    const std::vector<std::pair<ErrorCode, std::string>> codes{
        {ErrorCode::BadRequest, "bad_request"},
        {ErrorCode::Unauthorized, "unauthorized"},
        {ErrorCode::Forbidden, "forbidden"},
        {ErrorCode::NotFound, "not_found"},
        {ErrorCode::TooLarge, "too_large"},
        {ErrorCode::RateLimited, "rate_limited"},
        {ErrorCode::RoomEnded, "room_ended"},
        {ErrorCode::AlreadyAssigned, "already_assigned"},
        {ErrorCode::UnsupportedLanguage, "unsupported_language"},
        {ErrorCode::Internal, "internal"},
    };
    for (const auto &[code, name] : codes) {
        EXPECT_EQ(toString(code), name);
        EXPECT_EQ(errorCodeFromString(name), code);
    }
    const std::vector<std::pair<TranslationStatus, std::string>> statuses{
        {TranslationStatus::Ok, "ok"},
        {TranslationStatus::Cached, "cached"},
        {TranslationStatus::Fallback, "fallback"},
        {TranslationStatus::Vetted, "vetted"},
        {TranslationStatus::Pending, "pending"},
        {TranslationStatus::Unavailable, "unavailable"},
    };
    for (const auto &[status, name] : statuses) {
        EXPECT_EQ(toString(status), name);
        EXPECT_EQ(translationStatusFromString(name), status);
    }
    EXPECT_EQ(toString(Role::Patient), "patient");
    EXPECT_EQ(toString(Role::Agent), "agent");
    EXPECT_EQ(roleFromString("agent"), Role::Agent);
    EXPECT_EQ(toString(Sender::System), "system");
    EXPECT_EQ(senderFromString("patient"), Sender::Patient);
    EXPECT_EQ(toString(RoomStatus::Ended), "ended");
    EXPECT_EQ(roomStatusFromString("active"), RoomStatus::Active);

    EXPECT_FALSE(errorCodeFromString("BAD_REQUEST").has_value());
    EXPECT_FALSE(translationStatusFromString("").has_value());
    EXPECT_FALSE(roleFromString("system").has_value());
    EXPECT_FALSE(senderFromString("bot").has_value());
    EXPECT_FALSE(roomStatusFromString("closed").has_value());
}

// ---- every server frame: contract keys and round trip ----

TEST(ServerFrames, WelcomeForAPatient)
{
    server::Welcome welcome;
    welcome.role = Role::Patient;
    welcome.rooms = {activeRoom()};
    const json j = encoded(welcome);
    EXPECT_EQ(j.at("type"), "welcome");
    EXPECT_EQ(j.at("role"), "patient");
    ASSERT_TRUE(j.at("rooms").is_array());
    ASSERT_EQ(j.at("rooms").size(), 1u);
    expectContractRoom(j.at("rooms")[0], activeRoom());
    EXPECT_FALSE(j.contains("agent"));
    EXPECT_FALSE(j.contains("max_attachment_bytes"));
    expectRoundTrip(welcome);
}

TEST(ServerFrames, WelcomeStatesTheAttachmentLimit)
{
    server::Welcome welcome;
    welcome.role = Role::Patient;
    welcome.maxAttachmentBytes = 5 * 1024 * 1024;
    const json j = encoded(welcome);
    EXPECT_EQ(j.at("max_attachment_bytes"), 5 * 1024 * 1024);
    expectRoundTrip(welcome);
}

TEST(ServerFrames, WelcomeForAnAgentNamesTheAgent)
{
    server::Welcome welcome;
    welcome.role = Role::Agent;
    welcome.rooms = {activeRoom(), waitingRoom()};
    welcome.agent = AgentRef{"agent-kim", "김상담"};
    const json j = encoded(welcome);
    EXPECT_EQ(j.at("role"), "agent");
    ASSERT_EQ(j.at("rooms").size(), 2u);
    expectContractRoom(j.at("rooms")[1], waitingRoom());
    EXPECT_EQ(j.at("agent"), (json{{"id", "agent-kim"}, {"name", "김상담"}}));
    expectRoundTrip(welcome);
}

TEST(ServerFrames, WelcomeWithNoRooms)
{
    const server::Welcome welcome{Role::Patient, {}, std::nullopt};
    const json j = encoded(welcome);
    EXPECT_TRUE(j.at("rooms").is_array());
    EXPECT_TRUE(j.at("rooms").empty());
    expectRoundTrip(welcome);
}

TEST(ServerFrames, Ack)
{
    const server::Ack ack{"5f0c7b1e-9a43", "room-1", 13, "m-013"};
    const json j = encoded(ack);
    EXPECT_EQ(keysOf(j),
              (std::set<std::string>{"type", "client_msg_id", "room_id", "seq", "msg_id"}));
    EXPECT_EQ(j.at("type"), "ack");
    EXPECT_EQ(j.at("client_msg_id"), "5f0c7b1e-9a43");
    EXPECT_EQ(j.at("room_id"), "room-1");
    EXPECT_EQ(j.at("seq"), 13);
    EXPECT_TRUE(j.at("seq").is_number_integer());
    EXPECT_EQ(j.at("msg_id"), "m-013");
    expectRoundTrip(ack);
}

TEST(ServerFrames, AgentsListsEachColleagueWithStatusAndLoad)
{
    const server::Agents agents{{{"a1", "김민지", AgentStatus::Online, 2},
                                 {"a2", "이서준", AgentStatus::Away, 0},
                                 {"a3", "박지훈", AgentStatus::Offline, 1}}};
    const json j = encoded(agents);
    EXPECT_EQ(j.at("type"), "agents");
    ASSERT_EQ(j.at("agents").size(), 3u);
    EXPECT_EQ(keysOf(j.at("agents")[0]),
              (std::set<std::string>{"id", "name", "status", "active_chats"}));
    EXPECT_EQ(j.at("agents")[1].at("status"), "away");
    EXPECT_EQ(j.at("agents")[2].at("status"), "offline");
    EXPECT_EQ(j.at("agents")[0].at("active_chats"), 2);
    expectRoundTrip(agents);
    const auto refused = parseServerFrame(
        R"({"type":"agents","agents":[{"id":"a1","name":"x","status":"sleeping"}]})");
    EXPECT_TRUE(std::holds_alternative<FrameError>(refused));
}

TEST(ServerFrames, QueuePositionWithAndWithoutAnExpectedWait)
{
    const server::QueuePosition known{"room-1", 2, 3, 240};
    const json j = encoded(known);
    EXPECT_EQ(keysOf(j),
              (std::set<std::string>{"type", "room_id", "position", "waiting", "expected_wait_s"}));
    EXPECT_EQ(j.at("type"), "queue_position");
    EXPECT_EQ(j.at("position"), 2);
    EXPECT_EQ(j.at("expected_wait_s"), 240);
    expectRoundTrip(known);
    const server::QueuePosition unknown{"room-1", 1, 1, std::nullopt};
    EXPECT_TRUE(encoded(unknown).at("expected_wait_s").is_null());
    expectRoundTrip(unknown);
}

TEST(ServerFrames, OverviewIsRoomsWithTheirWait)
{
    Room active;
    active.roomId = "room-1";
    active.status = RoomStatus::Active;
    active.patientLanguage = "vi";
    active.agent = AgentRef{"a1", "김민지"};
    Room waiting;
    waiting.roomId = "room-2";
    waiting.patientLanguage = "th";
    const server::Overview overview{{{active, 0}, {waiting, 95}}};
    const json j = encoded(overview);
    EXPECT_EQ(j.at("type"), "overview");
    ASSERT_EQ(j.at("rooms").size(), 2u);
    EXPECT_EQ(j.at("rooms")[0].at("agent").at("id"), "a1");
    EXPECT_EQ(j.at("rooms")[1].at("status"), "waiting");
    EXPECT_EQ(j.at("rooms")[1].at("waiting_s"), 95);
    expectRoundTrip(overview);
}

TEST(ServerFrames, TransferNote)
{
    const server::TransferNote note{"room-1", {"a1", "김민지"}, "처방전 사진 확인 필요"};
    const json j = encoded(note);
    EXPECT_EQ(keysOf(j), (std::set<std::string>{"type", "room_id", "from", "note"}));
    EXPECT_EQ(j.at("type"), "transfer_note");
    EXPECT_EQ(j.at("from").at("id"), "a1");
    expectRoundTrip(note);
}

TEST(ServerFrames, MessageWithFullTranslation)
{
    const server::MessageFrame frame{patientMessage()};
    const json j = encoded(frame);
    EXPECT_EQ(keysOf(j),
              (std::set<std::string>{"type", "room_id", "seq", "msg_id", "client_msg_id", "sender",
                                     "sender_name", "text", "lang", "translation", "created_at"}));
    EXPECT_EQ(j.at("type"), "message");
    EXPECT_EQ(j.at("room_id"), "room-1");
    EXPECT_EQ(j.at("seq"), 13);
    EXPECT_EQ(j.at("msg_id"), "m-013");
    EXPECT_EQ(j.at("client_msg_id"), "5f0c7b1e-9a43");
    EXPECT_EQ(j.at("sender"), "patient");
    EXPECT_EQ(j.at("sender_name"), "Nguyễn Văn A");
    EXPECT_EQ(j.at("text"), "Tôi bị đau đầu");
    EXPECT_EQ(j.at("lang"), "vi");
    EXPECT_EQ(j.at("created_at"), "2026-11-26T06:00:00Z");

    const json &t = j.at("translation");
    EXPECT_EQ(keysOf(t), (std::set<std::string>{"text", "lang", "status", "provider", "warnings"}));
    EXPECT_EQ(t.at("text"), "두통이 있어요");
    EXPECT_EQ(t.at("lang"), "ko");
    EXPECT_EQ(t.at("status"), "ok");
    EXPECT_EQ(t.at("provider"), "deepl");
    EXPECT_EQ(t.at("warnings"), (json{"number_mismatch", "glossary_missing:두통"}));
    expectRoundTrip(frame);
}

TEST(ServerFrames, MessageWithPendingTranslation)
{
    Message m = patientMessage();
    m.sender = Sender::Agent;
    m.senderName = "김상담";
    m.text = "하루 3번 드세요";
    m.lang = "ko";
    m.translation = Translation{};
    m.translation.lang = "vi";
    const json j = encoded(server::MessageFrame{m});
    EXPECT_EQ(j.at("sender"), "agent");
    EXPECT_EQ(j.at("translation").at("status"), "pending");
    EXPECT_EQ(j.at("translation").at("lang"), "vi");
    EXPECT_EQ(j.at("translation").at("text"), "");
    EXPECT_EQ(j.at("translation").at("warnings"), json::array());
    expectRoundTrip(server::MessageFrame{m});
}

TEST(ServerFrames, MessageExtensionsRoundTrip)
{
    Message m = patientMessage();
    m.sender = Sender::System;
    m.event = "agent_joined";
    m.templateId = "tpl-greet-first";
    m.translation.status = TranslationStatus::Vetted;
    m.translation.sourceLang = "vi";
    const json j = encoded(server::MessageFrame{m});
    EXPECT_EQ(j.at("sender"), "system");
    EXPECT_EQ(j.at("event"), "agent_joined");
    EXPECT_EQ(j.at("template_id"), "tpl-greet-first");
    EXPECT_EQ(j.at("translation").at("status"), "vetted");
    EXPECT_EQ(j.at("translation").at("source_lang"), "vi");
    expectRoundTrip(server::MessageFrame{m});
}

TEST(ServerFrames, EveryTranslationStatusRoundTrips)
{
    for (const auto status :
         {TranslationStatus::Ok, TranslationStatus::Cached, TranslationStatus::Fallback,
          TranslationStatus::Vetted, TranslationStatus::Pending, TranslationStatus::Unavailable}) {
        Message m = patientMessage();
        m.translation.status = status;
        EXPECT_EQ(encoded(server::MessageFrame{m}).at("translation").at("status"),
                  toString(status));
        expectRoundTrip(server::MessageFrame{m});
    }
}

TEST(ServerFrames, MessageAsTheContractWritesIt)
{
    // A message from another implementation, pending translation in its shortest form.
    const auto frame = parseAs<server::MessageFrame>(
        R"({"type":"message","room_id":"r1","seq":2,"msg_id":"m2","client_msg_id":"c2",
            "sender":"agent","sender_name":"Kim","text":"안녕하세요","lang":"ko",
            "translation":{"status":"pending","lang":"th"},"created_at":"2026-11-26T06:00:00Z"})");
    const Message &m = frame.message;
    EXPECT_EQ(m.roomId, "r1");
    EXPECT_EQ(m.seq, 2);
    EXPECT_EQ(m.msgId, "m2");
    EXPECT_EQ(m.clientMsgId, "c2");
    EXPECT_EQ(m.sender, Sender::Agent);
    EXPECT_EQ(m.senderName, "Kim");
    EXPECT_EQ(m.text, "안녕하세요");
    EXPECT_EQ(m.lang, "ko");
    EXPECT_EQ(m.translation, (Translation{"", "th", TranslationStatus::Pending, "", {}, ""}));
    EXPECT_EQ(m.createdAt, "2026-11-26T06:00:00Z");
}

TEST(ServerFrames, TranslationUpdate)
{
    const server::TranslationUpdate update{"room-1", 13, fullTranslation()};
    const json j = encoded(update);
    EXPECT_EQ(keysOf(j), (std::set<std::string>{"type", "room_id", "seq", "translation"}));
    EXPECT_EQ(j.at("type"), "translation");
    EXPECT_EQ(j.at("room_id"), "room-1");
    EXPECT_EQ(j.at("seq"), 13);
    EXPECT_EQ(j.at("translation").at("text"), "두통이 있어요");
    EXPECT_EQ(j.at("translation").at("status"), "ok");
    expectRoundTrip(update);
}

TEST(ServerFrames, TranslationUnavailable)
{
    Translation t;
    t.lang = "ko";
    t.status = TranslationStatus::Unavailable;
    const server::TranslationUpdate update{"room-1", 14, t};
    const json j = encoded(update);
    EXPECT_EQ(j.at("translation").at("status"), "unavailable");
    EXPECT_EQ(j.at("translation").at("lang"), "ko");
    EXPECT_EQ(j.at("translation").at("text"), "");
    expectRoundTrip(update);
}

TEST(ServerFrames, RoomWithoutAgentHasNullAgent)
{
    const server::RoomUpdate update{waitingRoom()};
    const json j = encoded(update);
    EXPECT_EQ(j.at("type"), "room");
    expectContractRoom(j, waitingRoom());
    EXPECT_TRUE(j.at("agent").is_null());
    EXPECT_EQ(encode(ServerFrame{update}).find("\"agent\":null") != std::string::npos, true);
    expectRoundTrip(update);
}

TEST(ServerFrames, RoomWithAgent)
{
    const server::RoomUpdate update{activeRoom()};
    const json j = encoded(update);
    EXPECT_EQ(j.at("type"), "room");
    expectContractRoom(j, activeRoom());
    EXPECT_EQ(j.at("patient_read_seq"), 12);
    EXPECT_EQ(j.at("agent_read_seq"), 13);
    expectRoundTrip(update);
}

TEST(ServerFrames, UrgentRoomCarriesItsRedFlags)
{
    Room room = waitingRoom();
    room.urgent = true;
    room.redFlags = {{"chest_pain", {"가슴이 너무 아파", "chest pain"}}, {"breathing", {}}};
    const server::RoomUpdate update{room};
    const json j = encoded(update);
    expectContractRoom(j, room);
    EXPECT_EQ(j.at("urgent"), true);
    EXPECT_EQ(j.at("red_flags"),
              json::parse(R"([{"category":"chest_pain","words":["가슴이 너무 아파","chest pain"]},
                              {"category":"breathing","words":[]}])"));
    expectRoundTrip(update);
    // An ordinary room's frame is what it was before the extension.
    const json plain = encoded(server::RoomUpdate{waitingRoom()});
    EXPECT_FALSE(plain.contains("urgent"));
    EXPECT_FALSE(plain.contains("red_flags"));
}

TEST(ServerFrames, AnswerLaterRoomCarriesContactAndPrechat)
{
    Room room = waitingRoom();
    room.answerLater = true;
    room.contact = Contact{"anna@example.com", ""};
    room.prechat = Prechat{"Anna", "", "MRI appointment"};
    const server::RoomUpdate update{room};
    const json j = encoded(update);
    expectContractRoom(j, room);
    EXPECT_EQ(j.at("answer_later"), true);
    EXPECT_EQ(j.at("contact"), json::parse(R"({"email":"anna@example.com"})"));
    EXPECT_EQ(j.at("prechat"), json::parse(R"({"name":"Anna","reason":"MRI appointment"})"));
    expectRoundTrip(update);
    const json plain = encoded(server::RoomUpdate{waitingRoom()});
    EXPECT_FALSE(plain.contains("answer_later"));
    EXPECT_FALSE(plain.contains("contact"));
    EXPECT_FALSE(plain.contains("prechat"));
}

TEST(ServerFrames, EndedRoom)
{
    Room room = activeRoom();
    room.status = RoomStatus::Ended;
    room.agentOnline = false;
    const json j = encoded(server::RoomUpdate{room});
    EXPECT_EQ(j.at("status"), "ended");
    EXPECT_EQ(j.at("agent_online"), false);
    expectRoundTrip(server::RoomUpdate{room});
}

TEST(ServerFrames, Queue)
{
    Room first = waitingRoom();
    first.firstMessage = "ปวดหัวมากค่ะ";
    first.firstMessageTranslation = "머리가 많이 아파요";
    Room second = waitingRoom();
    second.roomId = "room-3";
    second.patientLanguage = "ja";
    const server::Queue queue{{first, second}};
    const json j = encoded(queue);
    EXPECT_EQ(keysOf(j), (std::set<std::string>{"type", "rooms"}));
    EXPECT_EQ(j.at("type"), "queue");
    ASSERT_EQ(j.at("rooms").size(), 2u);
    expectContractRoom(j.at("rooms")[0], first);
    expectContractRoom(j.at("rooms")[1], second);
    EXPECT_EQ(j.at("rooms")[0].at("first_message"), "ปวดหัวมากค่ะ");
    EXPECT_EQ(j.at("rooms")[0].at("first_message_translation"), "머리가 많이 아파요");
    EXPECT_FALSE(j.at("rooms")[1].contains("first_message"));
    expectRoundTrip(queue);
    expectRoundTrip(server::Queue{});
}

TEST(ServerFrames, Typing)
{
    for (const bool active : {true, false}) {
        const server::Typing typing{"room-1", Role::Agent, active};
        const json j = encoded(typing);
        EXPECT_EQ(keysOf(j), (std::set<std::string>{"type", "room_id", "role", "active"}));
        EXPECT_EQ(j.at("type"), "typing");
        EXPECT_EQ(j.at("room_id"), "room-1");
        EXPECT_EQ(j.at("role"), "agent");
        EXPECT_EQ(j.at("active"), active);
        expectRoundTrip(typing);
    }
}

TEST(ServerFrames, Read)
{
    const server::Read read{"room-1", Role::Patient, 12};
    const json j = encoded(read);
    EXPECT_EQ(keysOf(j), (std::set<std::string>{"type", "room_id", "role", "seq"}));
    EXPECT_EQ(j.at("type"), "read");
    EXPECT_EQ(j.at("role"), "patient");
    EXPECT_EQ(j.at("seq"), 12);
    expectRoundTrip(read);
}

TEST(ServerFrames, Ended)
{
    for (const std::string by : {"patient", "agent", "system"}) {
        const server::Ended ended{"room-1", by};
        const json j = encoded(ended);
        EXPECT_EQ(keysOf(j), (std::set<std::string>{"type", "room_id", "by"}));
        EXPECT_EQ(j.at("type"), "ended");
        EXPECT_EQ(j.at("room_id"), "room-1");
        EXPECT_EQ(j.at("by"), by);
        expectRoundTrip(ended);
    }
}

TEST(ServerFrames, Preview)
{
    server::PreviewResult preview;
    preview.requestId = "req-17";
    preview.translation =
        Translation{"Uống 3 lần mỗi ngày", "vi", TranslationStatus::Ok, "deepl", {}, ""};
    preview.backTranslation = BackTranslation{"하루에 3번 드세요", "ko"};
    preview.glossary = {{"두통", "đau đầu"}, {"해열제", "thuốc hạ sốt"}};
    preview.suggestions = {{"잠시만 기다려 주세요.", "Vui lòng đợi một chút."}};
    const json j = encoded(preview);
    EXPECT_EQ(keysOf(j), (std::set<std::string>{"type", "request_id", "translation",
                                                "back_translation", "glossary", "suggestions"}));
    EXPECT_EQ(j.at("suggestions"), (json{{{"text", "잠시만 기다려 주세요."},
                                          {"translation", "Vui lòng đợi một chút."}}}));
    EXPECT_EQ(j.at("type"), "preview");
    EXPECT_EQ(j.at("request_id"), "req-17");
    EXPECT_EQ(j.at("translation").at("text"), "Uống 3 lần mỗi ngày");
    EXPECT_EQ(j.at("translation").at("lang"), "vi");
    EXPECT_EQ(j.at("back_translation"), (json{{"text", "하루에 3번 드세요"}, {"lang", "ko"}}));
    EXPECT_EQ(j.at("glossary"), (json{{{"source", "두통"}, {"target", "đau đầu"}},
                                      {{"source", "해열제"}, {"target", "thuốc hạ sốt"}}}));
    expectRoundTrip(preview);
}

TEST(ServerFrames, Error)
{
    const server::Error error{ErrorCode::RoomEnded, "the room has ended", "c-9"};
    const json j = encoded(error);
    EXPECT_EQ(keysOf(j), (std::set<std::string>{"type", "code", "message", "ref"}));
    EXPECT_EQ(j.at("type"), "error");
    EXPECT_EQ(j.at("code"), "room_ended");
    EXPECT_EQ(j.at("message"), "the room has ended");
    EXPECT_EQ(j.at("ref"), "c-9");
    expectRoundTrip(error);
    for (int code = 0; code <= int(ErrorCode::Internal); ++code)
        expectRoundTrip(server::Error{ErrorCode(code), "m", ""});
}

TEST(ServerFrames, UnknownErrorCodeReadsAsInternal)
{
    const auto error = parseAs<server::Error>(R"({"type":"error","code":"teapot","message":"x"})");
    EXPECT_EQ(error.code, ErrorCode::Internal);
    EXPECT_EQ(error.message, "x");
    EXPECT_EQ(error.ref, "");
}

TEST(ServerFrames, TypeNamesMatchTheContract)
{
    EXPECT_EQ(typeName(ServerFrame{server::Welcome{}}), "welcome");
    EXPECT_EQ(typeName(ServerFrame{server::Ack{}}), "ack");
    EXPECT_EQ(typeName(ServerFrame{server::MessageFrame{}}), "message");
    EXPECT_EQ(typeName(ServerFrame{server::TranslationUpdate{}}), "translation");
    EXPECT_EQ(typeName(ServerFrame{server::RoomUpdate{}}), "room");
    EXPECT_EQ(typeName(ServerFrame{server::Queue{}}), "queue");
    EXPECT_EQ(typeName(ServerFrame{server::Typing{}}), "typing");
    EXPECT_EQ(typeName(ServerFrame{server::Read{}}), "read");
    EXPECT_EQ(typeName(ServerFrame{server::Ended{}}), "ended");
    EXPECT_EQ(typeName(ServerFrame{server::PreviewResult{}}), "preview");
    EXPECT_EQ(typeName(ServerFrame{server::Error{}}), "error");
}

TEST(ServerFrames, EncodingNeverThrowsOnInvalidUtf8)
{
    // Text never holds invalid UTF-8 when it came from a parsed frame, but encoding must not throw.
    Message m = patientMessage();
    m.text = "bad \xC3\x28 bytes \xFF";
    std::string text;
    EXPECT_NO_THROW(text = encode(ServerFrame{server::MessageFrame{m}}));
    EXPECT_TRUE(json::accept(text)) << text;
    EXPECT_NE(text.find("bad "), std::string::npos);
}

// ---- malformed frames from the relay ----

TEST(ServerFrameErrors, MalformedFramesGiveAFrameErrorNotAnException)
{
    const std::vector<std::string> malformed{
        "",
        "not json",
        "[1,2]",
        R"("ack")",
        "{}",
        R"({"type":7})",
        R"({"type":"bogus"})",
        // ack
        R"({"type":"ack","room_id":"r","seq":1,"msg_id":"m"})",
        R"({"type":"ack","client_msg_id":"c","room_id":"r","seq":"1","msg_id":"m"})",
        R"({"type":"ack","client_msg_id":null,"room_id":"r","seq":1,"msg_id":"m"})",
        // integers beyond int64 (converting them was undefined behaviour; found by fuzzing)
        R"({"type":"ack","client_msg_id":"c","room_id":"r","seq":1e300,"msg_id":"m"})",
        R"({"type":"read","room_id":"r","role":"patient","seq":-1e19})",
        R"({"type":"translation","room_id":"r","seq":9.3e18,"translation":{"status":"ok","lang":"ko"}})",
        R"({"type":"message","room_id":"r","seq":1e300,"msg_id":"m","sender":"patient","text":"x","lang":"vi","translation":{"status":"ok","lang":"ko"}})",
        R"({"type":"room","room_id":"r","status":"waiting","patient_language":"vi","last_seq":1e300})",
        R"({"type":"room","room_id":"r","status":"waiting","patient_language":"vi","agent_read_seq":-1e300})",
        // welcome
        R"({"type":"welcome","role":"admin","rooms":[]})",
        R"({"type":"welcome","role":"patient"})",
        R"({"type":"welcome","role":"patient","rooms":"room-1"})",
        R"({"type":"welcome","role":"patient","rooms":[5]})",
        R"({"type":"welcome","role":"patient","rooms":[{"room_id":"r","status":"open","patient_language":"vi"}]})",
        R"({"type":"welcome","role":"agent","rooms":[],"agent":"kim"})",
        // message
        R"({"type":"message","room_id":"r","seq":1,"msg_id":"m","sender":"patient","text":"x","lang":"vi"})",
        R"({"type":"message","room_id":"r","seq":1,"msg_id":"m","sender":"patient","text":"x","lang":"vi","translation":null})",
        R"({"type":"message","room_id":"r","seq":1,"msg_id":"m","sender":"patient","text":"x","lang":"vi","translation":{"status":"done","lang":"ko"}})",
        R"({"type":"message","room_id":"r","seq":1,"msg_id":"m","sender":"robot","text":"x","lang":"vi","translation":{"status":"ok","lang":"ko"}})",
        R"({"type":"message","room_id":"r","msg_id":"m","sender":"patient","text":"x","lang":"vi","translation":{"status":"ok","lang":"ko"}})",
        R"({"type":"message","room_id":"r","seq":1,"msg_id":"m","sender":"patient","text":5,"lang":"vi","translation":{"status":"ok","lang":"ko"}})",
        R"({"type":"message","room_id":"r","seq":1,"msg_id":"m","sender":"patient","text":"x","lang":"vi","translation":{"status":"ok","lang":"ko","warnings":[1]}})",
        R"({"type":"message","room_id":"r","seq":1,"msg_id":"m","sender":"patient","text":"x","lang":"vi","translation":{"status":"ok"}})",
        // translation
        R"({"type":"translation","room_id":"r","seq":1})",
        R"({"type":"translation","room_id":"r","seq":1,"translation":{"text":"x","lang":"ko"}})",
        R"({"type":"translation","room_id":"r","seq":1,"translation":[]})",
        // room and queue
        R"({"type":"room","room_id":"r","status":"waiting"})",
        R"({"type":"room","room_id":"r","status":"waiting","patient_language":"vi","agent":"kim"})",
        R"({"type":"room","room_id":"r","status":"waiting","patient_language":"vi","agent":{}})",
        R"({"type":"room","room_id":"r","status":"waiting","patient_language":"vi","last_seq":"3"})",
        R"({"type":"room","room_id":"r","status":"waiting","patient_language":"vi","urgent":"yes"})",
        R"({"type":"room","room_id":"r","status":"waiting","patient_language":"vi","urgent":true,"red_flags":[{"words":["x"]}]})",
        R"({"type":"room","room_id":"r","status":"waiting","patient_language":"vi","urgent":true,"red_flags":{"category":"x"}})",
        R"({"type":"queue"})",
        R"({"type":"queue","rooms":{"room_id":"r"}})",
        // typing, read, ended
        R"({"type":"typing","room_id":"r","role":"x","active":true})",
        R"({"type":"typing","room_id":"r","role":"agent","active":"yes"})",
        R"({"type":"typing","room_id":"r","active":true})",
        R"({"type":"read","room_id":"r","role":"patient"})",
        R"({"type":"ended"})",
        R"({"type":"ended","room_id":"r","by":5})",
        // preview
        R"({"type":"preview","translation":{"status":"ok","lang":"vi"}})",
        R"({"type":"preview","request_id":"q","translation":{"status":"ok","lang":"vi"},"glossary":[{"source":"a"}]})",
        R"({"type":"preview","request_id":"q","translation":{"status":"ok","lang":"vi"},"back_translation":{"text":"x"}})",
        // error
        R"({"type":"error","message":"x"})",
        R"({"type":"error","code":5})",
        R"({"type":"error","code":"internal","ref":[]})",
    };
    for (const auto &raw : malformed) {
        SCOPED_TRACE(raw);
        ServerParseResult result;
        ASSERT_NO_THROW(result = parseServerFrame(raw));
        ASSERT_TRUE(std::holds_alternative<FrameError>(result))
            << "parsed as " << typeName(std::get<ServerFrame>(result));
        const auto &error = std::get<FrameError>(result);
        EXPECT_EQ(error.code, ErrorCode::BadRequest);
        EXPECT_FALSE(error.message.empty());
    }
}

TEST(ServerFrameErrors, OptionalFieldsMayBeMissing)
{
    const auto room = parseAs<server::RoomUpdate>(
        R"({"type":"room","room_id":"r","status":"waiting","patient_language":"vi"})");
    EXPECT_EQ(room.room.roomId, "r");
    EXPECT_FALSE(room.room.agent.has_value());
    EXPECT_EQ(room.room.lastSeq, 0);
    const auto preview = parseAs<server::PreviewResult>(
        R"({"type":"preview","request_id":"q","translation":{"status":"unavailable","lang":"vi"}})");
    EXPECT_EQ(preview.requestId, "q");
    EXPECT_EQ(preview.translation.status, TranslationStatus::Unavailable);
    EXPECT_TRUE(preview.glossary.empty());
}
