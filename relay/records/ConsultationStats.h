#pragma once

#include <QString>
#include <map>
#include <optional>

namespace medtranslate::relay {

//! Median and 90th percentile of a set of durations, in seconds, by nearest rank: the value
//! at rank ceil(p/100 × n) of the sorted set; no value when the set is empty.
struct DurationFigures
{
    int count = 0;
    std::optional<qint64> median;
    std::optional<qint64> p90;
};

//! The figures of --stats for one period (README "Records" defines each one).
struct ConsultationStats
{
    QString since; //!< ISO 8601 UTC; empty: everything
    int consultations = 0;
    std::map<QString, int> byLanguage;
    std::map<QString, int> byStatus;
    DurationFigures waiting;    //!< creation → first agent_joined notice
    DurationFigures firstReply; //!< first patient message → first agent message after it
    int messages = 0;
    std::map<QString, int> messagesBySender;
    //! Translated patient and agent messages: provider ("none" when nobody) → status → count.
    std::map<QString, std::map<QString, int>> outcomes;
    std::map<QString, int> warnings; //!< warning kind → count
    int cacheHits = 0;               //!< translations with status "cached"
    int cacheLookups = 0;            //!< status "cached", "ok" or "fallback"
};

} // namespace medtranslate::relay
