#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>
#include <array>
#include <optional>
#include <vector>

namespace medtranslate::relay {

//! When the hospital's desk answers (resources/desk/hours.json, or the hospital's own file
//! given with --desk-hours): open ranges per weekday and dated holidays, in the hospital's time
//! zone. A file is read strictly: a bad time, an unknown zone or overlapping ranges refuse the
//! whole file, so a relay never serves with hours nobody meant.
class DeskHours final
{
public:
    //! One open range of a day, [start, end) in minutes after local midnight; end may be 1440.
    struct Range
    {
        int startMinute = 0;
        int endMinute = 0;
        bool operator==(const Range &) const = default;
    };
    struct Holiday
    {
        QDate date;
        QString name; //!< may be empty
    };

    //! Open every day around the clock in Asia/Seoul: a desk whose hospital set no hours.
    DeskHours();

    //! Reads a file; nothing (and `error` naming the file and what is wrong) when it is bad.
    [[nodiscard]] static std::optional<DeskHours> load(const QString &path, QString *error);
    //! The same for the file's bytes.
    [[nodiscard]] static std::optional<DeskHours> parse(const QByteArray &json, QString *error);

    [[nodiscard]] bool isOpen(const QDateTime &instant) const;
    //! The first instant at or after `from` at which the desk is open (`from` itself while it
    //! is); nothing when it does not open in the year after `from`.
    [[nodiscard]] std::optional<QDateTime> nextOpening(const QDateTime &from) const;
    //! True when every weekday is open from 00:00 to 24:00 and there is no holiday.
    [[nodiscard]] bool alwaysOpen() const;

    [[nodiscard]] const QTimeZone &timeZone() const { return m_zone; }
    //! The ranges of a weekday, 1 = Monday … 7 = Sunday (Qt's numbering), in order.
    [[nodiscard]] const std::vector<Range> &ranges(int dayOfWeek) const;
    //! The holiday on a local date, if that date is one.
    [[nodiscard]] const Holiday *holiday(const QDate &date) const;

private:
    //! The ranges that apply on a local date: none on a holiday.
    [[nodiscard]] const std::vector<Range> &rangesOn(const QDate &date) const;
    [[nodiscard]] QDateTime at(const QDate &date, int minute) const;

    QTimeZone m_zone;
    std::array<std::vector<Range>, 7> m_week; //!< index 0 = Monday
    std::vector<Holiday> m_holidays;          //!< sorted by date
};

} // namespace medtranslate::relay
