#include "translation/ProviderChain.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace medtranslate::relay {

namespace {
//! Below this much time left a call cannot finish usefully.
constexpr int kMinCallMs = 200;
} // namespace

struct ProviderChain::Run
{
    ProviderRequest request;
    QDeadlineTimer deadline;
    Done done;
    int index = 0;
    int attempt = 0; //!< calls made to the current provider
    QStringList failures;
};

ProviderChain::ProviderChain(ChainPolicy policy, QObject *parent)
    : QObject(parent), m_policy(policy)
{
}

void ProviderChain::add(TranslationProvider *provider)
{
    provider->setParent(this);
    m_providers.push_back(provider);
    m_stats.push_back(Stats{CircuitBreaker(m_policy.breakerThreshold, m_policy.breakerCooldownMs)});
}

void ProviderChain::translate(const ProviderRequest &request, QDeadlineTimer deadline, Done done)
{
    auto run = std::make_shared<Run>();
    run->request = request;
    run->deadline = deadline;
    run->done = std::move(done);
    step(run);
}

int ProviderChain::backoffMs(int attempt) const
{
    const int base = std::max(1, m_policy.retryBaseMs);
    const int exponential = base << std::min(attempt, 6);
    return exponential + int(QRandomGenerator::global()->bounded(base / 2 + 1));
}

void ProviderChain::step(const std::shared_ptr<Run> &run)
{
    while (run->index < int(m_providers.size())) {
        const int index = run->index;
        TranslationProvider *provider = m_providers[size_t(index)];
        Stats &stats = m_stats[size_t(index)];
        if (!provider->supports(run->request.sourceLang, run->request.targetLang)) {
            run->failures << provider->name() + QStringLiteral(": language pair not supported");
            ++run->index;
            run->attempt = 0;
            continue;
        }
        const qint64 remaining = run->deadline.remainingTime();
        if (remaining >= 0 && remaining < kMinCallMs) {
            run->failures << QStringLiteral("deadline reached");
            break;
        }
        if (!stats.breaker.allow()) {
            ++stats.skipped;
            run->failures << provider->name() + QStringLiteral(": skipped, circuit open");
            ++run->index;
            run->attempt = 0;
            continue;
        }
        ProviderRequest request = run->request;
        request.timeoutMs = remaining < 0
                                ? m_policy.callTimeoutMs
                                : int(std::min<qint64>(m_policy.callTimeoutMs, remaining));
        request.deadline = run->deadline;
        ++run->attempt;
        QPointer<ProviderChain> guard(this);
        provider->translate(request, [guard, run, index](ProviderResult result) {
            if (guard)
                guard->onResult(run, index, std::move(result));
        });
        return;
    }
    ChainAnswer failed;
    failed.failures = run->failures;
    run->done(std::move(failed));
}

void ProviderChain::onResult(const std::shared_ptr<Run> &run, int index, ProviderResult result)
{
    TranslationProvider *provider = m_providers[size_t(index)];
    Stats &stats = m_stats[size_t(index)];
    if (result.notSent) {
        // Our own queue was full until the deadline: not the provider's failure.
        ++stats.notSent;
        stats.breaker.recordNotSent();
        run->failures << provider->name() + QStringLiteral(": ") + result.error;
        ++run->index;
        run->attempt = 0;
        step(run);
        return;
    }
    if (result.ok && m_validator) {
        if (const QString problem = m_validator(run->request, result.text); !problem.isEmpty()) {
            result.ok = false;
            result.retryable = false;
            result.error = problem;
        }
    }
    if (result.ok) {
        ++stats.ok;
        stats.breaker.recordSuccess();
        ChainAnswer answer;
        answer.ok = true;
        answer.text = result.text;
        answer.unclear = result.unclear;
        answer.index = index;
        answer.provider = provider->name();
        answer.model = provider->model();
        answer.failures = run->failures;
        run->done(std::move(answer));
        return;
    }
    ++stats.failed;
    stats.breaker.recordFailure();
    run->failures << provider->name() + QStringLiteral(": ") + result.error;
    if (result.retryable && run->attempt <= m_policy.retries) {
        const int delay =
            result.retryAfterMs >= 0 ? result.retryAfterMs : backoffMs(run->attempt - 1);
        const qint64 remaining = run->deadline.remainingTime();
        const bool fits = remaining < 0 || delay + kMinCallMs <= remaining;
        if (delay <= m_policy.maxRetryDelayMs && fits) {
            ++stats.retried;
            QTimer::singleShot(delay, this, [this, run]() { step(run); });
            return;
        }
    }
    ++run->index;
    run->attempt = 0;
    step(run);
}

QString ProviderChain::metricsText() const
{
    QString out = QStringLiteral("# HELP medtranslate_provider_calls_total Translation provider "
                                 "calls, by provider and outcome.\n"
                                 "# TYPE medtranslate_provider_calls_total counter\n");
    for (size_t i = 0; i < m_providers.size(); ++i) {
        const QString name = m_providers[i]->name();
        const Stats &s = m_stats[i];
        for (const auto &[outcome, value] :
             {std::pair{"ok", s.ok}, std::pair{"failed", s.failed}, std::pair{"retried", s.retried},
              std::pair{"skipped", s.skipped}, std::pair{"not_sent", s.notSent}})
            out += QStringLiteral(
                       "medtranslate_provider_calls_total{provider=\"%1\",outcome=\"%2\"} %3\n")
                       .arg(name, QLatin1String(outcome))
                       .arg(value);
    }
    out += QStringLiteral(
        "# HELP medtranslate_provider_circuit_open 1 while a provider is skipped after "
        "repeated failures.\n# TYPE medtranslate_provider_circuit_open gauge\n");
    for (size_t i = 0; i < m_providers.size(); ++i)
        out += QStringLiteral("medtranslate_provider_circuit_open{provider=\"%1\"} %2\n")
                   .arg(m_providers[i]->name())
                   .arg(m_stats[i].breaker.state() == CircuitBreaker::State::Open ? 1 : 0);
    return out;
}

} // namespace medtranslate::relay
