#pragma once

#include "auth/AttemptLimiter.h"
#include "medtranslate/protocol/Types.h"

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <deque>
#include <optional>
#include <utility>

namespace medtranslate::relay {

struct RelayConfig;

//! What one room and one client address may send, over all their connections: a connection's
//! own frame rate is not enough when one patient token is opened on ten sockets, and every
//! patient message is a paid translation request. Limits messages per room and side per
//! minute, and the characters sent for machine translation per room and per address per hour.
class SendBudget final
{
public:
    explicit SendBudget(const RelayConfig &config);

    struct Refusal
    {
        QString scope; //!< "room", "translation_room" or "translation_address"
        qint64 retryAfterMs = 0;
    };

    //! Charges one message (and `translationChars` for a machine translation, 0 for none), or
    //! refuses it and charges nothing.
    std::optional<Refusal> charge(const std::string &roomId, protocol::Role role,
                                  const QString &address, qint64 translationChars);
    //! Whether charge() needs the client's address.
    [[nodiscard]] bool limitsAddresses() const { return m_addressCharsOn; }
    //! Whether charge() can refuse anything at all.
    [[nodiscard]] bool enabled() const { return m_messagesOn || m_roomCharsOn || m_addressCharsOn; }

private:
    //! Amounts per key in a sliding window, for character budgets.
    class Window
    {
    public:
        Window(qint64 limit, qint64 windowMs) : m_limit(limit), m_windowMs(windowMs) {}
        //! 0 when `amount` fits now; else milliseconds until it would.
        [[nodiscard]] qint64 waitFor(const QString &key, qint64 amount, qint64 now);
        void add(const QString &key, qint64 amount, qint64 now);

    private:
        struct Entry
        {
            std::deque<std::pair<qint64, qint64>> spent; //!< (time, amount), oldest first
            qint64 total = 0;
        };
        void expire(Entry &entry, qint64 now) const;

        qint64 m_limit;
        qint64 m_windowMs;
        QHash<QString, Entry> m_entries;
    };

    AttemptLimiter m_messages; //!< per room and side
    Window m_roomChars;
    Window m_addressChars;
    bool m_messagesOn, m_roomCharsOn, m_addressCharsOn;
    QElapsedTimer m_clock;
};

} // namespace medtranslate::relay
