#include "medtranslate/protocol/FrameCodec.h"

#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

using namespace medtranslate::protocol;
using nlohmann::json;

namespace {

// The frame a raw client frame parses to; a refused frame or another type is a test failure.
template <typename T> T parseAs(std::string_view raw, const Limits &limits = {})
{
    const auto result = parseClientFrame(raw, limits);
    if (const auto *error = std::get_if<FrameError>(&result)) {
        ADD_FAILURE() << "frame refused (" << toString(error->code) << "): " << error->message
                      << "\n  frame: " << raw.substr(0, 200);
        return T{};
    }
    const auto &frame = std::get<ClientFrame>(result);
    if (const auto *typed = std::get_if<T>(&frame))
        return *typed;
    ADD_FAILURE() << "frame parsed as '" << typeName(frame) << "'\n  frame: " << raw.substr(0, 200);
    return T{};
}

// The error a raw client frame is refused with; an accepted frame is a test failure.
FrameError refusal(std::string_view raw, const Limits &limits = {})
{
    const auto result = parseClientFrame(raw, limits);
    if (const auto *error = std::get_if<FrameError>(&result))
        return *error;
    ADD_FAILURE() << "frame accepted as '" << typeName(std::get<ClientFrame>(result))
                  << "'\n  frame: " << raw.substr(0, 200);
    return FrameError{ErrorCode::Internal, "<accepted>", "<accepted>"};
}

// encode(frame) must be the same JSON object as the raw frame and parse back to an equal frame.
template <typename T> void expectRoundTrip(const T &frame, std::string_view raw)
{
    const std::string encoded = encode(ClientFrame{frame});
    EXPECT_EQ(json::parse(encoded), json::parse(raw)) << encoded;
    EXPECT_EQ(parseAs<T>(encoded), frame) << encoded;
}

std::string repeat(std::string_view unit, size_t count)
{
    std::string out;
    out.reserve(unit.size() * count);
    for (size_t i = 0; i < count; ++i)
        out += unit;
    return out;
}

// A valid frame of each type, with every field its type has.
const json &validFrame(const std::string &type)
{
    static const std::map<std::string, json> frames{
        {"hello", {{"type", "hello"}, {"role", "patient"}, {"token", "tok-1"}, {"last_seq", 3}}},
        {"send",
         {{"type", "send"}, {"room_id", "room-1"}, {"client_msg_id", "c-1"}, {"text", "hi"}}},
        {"typing", {{"type", "typing"}, {"room_id", "room-1"}, {"active", true}}},
        {"read", {{"type", "read"}, {"room_id", "room-1"}, {"seq", 4}}},
        {"end", {{"type", "end"}, {"room_id", "room-1"}}},
        {"history", {{"type", "history"}, {"room_id", "room-1"}, {"after_seq", 2}}},
        {"preview",
         {{"type", "preview"}, {"room_id", "room-1"}, {"text", "안녕"}, {"request_id", "p-1"}}},
        {"accept", {{"type", "accept"}, {"room_id", "room-1"}}},
        {"transfer", {{"type", "transfer"}, {"room_id", "room-1"}, {"agent_id", "agent-2"}}},
    };
    return frames.at(type);
}

json with(const std::string &type, const std::string &key, const json &value)
{
    json frame = validFrame(type);
    frame[key] = value;
    return frame;
}

json without(const std::string &type, const std::string &key)
{
    json frame = validFrame(type);
    EXPECT_EQ(frame.erase(key), 1u) << key;
    return frame;
}

} // namespace

// ---- every frame type: fields and round trip ----

TEST(ClientFrames, HelloPatientWithLastSeq)
{
    const std::string raw =
        R"({"type":"hello","role":"patient","token":"pt_abc.123","last_seq":12})";
    const auto hello = parseAs<client::Hello>(raw);
    EXPECT_EQ(hello.role, Role::Patient);
    EXPECT_EQ(hello.token, "pt_abc.123");
    ASSERT_TRUE(hello.lastSeq.has_value());
    EXPECT_EQ(*hello.lastSeq, 12);
    expectRoundTrip(hello, raw);
}

TEST(ClientFrames, HelloAgentWithoutLastSeq)
{
    const std::string raw =
        R"({"type":"hello","role":"agent","token":"agent token/with+any=chars"})";
    const auto hello = parseAs<client::Hello>(raw);
    EXPECT_EQ(hello.role, Role::Agent);
    EXPECT_EQ(hello.token, "agent token/with+any=chars");
    EXPECT_FALSE(hello.lastSeq.has_value());
    expectRoundTrip(hello, raw);
}

TEST(ClientFrames, HelloNullLastSeqMeansNone)
{
    const auto hello =
        parseAs<client::Hello>(R"({"type":"hello","role":"patient","token":"t","last_seq":null})");
    EXPECT_FALSE(hello.lastSeq.has_value());
}

TEST(ClientFrames, SendWithText)
{
    const std::string raw =
        R"({"type":"send","room_id":"r-42","client_msg_id":"5f0c7b1e-9a43-4c1e-8f00-123456789abc","text":"Tôi bị đau đầu"})";
    const auto send = parseAs<client::Send>(raw);
    EXPECT_EQ(send.roomId, "r-42");
    EXPECT_EQ(send.clientMsgId, "5f0c7b1e-9a43-4c1e-8f00-123456789abc");
    EXPECT_EQ(send.text, "Tôi bị đau đầu");
    EXPECT_EQ(send.templateId, "");
    expectRoundTrip(send, raw);
}

TEST(ClientFrames, SendWithTemplateId)
{
    const std::string raw =
        R"({"type":"send","room_id":"r-42","client_msg_id":"c-7","template_id":"tpl-greet-first"})";
    const auto send = parseAs<client::Send>(raw);
    EXPECT_EQ(send.roomId, "r-42");
    EXPECT_EQ(send.clientMsgId, "c-7");
    EXPECT_EQ(send.templateId, "tpl-greet-first");
    EXPECT_EQ(send.text, "");
    expectRoundTrip(send, raw);
}

TEST(ClientFrames, SendKeepsTextExactly)
{
    // Leading/trailing white space, newlines, quotes and escapes survive unchanged.
    const std::string raw =
        R"({"type":"send","room_id":"r","client_msg_id":"c","text":"  line 1\nline \"2\"\t\\ 😀 ยา 2 เม็ด  "})";
    const auto send = parseAs<client::Send>(raw);
    EXPECT_EQ(send.text, "  line 1\nline \"2\"\t\\ 😀 ยา 2 เม็ด  ");
    expectRoundTrip(send, raw);
}

TEST(ClientFrames, Typing)
{
    for (const bool active : {true, false}) {
        const std::string raw = std::string(R"({"type":"typing","room_id":"room_9","active":)") +
                                (active ? "true" : "false") + "}";
        const auto typing = parseAs<client::Typing>(raw);
        EXPECT_EQ(typing.roomId, "room_9");
        EXPECT_EQ(typing.active, active);
        expectRoundTrip(typing, raw);
    }
}

TEST(ClientFrames, Read)
{
    const std::string raw = R"({"type":"read","room_id":"r1","seq":17})";
    const auto read = parseAs<client::Read>(raw);
    EXPECT_EQ(read.roomId, "r1");
    EXPECT_EQ(read.seq, 17);
    expectRoundTrip(read, raw);
}

TEST(ClientFrames, ReadAcceptsLargestSeq)
{
    const std::string raw = R"({"type":"read","room_id":"r1","seq":9223372036854775807})";
    const auto read = parseAs<client::Read>(raw);
    EXPECT_EQ(read.seq, INT64_MAX);
    expectRoundTrip(read, raw);
}

TEST(ClientFrames, End)
{
    const std::string raw = R"({"type":"end","room_id":"r1"})";
    const auto end = parseAs<client::End>(raw);
    EXPECT_EQ(end.roomId, "r1");
    expectRoundTrip(end, raw);
}

TEST(ClientFrames, History)
{
    const std::string raw = R"({"type":"history","room_id":"r1","after_seq":40})";
    const auto history = parseAs<client::History>(raw);
    EXPECT_EQ(history.roomId, "r1");
    EXPECT_EQ(history.afterSeq, 40);
    expectRoundTrip(history, raw);
}

TEST(ClientFrames, HistoryWithoutAfterSeqStartsAtZero)
{
    EXPECT_EQ(parseAs<client::History>(R"({"type":"history","room_id":"r1"})").afterSeq, 0);
    EXPECT_EQ(
        parseAs<client::History>(R"({"type":"history","room_id":"r1","after_seq":null})").afterSeq,
        0);
}

TEST(ClientFrames, Preview)
{
    const std::string raw =
        R"({"type":"preview","room_id":"r1","text":"하루 3번 드세요","request_id":"req:17"})";
    const auto preview = parseAs<client::Preview>(raw);
    EXPECT_EQ(preview.roomId, "r1");
    EXPECT_EQ(preview.text, "하루 3번 드세요");
    EXPECT_EQ(preview.requestId, "req:17");
    expectRoundTrip(preview, raw);
}

TEST(ClientFrames, Accept)
{
    const std::string raw = R"({"type":"accept","room_id":"r1"})";
    const auto accept = parseAs<client::Accept>(raw);
    EXPECT_EQ(accept.roomId, "r1");
    expectRoundTrip(accept, raw);
}

TEST(ClientFrames, Transfer)
{
    const std::string raw = R"({"type":"transfer","room_id":"r1","agent_id":"agent.kim"})";
    const auto transfer = parseAs<client::Transfer>(raw);
    EXPECT_EQ(transfer.roomId, "r1");
    EXPECT_EQ(transfer.agentId, "agent.kim");
    expectRoundTrip(transfer, raw);
}

TEST(ClientFrames, TransferWithANote)
{
    const std::string raw =
        R"({"type":"transfer","room_id":"r1","agent_id":"agent.lee","note":"처방전 확인 필요"})";
    const auto transfer = parseAs<client::Transfer>(raw);
    EXPECT_EQ(transfer.note, "처방전 확인 필요");
    expectRoundTrip(transfer, raw);
    // 500 characters (Korean ones are three bytes each) fit; one more does not.
    std::string longest;
    for (int i = 0; i < 500; ++i)
        longest += "가";
    EXPECT_EQ(
        parseAs<client::Transfer>(
            json{{"type", "transfer"}, {"room_id", "r1"}, {"agent_id", "a"}, {"note", longest}}
                .dump())
            .note,
        longest);
    const auto tooLong = refusal(
        json{{"type", "transfer"}, {"room_id", "r1"}, {"agent_id", "a"}, {"note", longest + "가"}}
            .dump());
    EXPECT_EQ(tooLong.code, ErrorCode::TooLarge);
    EXPECT_EQ(refusal(R"({"type":"transfer","room_id":"r1","agent_id":"a","note":5})").code,
              ErrorCode::BadRequest);
}

TEST(ClientFrames, Status)
{
    for (const auto &[raw, status] :
         {std::pair{std::string(R"({"type":"status","status":"online"})"), AgentStatus::Online},
          std::pair{std::string(R"({"type":"status","status":"away"})"), AgentStatus::Away}}) {
        const auto frame = parseAs<client::Status>(raw);
        EXPECT_EQ(frame.status, status);
        expectRoundTrip(frame, raw);
    }
    // Offline is what no connection means; it cannot be chosen.
    for (const char *raw :
         {R"({"type":"status","status":"offline"})", R"({"type":"status","status":"busy"})",
          R"({"type":"status"})", R"({"type":"status","status":1})"})
        EXPECT_EQ(refusal(raw).code, ErrorCode::BadRequest) << raw;
}

TEST(ClientFrames, ContactDetails)
{
    const std::string raw =
        R"({"contact":{"email":"anna@example.com"},"room_id":"r1","type":"contact"})";
    const auto frame = parseAs<client::ContactDetails>(raw);
    EXPECT_EQ(frame.roomId, "r1");
    EXPECT_EQ(frame.contact.email, "anna@example.com");
    EXPECT_TRUE(frame.contact.phone.empty());
    expectRoundTrip(frame, raw);
    const auto both = parseAs<client::ContactDetails>(
        R"({"type":"contact","room_id":"r1","contact":{"email":" a@b.co ","phone":"010-1234-5678"}})");
    EXPECT_EQ(both.contact, (Contact{"a@b.co", "010-1234-5678"}));
    EXPECT_EQ(typeName(ClientFrame{client::ContactDetails{}}), "contact");
    for (const char *bad : {R"({"type":"contact","room_id":"r1"})",
                            R"({"type":"contact","room_id":"r1","contact":"a@b.co"})",
                            R"({"type":"contact","room_id":"r1","contact":{}})",
                            R"({"type":"contact","room_id":"r1","contact":{"email":"  "}})",
                            R"({"type":"contact","room_id":"r1","contact":{"email":"a@b"}})",
                            R"({"type":"contact","room_id":"r1","contact":{"phone":"12"}})",
                            R"({"type":"contact","room_id":"r1","contact":{"phone":7}})",
                            R"({"type":"contact","contact":{"email":"a@b.co"}})"})
        EXPECT_EQ(refusal(bad).code, ErrorCode::BadRequest) << bad;
}

TEST(ClientFrames, SetLanguage)
{
    const std::string raw = R"({"type":"set_language","room_id":"r1","language":"th"})";
    const auto frame = parseAs<client::SetLanguage>(raw);
    EXPECT_EQ(frame, (client::SetLanguage{"r1", "th", ""}));
    expectRoundTrip(frame, raw);
    const std::string withId =
        R"({"type":"set_language","room_id":"r1","language":"vi","request_id":"lang-1"})";
    const auto identified = parseAs<client::SetLanguage>(withId);
    EXPECT_EQ(identified.requestId, "lang-1");
    EXPECT_EQ(referenceOf(ClientFrame{identified}), "lang-1");
    expectRoundTrip(identified, withId);
}

TEST(ClientFrameErrors, SetLanguageToAnythingButAPatientLanguage)
{
    // Korean is the agents' language; the rest are not languages the product supports.
    for (const char *raw : {R"({"type":"set_language","room_id":"r1","language":"ko"})",
                            R"({"type":"set_language","room_id":"r1","language":"fr"})",
                            R"({"type":"set_language","room_id":"r1","language":""})",
                            R"({"type":"set_language","room_id":"r1","language":"VI"})"})
        EXPECT_EQ(refusal(raw).code, ErrorCode::UnsupportedLanguage) << raw;
    for (const char *raw : {R"({"type":"set_language","room_id":"r1"})",
                            R"({"type":"set_language","room_id":"r1","language":3})",
                            R"({"type":"set_language","language":"vi"})",
                            R"({"type":"set_language","room_id":"r1","language":"vi",)"
                            R"("request_id":"no spaces"})"})
        EXPECT_EQ(refusal(raw).code, ErrorCode::BadRequest) << raw;
    // The refusal names the request, so a client can tell which change failed.
    EXPECT_EQ(
        refusal(R"({"type":"set_language","room_id":"r1","language":"ko","request_id":"x1"})").ref,
        "x1");
}

TEST(ClientFrames, TypeNamesMatchTheContract)
{
    EXPECT_EQ(typeName(ClientFrame{client::Hello{}}), "hello");
    EXPECT_EQ(typeName(ClientFrame{client::Send{}}), "send");
    EXPECT_EQ(typeName(ClientFrame{client::Typing{}}), "typing");
    EXPECT_EQ(typeName(ClientFrame{client::Read{}}), "read");
    EXPECT_EQ(typeName(ClientFrame{client::End{}}), "end");
    EXPECT_EQ(typeName(ClientFrame{client::History{}}), "history");
    EXPECT_EQ(typeName(ClientFrame{client::Preview{}}), "preview");
    EXPECT_EQ(typeName(ClientFrame{client::Accept{}}), "accept");
    EXPECT_EQ(typeName(ClientFrame{client::Transfer{}}), "transfer");
    EXPECT_EQ(typeName(ClientFrame{client::Status{}}), "status");
    EXPECT_EQ(typeName(ClientFrame{client::SetLanguage{}}), "set_language");
}

TEST(ClientFrames, FieldOrderAndUnknownFieldsDoNotMatter)
{
    const auto send = parseAs<client::Send>(
        R"({"text":"hi","future_field":{"x":[1,2]},"client_msg_id":"c1","room_id":"r1","type":"send"})");
    EXPECT_EQ(send, (client::Send{"r1", "c1", "hi", ""}));
}

// ---- size, JSON and type ----

TEST(ClientFrameErrors, FrameOverTheSizeLimitIsTooLarge)
{
    const Limits limits;
    ASSERT_EQ(limits.maxFrameBytes, 64u * 1024u);
    // A valid frame padded with JSON white space to exactly the limit still passes ...
    std::string frame = R"({"type":"end","room_id":"r1"})";
    frame += std::string(limits.maxFrameBytes - frame.size(), ' ');
    ASSERT_EQ(frame.size(), limits.maxFrameBytes);
    EXPECT_EQ(parseAs<client::End>(frame).roomId, "r1");
    // ... one byte more is refused before it is parsed.
    frame += ' ';
    const auto error = refusal(frame);
    EXPECT_EQ(error.code, ErrorCode::TooLarge);
    EXPECT_NE(error.message.find("65536"), std::string::npos) << error.message;
    EXPECT_EQ(error.ref, "");
}

TEST(ClientFrameErrors, SizeLimitIsConfigurable)
{
    Limits limits;
    limits.maxFrameBytes = 40;
    const std::string frame = R"({"type":"end","room_id":"a-long-room-id-123"})";
    ASSERT_GT(frame.size(), 40u);
    EXPECT_EQ(refusal(frame, limits).code, ErrorCode::TooLarge);
    EXPECT_EQ(parseAs<client::End>(frame).roomId, "a-long-room-id-123"); // default limits
}

TEST(ClientFrameErrors, InvalidJson)
{
    for (const std::string &raw : std::vector<std::string>{
             "", " ", "{", R"({"type":"end","room_id":"r1")", R"({"type":"end",})",
             R"({'type':'end'})", R"({"type":"end","room_id":"r1"} trailing)", "undefined",
             "{\"type\":\"send\",\"room_id\":\"r\",\"client_msg_id\":\"c\",\"text\":\"\xC3\x28\"}",
             std::string("{\"type\":\"end\",") + '\0' + "\"room_id\":\"r1\"}"}) {
        const auto error = refusal(raw);
        EXPECT_EQ(error.code, ErrorCode::BadRequest) << raw;
        EXPECT_NE(error.message.find("JSON"), std::string::npos) << error.message;
        EXPECT_EQ(error.ref, "");
    }
}

TEST(ClientFrameErrors, JsonThatIsNotAnObject)
{
    for (const std::string raw :
         {R"([{"type":"end","room_id":"r1"}])", R"("end")", "42", "null", "true", "[]"}) {
        const auto error = refusal(raw);
        EXPECT_EQ(error.code, ErrorCode::BadRequest) << raw;
        EXPECT_NE(error.message.find("object"), std::string::npos) << error.message;
    }
}

TEST(ClientFrameErrors, DeeplyNestedJsonIsHandledWithoutCrashing)
{
    const size_t depth = 30000;
    const std::string nested = repeat("[", depth) + repeat("]", depth);
    EXPECT_EQ(refusal(nested).code, ErrorCode::BadRequest);
    EXPECT_EQ(refusal(repeat("[", 60000)).code, ErrorCode::BadRequest);
    // Nested junk in an unknown field does not stop a valid frame.
    const std::string frame = R"({"type":"end","room_id":"r1","junk":)" + nested + "}";
    EXPECT_EQ(parseAs<client::End>(frame).roomId, "r1");
}

TEST(ClientFrameErrors, MissingType)
{
    const auto error = refusal(R"({"room_id":"r1"})");
    EXPECT_EQ(error.code, ErrorCode::BadRequest);
    EXPECT_NE(error.message.find("'type'"), std::string::npos) << error.message;
}

TEST(ClientFrameErrors, NonStringType)
{
    for (const std::string raw :
         {R"({"type":5,"room_id":"r1"})", R"({"type":null,"room_id":"r1"})",
          R"({"type":["end"],"room_id":"r1"})", R"({"type":{"name":"end"},"room_id":"r1"})"}) {
        const auto error = refusal(raw);
        EXPECT_EQ(error.code, ErrorCode::BadRequest) << raw;
        EXPECT_NE(error.message.find("'type'"), std::string::npos) << error.message;
    }
}

TEST(ClientFrameErrors, UnknownType)
{
    for (const std::string type : {"sned", "END", "welcome", "message", "", "hello "}) {
        const auto error = refusal(json{{"type", type}, {"room_id", "r1"}}.dump());
        EXPECT_EQ(error.code, ErrorCode::BadRequest) << type;
        EXPECT_NE(error.message.find("unknown frame type '" + type + "'"), std::string::npos)
            << error.message;
    }
}

// ---- fields ----

TEST(ClientFrameErrors, EachMissingRequiredField)
{
    const std::vector<std::pair<std::string, std::string>> required{
        {"hello", "role"},         {"hello", "token"},        {"send", "room_id"},
        {"send", "client_msg_id"}, {"send", "text"},          {"typing", "room_id"},
        {"typing", "active"},      {"read", "room_id"},       {"read", "seq"},
        {"end", "room_id"},        {"history", "room_id"},    {"preview", "room_id"},
        {"preview", "text"},       {"preview", "request_id"}, {"accept", "room_id"},
        {"transfer", "room_id"},   {"transfer", "agent_id"},
    };
    for (const auto &[type, field] : required) {
        SCOPED_TRACE(type + "." + field);
        const auto error = refusal(without(type, field).dump());
        EXPECT_EQ(error.code, ErrorCode::BadRequest);
        EXPECT_EQ(error.message, "missing field '" + field + "'");
    }
}

TEST(ClientFrameErrors, OptionalFieldsMayBeLeftOut)
{
    EXPECT_FALSE(parseAs<client::Hello>(without("hello", "last_seq").dump()).lastSeq.has_value());
    EXPECT_EQ(parseAs<client::History>(without("history", "after_seq").dump()).afterSeq, 0);
}

TEST(ClientFrameErrors, WrongFieldTypes)
{
    struct Case
    {
        std::string type;
        std::string field;
        json value;
        std::string expected; // how the message describes the field's type
    };
    const std::vector<Case> cases{
        {"hello", "role", 1, "must be a string"},
        {"hello", "token", json::array({"t"}), "must be a string"},
        {"hello", "last_seq", "12", "must be a non-negative integer"},
        {"hello", "last_seq", 1.5, "must be a non-negative integer"},
        {"send", "room_id", 7, "must be a string"},
        {"send", "room_id", nullptr, "must be a string"},
        {"send", "client_msg_id", json::object(), "must be a string"},
        {"send", "text", 42, "must be a string"},
        {"send", "text", nullptr, "must be a string"},
        {"send", "template_id", 3, "must be a string"},
        {"typing", "active", "true", "must be a boolean"},
        {"typing", "active", 1, "must be a boolean"},
        {"read", "seq", "4", "must be a non-negative integer"},
        {"read", "seq", 4.0, "must be a non-negative integer"},
        {"read", "seq", true, "must be a non-negative integer"},
        {"read", "seq", nullptr, "must be a non-negative integer"},
        {"history", "after_seq", "2", "must be a non-negative integer"},
        {"history", "after_seq", json::array(), "must be a non-negative integer"},
        {"preview", "text", false, "must be a string"},
        {"preview", "request_id", 5, "must be a string"},
        {"end", "room_id", 1, "must be a string"},
        {"accept", "room_id", json::array({"r1"}), "must be a string"},
        {"transfer", "agent_id", 12, "must be a string"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.type + "." + c.field + " = " + c.value.dump());
        const auto error = refusal(with(c.type, c.field, c.value).dump());
        EXPECT_EQ(error.code, ErrorCode::BadRequest);
        EXPECT_EQ(error.message, "field '" + c.field + "' " + c.expected);
    }
}

TEST(ClientFrameErrors, InvalidIds)
{
    const std::vector<std::pair<std::string, std::string>> idFields{
        {"send", "room_id"},     {"send", "client_msg_id"}, {"typing", "room_id"},
        {"read", "room_id"},     {"end", "room_id"},        {"history", "room_id"},
        {"preview", "room_id"},  {"preview", "request_id"}, {"accept", "room_id"},
        {"transfer", "room_id"}, {"transfer", "agent_id"},
    };
    const std::vector<std::string> badIds{
        "",
        std::string(129, 'a'),
        "room 1",
        " r1",
        "r1 ",
        "a/b",
        "../etc/passwd",
        "a\\b",
        "r1\n",
        "방1",
        "r1;drop",
        "r<1>",
        std::string("r\0", 2),
    };
    for (const auto &[type, field] : idFields) {
        for (const auto &id : badIds) {
            SCOPED_TRACE(type + "." + field + " = " +
                         json(id).dump(-1, ' ', false, json::error_handler_t::replace));
            const auto error = refusal(with(type, field, id).dump());
            EXPECT_EQ(error.code, ErrorCode::BadRequest);
            EXPECT_EQ(error.message, "field '" + field + "' is not a valid id");
        }
        // The longest id passes.
        const std::string longest(128, 'x');
        EXPECT_EQ(parseClientFrame(with(type, field, longest).dump()).index(), 0u)
            << type << "." << field;
    }
}

TEST(ClientFrameErrors, InvalidTemplateId)
{
    for (const std::string &id :
         {std::string("tpl 1"), std::string("tpl/1"), std::string(129, 't')}) {
        const auto error = refusal(with("send", "template_id", id).dump());
        EXPECT_EQ(error.code, ErrorCode::BadRequest) << id;
        EXPECT_EQ(error.message, "field 'template_id' is not a valid id");
    }
    // An empty template_id means "no template": the frame then needs a text.
    auto frame = without("send", "text");
    frame["template_id"] = "";
    const auto error = refusal(frame.dump());
    EXPECT_EQ(error.code, ErrorCode::BadRequest);
    EXPECT_EQ(error.message, "missing field 'text'");
}

TEST(ClientFrameErrors, EmptyOrWhiteSpaceText)
{
    for (const std::string type : {"send", "preview"}) {
        for (const std::string text : {"", " ", "   ", "\t", "\n", "\r\n", " \t\r\n "}) {
            SCOPED_TRACE(type + " text = " + json(text).dump());
            const auto error = refusal(with(type, "text", text).dump());
            EXPECT_EQ(error.code, ErrorCode::BadRequest);
            EXPECT_EQ(error.message, "field 'text' is empty");
        }
    }
}

TEST(ClientFrameErrors, UnicodeWhiteSpaceOnlyTextIsEmpty)
{
    // A full-width space from a Japanese or Chinese input method, a no-break space: nothing to
    // read.
    for (const std::string text : {"\u3000", " \u3000\u3000 ", "\u00A0", "\u200B\u3000"}) {
        const auto error = refusal(with("send", "text", text).dump());
        EXPECT_EQ(error.code, ErrorCode::BadRequest) << json(text).dump();
        EXPECT_EQ(error.message, "field 'text' is empty");
    }
    EXPECT_EQ(parseAs<client::Send>(with("send", "text", "\u3000はい\u3000").dump()).text,
              "\u3000はい\u3000");
}

TEST(ClientFrameErrors, TextLengthCountsCodePoints)
{
    const Limits limits;
    ASSERT_EQ(limits.maxTextChars, 4000u);
    // One code point each, of 1, 3 (Korean, Thai, Japanese) and 4 (emoji) bytes.
    for (const std::string unit : {"a", "가", "ก", "あ", "😀"}) {
        for (const std::string type : {"send", "preview"}) {
            SCOPED_TRACE(type + " with " + unit);
            const std::string atLimit = repeat(unit, limits.maxTextChars);
            const auto accepted = parseClientFrame(with(type, "text", atLimit).dump());
            ASSERT_EQ(accepted.index(), 0u) << std::get<FrameError>(accepted).message;

            const auto error = refusal(with(type, "text", atLimit + unit).dump());
            EXPECT_EQ(error.code, ErrorCode::TooLarge);
            EXPECT_EQ(error.message, "field 'text' is longer than 4000 characters");
        }
    }
    const std::string atLimit = repeat("가", limits.maxTextChars);
    EXPECT_EQ(parseAs<client::Send>(with("send", "text", atLimit).dump()).text, atLimit);
}

TEST(ClientFrameErrors, ThaiCombiningMarksAreCodePointsOfTheirOwn)
{
    Limits limits;
    limits.maxTextChars = 3;
    // "ที่" is THO THAHAN + SARA II + MAI EK: three code points, nine bytes.
    EXPECT_EQ(parseAs<client::Send>(with("send", "text", "ที่").dump(), limits).text, "ที่");
    EXPECT_EQ(refusal(with("send", "text", "ที่ ").dump(), limits).code, ErrorCode::TooLarge);
}

TEST(ClientFrameErrors, TextLimitIsConfigurable)
{
    Limits limits;
    limits.maxTextChars = 5;
    EXPECT_EQ(parseAs<client::Send>(with("send", "text", "안녕하세요").dump(), limits).text,
              "안녕하세요");
    const auto error = refusal(with("send", "text", "안녕하세요!").dump(), limits);
    EXPECT_EQ(error.code, ErrorCode::TooLarge);
    EXPECT_EQ(error.message, "field 'text' is longer than 5 characters");
}

TEST(ClientFrameErrors, NegativeSequenceNumbers)
{
    const std::vector<std::pair<std::string, std::string>> seqFields{
        {"hello", "last_seq"}, {"read", "seq"}, {"history", "after_seq"}};
    for (const auto &[type, field] : seqFields) {
        SCOPED_TRACE(type + "." + field);
        for (const json &value : {json(-1), json(INT64_MIN)}) {
            const auto error = refusal(with(type, field, value).dump());
            EXPECT_EQ(error.code, ErrorCode::BadRequest);
            EXPECT_EQ(error.message, "field '" + field + "' must be a non-negative integer");
        }
        // Past the int64 range it must not wrap around to a negative number.
        const auto huge = refusal(with(type, field, json(UINT64_MAX)).dump());
        EXPECT_EQ(huge.code, ErrorCode::BadRequest);
        EXPECT_EQ(huge.message, "field '" + field + "' must be a non-negative integer");
        // Zero is a valid sequence number to resume after.
        EXPECT_EQ(parseClientFrame(with(type, field, 0).dump()).index(), 0u);
    }
}

TEST(ClientFrameErrors, InvalidRole)
{
    for (const std::string role : {"admin", "Patient", "AGENT", "", "system"}) {
        const auto error = refusal(with("hello", "role", role).dump());
        EXPECT_EQ(error.code, ErrorCode::BadRequest) << role;
        EXPECT_EQ(error.message, "field 'role' must be 'patient' or 'agent'");
    }
}

TEST(ClientFrameErrors, EmptyOrOversizedTokenIsUnauthorized)
{
    const Limits limits;
    for (const std::string &token : {std::string(), std::string(limits.maxTokenBytes + 1, 't')}) {
        const auto error = refusal(with("hello", "token", token).dump());
        EXPECT_EQ(error.code, ErrorCode::Unauthorized);
        EXPECT_NE(error.message.find("token"), std::string::npos) << error.message;
    }
    const std::string longest(limits.maxTokenBytes, 't');
    EXPECT_EQ(parseAs<client::Hello>(with("hello", "token", longest).dump()).token, longest);
}

// ---- ref ----

TEST(ClientFrameErrors, RefEchoesTheClientMsgIdOfARefusedSend)
{
    auto frame = with("send", "text", "   ");
    frame["client_msg_id"] = "9b2d-retry-1";
    EXPECT_EQ(refusal(frame.dump()).ref, "9b2d-retry-1");

    frame = with("send", "room_id", "bad room");
    frame["client_msg_id"] = "c-2";
    EXPECT_EQ(refusal(frame.dump()).ref, "c-2");

    frame = with("send", "text", repeat("x", 4001));
    frame["client_msg_id"] = "c-3";
    const auto tooLong = refusal(frame.dump());
    EXPECT_EQ(tooLong.code, ErrorCode::TooLarge);
    EXPECT_EQ(tooLong.ref, "c-3");
}

TEST(ClientFrameErrors, RefEchoesTheRequestIdOfARefusedPreview)
{
    auto frame = with("preview", "text", "");
    frame["request_id"] = "req-77";
    EXPECT_EQ(refusal(frame.dump()).ref, "req-77");

    frame = without("preview", "room_id");
    frame["request_id"] = "req-78";
    EXPECT_EQ(refusal(frame.dump()).ref, "req-78");
}

TEST(ClientFrameErrors, RefIsEchoedEvenWhenTheTypeIsWrong)
{
    EXPECT_EQ(refusal(R"({"type":"snd","client_msg_id":"c-9"})").ref, "c-9");
    EXPECT_EQ(refusal(R"({"client_msg_id":"c-10","text":"hi"})").ref, "c-10");
    EXPECT_EQ(refusal(R"({"type":3,"request_id":"r-11"})").ref, "r-11");
}

TEST(ClientFrameErrors, InvalidIdsAreNeverEchoed)
{
    // An id that is not valid is not repeated back (it could be anything, of any size).
    EXPECT_EQ(refusal(R"({"type":"send","room_id":"r","client_msg_id":"a b","text":"x"})").ref, "");
    EXPECT_EQ(refusal(json{{"type", "send"},
                           {"room_id", "r"},
                           {"client_msg_id", std::string(500, 'c')},
                           {"text", ""}}
                          .dump())
                  .ref,
              "");
    EXPECT_EQ(refusal(R"({"type":"send","room_id":"r","client_msg_id":7,"text":"x"})").ref, "");
    // A frame without an id has an empty ref.
    EXPECT_EQ(refusal(R"({"type":"end"})").ref, "");
}
