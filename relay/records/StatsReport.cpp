#include "records/StatsReport.h"

#include "medtranslate/protocol/TranslationWarning.h"

#include <QDateTime>
#include <QHash>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {

QDateTime parsed(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(iso, Qt::ISODate);
    return t;
}

DurationFigures figures(const std::vector<qint64> &values)
{
    return DurationFigures{int(values.size()), StatsReport::percentile(values, 50),
                           StatsReport::percentile(values, 90)};
}

//! What one room's messages say about its timings.
struct RoomTimes
{
    QDateTime joined;       //!< the first agent_joined notice
    QDateTime firstPatient; //!< the first patient message
    QDateTime replyAfter;   //!< the first agent message after it
};

nlohmann::json counts(const std::map<QString, int> &map)
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto &[key, n] : map)
        j[key.toStdString()] = n;
    return j;
}

nlohmann::json durations(const DurationFigures &d)
{
    return {{"count", d.count},
            {"median", d.median ? nlohmann::json(*d.median) : nlohmann::json()},
            {"p90", d.p90 ? nlohmann::json(*d.p90) : nlohmann::json()}};
}

QString seconds(const std::optional<qint64> &s)
{
    return s ? QStringLiteral("%1 s").arg(*s) : QStringLiteral("-");
}

QString list(const std::map<QString, int> &map)
{
    QStringList parts;
    for (const auto &[key, n] : map)
        parts << QStringLiteral("%1 %2").arg(key).arg(n);
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

} // namespace

std::optional<qint64> StatsReport::percentile(std::vector<qint64> values, int p)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    // ceil(p × n / 100) in integers, at least rank 1.
    const std::size_t rank = std::max<std::size_t>(1, (std::size_t(p) * values.size() + 99) / 100);
    return values[rank - 1];
}

ConsultationStats StatsReport::compute(const StatsRows &rows, const QString &since)
{
    ConsultationStats stats;
    stats.since = since;
    QHash<QString, QDateTime> created;
    for (const StatsRoom &room : rows.rooms) {
        ++stats.consultations;
        ++stats.byLanguage[room.patientLanguage];
        ++stats.byStatus[room.status];
        created.insert(room.id, parsed(room.createdAt));
    }
    QHash<QString, RoomTimes> times;
    for (const StatsMessage &m : rows.messages) {
        ++stats.messages;
        ++stats.messagesBySender[m.sender];
        RoomTimes &t = times[m.roomId];
        const QDateTime at = parsed(m.createdAt);
        if (m.sender == QLatin1String("system")) {
            if (m.event == QLatin1String("agent_joined") && !t.joined.isValid())
                t.joined = at;
            continue; // the relay's own notices are vetted texts, not translations
        }
        if (m.sender == QLatin1String("patient") && !t.firstPatient.isValid())
            t.firstPatient = at;
        else if (m.sender == QLatin1String("agent") && t.firstPatient.isValid() &&
                 !t.replyAfter.isValid())
            t.replyAfter = at;
        protocol::Translation translation;
        try {
            translation =
                nlohmann::json::parse(m.translation.toStdString()).get<protocol::Translation>();
        } catch (const nlohmann::json::exception &) {
            translation.status = protocol::TranslationStatus::Unavailable;
        }
        const QString status = QString::fromUtf8(protocol::toString(translation.status));
        const QString provider = translation.provider.empty()
                                     ? QStringLiteral("none")
                                     : QString::fromStdString(translation.provider);
        ++stats.outcomes[provider][status];
        for (const protocol::TranslationWarning &w : translation.typedWarnings())
            ++stats.warnings[QString::fromStdString(w.kindName)];
        if (translation.status == protocol::TranslationStatus::Cached)
            ++stats.cacheHits;
        if (translation.status == protocol::TranslationStatus::Cached ||
            translation.status == protocol::TranslationStatus::Ok ||
            translation.status == protocol::TranslationStatus::Fallback)
            ++stats.cacheLookups;
    }
    std::vector<qint64> waiting;
    std::vector<qint64> firstReply;
    for (const StatsRoom &room : rows.rooms) {
        const auto it = times.constFind(room.id);
        if (it == times.constEnd())
            continue;
        const QDateTime opened = created.value(room.id);
        if (it->joined.isValid() && opened.isValid())
            waiting.push_back(std::max<qint64>(0, opened.secsTo(it->joined)));
        if (it->firstPatient.isValid() && it->replyAfter.isValid())
            firstReply.push_back(std::max<qint64>(0, it->firstPatient.secsTo(it->replyAfter)));
    }
    stats.waiting = figures(waiting);
    stats.firstReply = figures(firstReply);
    return stats;
}

QByteArray StatsReport::json(const ConsultationStats &s)
{
    nlohmann::json outcomes = nlohmann::json::object();
    for (const auto &[provider, byStatus] : s.outcomes)
        outcomes[provider.toStdString()] = counts(byStatus);
    const nlohmann::json j = {
        {"since", s.since.isEmpty() ? nlohmann::json() : nlohmann::json(s.since.toStdString())},
        {"consultations",
         {{"total", s.consultations},
          {"by_language", counts(s.byLanguage)},
          {"by_status", counts(s.byStatus)}}},
        {"waiting_seconds", durations(s.waiting)},
        {"first_reply_seconds", durations(s.firstReply)},
        {"messages", {{"total", s.messages}, {"by_sender", counts(s.messagesBySender)}}},
        {"translations_by_provider", outcomes},
        {"warnings_by_kind", counts(s.warnings)},
        {"cache",
         {{"hits", s.cacheHits},
          {"translated", s.cacheLookups},
          {"hit_rate", s.cacheLookups > 0 ? nlohmann::json(double(s.cacheHits) / s.cacheLookups)
                                          : nlohmann::json()}}}};
    return QByteArray::fromStdString(j.dump(2)) + '\n';
}

QString StatsReport::text(const ConsultationStats &s)
{
    QString out;
    out += QStringLiteral("period: %1\n")
               .arg(s.since.isEmpty() ? QStringLiteral("everything")
                                      : QStringLiteral("since ") + s.since);
    out += QStringLiteral("consultations: %1\n").arg(s.consultations);
    out += QStringLiteral("  by language: %1\n").arg(list(s.byLanguage));
    out += QStringLiteral("  by status: %1\n").arg(list(s.byStatus));
    out += QStringLiteral("waiting time: median %1, p90 %2 (%3 accepted)\n")
               .arg(seconds(s.waiting.median), seconds(s.waiting.p90))
               .arg(s.waiting.count);
    out += QStringLiteral("first reply: median %1, p90 %2 (%3 answered)\n")
               .arg(seconds(s.firstReply.median), seconds(s.firstReply.p90))
               .arg(s.firstReply.count);
    out += QStringLiteral("messages: %1 (%2)\n").arg(s.messages).arg(list(s.messagesBySender));
    out += QStringLiteral("translations by provider:\n");
    if (s.outcomes.empty())
        out += QStringLiteral("  -\n");
    for (const auto &[provider, byStatus] : s.outcomes)
        out += QStringLiteral("  %1: %2\n").arg(provider, list(byStatus));
    out += QStringLiteral("warnings by kind: %1\n").arg(list(s.warnings));
    out += QStringLiteral("cache hit rate: %1\n")
               .arg(s.cacheLookups > 0 ? QStringLiteral("%1% (%2 of %3)")
                                             .arg(100.0 * s.cacheHits / s.cacheLookups, 0, 'f', 1)
                                             .arg(s.cacheHits)
                                             .arg(s.cacheLookups)
                                       : QStringLiteral("-"));
    return out;
}

} // namespace medtranslate::relay
