using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// Japanese withholding income tax on remuneration (源泉徴収, Income Tax Act art. 204 with the 2.1% special
/// reconstruction income tax): 10.21% of a payment up to ¥1,000,000 and 20.42% of the part above, rounded
/// down to the yen (NTA, "報酬・料金等の源泉徴収税額").
/// </summary>
public static class Withholding
{
    public const long Threshold = 1_000_000;
    private const long RateBelowBp = 1021;  // 10.21% in hundredths of a percent
    private const long RateAboveBp = 2042;  // 20.42%

    public static long Tax(long amount)
    {
        if (amount <= 0) return 0;
        if (amount <= Threshold) return amount * RateBelowBp / 10_000;
        return Threshold * RateBelowBp / 10_000 + (amount - Threshold) * RateAboveBp / 10_000;
    }

    /// <summary>
    /// Withholding applies when an individual is paid by a withholding agent for work the law names
    /// (design, translation and writing by default; configurable as Money:WithholdingCategories).
    /// </summary>
    public static bool Applies(bool workerIsIndividual, bool businessIsAgent, JobCategory category, IReadOnlyCollection<JobCategory> namedCategories) =>
        workerIsIndividual && businessIsAgent && namedCategories.Contains(category);

    /// <summary>
    /// Withheld income tax reaches the tax office by the 10th of the month after payment (所得税法第204条第1項); a
    /// deadline on a Sunday, a national holiday or a Saturday is the next day that is none of them (国税通則法第10条第2項,
    /// 同法施行令第2条第2項; the 29th–31st of December it also names never hold a 10th).
    /// </summary>
    public static DateOnly RemitBy(DateTimeOffset paidAt)
    {
        var day = JapanTime.DayOf(paidAt);
        var due = new DateOnly(day.Year, day.Month, 10).AddMonths(1);
        while (!BankCalendar.IsBusinessDay(due)) due = due.AddDays(1);
        return due;
    }
}
