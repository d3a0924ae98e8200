#pragma once

#include <QString>
#include <QtGlobal>
#include <array>
#include <optional>

namespace medtranslate::relay {

//! Whether translations are failing: of the last kWindow translations that asked a provider or
//! ran out of time (at most kMaxAgeMs old), more than half ended unavailable. One ring of
//! outcomes, no timer: old entries are ignored when asked, not removed.
class TranslationHealth final
{
public:
    static constexpr int kWindow = 20;
    static constexpr qint64 kMaxAgeMs = 5 * 60 * 1000;
    //! Fewer recent translations than this prove nothing either way.
    static constexpr int kMinimum = 5;

    void record(bool failed, qint64 nowMs);

    struct Recent
    {
        int failed = 0;
        int total = 0;
    };
    [[nodiscard]] Recent recent(qint64 nowMs) const;
    //! Why translations count as failing now ("12 of the last 20 translations failed"), or
    //! nothing.
    [[nodiscard]] std::optional<QString> failing(qint64 nowMs) const;

private:
    struct Entry
    {
        qint64 atMs = 0;
        bool failed = false;
    };
    std::array<Entry, kWindow> m_entries{};
    int m_next = 0;
    int m_count = 0;
};

} // namespace medtranslate::relay
