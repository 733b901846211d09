using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// When tax withheld from a payment is due at the tax office, computed here for the tests that read the date back: the
/// 10th of the month after the payment in Japan (所得税法第204条第1項), or the next day that is no Saturday, Sunday or
/// national holiday (国税通則法第10条第2項, 施行令第2条第2項). WithholdingTests pins the rule on fixed dates.
/// </summary>
internal static class WithheldTaxDue
{
    public static DateOnly For(DateTimeOffset paidAt)
    {
        var japan = paidAt.ToOffset(TimeSpan.FromHours(9));
        var due = new DateOnly(japan.Year, japan.Month, 10).AddMonths(1);
        while (due.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || BankCalendar.IsHoliday(due)) due = due.AddDays(1);
        return due;
    }
}
