#include "content/DeskHours.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace medtranslate::relay {

namespace {

constexpr int kDayMinutes = 24 * 60;
//! How far nextOpening looks: a desk closed for more than a year is not opening.
constexpr int kSearchDays = 366;
const char *const kDayKeys[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

QString hhmm(int minute)
{
    return QStringLiteral("%1:%2")
        .arg(minute / 60, 2, 10, QLatin1Char('0'))
        .arg(minute % 60, 2, 10, QLatin1Char('0'));
}

//! "HH:MM" as minutes after midnight, -1 when it is not a time; 24:00 only where `endOfDay`
//! allows it.
int minuteOf(const QString &text, bool endOfDay)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]{2}):([0-9]{2})$"));
    const auto match = form.match(text);
    if (!match.hasMatch())
        return -1;
    const int hour = match.captured(1).toInt();
    const int minute = match.captured(2).toInt();
    if (minute > 59 || hour > 24 || (hour == 24 && (minute != 0 || !endOfDay)))
        return -1;
    return hour * 60 + minute;
}

} // namespace

DeskHours::DeskHours() : m_zone(QByteArrayLiteral("Asia/Seoul"))
{
    for (auto &day : m_week)
        day = {Range{0, kDayMinutes}};
}

std::optional<DeskHours> DeskHours::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QStringLiteral("%1: cannot read the desk hours: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString why;
    auto hours = parse(file.readAll(), &why);
    if (!hours && error)
        *error = path + QStringLiteral(": ") + why;
    return hours;
}

std::optional<DeskHours> DeskHours::parse(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<DeskHours> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(QStringLiteral("not a JSON object: %1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    // Keys starting with "_" are the hospital's notes; any other unknown key is a typo.
    for (const QString &key : root.keys()) {
        if (!key.startsWith(QLatin1Char('_')) && key != QLatin1String("time_zone") &&
            key != QLatin1String("weekly") && key != QLatin1String("holidays"))
            return fail(QStringLiteral("unknown key '%1' (time_zone, weekly, holidays)").arg(key));
    }

    DeskHours hours;
    if (root.contains(QLatin1String("time_zone"))) {
        const QJsonValue zone = root.value(QLatin1String("time_zone"));
        const QByteArray id = zone.toString().toUtf8();
        if (!zone.isString() || id.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(id))
            return fail(QStringLiteral("unknown time zone '%1' (an IANA name such as Asia/Seoul)")
                            .arg(zone.toVariant().toString()));
        hours.m_zone = QTimeZone(id);
    }

    const QJsonValue weekly = root.value(QLatin1String("weekly"));
    if (!weekly.isObject())
        return fail(QStringLiteral("'weekly' must be an object with mon … sun"));
    const QJsonObject week = weekly.toObject();
    for (const QString &key : week.keys()) {
        if (std::none_of(std::begin(kDayKeys), std::end(kDayKeys),
                         [&](const char *day) { return key == QLatin1String(day); }))
            return fail(QStringLiteral("unknown weekday '%1' in 'weekly' (mon, tue, wed, thu, "
                                       "fri, sat, sun)")
                            .arg(key));
    }
    for (int day = 0; day < 7; ++day) {
        const QString name = QString::fromLatin1(kDayKeys[day]);
        if (!week.contains(name))
            return fail(QStringLiteral("'weekly' has no '%1' (use [] for a closed day)").arg(name));
        const QJsonValue value = week.value(name);
        if (!value.isArray())
            return fail(QStringLiteral("'%1' must be a list such as [\"09:00-18:00\"]").arg(name));
        std::vector<Range> ranges;
        for (const QJsonValue &item : value.toArray()) {
            const QString text = item.toString().trimmed();
            const QStringList ends = text.split(QLatin1Char('-'));
            const int start = ends.size() == 2 ? minuteOf(ends[0].trimmed(), false) : -1;
            const int end = ends.size() == 2 ? minuteOf(ends[1].trimmed(), true) : -1;
            if (!item.isString() || start < 0 || end < 0)
                return fail(QStringLiteral("bad time range '%1' on %2 (HH:MM-HH:MM, 24-hour "
                                           "clock, 24:00 for midnight at the end)")
                                .arg(item.toVariant().toString(), name));
            if (end <= start)
                return fail(QStringLiteral("time range '%1' on %2 ends before it starts (a range "
                                           "past midnight is split: 22:00-24:00 and 00:00-02:00 "
                                           "on the next day)")
                                .arg(text, name));
            ranges.push_back(Range{start, end});
        }
        std::sort(ranges.begin(), ranges.end(),
                  [](const Range &a, const Range &b) { return a.startMinute < b.startMinute; });
        for (size_t i = 1; i < ranges.size(); ++i) {
            if (ranges[i].startMinute < ranges[i - 1].endMinute)
                return fail(QStringLiteral("time ranges %1-%2 and %3-%4 overlap on %5")
                                .arg(hhmm(ranges[i - 1].startMinute), hhmm(ranges[i - 1].endMinute),
                                     hhmm(ranges[i].startMinute), hhmm(ranges[i].endMinute), name));
        }
        hours.m_week[size_t(day)] = std::move(ranges);
    }

    const QJsonValue holidays = root.value(QLatin1String("holidays"));
    if (!holidays.isUndefined() && !holidays.isArray())
        return fail(QStringLiteral("'holidays' must be a list of {\"date\", \"name\"}"));
    for (const QJsonValue &item : holidays.toArray()) {
        const QJsonObject entry = item.toObject();
        const QString text = entry.value(QLatin1String("date")).toString();
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!item.isObject() || text.size() != 10 || !date.isValid())
            return fail(
                QStringLiteral("bad holiday '%1' (each is {\"date\": \"YYYY-MM-DD\", "
                               "\"name\": \"...\"})")
                    .arg(QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact))));
        for (const QString &key : entry.keys()) {
            if (key != QLatin1String("date") && key != QLatin1String("name") &&
                !key.startsWith(QLatin1Char('_')))
                return fail(
                    QStringLiteral("unknown key '%1' in holiday %2 (date, name)").arg(key, text));
        }
        if (hours.holiday(date))
            return fail(QStringLiteral("holiday %1 is listed twice").arg(text));
        hours.m_holidays.push_back(
            Holiday{date, entry.value(QLatin1String("name")).toString().trimmed()});
        std::sort(hours.m_holidays.begin(), hours.m_holidays.end(),
                  [](const Holiday &a, const Holiday &b) { return a.date < b.date; });
    }
    return hours;
}

const std::vector<DeskHours::Range> &DeskHours::ranges(int dayOfWeek) const
{
    return m_week[size_t(std::clamp(dayOfWeek, 1, 7) - 1)];
}

const DeskHours::Holiday *DeskHours::holiday(const QDate &date) const
{
    const auto it = std::lower_bound(m_holidays.begin(), m_holidays.end(), date,
                                     [](const Holiday &h, const QDate &d) { return h.date < d; });
    return it != m_holidays.end() && it->date == date ? &*it : nullptr;
}

const std::vector<DeskHours::Range> &DeskHours::rangesOn(const QDate &date) const
{
    static const std::vector<Range> closed;
    return holiday(date) ? closed : ranges(date.dayOfWeek());
}

QDateTime DeskHours::at(const QDate &date, int minute) const
{
    if (minute >= kDayMinutes)
        return QDateTime(date.addDays(1), QTime(0, 0), m_zone);
    return QDateTime(date, QTime(minute / 60, minute % 60), m_zone);
}

bool DeskHours::isOpen(const QDateTime &instant) const
{
    const QDateTime local = instant.toTimeZone(m_zone);
    const int minute = local.time().hour() * 60 + local.time().minute();
    const auto &day = rangesOn(local.date());
    return std::any_of(day.begin(), day.end(), [minute](const Range &r) {
        return r.startMinute <= minute && minute < r.endMinute;
    });
}

std::optional<QDateTime> DeskHours::nextOpening(const QDateTime &from) const
{
    if (isOpen(from))
        return from;
    const QDate first = from.toTimeZone(m_zone).date();
    for (int offset = 0; offset <= kSearchDays; ++offset) {
        const QDate date = first.addDays(offset);
        for (const Range &range : rangesOn(date)) {
            const QDateTime start = at(date, range.startMinute);
            if (start > from)
                return start.toUTC();
        }
    }
    return std::nullopt;
}

bool DeskHours::alwaysOpen() const
{
    return m_holidays.empty() && std::all_of(m_week.begin(), m_week.end(), [](const auto &day) {
               return day == std::vector<Range>{Range{0, kDayMinutes}};
           });
}

} // namespace medtranslate::relay
