#pragma once

#include "translation/TranslationRequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <map>

namespace medtranslate::relay {

class Translator;

//! Messages left `unavailable` because the providers failed (not offline: there is nobody to
//! ask), translated again with growing pauses until a provider answers or the attempts run
//! out. One timer for all of them; a bounded number, the oldest given up first. A message
//! stays delivered as it was meanwhile: only a real translation is handed on.
class TranslationRetry final : public QObject
{
    Q_OBJECT

public:
    using Translated =
        std::function<void(const QString &roomId, qint64 seq, const TranslationOutcome &outcome)>;
    //! Whether a room's messages are still worth translating (it is open).
    using Wanted = std::function<bool(const QString &roomId)>;

    //! Messages waiting for another attempt at most; past it the oldest is given up.
    static constexpr int kMaxWaiting = 5000;
    //! Attempts started per tick, so a provider coming back is not flooded at once.
    static constexpr int kBatch = 32;
    static constexpr qint64 kMaxPauseMs = 5 * 60 * 1000;

    //! `firstPauseMs` 0 turns the automatic attempts off (an agent can still ask).
    TranslationRetry(Translator &translator, int firstPauseMs, int attempts, Wanted wanted,
                     Translated translated, QObject *parent = nullptr);

    //! Whether this outcome is worth another attempt later (the providers failed or ran out of
    //! time), as opposed to an answer, or offline where nothing would change.
    [[nodiscard]] static bool worthRetrying(const protocol::Translation &translation);

    //! After the message's `failures`-th failed attempt: waits, then tries again.
    void schedule(const QString &roomId, qint64 seq, const TranslationRequest &request,
                  int failures = 1);
    //! An agent asked: the attempt is made now, and `done` gets its outcome (whatever it is).
    void now(const QString &roomId, qint64 seq, const TranslationRequest &request,
             std::function<void(const TranslationOutcome &)> done);

    [[nodiscard]] int waiting() const { return int(m_entries.size()); }
    //! The pause before attempt `failures` + 1, without jitter.
    [[nodiscard]] qint64 pauseMs(int failures) const;

private:
    struct Entry
    {
        QString roomId;
        qint64 seq = 0;
        TranslationRequest request;
        int failures = 0;
        qint64 dueMs = 0;
    };
    using Key = QPair<QString, qint64>;

    void forget(const Key &key);
    void fire();
    void arm();
    void attempt(Entry entry);

    Translator &m_translator;
    int m_firstPauseMs;
    int m_attempts;
    Wanted m_wanted;
    Translated m_translated;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QHash<Key, Entry> m_entries;
    std::multimap<qint64, Key> m_due; //!< by due time; may hold keys already forgotten
};

} // namespace medtranslate::relay
