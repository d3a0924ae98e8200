#pragma once

#include "FakeApiServer.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace medtranslate::test {

//! A fake of one real translation API on a local port. Each request is checked against what
//! the real API requires (method, path, headers, JSON body); a request that breaks a rule is
//! recorded in violations() and refused with 400, as the real API would. Well-formed requests
//! get the scripted translation in the real API's answer format.
class FakeProviderApi final
{
public:
    enum class Kind { Anthropic, OpenAi, DeepL };

    //! `key` empty for an OpenAI-compatible local server that takes no key.
    FakeProviderApi(Kind kind, QString key, QString model = {});

    [[nodiscard]] FakeApiServer &server() { return m_server; }
    [[nodiscard]] QString baseUrl() const { return m_server.baseUrl(); }
    [[nodiscard]] int calls() const { return m_server.requestCount(); }
    [[nodiscard]] const QStringList &violations() const { return m_violations; }

    //! The answer for an input text (the user message, or DeepL's text[0]).
    void setTranslation(const QString &input, const QString &output)
    {
        m_translations.insert(input, output);
    }

    //! API-style failures for the next request.
    void failNext(int status, const QByteArray &retryAfter = {});
    void hangNext();
    void malformedNext();
    //! Every request fails with `status` (a dead provider) until healthy() is called.
    void failAlways(int status) { m_failAlways = status; }
    void healthy() { m_failAlways = 0; }

    //! What request `i` carried: the text to translate, the system prompt, DeepL's codes.
    [[nodiscard]] QString textOf(int i) const;
    [[nodiscard]] QString systemOf(int i) const;
    [[nodiscard]] QString deeplTargetOf(int i) const;
    [[nodiscard]] QString deeplSourceOf(int i) const;

    [[nodiscard]] FakeReply success(const QString &text) const;
    [[nodiscard]] FakeReply error(int status, const QByteArray &retryAfter = {}) const;

private:
    FakeReply answer(const FakeRequest &request);
    QStringList check(const FakeRequest &request) const;

    Kind m_kind;
    QString m_key;
    QString m_model;
    FakeApiServer m_server;
    QHash<QString, QString> m_translations;
    QStringList m_violations;
    int m_failAlways = 0;
};

} // namespace medtranslate::test
