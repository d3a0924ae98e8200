// The desk's opening hours (resources/desk/hours.json), its vetted notices, the pre-chat form and
// the contact checks: unit tests, no relay.
#include "content/DeskHours.h"

#include "content/DeskNotices.h"
#include "content/PrechatForm.h"
#include "medtranslate/protocol/Validation.h"

#include <QDir>
#include <gtest/gtest.h>

using medtranslate::relay::DeskHours;
using medtranslate::relay::DeskNotices;
using medtranslate::relay::PrechatForm;
namespace protocol = medtranslate::protocol;

namespace {

const QTimeZone kSeoul(QByteArrayLiteral("Asia/Seoul"));

//! A local time in Seoul, e.g. seoul(2026, 3, 2, 9, 0) (a Monday).
QDateTime seoul(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), kSeoul);
}

//! A week of office hours: Mon–Fri with a lunch break, Saturday mornings, Sunday closed.
const QByteArray kOffice = R"({
  "time_zone": "Asia/Seoul",
  "weekly": {
    "mon": ["09:00-12:30", "13:30-18:00"], "tue": ["09:00-12:30", "13:30-18:00"],
    "wed": ["09:00-12:30", "13:30-18:00"], "thu": ["09:00-12:30", "13:30-18:00"],
    "fri": ["09:00-12:30", "13:30-18:00"], "sat": ["09:00-13:00"], "sun": []
  },
  "holidays": [{"date": "2026-03-03", "name": "Test holiday"}, {"date": "2026-03-09"}]
})";

DeskHours parsed(const QByteArray &json)
{
    QString error;
    const auto hours = DeskHours::parse(json, &error);
    EXPECT_TRUE(hours) << error.toStdString();
    return hours.value_or(DeskHours());
}

//! The error a bad file gets (empty when it was taken).
std::string refusal(const QByteArray &json)
{
    QString error;
    const auto hours = DeskHours::parse(json, &error);
    return hours ? std::string() : error.toStdString();
}

QByteArray week(const QString &mon, const QString &rest = QStringLiteral("[]"),
                const QString &extra = {})
{
    return QStringLiteral(R"({"weekly": {"mon": %1, "tue": %2, "wed": %2, "thu": %2, "fri": %2,
                          "sat": %2, "sun": %2}%3})")
        .arg(mon, rest, extra)
        .toUtf8();
}

} // namespace

TEST(DeskHoursTest, WithoutAFileTheDeskIsOpenAroundTheClockInSeoul)
{
    const DeskHours hours;
    EXPECT_TRUE(hours.alwaysOpen());
    EXPECT_EQ(hours.timeZone().id(), QByteArrayLiteral("Asia/Seoul"));
    for (const QDateTime &t :
         {seoul(2026, 3, 1, 0, 0), seoul(2026, 3, 2, 3, 17), seoul(2026, 12, 31, 23, 59)}) {
        EXPECT_TRUE(hours.isOpen(t)) << t.toString(Qt::ISODate).toStdString();
        EXPECT_EQ(hours.nextOpening(t), t);
    }
}

TEST(DeskHoursTest, TheShippedFilesAreValid)
{
    const QDir desk(QStringLiteral(MEDTRANSLATE_SOURCE_ROOT "/resources/desk"));
    QString error;
    const auto shipped = DeskHours::load(desk.filePath(QStringLiteral("hours.json")), &error);
    ASSERT_TRUE(shipped) << error.toStdString();
    // The shipped table must not close the desk at random times of day for a hospital that set
    // no hours.
    EXPECT_TRUE(shipped->alwaysOpen());
    const auto example =
        DeskHours::load(desk.filePath(QStringLiteral("hours.example.json")), &error);
    ASSERT_TRUE(example) << error.toStdString();
    EXPECT_FALSE(example->alwaysOpen());
    ASSERT_NE(example->holiday(QDate(2027, 1, 1)), nullptr);
    EXPECT_EQ(example->holiday(QDate(2027, 1, 1))->name, QStringLiteral("New Year's Day"));
    const auto prechat = PrechatForm::load(desk.filePath(QStringLiteral("prechat.json")), &error);
    ASSERT_TRUE(prechat) << error.toStdString();
    EXPECT_FALSE(prechat->enabled());
}

TEST(DeskHoursTest, WeekdayRangesWithABreak)
{
    const DeskHours hours = parsed(kOffice);
    EXPECT_FALSE(hours.alwaysOpen());
    EXPECT_FALSE(hours.isOpen(seoul(2026, 3, 2, 8, 59)));
    EXPECT_TRUE(hours.isOpen(seoul(2026, 3, 2, 9, 0)));
    EXPECT_TRUE(hours.isOpen(seoul(2026, 3, 2, 12, 29)));
    EXPECT_FALSE(hours.isOpen(seoul(2026, 3, 2, 12, 30))); // a range's end is not in it
    EXPECT_FALSE(hours.isOpen(seoul(2026, 3, 2, 13, 0)));
    EXPECT_TRUE(hours.isOpen(seoul(2026, 3, 2, 13, 30)));
    EXPECT_TRUE(hours.isOpen(QDateTime(QDate(2026, 3, 2), QTime(17, 59, 59), kSeoul)));
    EXPECT_FALSE(hours.isOpen(seoul(2026, 3, 2, 18, 0)));
    EXPECT_TRUE(hours.isOpen(seoul(2026, 3, 7, 10, 0)));  // Saturday morning
    EXPECT_FALSE(hours.isOpen(seoul(2026, 3, 7, 13, 0))); // Saturday afternoon
    EXPECT_FALSE(hours.isOpen(seoul(2026, 3, 8, 10, 0))); // Sunday
    // Lunch: open again at 13:30 the same day.
    EXPECT_EQ(hours.nextOpening(seoul(2026, 3, 2, 12, 45)), seoul(2026, 3, 2, 13, 30));
    EXPECT_EQ(hours.nextOpening(seoul(2026, 3, 2, 7, 0)), seoul(2026, 3, 2, 9, 0));
    EXPECT_EQ(hours.ranges(1).size(), 2u);
    EXPECT_TRUE(hours.ranges(7).empty());
}

TEST(DeskHoursTest, TheTimeZoneDecidesNotTheServerClock)
{
    const DeskHours hours = parsed(kOffice);
    // 09:00 in Seoul is midnight UTC.
    EXPECT_TRUE(hours.isOpen(QDateTime(QDate(2026, 3, 2), QTime(0, 0), QTimeZone::utc())));
    EXPECT_FALSE(hours.isOpen(QDateTime(QDate(2026, 3, 1), QTime(23, 59), QTimeZone::utc())));
    // A zone with daylight saving time: 09:00 in New York is 13:00 UTC in July, 14:00 in December.
    const DeskHours ny = parsed(week(QStringLiteral(R"(["09:00-17:00"])"), QStringLiteral("[]"),
                                     QStringLiteral(R"(, "time_zone": "America/New_York")")));
    EXPECT_TRUE(ny.isOpen(QDateTime(QDate(2026, 7, 6), QTime(13, 0), QTimeZone::utc())));
    EXPECT_FALSE(ny.isOpen(QDateTime(QDate(2026, 12, 7), QTime(13, 30), QTimeZone::utc())));
    EXPECT_TRUE(ny.isOpen(QDateTime(QDate(2026, 12, 7), QTime(14, 0), QTimeZone::utc())));
    EXPECT_EQ(ny.nextOpening(QDateTime(QDate(2026, 12, 7), QTime(12, 0), QTimeZone::utc())),
              QDateTime(QDate(2026, 12, 7), QTime(14, 0), QTimeZone::utc()));
}

TEST(DeskHoursTest, AHolidayIsClosedAllDayAndTheNextOpeningSkipsIt)
{
    const DeskHours hours = parsed(kOffice);
    ASSERT_NE(hours.holiday(QDate(2026, 3, 3)), nullptr);
    EXPECT_EQ(hours.holiday(QDate(2026, 3, 3))->name, QStringLiteral("Test holiday"));
    EXPECT_TRUE(hours.holiday(QDate(2026, 3, 9))->name.isEmpty()); // a name is optional
    EXPECT_EQ(hours.holiday(QDate(2026, 3, 4)), nullptr);
    EXPECT_FALSE(hours.isOpen(seoul(2026, 3, 3, 10, 0))); // a Tuesday, but a holiday
    // Monday evening: Tuesday is a holiday, so Wednesday morning.
    EXPECT_EQ(hours.nextOpening(seoul(2026, 3, 2, 19, 0)), seoul(2026, 3, 4, 9, 0));
    // Saturday afternoon: Sunday is closed and Monday 9 March a holiday, so Tuesday.
    EXPECT_EQ(hours.nextOpening(seoul(2026, 3, 7, 14, 0)), seoul(2026, 3, 10, 9, 0));
}

TEST(DeskHoursTest, RangesMeetAtMidnight)
{
    // Monday night into Tuesday morning, written as two ranges.
    const DeskHours hours =
        parsed(QByteArray(R"({"weekly": {"mon": ["22:00-24:00"], "tue": ["00:00-02:00"], "wed": [],
                   "thu": [], "fri": [], "sat": [], "sun": []}})"));
    EXPECT_FALSE(hours.isOpen(seoul(2026, 3, 2, 21, 59)));
    EXPECT_TRUE(hours.isOpen(seoul(2026, 3, 2, 23, 59)));
    EXPECT_TRUE(hours.isOpen(seoul(2026, 3, 3, 0, 0)));
    EXPECT_TRUE(hours.isOpen(seoul(2026, 3, 3, 1, 59)));
    EXPECT_FALSE(hours.isOpen(seoul(2026, 3, 3, 2, 0)));
    EXPECT_EQ(hours.nextOpening(seoul(2026, 3, 1, 23, 0)), seoul(2026, 3, 2, 22, 0));
    EXPECT_EQ(hours.nextOpening(seoul(2026, 3, 3, 3, 0)), seoul(2026, 3, 9, 22, 0));
}

TEST(DeskHoursTest, TheNextOpeningMayBeAWeekAwayOrNever)
{
    const DeskHours mondays = parsed(week(QStringLiteral(R"(["10:00-11:00"])")));
    EXPECT_EQ(mondays.nextOpening(seoul(2026, 3, 2, 11, 0)), seoul(2026, 3, 9, 10, 0));
    EXPECT_EQ(mondays.nextOpening(seoul(2026, 3, 4, 10, 30)), seoul(2026, 3, 9, 10, 0));
    // Mondays, the next one a holiday: two weeks.
    const DeskHours withHoliday =
        parsed(week(QStringLiteral(R"(["10:00-11:00"])"), QStringLiteral("[]"),
                    QStringLiteral(R"(, "holidays": [{"date":
                                              "2026-03-09", "name": "x"}])")));
    EXPECT_EQ(withHoliday.nextOpening(seoul(2026, 3, 2, 12, 0)), seoul(2026, 3, 16, 10, 0));
    const DeskHours never = parsed(week(QStringLiteral("[]")));
    EXPECT_FALSE(never.isOpen(seoul(2026, 3, 2, 10, 0)));
    EXPECT_EQ(never.nextOpening(seoul(2026, 3, 2, 10, 0)), std::nullopt);
}

TEST(DeskHoursTest, ABadFileIsRefusedWithAClearReason)
{
    const QString ok = QStringLiteral(R"(["09:00-18:00"])");
    EXPECT_EQ(refusal(week(ok)), "");
    EXPECT_NE(refusal(week(QStringLiteral(R"(["9:00-18:00"])")))
                  .find("bad time range '9:00-18:00' on mon"),
              std::string::npos);
    EXPECT_NE(refusal(week(QStringLiteral(R"(["09:00-25:00"])"))).find("bad time range"),
              std::string::npos);
    EXPECT_NE(refusal(week(QStringLiteral(R"(["24:00-24:00"])"))).find("bad time range"),
              std::string::npos);
    EXPECT_NE(refusal(week(QStringLiteral(R"(["09:60-10:00"])"))).find("bad time range"),
              std::string::npos);
    EXPECT_NE(refusal(week(QStringLiteral(R"(["18:00-09:00"])"))).find("ends before it starts"),
              std::string::npos);
    EXPECT_NE(refusal(week(QStringLiteral(R"(["09:00-13:00", "12:00-18:00"])")))
                  .find("09:00-13:00 and 12:00-18:00 overlap on mon"),
              std::string::npos);
    // Touching ranges do not overlap.
    EXPECT_EQ(refusal(week(QStringLiteral(R"(["09:00-12:00", "12:00-18:00"])"))), "");
    EXPECT_NE(
        refusal(week(ok, QStringLiteral("[]"), QStringLiteral(R"(, "time_zone": "Asia/Nowhere")")))
            .find("unknown time zone 'Asia/Nowhere'"),
        std::string::npos);
    EXPECT_NE(refusal(R"({"weekly": {"mon": []}})").find("'weekly' has no 'tue'"),
              std::string::npos);
    EXPECT_NE(refusal(week(ok, QStringLiteral("[]"), QStringLiteral(R"(, "hours": 1)")))
                  .find("unknown key 'hours'"),
              std::string::npos);
    EXPECT_NE(refusal(week(ok, QStringLiteral("[]"),
                           QStringLiteral(R"(, "holidays": [{"date": "2026-02-30"}])")))
                  .find("bad holiday"),
              std::string::npos);
    EXPECT_NE(refusal(week(ok, QStringLiteral("[]"),
                           QStringLiteral(R"(, "holidays": [{"date": "2026-05-05"},
                                          {"date": "2026-05-05"}])")))
                  .find("holiday 2026-05-05 is listed twice"),
              std::string::npos);
    EXPECT_NE(refusal("[1, 2]").find("not a JSON object"), std::string::npos);
    // Notes are allowed.
    EXPECT_EQ(refusal(week(ok, QStringLiteral("[]"), QStringLiteral(R"(, "_comment": "x")"))), "");

    QString error;
    EXPECT_FALSE(DeskHours::load(QStringLiteral("/nonexistent/hours.json"), &error));
    EXPECT_TRUE(error.contains(QLatin1String("/nonexistent/hours.json"))) << error.toStdString();
}

TEST(DeskNoticesTest, EveryLanguageHasTheNoticesWith119)
{
    const QDateTime opens = seoul(2026, 3, 2, 9, 0);
    for (const char *lang : {"ko", "en", "ja", "zh", "th", "vi"}) {
        for (const auto kind : {DeskNotices::Kind::Closed, DeskNotices::Kind::Unattended,
                                DeskNotices::Kind::ContactSaved}) {
            const QString text = DeskNotices::text(kind, QString::fromLatin1(lang), opens, kSeoul);
            EXPECT_TRUE(text.contains(QLatin1String("119"))) << lang << text.toStdString();
        }
        const QString closed =
            DeskNotices::text(DeskNotices::Kind::Closed, QString::fromLatin1(lang), opens, kSeoul);
        EXPECT_TRUE(closed.contains(QLatin1String("09:00"))) << lang << closed.toStdString();
    }
    EXPECT_EQ(DeskNotices::eventName(DeskNotices::Kind::Closed), QStringLiteral("desk_closed"));
    EXPECT_EQ(DeskNotices::eventName(DeskNotices::Kind::Unattended),
              QStringLiteral("desk_unattended"));
    EXPECT_EQ(DeskNotices::eventName(DeskNotices::Kind::ContactSaved),
              QStringLiteral("contact_saved"));
}

TEST(DeskNoticesTest, TheOpeningIsWrittenAsEachLanguageWritesDates)
{
    const QDateTime opens = QDateTime(QDate(2026, 3, 2), QTime(0, 0), QTimeZone::utc());
    EXPECT_EQ(DeskNotices::formatOpening(QStringLiteral("en"), opens, kSeoul),
              QStringLiteral("Monday 2 March at 09:00 (Korea time)"));
    EXPECT_EQ(DeskNotices::formatOpening(QStringLiteral("ko"), opens, kSeoul),
              QStringLiteral("3월 2일(월) 09:00 (한국 시간)"));
    EXPECT_EQ(DeskNotices::formatOpening(QStringLiteral("ja"), opens, kSeoul),
              QStringLiteral("3月2日(月) 09:00（韓国時間）"));
    EXPECT_TRUE(DeskNotices::formatOpening(QStringLiteral("vi"), opens, kSeoul)
                    .startsWith(QStringLiteral("09:00, ")));
    // Another zone names its offset.
    const QTimeZone bangkok(QByteArrayLiteral("Asia/Bangkok"));
    EXPECT_EQ(DeskNotices::formatOpening(QStringLiteral("en"), opens, bangkok),
              QStringLiteral("Monday 2 March at 07:00 (UTC+7)"));
    // A closed desk that never opens leaves that sentence out.
    const QString never =
        DeskNotices::text(DeskNotices::Kind::Closed, QStringLiteral("en"), std::nullopt, kSeoul);
    EXPECT_EQ(never, QStringLiteral("Our desk is closed now. In an emergency, call 119. You can "
                                    "leave your e-mail address or phone number, and a counselor "
                                    "will contact you."));
}

TEST(PrechatFormTest, FieldsAreCheckedAgainstTheHospitalsSettings)
{
    QString error;
    auto form = PrechatForm::parse(R"({"name": "required", "contact": "optional"})", &error);
    ASSERT_TRUE(form) << error.toStdString();
    EXPECT_TRUE(form->enabled());
    EXPECT_EQ(form->fields(), (protocol::http::PrechatFields{"required", "optional", "off"}));

    auto answers = form->check(protocol::Prechat{"  Anna  ", "anna@example.com", ""}, &error);
    ASSERT_TRUE(answers) << error.toStdString();
    EXPECT_EQ(answers->name, "Anna");
    EXPECT_EQ(answers->contact, "anna@example.com");
    EXPECT_TRUE(form->check(protocol::Prechat{"Anna", "+84 90 123 4567", ""}, &error));

    EXPECT_FALSE(form->check(std::nullopt, &error));
    EXPECT_EQ(error, QStringLiteral("missing field 'prechat.name': this hospital asks for it "
                                    "before the chat"));
    EXPECT_FALSE(form->check(protocol::Prechat{"   ", "", ""}, &error));
    EXPECT_FALSE(form->check(protocol::Prechat{"Anna", "", "chest pain"}, &error));
    EXPECT_EQ(error, QStringLiteral("field 'prechat.reason' is not asked by this hospital"));
    EXPECT_FALSE(form->check(protocol::Prechat{std::string(101, 'a'), "", ""}, &error));
    EXPECT_TRUE(error.contains(QLatin1String("longer than 100"))) << error.toStdString();
    EXPECT_FALSE(form->check(protocol::Prechat{"Anna", "call me", ""}, &error));
    EXPECT_TRUE(error.contains(QLatin1String("prechat.contact"))) << error.toStdString();

    const PrechatForm off;
    EXPECT_FALSE(off.enabled());
    const auto nothing = off.check(std::nullopt, &error);
    ASSERT_TRUE(nothing);
    EXPECT_TRUE(nothing->empty());

    EXPECT_FALSE(PrechatForm::parse(R"({"name": "yes"})", &error));
    EXPECT_TRUE(error.contains(QLatin1String("off, optional or required"))) << error.toStdString();
    EXPECT_FALSE(PrechatForm::parse(R"({"age": "optional"})", &error));
    EXPECT_TRUE(error.contains(QLatin1String("unknown field 'age'"))) << error.toStdString();
}

TEST(ContactValidationTest, EmailAddressesAndPhoneNumbers)
{
    for (const char *good :
         {"anna@example.com", "a.b+c@mail.example.co.kr", "x@xn--9t4b.kr", "환자@병원.한국"})
        EXPECT_TRUE(protocol::isValidEmail(good)) << good;
    for (const char *bad :
         {"", "anna", "anna@", "@example.com", "anna@example", "a b@example.com",
          "anna@@example.com", "anna@exa_mple.com", "anna@-example.com", "anna@example..com"})
        EXPECT_FALSE(protocol::isValidEmail(bad)) << bad;
    EXPECT_FALSE(protocol::isValidEmail(std::string(250, 'a') + "@x.com"));
    for (const char *good : {"010-1234-5678", "+82 10 1234 5678", "+84 (90) 123-4567", "0901234567",
                             "+66.81.234.5678"})
        EXPECT_TRUE(protocol::isValidPhone(good)) << good;
    for (const char *bad : {"", "12345", "call me", "010--1234-5678", "010-1234-5678+",
                            "+1 234 567 890 123 456", "-0101234567", "010 1234 5678 ext 2"})
        EXPECT_FALSE(protocol::isValidPhone(bad)) << bad;
}
