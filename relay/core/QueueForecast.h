#pragma once

#include <QtGlobal>
#include <deque>
#include <optional>

namespace medtranslate::relay {

//! How long patients wait these days: the median of the last waits (from when a room began
//! waiting to when an agent got it) of the past two hours, for the expected wait a waiting
//! patient is shown.
class QueueForecast final
{
public:
    static constexpr int kSamples = 20;
    static constexpr qint64 kWindowMs = 2 * 60 * 60 * 1000;

    void recordWait(qint64 waitedMs, qint64 nowMs);
    //! The median of the recent waits in seconds; nothing when no wait is recent enough.
    [[nodiscard]] std::optional<qint64> medianWaitSeconds(qint64 nowMs) const;

private:
    struct Sample
    {
        qint64 atMs;
        qint64 waitedMs;
    };
    std::deque<Sample> m_samples; //!< oldest first, at most kSamples
};

} // namespace medtranslate::relay
