#include "RelayFixture.h"

#include <map>

namespace medtranslate::test {

class HttpApiTest : public RelayFixture
{
protected:
    static QByteArray body(const Json &j) { return QByteArray::fromStdString(j.dump()); }
};

TEST_F(HttpApiTest, HealthSaysOkWhileTheDatabaseAnswers)
{
    const auto health = HttpClient::get(relay->admin(QStringLiteral("/health")));
    ASSERT_EQ(health.status, 200);
    EXPECT_EQ(health.json()["status"], "ok");
    EXPECT_EQ(health.json()["database"], "ok");
}

TEST_F(HttpApiTest, CreateRoomValidatesTheLanguage)
{
    const auto ok =
        HttpClient::post(relay->http(QStringLiteral("/api/rooms")), body({{"language", "th"}}));
    ASSERT_EQ(ok.status, 201);
    EXPECT_EQ(ok.json()["room_id"].get<std::string>().size(), 32u);
    EXPECT_GE(ok.json()["patient_token"].get<std::string>().size(), 40u);

    const auto korean =
        HttpClient::post(relay->http(QStringLiteral("/api/rooms")), body({{"language", "ko"}}));
    EXPECT_EQ(korean.status, 400);
    EXPECT_EQ(korean.json()["error"]["code"], "unsupported_language");
    const auto unknown =
        HttpClient::post(relay->http(QStringLiteral("/api/rooms")), body({{"language", "fr"}}));
    EXPECT_EQ(unknown.json()["error"]["code"], "unsupported_language");
    const auto missing =
        HttpClient::post(relay->http(QStringLiteral("/api/rooms")), body(Json::object()));
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.json()["error"]["code"], "bad_request");
    const auto garbage = HttpClient::post(relay->http(QStringLiteral("/api/rooms")), "{{{");
    EXPECT_EQ(garbage.status, 400);
    const auto huge =
        HttpClient::post(relay->http(QStringLiteral("/api/rooms")),
                         body({{"language", "vi"}, {"pad", std::string(70 * 1024, 'x')}}));
    EXPECT_EQ(huge.status, 413);
    EXPECT_EQ(huge.json()["error"]["code"], "too_large");
}

TEST_F(HttpApiTest, LoginSaysClearlyWhenThePasswordIsWrong)
{
    const auto ok = HttpClient::post(
        relay->http(QStringLiteral("/api/auth/login")),
        body({{"username", "kim"}, {"password", TestRelay::password().toStdString()}}));
    ASSERT_EQ(ok.status, 200);
    EXPECT_EQ(ok.json()["agent"]["name"], "김민지");
    EXPECT_EQ(ok.json()["agent"]["role"], "agent");
    EXPECT_EQ(ok.json()["agent"]["languages"].size(), 5u);

    const auto wrong = HttpClient::post(relay->http(QStringLiteral("/api/auth/login")),
                                        body({{"username", "kim"}, {"password", "guess-guess"}}));
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.json()["error"]["code"], "unauthorized");
    const auto nobody =
        HttpClient::post(relay->http(QStringLiteral("/api/auth/login")),
                         body({{"username", "nobody"}, {"password", "guess-guess"}}));
    EXPECT_EQ(nobody.status, 401);
}

TEST_F(HttpApiTest, MessageHistoryIsForTheRoomsPatientAndAgents)
{
    openAcceptedRoom();
    ASSERT_TRUE(sendText(*patient, room.id, "p-1", "Một"));
    ASSERT_TRUE(sendText(*patient, room.id, "p-2", "Hai"));
    const QUrl url = relay->http(QStringLiteral("/api/rooms/%1/messages").arg(room.id));

    const auto mine =
        HttpClient::get(QUrl(url.toString() + QStringLiteral("?after_seq=1")), room.token);
    ASSERT_EQ(mine.status, 200);
    ASSERT_EQ(mine.json()["messages"].size(), 2u);
    EXPECT_EQ(mine.json()["messages"][0]["text"], "Một");
    EXPECT_EQ(mine.json()["messages"][1]["seq"], 3);

    const QString agentToken = relay->login(QStringLiteral("kim"));
    EXPECT_EQ(HttpClient::get(url, agentToken).status, 200);

    const auto other = relay->createRoom(QStringLiteral("en"));
    const auto stranger = HttpClient::get(url, other.token);
    EXPECT_EQ(stranger.status, 403);
    EXPECT_EQ(stranger.json()["error"]["code"], "forbidden");
    EXPECT_EQ(HttpClient::get(url).status, 401);
    EXPECT_EQ(HttpClient::get(url, QStringLiteral("wrong")).status, 401);
    EXPECT_EQ(
        HttpClient::get(relay->http(QStringLiteral("/api/rooms/nope/messages")), agentToken).status,
        404);
    EXPECT_EQ(
        HttpClient::get(QUrl(url.toString() + QStringLiteral("?after_seq=-4")), room.token).status,
        400);
}

TEST_F(HttpApiTest, TemplatesAndTranslateAreForAgents)
{
    const QString token = relay->login(QStringLiteral("kim"));
    const auto templates = HttpClient::get(relay->http(QStringLiteral("/api/templates")), token);
    ASSERT_EQ(templates.status, 200);
    const auto list = templates.json()["templates"];
    ASSERT_FALSE(list.empty());
    for (const auto &t : list) {
        EXPECT_FALSE(t["id"].get<std::string>().empty());
        for (const char *lang : {"ko", "en", "ja", "zh", "th", "vi"})
            EXPECT_FALSE(t["texts"].value(lang, std::string{}).empty())
                << t["id"] << " lacks " << lang;
    }
    EXPECT_EQ(HttpClient::get(relay->http(QStringLiteral("/api/templates"))).status, 401);

    const auto translated =
        HttpClient::post(relay->http(QStringLiteral("/api/translate")),
                         body({{"text", "안녕하세요"}, {"source", "ko"}, {"target", "en"}}), token);
    ASSERT_EQ(translated.status, 200);
    EXPECT_EQ(translated.json()["text"], "[ko>en] 안녕하세요");
    EXPECT_EQ(translated.json()["lang"], "en");
    const auto unsupported =
        HttpClient::post(relay->http(QStringLiteral("/api/translate")),
                         body({{"text", "x"}, {"source", "ko"}, {"target", "de"}}), token);
    EXPECT_EQ(unsupported.status, 400);
    const auto room = relay->createRoom(QStringLiteral("vi"));
    const auto asPatient =
        HttpClient::post(relay->http(QStringLiteral("/api/translate")),
                         body({{"text", "x"}, {"source", "vi"}, {"target", "ko"}}), room.token);
    EXPECT_EQ(asPatient.status, 401);
}

TEST_F(HttpApiTest, AgentDirectoryListsColleaguesWithPresenceForAgentsOnly)
{
    const QString leeId = relay->addAgent(QStringLiteral("lee"), QStringLiteral("이서준"));
    agent = connectAgent(); // kim is online, lee is not
    const QString token = relay->login(QStringLiteral("lee"));
    const auto directory = HttpClient::get(relay->http(QStringLiteral("/api/agents")), token);
    ASSERT_EQ(directory.status, 200);
    const auto list = directory.json()["agents"];
    ASSERT_EQ(list.size(), 2u);
    std::map<std::string, Json> byName;
    for (const auto &a : list)
        byName[a["name"]] = a;
    EXPECT_EQ(byName["김민지"]["id"], agentId.toStdString());
    EXPECT_EQ(byName["김민지"]["online"], true);
    EXPECT_EQ(byName["이서준"]["id"], leeId.toStdString());
    EXPECT_EQ(byName["이서준"]["online"], false);
    EXPECT_FALSE(byName["이서준"].contains("password_hash"));

    const auto room = relay->createRoom(QStringLiteral("vi"));
    EXPECT_EQ(HttpClient::get(relay->http(QStringLiteral("/api/agents")), room.token).status, 401);
    EXPECT_EQ(HttpClient::get(relay->http(QStringLiteral("/api/agents"))).status, 401);
}

TEST_F(HttpApiTest, WidgetPagesCarryASecurityPolicyAndUnknownRoutesAreJson404)
{
    const auto missing = HttpClient::get(relay->http(QStringLiteral("/no/such/thing")));
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.json()["error"]["code"], "not_found");
    const auto traversal = HttpClient::get(relay->http(QStringLiteral("/static/..%2Frelay.db")));
    EXPECT_EQ(traversal.status, 404);
    const auto plainWs = HttpClient::get(relay->http(QStringLiteral("/ws")));
    EXPECT_EQ(plainWs.status, 426);
    const auto metrics = HttpClient::get(relay->admin(QStringLiteral("/metrics")));
    ASSERT_EQ(metrics.status, 200);
    EXPECT_TRUE(metrics.body.contains("medtranslate_connections_open"));
}

} // namespace medtranslate::test
