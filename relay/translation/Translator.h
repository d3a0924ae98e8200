#pragma once

#include "translation/DeadlineQueue.h"
#include "translation/TranslationHealth.h"
#include "translation/TranslationRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace medtranslate::relay {

//! What the relay core needs from translation: one `prepare` and, when the answer is not at
//! hand, one `finish` per message. Implementations never hold a message back, and `finish`
//! calls `done` exactly once, on this object's thread, by the one deadline this class keeps
//! for every pending translation ("unavailable" with `deadline_exceeded` when time runs out,
//! `overloaded` when too many wait at once).
class Translator : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(TranslationOutcome)>;

    //! A request made ready: the language really written, and the outcome when it is known at
    //! once (vetted phrase, cache in memory, nothing to translate, no provider to ask).
    struct Prepared
    {
        QString sourceLang;
        std::optional<TranslationOutcome> outcome;
        std::shared_ptr<const void> state; //!< what the implementation needs to finish
    };

    explicit Translator(QObject *parent = nullptr);

    //! Detection, masking and glossary matching, once per message.
    virtual Prepared prepare(const TranslationRequest &request) = 0;
    //! Translates what `prepare` could not answer; `done` once, by the deadline.
    void finish(const TranslationRequest &request, Prepared prepared, Callback done);
    //! prepare + finish; `done` is always called later, never from inside this call.
    void translate(const TranslationRequest &request, Callback done);

    //! The language a text is really written in; patients do not always use the one they picked.
    [[nodiscard]] virtual QString detectLanguage(const QString &text,
                                                 const QString &declared) const = 0;
    //! One line for the start-up banner: which providers, or why none.
    [[nodiscard]] virtual QString describe() const = 0;
    //! True when a provider would read the consultation's earlier turns (TranslationRequest::
    //! context); false offline, so the relay keeps none.
    [[nodiscard]] virtual bool usesContext() const { return false; }
    //! Vetted sentences close to an agent's Korean `text`, with their `targetLang` text, for a
    //! text that cannot be translated; empty where there are none.
    [[nodiscard]] virtual std::vector<protocol::VettedPhrase>
    suggestions(const QString & /*text*/, const QString & /*targetLang*/) const
    {
        return {};
    }
    //! Prometheus lines for /metrics (cache hits and misses, provider calls); may be empty.
    [[nodiscard]] virtual QString metricsText() const { return {}; }

    //! How long a pending translation may take, and how many may wait at once (0: no cap).
    void setLimits(int deadlineMs, int maxPending);
    [[nodiscard]] int deadlineMs() const { return m_deadlines.lifetimeMs(); }
    [[nodiscard]] int pending() const { return m_deadlines.size(); }
    [[nodiscard]] quint64 timedOut() const { return m_deadlines.expiredCount(); }
    [[nodiscard]] quint64 overloaded() const { return m_deadlines.overflowCount(); }
    //! Why translations count as failing now (see TranslationHealth), or nothing. Only answers
    //! that went through `finish` count: one known at once in `prepare` asked no provider.
    [[nodiscard]] std::optional<QString> failing() const
    {
        return m_health.failing(m_clock.elapsed());
    }

    //! The outcome for a text nobody could translate: the original, labelled as such.
    [[nodiscard]] static TranslationOutcome unavailable(const TranslationRequest &request,
                                                        const QString &sourceLang,
                                                        protocol::TranslationWarning::Kind why);

protected:
    //! Does the slow part; may call `done` late or never: the deadline covers both.
    virtual void run(const TranslationRequest &request, const Prepared &prepared,
                     Callback done) = 0;

private:
    // Before m_deadlines, so they outlive whatever it settles while being destroyed.
    TranslationHealth m_health;
    QElapsedTimer m_clock;
    DeadlineQueue m_deadlines;
};

} // namespace medtranslate::relay
