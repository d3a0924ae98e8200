// GET /api/consultations, the console's search over past consultations, and reading a found
// consultation's history, on a real database. Compiled once per driver (MEDTRANSLATE_TEST_DRIVER).
#include "RelayFixture.h"
#include "TestDatabase.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTimer>
#include <QUrlQuery>
#include <set>

namespace medtranslate::test {

namespace {

const QString kDriver = QStringLiteral(MEDTRANSLATE_TEST_DRIVER);

} // namespace

class ConsultationSearchTest : public RelayFixture
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(database.create(&error)) << error.toStdString();
        RelayFixture::SetUp();
        token = relay->login(QStringLiteral("kim"));
        ASSERT_FALSE(token.isEmpty());
    }

    void tweakConfig(relay::RelayConfig &config) override { config.store = database.storeConfig(); }

    //! A consultation in `lang` whose patient writes `patientText` (translated as
    //! `translation`, at once) and whose counselor (kim) answers `agentText`; ended unless not.
    TestRelay::Room converse(const QString &lang, const QString &patientText,
                             const QString &translation, const QString &agentText = {},
                             bool end = true)
    {
        ScriptedTranslator::Rule rule;
        rule.output = translation;
        rule.immediate = true;
        translator->setRule(patientText, rule);
        const TestRelay::Room r = relay->createRoom(lang);
        auto p = connectPatient(r);
        if (!agent)
            agent = connectAgent();
        agent->send({{"type", "accept"}, {"room_id", r.id.toStdString()}});
        EXPECT_TRUE(agent->take(frameWith("room", "status", "active")));
        EXPECT_TRUE(sendText(*p, r.id, "p-" + r.id.toStdString(), patientText.toStdString()));
        if (!agentText.isEmpty())
            EXPECT_TRUE(sendText(*agent, r.id, "a-" + r.id.toStdString(), agentText.toStdString()));
        if (end) {
            agent->send({{"type", "end"}, {"room_id", r.id.toStdString()}});
            EXPECT_TRUE(agent->take(frameWith("ended", "room_id", r.id.toStdString())));
        }
        return r;
    }

    //! Moves a room's creation time, to test the date filters and the order.
    void setCreatedAt(const QString &roomId, const QString &at)
    {
        const auto done = relay->server().store().runSync<int>([roomId, at](relay::StoreWorker &w) {
            QSqlQuery &q = w.exec(QStringLiteral("UPDATE rooms SET created_at = ? WHERE id = ?"),
                                  {at, roomId});
            return q.numRowsAffected();
        });
        ASSERT_TRUE(done.ok() && done.value() == 1);
    }

    HttpResponse search(const QList<QPair<QString, QString>> &items, const QString &bearer,
                        const HttpClient::Headers &headers = {})
    {
        QUrl url = relay->http(QStringLiteral("/api/consultations"));
        QUrlQuery query;
        for (const auto &[key, value] : items)
            query.addQueryItem(key, QString::fromUtf8(QUrl::toPercentEncoding(value)));
        url.setQuery(query);
        return HttpClient::get(url, bearer, 5000, headers);
    }

    //! The room ids of a successful search, in the answer's order.
    std::vector<QString> found(const QList<QPair<QString, QString>> &items)
    {
        const auto answer = search(items, token);
        EXPECT_EQ(answer.status, 200) << answer.body.toStdString();
        std::vector<QString> ids;
        if (answer.status == 200) {
            const Json body = answer.json(); // the loop below must not outlive it
            for (const auto &c : body["consultations"])
                ids.push_back(QString::fromStdString(c["room_id"].get<std::string>()));
        }
        return ids;
    }

    std::vector<relay::AuditEntry> auditLog()
    {
        QEventLoop loop;
        std::vector<relay::AuditEntry> entries;
        relay->server().store().audit(QStringLiteral("2000-01-01T00:00:00Z"), 1000, &loop,
                                      [&](relay::Result<std::vector<relay::AuditEntry>> result) {
                                          if (result.ok())
                                              entries = std::move(result).value();
                                          loop.quit();
                                      });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        return entries;
    }

    TestDatabase database{kDriver};
    QString token;
};

TEST_F(ConsultationSearchTest, FindsWordsInTheOriginalOrTheTranslationCaseInsensitively)
{
    const auto headache =
        converse(QStringLiteral("vi"), QStringLiteral("Tôi bị đau đầu từ hôm qua"),
                 QStringLiteral("어제부터 머리가 아파요"), QStringLiteral("열도 있나요?"));
    const auto cough =
        converse(QStringLiteral("vi"), QStringLiteral("Tôi bị ho"), QStringLiteral("기침이 나요"));

    // The translation: Korean, a substring of a word.
    auto answer = search({{"q", "머리"}}, token);
    ASSERT_EQ(answer.status, 200) << answer.body.toStdString();
    const Json all = answer.json()["consultations"];
    ASSERT_EQ(all.size(), 1u);
    const Json &c = all[0];
    EXPECT_EQ(c["room_id"], headache.id.toStdString());
    EXPECT_EQ(c["language"], "vi");
    EXPECT_EQ(c["status"], "ended");
    EXPECT_TRUE(c["ended_at"].is_string());
    EXPECT_EQ(c["agent"]["id"], agentId.toStdString());
    EXPECT_EQ(c["agent"]["name"], "김민지");
    EXPECT_GE(c["message_count"].get<int>(), 3); // the join notice, the patient, the agent
    EXPECT_EQ(c["match"]["sender"], "patient");
    EXPECT_EQ(c["match"]["text"], "Tôi bị đau đầu từ hôm qua");
    EXPECT_EQ(c["match"]["translation"], "어제부터 머리가 아파요");
    EXPECT_FALSE(answer.json().contains("next_before"));

    // The original, in capitals with Vietnamese diacritics: case does not matter.
    EXPECT_EQ(found({{"q", "ĐAU ĐẦU"}}), std::vector<QString>{headache.id});
    // The counselor's own message (Korean) is searched too.
    EXPECT_EQ(found({{"q", "열도"}}), std::vector<QString>{headache.id});
    EXPECT_EQ(found({{"q", "기침"}}), std::vector<QString>{cough.id});
    EXPECT_TRUE(found({{"q", "없는 말"}}).empty());
    // No words: every consultation, newest first, without a match.
    const auto everything = search({}, token);
    ASSERT_EQ(everything.status, 200);
    ASSERT_EQ(everything.json()["consultations"].size(), 2u);
    EXPECT_FALSE(everything.json()["consultations"][0].contains("match"));
}

TEST_F(ConsultationSearchTest, ThaiJapaneseAndChineseMatchAsSubstrings)
{
    const auto thai = converse(QStringLiteral("th"), QStringLiteral("ปวดหัวมากตั้งแต่เมื่อวาน"),
                               QStringLiteral("어제부터 두통이 심해요"));
    const auto japanese = converse(QStringLiteral("ja"), QStringLiteral("昨日から頭が痛いです"),
                                   QStringLiteral("어제부터 머리가 아파요"));
    const auto chinese = converse(QStringLiteral("zh"), QStringLiteral("我从昨天开始头疼"),
                                  QStringLiteral("어제부터 머리가 아파요"));
    EXPECT_EQ(found({{"q", "หัวมาก"}}), std::vector<QString>{thai.id});
    EXPECT_EQ(found({{"q", "頭が痛"}}), std::vector<QString>{japanese.id});
    EXPECT_EQ(found({{"q", "头疼"}}), std::vector<QString>{chinese.id});
    EXPECT_EQ(found({{"q", "두통"}}), std::vector<QString>{thai.id});
    // LIKE's wildcards are plain characters in the words.
    EXPECT_TRUE(found({{"q", "%"}}).empty());
    EXPECT_TRUE(found({{"q", "_"}}).empty());
}

TEST_F(ConsultationSearchTest, ALongMessageIsCutAroundTheWords)
{
    const QString before = QString(300, QLatin1Char('a')) + QStringLiteral(" ");
    const QString text =
        before + QStringLiteral("Đau ngực") + QStringLiteral(" ") + QString(300, QLatin1Char('b'));
    converse(QStringLiteral("vi"), text, QStringLiteral("가슴이 아파요"));
    const auto answer = search({{"q", "ngực"}}, token);
    ASSERT_EQ(answer.status, 200);
    const Json c = answer.json()["consultations"][0];
    const QString cut = QString::fromStdString(c["match"]["text"].get<std::string>());
    EXPECT_LE(cut.size(), 162); // about 160, with the marks where it was cut
    EXPECT_TRUE(cut.contains(QStringLiteral("Đau ngực"))) << cut.toStdString();
    EXPECT_TRUE(cut.startsWith(QChar(0x2026)));
    EXPECT_TRUE(cut.endsWith(QChar(0x2026)));
    EXPECT_EQ(c["match"]["translation"], "가슴이 아파요"); // short: whole
}

TEST_F(ConsultationSearchTest, ATranslationThatArrivesLaterIsSearchable)
{
    // Not immediate: stored as pending, then updated (Store::updateTranslation).
    ScriptedTranslator::Rule later;
    later.output = QStringLiteral("배가 아파요");
    later.delayMs = 50;
    translator->setRule(QStringLiteral("Đau bụng"), later);
    const TestRelay::Room r = relay->createRoom(QStringLiteral("vi"));
    auto p = connectPatient(r);
    ASSERT_TRUE(sendText(*p, r.id, "p-1", "Đau bụng"));
    QDeadlineTimer deadline(10000);
    std::vector<QString> ids;
    while (ids.empty() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        ids = found({{"q", "배가"}});
    }
    EXPECT_EQ(ids, std::vector<QString>{r.id});
    // Open consultations are found too, with their status.
    const auto answer = search({{"q", "배가"}}, token);
    EXPECT_EQ(answer.json()["consultations"][0]["status"], "waiting");
    EXPECT_TRUE(answer.json()["consultations"][0]["ended_at"].is_null());
}

TEST_F(ConsultationSearchTest, FiltersByLanguageAndDate)
{
    const auto vi =
        converse(QStringLiteral("vi"), QStringLiteral("Đau đầu"), QStringLiteral("머리가 아파요"));
    const auto th =
        converse(QStringLiteral("th"), QStringLiteral("ปวดหัว"), QStringLiteral("머리가 아파요"));
    const auto en =
        converse(QStringLiteral("en"), QStringLiteral("Headache"), QStringLiteral("머리가 아파요"));
    setCreatedAt(vi.id, QStringLiteral("2026-11-02T10:00:00Z"));
    setCreatedAt(th.id, QStringLiteral("2026-11-20T23:30:00Z"));
    setCreatedAt(en.id, QStringLiteral("2026-12-01T08:00:00Z"));

    EXPECT_EQ(found({{"language", "th"}}), std::vector<QString>{th.id});
    EXPECT_EQ(found({{"language", "all"}, {"q", "머리"}}),
              (std::vector<QString>{en.id, th.id, vi.id}));
    // A date includes its whole (UTC) day, on either side.
    EXPECT_EQ(found({{"from", "2026-11-02"}, {"to", "2026-11-20"}}),
              (std::vector<QString>{th.id, vi.id}));
    EXPECT_EQ(found({{"from", "2026-11-03"}}), (std::vector<QString>{en.id, th.id}));
    // A date-time with a zone: 2026-11-21 08:00 in Seoul is 2026-11-20 23:00 UTC.
    EXPECT_EQ(found({{"from", "2026-11-21T08:00:00+09:00"}, {"to", "2026-12-01T17:00:00+09:00"}}),
              std::vector<QString>{th.id});
    EXPECT_EQ(found({{"language", "vi"}, {"to", "2026-11-01"}}), std::vector<QString>{});
}

TEST_F(ConsultationSearchTest, PagesNewestFirstWithoutGapsOrRepeats)
{
    std::vector<QString> rooms;
    for (int i = 0; i < 5; ++i) {
        const auto r = converse(QStringLiteral("vi"), QStringLiteral("Ho %1").arg(i),
                                QStringLiteral("기침 %1").arg(i));
        rooms.push_back(r.id);
    }
    // Two share a second: the id breaks the tie.
    setCreatedAt(rooms[0], QStringLiteral("2026-10-01T09:00:00Z"));
    setCreatedAt(rooms[1], QStringLiteral("2026-10-02T09:00:00Z"));
    setCreatedAt(rooms[2], QStringLiteral("2026-10-02T09:00:00Z"));
    setCreatedAt(rooms[3], QStringLiteral("2026-10-03T09:00:00Z"));
    setCreatedAt(rooms[4], QStringLiteral("2026-10-04T09:00:00Z"));

    std::vector<QString> seen;
    std::vector<std::string> createdAt;
    QString before;
    int pages = 0;
    do {
        QList<QPair<QString, QString>> items{{"q", "기침"}, {"limit", "2"}};
        if (!before.isEmpty())
            items.append({"before", before});
        const auto answer = search(items, token);
        ASSERT_EQ(answer.status, 200) << answer.body.toStdString();
        const Json page = answer.json();
        EXPECT_LE(page["consultations"].size(), 2u);
        for (const auto &c : page["consultations"]) {
            seen.push_back(QString::fromStdString(c["room_id"].get<std::string>()));
            createdAt.push_back(c["created_at"].get<std::string>());
        }
        before = QString::fromStdString(page.value("next_before", std::string()));
        ++pages;
    } while (!before.isEmpty() && pages < 10);
    EXPECT_EQ(pages, 3);
    ASSERT_EQ(seen.size(), 5u);
    EXPECT_EQ(std::set<QString>(seen.begin(), seen.end()).size(), 5u);
    EXPECT_TRUE(std::is_sorted(createdAt.rbegin(), createdAt.rend()));
    EXPECT_EQ(seen.front(), rooms[4]);
    EXPECT_EQ(seen.back(), rooms[0]);
}

TEST_F(ConsultationSearchTest, RefusesStrangersWebPagesAndBadFilters)
{
    const auto r =
        converse(QStringLiteral("vi"), QStringLiteral("Đau đầu"), QStringLiteral("머리가 아파요"));
    EXPECT_EQ(search({}, {}).status, 401);
    EXPECT_EQ(search({}, QStringLiteral("wrong")).status, 401);
    // A patient's room token is no agent credential.
    const auto patientToken = search({}, r.token);
    EXPECT_EQ(patientToken.status, 401);
    EXPECT_EQ(patientToken.json()["error"]["code"], "unauthorized");
    const auto page = search({}, token, {{"Origin", "https://evil.example"}});
    EXPECT_EQ(page.status, 403);
    EXPECT_EQ(page.json()["error"]["code"], "forbidden");

    const QList<QList<QPair<QString, QString>>> bad{
        {{"language", "xx"}},
        {{"from", "yesterday"}},
        {{"from", "2026-13-01"}},
        {{"to", "2026-02-30"}},
        {{"from", "2026-12-04T10:00:00"}}, // a time without a zone
        {{"from", "2026-12-05"}, {"to", "2026-12-04"}},
        {{"limit", "0"}},
        {{"limit", "101"}},
        {{"limit", "many"}},
        {{"before", "not-a-cursor"}},
        {{"q", QString(201, QLatin1Char('a'))}},
        {{"q", QStringLiteral("two\nlines")}},
    };
    for (const auto &items : bad) {
        const auto answer = search(items, token);
        EXPECT_EQ(answer.status, 400)
            << items.first().first.toStdString() << "=" << items.first().second.toStdString();
        EXPECT_EQ(answer.json()["error"]["code"], "bad_request");
        EXPECT_FALSE(answer.json()["error"]["message"].get<std::string>().empty());
    }
    // Nothing refused was logged as a search.
    for (const auto &entry : auditLog())
        EXPECT_NE(entry.action, QStringLiteral("search"));
}

TEST_F(ConsultationSearchTest, EverySearchIsLoggedWithoutItsWords)
{
    converse(QStringLiteral("vi"), QStringLiteral("Đau đầu"), QStringLiteral("머리가 아파요"));
    ASSERT_EQ(search({{"q", "머리"}, {"language", "vi"}, {"from", "2026-01-01"}}, token).status,
              200);
    const auto log = auditLog();
    const auto it = std::find_if(log.begin(), log.end(), [](const relay::AuditEntry &e) {
        return e.action == QStringLiteral("search");
    });
    ASSERT_NE(it, log.end());
    EXPECT_EQ(it->actor, QStringLiteral("agent:kim"));
    EXPECT_FALSE(it->origin.isEmpty());
    EXPECT_TRUE(it->detail.contains(QStringLiteral("language vi"))) << it->detail.toStdString();
    EXPECT_TRUE(it->detail.contains(QStringLiteral("1 consultations found")))
        << it->detail.toStdString();
    EXPECT_FALSE(it->detail.contains(QStringLiteral("머리"))) << it->detail.toStdString();
}

TEST_F(ConsultationSearchTest, AColleagueFindsAndReadsAnEndedConsultationButNotAnOpenOne)
{
    const auto ended =
        converse(QStringLiteral("vi"), QStringLiteral("Đau đầu"), QStringLiteral("머리가 아파요"));
    const auto open = converse(QStringLiteral("vi"), QStringLiteral("Đau bụng"),
                               QStringLiteral("배가 아파요"), {}, false);
    relay->addAgent(QStringLiteral("lee"), QStringLiteral("이상담"));
    const QString lee = relay->login(QStringLiteral("lee"));
    const auto answer = search({{"q", "아파요"}}, lee);
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.json()["consultations"].size(), 2u); // the desk's, whoever held them

    const auto history =
        HttpClient::get(relay->http(QStringLiteral("/api/rooms/%1/messages").arg(ended.id)), lee);
    ASSERT_EQ(history.status, 200) << history.body.toStdString();
    bool patientLine = false;
    const Json messages = history.json();
    for (const auto &m : messages["messages"])
        patientLine =
            patientLine || (m["text"] == "Đau đầu" && m["translation"]["text"] == "머리가 아파요");
    EXPECT_TRUE(patientLine);
    // Reading a colleague's record is logged; kim's own reading is not.
    EXPECT_EQ(
        HttpClient::get(relay->http(QStringLiteral("/api/rooms/%1/messages").arg(ended.id)), token)
            .status,
        200);
    int reads = 0;
    for (const auto &entry : auditLog()) {
        if (entry.action == QStringLiteral("read")) {
            ++reads;
            EXPECT_EQ(entry.actor, QStringLiteral("agent:lee"));
            EXPECT_EQ(entry.target, ended.id);
        }
    }
    EXPECT_EQ(reads, 1);

    // A consultation still held by kim stays kim's.
    const auto live =
        HttpClient::get(relay->http(QStringLiteral("/api/rooms/%1/messages").arg(open.id)), lee);
    EXPECT_EQ(live.status, 403);
}

} // namespace medtranslate::test
