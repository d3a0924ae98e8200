#pragma once

#include "translation/CircuitBreaker.h"
#include "translation/TranslationProvider.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace medtranslate::relay {

//! How hard the chain tries before moving on.
struct ChainPolicy
{
    int callTimeoutMs = 10000;     //!< one HTTP call, cut further by the deadline
    int retries = 2;               //!< extra calls to one provider after a 429 or 5xx
    int retryBaseMs = 500;         //!< backoff without Retry-After: base, 2×base, … (+ jitter)
    int maxRetryDelayMs = 5000;    //!< a longer Retry-After sends us to the next provider
    int breakerThreshold = 3;      //!< failures in a row that open a provider's breaker
    int breakerCooldownMs = 30000; //!< how long an open breaker skips the provider
};

//! The chain's result: which provider answered (its index says "ok" or "fallback").
struct ChainAnswer
{
    bool ok = false;
    QString text;
    int index = -1;
    QString provider;
    QString model;
    QStringList failures; //!< "deepl: HTTP 500", … for the log
    QStringList unclear;  //!< what the answering model was unsure of
};

//! Tries the configured providers in order, retrying overloaded ones with backoff (honouring
//! Retry-After) while the deadline allows, and skipping providers whose breaker is open or
//! that cannot do the language pair.
class ProviderChain final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(ChainAnswer)>;
    //! Checks an answer before it is accepted; a non-empty reason counts as a failure.
    using Validator = std::function<QString(const ProviderRequest &, const QString &answer)>;

    explicit ProviderChain(ChainPolicy policy, QObject *parent = nullptr);
    void setValidator(Validator validator) { m_validator = std::move(validator); }

    //! Appends `provider`; the chain owns it.
    void add(TranslationProvider *provider);
    [[nodiscard]] const std::vector<TranslationProvider *> &providers() const
    {
        return m_providers;
    }
    [[nodiscard]] bool isEmpty() const { return m_providers.empty(); }
    [[nodiscard]] CircuitBreaker::State breakerState(int index) const
    {
        return m_stats[size_t(index)].breaker.state();
    }

    //! Calls `done` once, on this object's thread, by `deadline` at the latest.
    void translate(const ProviderRequest &request, QDeadlineTimer deadline, Done done);

    //! Prometheus lines: calls per provider and outcome, breaker states.
    [[nodiscard]] QString metricsText() const;

private:
    struct Run;
    struct Stats
    {
        CircuitBreaker breaker;
        quint64 ok = 0;
        quint64 failed = 0;
        quint64 retried = 0;
        quint64 skipped = 0;
        quint64 notSent = 0; //!< waited for a free connection until the deadline
    };

    void step(const std::shared_ptr<Run> &run);
    void onResult(const std::shared_ptr<Run> &run, int index, ProviderResult result);
    [[nodiscard]] int backoffMs(int attempt) const;

    ChainPolicy m_policy;
    Validator m_validator;
    std::vector<TranslationProvider *> m_providers;
    std::vector<Stats> m_stats;
};

} // namespace medtranslate::relay
