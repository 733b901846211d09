using System.Globalization;
using Marketplace.Money;

namespace Marketplace.Tests;

/// <summary>
/// When a task job's or a contest's escrow is due: seven days after posting (moved to a business day), but by the last
/// business day before the job's deadline when that comes sooner, since the job opens only once the money arrives; never
/// before today. Times are Japan's.
/// </summary>
public sealed class JobPaymentTermsTests
{
    private static readonly PaymentOptions Options = new() { DueDays = 7 };

    private static DateTimeOffset Japan(string time) => DateTimeOffset.Parse(time + "+09:00", CultureInfo.InvariantCulture);

    [TestCase("2026-12-07T10:00", "2026-12-31T18:00", "2026-12-14", TestName = "A deadline weeks away: seven days, Monday 14 December")]
    [TestCase("2026-12-07T10:00", "2026-12-12T18:00", "2026-12-11", TestName = "A deadline on Saturday 12 December: by Friday the 11th, not the 14th")]
    [TestCase("2026-12-07T10:00", "2026-12-14T18:00", "2026-12-11", TestName = "A deadline on Monday 14 December: by the business day before it, Friday the 11th")]
    [TestCase("2026-12-07T10:00", "2026-12-08T09:00", "2026-12-07", TestName = "A deadline tomorrow: due today")]
    [TestCase("2026-12-07T10:00", "2026-12-07T20:00", "2026-12-07", TestName = "A deadline tonight: due today, not on Friday before")]
    public void A_jobs_escrow_is_due_in_seven_days_or_by_the_business_day_before_its_deadline(string posted, string deadline, string due)
    {
        var terms = PaymentTerms.ForJob(Options, Japan(posted), Japan(deadline));
        Assert.That(terms.DueOn, Is.EqualTo(DateOnly.Parse(due, CultureInfo.InvariantCulture)));
        Assert.That(terms.LapsesOn, Is.Null, "nothing lapses: the job stays off the board");
    }
}
