// Messages left untranslated because the providers failed: translated again on their own with
// growing pauses, or when the agent asks, and the answer reaches both sides and the history.
#include "RelayFixture.h"

namespace medtranslate::test {

class TranslationRetryTest : public RelayFixture
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.translation.retranslateAfterMs = 100;
        config.translation.retranslateAttempts = 3;
    }

    static ScriptedTranslator::Rule failing()
    {
        ScriptedTranslator::Rule rule;
        rule.fail = true;
        return rule;
    }

    //! The next translation frame for `seq` that `client` gets.
    static std::optional<Json> translationOf(WsClient &client, qint64 seq, int timeoutMs = 5000)
    {
        return client.take(frameWith("translation", "seq", seq), timeoutMs);
    }
};

TEST_F(TranslationRetryTest, AMessageLeftUntranslatedIsTranslatedOnceAProviderIsBack)
{
    openAcceptedRoom();
    translator->setRule(QStringLiteral("Tôi bị đau ngực"), failing());
    ASSERT_TRUE(sendText(*patient, room.id, "p1", "Tôi bị đau ngực"));
    const auto failed = translationOf(*agent, 2);
    ASSERT_TRUE(failed);
    EXPECT_EQ((*failed)["translation"]["status"], "unavailable");
    EXPECT_EQ((*failed)["translation"]["warnings"][0], "providers_failed");

    translator->setRule(QStringLiteral("Tôi bị đau ngực"), {}); // the provider is back
    const auto later = translationOf(*agent, 2);
    ASSERT_TRUE(later) << "translated again without anyone asking";
    EXPECT_EQ((*later)["translation"]["status"], "ok");
    EXPECT_EQ((*later)["translation"]["text"], "[vi>ko] Tôi bị đau ngực");

    agent->drain(50);
    agent->send({{"type", "history"}, {"room_id", room.id.toStdString()}, {"after_seq", 1}});
    const auto stored = agent->take(frameWith("message", "seq", 2));
    ASSERT_TRUE(stored);
    EXPECT_EQ((*stored)["translation"]["status"], "ok") << "the history has the new translation";
}

TEST_F(TranslationRetryTest, AnAgentsMessageReachesThePatientTranslatedLater)
{
    openAcceptedRoom();
    translator->setRule(QStringLiteral("약을 드세요"), failing());
    ASSERT_TRUE(sendText(*agent, room.id, "a1", "약을 드세요"));
    const auto failed = translationOf(*patient, 2);
    ASSERT_TRUE(failed);
    EXPECT_EQ((*failed)["translation"]["status"], "unavailable");
    translator->setRule(QStringLiteral("약을 드세요"), {});
    const auto later = translationOf(*patient, 2);
    ASSERT_TRUE(later);
    EXPECT_EQ((*later)["translation"]["status"], "ok");
    EXPECT_EQ((*later)["translation"]["lang"], "vi");
}

TEST_F(TranslationRetryTest, AttemptsStopAfterTheLimitAndSayNothingNew)
{
    openAcceptedRoom();
    translator->setRule(QStringLiteral("still failing"), failing());
    const int before = translator->calls();
    ASSERT_TRUE(sendText(*patient, room.id, "p1", "still failing"));
    ASSERT_TRUE(translationOf(*agent, 2));
    // 100, 300 and 900 ms pauses (each drawn from its upper half): all done within 2 s.
    const auto more = agent->drain(2500);
    for (const Json &frame : more)
        EXPECT_NE(frame.value("type", std::string{}), "translation")
            << "a failed retry is not news: " << frame;
    EXPECT_EQ(translator->calls() - before, 1 + 3);
    agent->drain(1500);
    EXPECT_EQ(translator->calls() - before, 1 + 3) << "no attempt past the limit";
}

class SlowRetryTest : public TranslationRetryTest
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        // Long enough that the consultation has surely ended before the first attempt is due.
        config.translation.retranslateAfterMs = 1000;
    }
};

TEST_F(SlowRetryTest, AnEndedConsultationIsNotTranslatedAgain)
{
    openAcceptedRoom();
    translator->setRule(QStringLiteral("bye"), failing());
    ASSERT_TRUE(sendText(*patient, room.id, "p1", "bye"));
    ASSERT_TRUE(translationOf(*agent, 2));
    const int calls = translator->calls();
    agent->send({{"type", "end"}, {"room_id", room.id.toStdString()}});
    ASSERT_TRUE(agent->take(frameWith("room", "status", "ended")));
    agent->drain(2000);
    EXPECT_EQ(translator->calls(), calls);
}

class AgentRetranslateTest : public TranslationRetryTest
{
protected:
    void tweakConfig(relay::RelayConfig &config) override
    {
        config.translation.retranslateAfterMs = 0; // only when asked
    }
};

TEST_F(AgentRetranslateTest, TheAgentAsksAgainAndBothSidesSeeTheAnswer)
{
    openAcceptedRoom();
    translator->setRule(QStringLiteral("Tôi bị sốt"), failing());
    ASSERT_TRUE(sendText(*patient, room.id, "p1", "Tôi bị sốt"));
    ASSERT_TRUE(translationOf(*agent, 2));
    agent->drain(300);
    EXPECT_FALSE(translationOf(*agent, 2, 300)) << "automatic attempts are off";

    translator->setRule(QStringLiteral("Tôi bị sốt"), {});
    agent->send({{"type", "retranslate"}, {"room_id", room.id.toStdString()}, {"seq", 2}});
    const auto pending = translationOf(*agent, 2);
    ASSERT_TRUE(pending);
    EXPECT_EQ((*pending)["translation"]["status"], "pending");
    const auto done = translationOf(*agent, 2);
    ASSERT_TRUE(done);
    EXPECT_EQ((*done)["translation"]["status"], "ok");
    EXPECT_EQ((*done)["translation"]["text"], "[vi>ko] Tôi bị sốt");
    patient->drain(100);

    // Asked again when it is translated: refused, nothing re-sent.
    agent->send({{"type", "retranslate"}, {"room_id", room.id.toStdString()}, {"seq", 2}});
    const auto refused = agent->takeType("error");
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["code"], "bad_request");
}

TEST_F(AgentRetranslateTest, BadRequestsAreRefusedClearly)
{
    openAcceptedRoom();
    auto ask = [&](WsClient &client, const Json &seq) {
        client.send({{"type", "retranslate"}, {"room_id", room.id.toStdString()}, {"seq", seq}});
        return client.takeType("error");
    };
    const auto unknown = ask(*agent, 99);
    ASSERT_TRUE(unknown);
    EXPECT_EQ((*unknown)["code"], "not_found");
    const auto zero = ask(*agent, 0);
    ASSERT_TRUE(zero);
    EXPECT_EQ((*zero)["code"], "bad_request");
    const auto text = ask(*agent, "two");
    ASSERT_TRUE(text);
    EXPECT_EQ((*text)["code"], "bad_request");
    const auto notice = ask(*agent, 1); // the "agent joined" system notice
    ASSERT_TRUE(notice);
    EXPECT_EQ((*notice)["code"], "bad_request");
    const auto patientAsks = ask(*patient, 1);
    ASSERT_TRUE(patientAsks);
    EXPECT_EQ((*patientAsks)["code"], "forbidden");

    // Another agent's consultation is not theirs to act on.
    relay->addAgent(QStringLiteral("lee"), QStringLiteral("이서연"));
    auto other = connectAgent(QStringLiteral("lee"));
    const auto stranger = ask(*other, 1);
    ASSERT_TRUE(stranger);
    EXPECT_EQ((*stranger)["code"], "forbidden");
}

} // namespace medtranslate::test
