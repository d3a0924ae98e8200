#include "core/SendBudget.h"

#include "config/RelayConfig.h"

#include <algorithm>

namespace medtranslate::relay {

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qsizetype kPruneAbove = 10000;
} // namespace

SendBudget::SendBudget(const RelayConfig &config)
    : m_messages(std::max(1, config.roomMessagesPerMinute), kMinute),
      m_roomChars(config.roomTranslationCharsPerHour, kHour),
      m_addressChars(config.addressTranslationCharsPerHour, kHour),
      m_messagesOn(config.roomMessagesPerMinute > 0),
      m_roomCharsOn(config.roomTranslationCharsPerHour > 0),
      m_addressCharsOn(config.addressTranslationCharsPerHour > 0)
{
    m_clock.start();
}

std::optional<SendBudget::Refusal> SendBudget::charge(const std::string &room, protocol::Role role,
                                                      const QString &address,
                                                      qint64 translationChars)
{
    if (!enabled())
        return std::nullopt;
    const qint64 now = m_clock.elapsed();
    const QString roomId = QString::fromStdString(room);
    const QString side =
        roomId + (role == protocol::Role::Patient ? QStringLiteral("/p") : QStringLiteral("/a"));
    if (m_messagesOn) {
        if (const qint64 wait = m_messages.retryAfterMs(side))
            return Refusal{QStringLiteral("room"), wait};
    }
    if (translationChars > 0) {
        if (m_roomCharsOn) {
            if (const qint64 wait = m_roomChars.waitFor(roomId, translationChars, now))
                return Refusal{QStringLiteral("translation_room"), wait};
        }
        if (m_addressCharsOn) {
            if (const qint64 wait = m_addressChars.waitFor(address, translationChars, now))
                return Refusal{QStringLiteral("translation_address"), wait};
        }
        if (m_roomCharsOn)
            m_roomChars.add(roomId, translationChars, now);
        if (m_addressCharsOn)
            m_addressChars.add(address, translationChars, now);
    }
    if (m_messagesOn)
        m_messages.record(side);
    return std::nullopt;
}

qint64 SendBudget::Window::waitFor(const QString &key, qint64 amount, qint64 now)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return amount > m_limit ? m_windowMs : 0;
    Entry &entry = *it;
    expire(entry, now);
    if (entry.total + amount <= m_limit)
        return 0;
    // Space comes back as the oldest amounts leave the window.
    qint64 freed = 0;
    for (const auto &[time, spent] : entry.spent) {
        freed += spent;
        if (entry.total - freed + amount <= m_limit)
            return std::max<qint64>(1, time + m_windowMs - now);
    }
    return m_windowMs;
}

void SendBudget::Window::add(const QString &key, qint64 amount, qint64 now)
{
    if (m_entries.size() > kPruneAbove) {
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            expire(*it, now);
            it = it->spent.empty() ? m_entries.erase(it) : std::next(it);
        }
    }
    Entry &entry = m_entries[key];
    entry.spent.emplace_back(now, amount);
    entry.total += amount;
}

void SendBudget::Window::expire(Entry &entry, qint64 now) const
{
    while (!entry.spent.empty() && now - entry.spent.front().first >= m_windowMs) {
        entry.total -= entry.spent.front().second;
        entry.spent.pop_front();
    }
}

} // namespace medtranslate::relay
