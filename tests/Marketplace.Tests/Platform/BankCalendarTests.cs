using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// The bank calendar against the Cabinet Office's list of national holidays (内閣府「国民の祝日について」) for 2025–2027,
/// written out here day by day, and the banks' year-end break.
/// </summary>
public sealed class BankCalendarTests
{
    private static readonly Dictionary<int, string[]> CabinetOfficeList = new()
    {
        [2025] =
        [
            "2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24", "2025-03-20", "2025-04-29", "2025-05-03",
            "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21", "2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13",
            "2025-11-03", "2025-11-23", "2025-11-24",
        ],
        [2026] =
        [
            "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29", "2026-05-03", "2026-05-04",
            "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12",
            "2026-11-03", "2026-11-23",
        ],
        [2027] =
        [
            "2027-01-01", "2027-01-11", "2027-02-11", "2027-02-23", "2027-03-21", "2027-03-22", "2027-04-29", "2027-05-03",
            "2027-05-04", "2027-05-05", "2027-07-19", "2027-08-11", "2027-09-20", "2027-09-23", "2027-10-11", "2027-11-03",
            "2027-11-23",
        ],
    };

    [TestCase(2025)]
    [TestCase(2026)]
    [TestCase(2027)]
    public void The_holidays_of_a_year_are_the_Cabinet_Offices_list(int year) =>
        Assert.That(BankCalendar.HolidaysOf(year).Order().Select(d => d.ToString("yyyy-MM-dd")), Is.EqualTo(CabinetOfficeList[year]));

    [Test]
    public void Substitute_and_citizens_holidays_are_not_business_days()
    {
        Assert.That(BankCalendar.IsBusinessDay(new DateOnly(2025, 2, 24)), Is.False, "振替休日 after 天皇誕生日 on a Sunday");
        Assert.That(BankCalendar.IsBusinessDay(new DateOnly(2025, 5, 6)), Is.False, "振替休日 after みどりの日 on a Sunday, past こどもの日");
        Assert.That(BankCalendar.IsBusinessDay(new DateOnly(2026, 9, 22)), Is.False, "国民の休日 between 敬老の日 and 秋分の日");
        Assert.That(BankCalendar.IsBusinessDay(new DateOnly(2026, 9, 24)), Is.True);
    }

    [Test]
    public void The_year_end_break_and_weekends_are_not_business_days()
    {
        Assert.That(new[] { "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03", "2027-01-09", "2027-01-10" }
            .Select(d => BankCalendar.IsBusinessDay(DateOnly.Parse(d))), Is.All.False);
        Assert.That(BankCalendar.IsBusinessDay(new DateOnly(2026, 12, 30)), Is.True);
        Assert.That(BankCalendar.NextBusinessDayAfter(new DateOnly(2026, 12, 30)), Is.EqualTo(new DateOnly(2027, 1, 4)));
        Assert.That(BankCalendar.NextBusinessDayAfter(new DateOnly(2026, 5, 1)), Is.EqualTo(new DateOnly(2026, 5, 7)), "Golden Week");
        Assert.That(BankCalendar.OnOrBefore(new DateOnly(2027, 1, 3)), Is.EqualTo(new DateOnly(2026, 12, 30)));
    }

    [Test]
    public void Years_the_rules_do_not_cover_are_refused() =>
        Assert.That(() => BankCalendar.HolidaysOf(2100), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
