#pragma once

#include "translation/TranslationRequest.h"

#include <QObject>
#include <functional>
#include <optional>

namespace medtranslate::relay {

//! What the relay core needs from translation. Implementations never hold a message back:
//! `translateNow` answers only what is at hand at once, and `translate` always calls `done`
//! exactly once, on this object's thread, with status "unavailable" when nothing worked.
class Translator : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(TranslationOutcome)>;
    using QObject::QObject;

    //! A translation available without waiting (vetted phrase, cache in memory), or nothing.
    virtual std::optional<TranslationOutcome> translateNow(const TranslationRequest &request) = 0;
    //! Translates asynchronously.
    virtual void translate(const TranslationRequest &request, Callback done) = 0;
    //! The language a text is really written in; patients do not always use the one they picked.
    [[nodiscard]] virtual QString detectLanguage(const QString &text,
                                                 const QString &declared) const = 0;
    //! One line for the start-up banner: which providers, or why none.
    [[nodiscard]] virtual QString describe() const = 0;
    //! Prometheus lines for /metrics (cache hits and misses, provider calls); may be empty.
    [[nodiscard]] virtual QString metricsText() const { return {}; }
};

} // namespace medtranslate::relay
