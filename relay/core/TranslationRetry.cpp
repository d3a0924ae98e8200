#include "core/TranslationRetry.h"

#include "translation/Translator.h"

#include <QRandomGenerator>
#include <algorithm>

namespace medtranslate::relay {

TranslationRetry::TranslationRetry(Translator &translator, int firstPauseMs, int attempts,
                                   Wanted wanted, Translated translated, QObject *parent)
    : QObject(parent), m_translator(translator), m_firstPauseMs(firstPauseMs), m_attempts(attempts),
      m_wanted(std::move(wanted)), m_translated(std::move(translated))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TranslationRetry::fire);
}

bool TranslationRetry::worthRetrying(const protocol::Translation &translation)
{
    using Kind = protocol::TranslationWarning::Kind;
    if (translation.status != protocol::TranslationStatus::Unavailable)
        return false;
    for (const auto &w : translation.typedWarnings())
        if (w.kind == Kind::ProvidersFailed || w.kind == Kind::DeadlineExceeded ||
            w.kind == Kind::Overloaded)
            return true;
    return false;
}

qint64 TranslationRetry::pauseMs(int failures) const
{
    qint64 pause = m_firstPauseMs;
    for (int i = 1; i < failures && pause < kMaxPauseMs; ++i)
        pause *= 3;
    return std::min(pause, kMaxPauseMs);
}

void TranslationRetry::schedule(const QString &roomId, qint64 seq,
                                const TranslationRequest &request, int failures)
{
    if (m_firstPauseMs <= 0 || failures > m_attempts)
        return;
    const Key key{roomId, seq};
    forget(key);
    while (int(m_entries.size()) >= kMaxWaiting && !m_due.empty()) {
        // The oldest scheduled gives way; it stays unavailable, and agents can still ask.
        const Key oldest = m_due.begin()->second;
        m_due.erase(m_due.begin());
        m_entries.remove(oldest);
    }
    const qint64 pause = pauseMs(failures);
    // Drawn from the upper half, so that messages that failed together do not all come back
    // together.
    const qint64 due = m_clock.elapsed() + pause / 2 +
                       qint64(QRandomGenerator::global()->bounded(double(pause / 2 + 1)));
    m_entries.insert(key, Entry{roomId, seq, request, failures, due});
    m_due.emplace(due, key);
    arm();
}

void TranslationRetry::now(const QString &roomId, qint64 seq, const TranslationRequest &request,
                           std::function<void(const TranslationOutcome &)> done)
{
    const Key key{roomId, seq};
    const int failures = m_entries.contains(key) ? m_entries.value(key).failures : 0;
    forget(key);
    m_translator.translate(request, [this, roomId, seq, request, failures,
                                     done = std::move(done)](TranslationOutcome outcome) {
        done(outcome);
        if (worthRetrying(outcome.translation))
            schedule(roomId, seq, request, failures + 1);
    });
}

void TranslationRetry::forget(const Key &key)
{
    // Its m_due entry is skipped when reached.
    m_entries.remove(key);
}

void TranslationRetry::arm()
{
    while (!m_due.empty()) {
        const auto first = m_due.begin();
        const auto entry = m_entries.constFind(first->second);
        if (entry == m_entries.constEnd() || entry->dueMs != first->first) {
            m_due.erase(first); // forgotten, or scheduled again for another time
            continue;
        }
        m_timer.start(int(std::clamp<qint64>(first->first - m_clock.elapsed(), 0, kMaxPauseMs)));
        return;
    }
    m_timer.stop();
}

void TranslationRetry::fire()
{
    const qint64 now = m_clock.elapsed();
    int started = 0;
    while (!m_due.empty() && m_due.begin()->first <= now && started < kBatch) {
        const Key key = m_due.begin()->second;
        const qint64 due = m_due.begin()->first;
        m_due.erase(m_due.begin());
        const auto entry = m_entries.constFind(key);
        if (entry == m_entries.constEnd() || entry->dueMs != due)
            continue;
        Entry taken = *entry;
        m_entries.erase(entry);
        if (!m_wanted(taken.roomId))
            continue; // the consultation ended meanwhile
        attempt(std::move(taken));
        ++started;
    }
    if (started == kBatch && !m_due.empty() && m_due.begin()->first <= now)
        m_timer.start(1000); // the rest next second
    else
        arm();
}

void TranslationRetry::attempt(Entry entry)
{
    m_translator.translate(entry.request, [this, entry](TranslationOutcome outcome) {
        if (worthRetrying(outcome.translation)) {
            schedule(entry.roomId, entry.seq, entry.request, entry.failures + 1);
            return;
        }
        // Still unavailable for another reason is not news; anything else is the answer.
        if (outcome.translation.status != protocol::TranslationStatus::Unavailable)
            m_translated(entry.roomId, entry.seq, outcome);
    });
}

} // namespace medtranslate::relay
