#include "translation/TranslationHealth.h"

namespace medtranslate::relay {

void TranslationHealth::record(bool failed, qint64 nowMs)
{
    m_entries[std::size_t(m_next)] = Entry{nowMs, failed};
    m_next = (m_next + 1) % kWindow;
    m_count = qMin(m_count + 1, kWindow);
}

TranslationHealth::Recent TranslationHealth::recent(qint64 nowMs) const
{
    Recent recent;
    for (int i = 0; i < m_count; ++i) {
        const Entry &entry = m_entries[std::size_t(i)];
        if (nowMs - entry.atMs > kMaxAgeMs)
            continue;
        ++recent.total;
        recent.failed += entry.failed ? 1 : 0;
    }
    return recent;
}

std::optional<QString> TranslationHealth::failing(qint64 nowMs) const
{
    const Recent r = recent(nowMs);
    if (r.total < kMinimum || r.failed * 2 <= r.total)
        return std::nullopt;
    return QStringLiteral("%1 of the last %2 translations failed").arg(r.failed).arg(r.total);
}

} // namespace medtranslate::relay
