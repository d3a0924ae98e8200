#include "core/QueueForecast.h"

#include <algorithm>
#include <vector>

namespace medtranslate::relay {

void QueueForecast::recordWait(qint64 waitedMs, qint64 nowMs)
{
    m_samples.push_back({nowMs, std::max<qint64>(0, waitedMs)});
    while (m_samples.size() > size_t(kSamples))
        m_samples.pop_front();
}

std::optional<qint64> QueueForecast::medianWaitSeconds(qint64 nowMs) const
{
    std::vector<qint64> waits;
    for (const Sample &s : m_samples) {
        if (nowMs - s.atMs <= kWindowMs)
            waits.push_back(s.waitedMs);
    }
    if (waits.empty())
        return std::nullopt;
    std::sort(waits.begin(), waits.end());
    const size_t mid = waits.size() / 2;
    const qint64 median = waits.size() % 2 ? waits[mid] : (waits[mid - 1] + waits[mid]) / 2;
    return (median + 999) / 1000; // whole seconds, rounded up
}

} // namespace medtranslate::relay
