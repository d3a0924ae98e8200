#pragma once

#include "medtranslate/protocol/Types.h"
#include "translation/TranslationRequest.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace medtranslate::relay {

//! One call to a provider: the text is already masked, the glossary holds only the terms
//! found in this text.
struct ProviderRequest
{
    QString text;
    QString sourceLang;
    QString targetLang;
    std::vector<protocol::GlossaryHit> glossary;
    int timeoutMs = 10000; //!< one call, counted from when it is sent
    //! The whole translation's deadline: a call still waiting for a free connection when it
    //! comes fails as not sent.
    QDeadlineTimer deadline{QDeadlineTimer::Forever};
    //! Earlier turns, oldest first, personal data already replaced; never to be translated.
    std::vector<ContextTurn> context{};
};

//! How a call ended. `retryable` marks overload (429, 5xx) where trying again may work.
struct ProviderResult
{
    bool ok = false;
    QString text;
    int httpStatus = 0;
    bool retryable = false;
    int retryAfterMs = -1; //!< from Retry-After; -1 when absent
    QString error;         //!< short reason, never the text itself
    //! Words of the source a language model said it was unsure of (StructuredAnswer).
    QStringList unclear;
    //! The call never left: it waited for a free connection until the deadline. This says
    //! nothing about the provider, so it is not counted against it.
    bool notSent = false;
};

//! A translation service reached over the network. Asynchronous: `translate` returns at once
//! and calls `done` exactly once, later, on this object's thread.
class TranslationProvider : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(ProviderResult)>;
    using QObject::QObject;

    //! "anthropic", "openai", "deepl": what `translation.provider` says.
    [[nodiscard]] virtual QString name() const = 0;
    //! The model, part of the cache key.
    [[nodiscard]] virtual QString model() const = 0;
    //! False for a language pair the service cannot do: the chain skips to the next provider.
    [[nodiscard]] virtual bool supports(const QString &sourceLang, const QString &targetLang) const
    {
        Q_UNUSED(sourceLang);
        Q_UNUSED(targetLang);
        return true;
    }
    virtual void translate(const ProviderRequest &request, Done done) = 0;
};

} // namespace medtranslate::relay
