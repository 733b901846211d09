using Marketplace.Jobs;
using Marketplace.Money;

namespace Marketplace.Tests;

public sealed class WithholdingTests
{
    [TestCase(1_200_000, 142_940, TestName = "¥1,200,000 withholds ¥102,100 + ¥40,840 = ¥142,940")]
    [TestCase(1_000_000, 102_100, TestName = "¥1,000,000 exactly is all at 10.21%")]
    [TestCase(1_000_001, 102_100, TestName = "One yen above the threshold adds 20.42% of ¥1, rounded down")]
    [TestCase(1_000_005, 102_101, TestName = "Five yen above the threshold adds ¥1")]
    [TestCase(1, 0, TestName = "¥1 withholds nothing after rounding down")]
    [TestCase(10, 1, TestName = "¥10 withholds ¥1")]
    [TestCase(50_000, 5_105, TestName = "¥50,000 withholds ¥5,105")]
    [TestCase(0, 0, TestName = "Nothing paid, nothing withheld")]
    [TestCase(-1_000, 0, TestName = "A negative amount withholds nothing, not a negative tax")]
    public void Tax_follows_the_two_rates_and_rounds_down(long amount, long tax) =>
        Assert.That(Withholding.Tax(amount), Is.EqualTo(tax));

    [TestCase("2026-11-20T12:00:00+09:00", "2026-12-10", TestName = "Paid in November: due on Thursday 10 December")]
    [TestCase("2026-12-20T12:00:00+09:00", "2027-01-12", TestName = "Paid in December: 10 January is a Sunday and the 11th Coming of Age Day, so due on the 12th")]
    [TestCase("2026-09-15T12:00:00+09:00", "2026-10-13", TestName = "Paid in September: 10 October is a Saturday, the 11th a Sunday, the 12th Sports Day")]
    [TestCase("2026-11-30T23:30:00+09:00", "2026-12-10", TestName = "Paid late on 30 November in Japan (14:30 UTC): November's payment")]
    [TestCase("2026-10-31T15:30:00+00:00", "2026-12-10", TestName = "Paid at 15:30 UTC on 31 October, already 1 November in Japan: November's payment")]
    public void Withheld_tax_is_due_on_the_10th_of_the_next_month_or_the_next_working_day(string paidAt, string due) =>
        // 所得税法第204条第1項 (the 10th of the next month); 国税通則法第10条第2項 with 施行令第2条第2項 (a deadline on a
        // Sunday, a national holiday or a Saturday moves to the next day that is none of them).
        Assert.That(Withholding.RemitBy(DateTimeOffset.Parse(paidAt, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void Withholding_needs_an_individual_an_agent_and_a_named_category()
    {
        JobCategory[] named = [JobCategory.Design, JobCategory.Translation, JobCategory.Writing];
        Assert.That(Withholding.Applies(true, true, JobCategory.Design, named));
        Assert.That(Withholding.Applies(false, true, JobCategory.Design, named), Is.False);
        Assert.That(Withholding.Applies(true, false, JobCategory.Design, named), Is.False);
        Assert.That(Withholding.Applies(true, true, JobCategory.DataEntry, named), Is.False);
    }

    [Test]
    public void A_split_of_123457_yen_with_a_producer_and_withholding()
    {
        var split = Split.For(123_457, producerFeeBps: 500, platformFeeBps: 1000, withhold: true);
        Assert.That(split.ProducerFee, Is.EqualTo(6_172), "5% of ¥123,457 = ¥6,172.85, rounded down");
        Assert.That(split.PlatformFee, Is.EqualTo(12_345), "10% = ¥12,345.7, rounded down");
        Assert.That(split.WithholdingTax, Is.EqualTo(12_604), "10.21% = ¥12,604.96, rounded down");
        Assert.That(split.WorkerNet, Is.EqualTo(98_508), "¥123,457 − ¥12,345 − ¥12,604");
        Assert.That(split.PaidIn, Is.EqualTo(117_025), "¥123,457 − ¥12,604 (remitted by the business) + ¥6,172 paid into escrow");
    }

    [Test]
    public void Without_withholding_the_worker_keeps_all_but_the_platform_fee()
    {
        var split = Split.For(1_200_000, producerFeeBps: 0, platformFeeBps: 1000, withhold: false);
        Assert.That(split.WithholdingTax, Is.Zero);
        Assert.That(split.ProducerFee, Is.Zero);
        Assert.That(split.WorkerNet, Is.EqualTo(1_080_000));
        Assert.That(split.PaidIn, Is.EqualTo(1_200_000));
    }

    /// <summary>
    /// Property check: for many amounts and fee rates, every part of the split equals what the rules give when
    /// computed in exact decimal arithmetic and rounded down once (not in the integer basis points the code uses).
    /// </summary>
    [Test]
    public void Every_split_matches_an_independent_decimal_computation()
    {
        var random = new Random(20261121);
        long[] edges = [1, 9, 10, 99, 100, 999_999, 1_000_000, 1_000_001, 1_000_004, 1_000_005, 1_234_567, 100_000_000];
        var amounts = edges.Concat(Enumerable.Range(0, 2_000).Select(_ => random.NextInt64(1, 100_000_001)))
            .Concat(Enumerable.Range(0, 500).Select(_ => random.NextInt64(900_000, 1_100_000)));
        decimal[] producerRates = [0m, 0.0001m, 0.05m, 0.1234m, 0.3m];
        decimal[] platformRates = [0m, 0.10m, 0.15m];
        foreach (var amount in amounts)
        foreach (var producerRate in producerRates)
        foreach (var platformRate in platformRates)
        foreach (var withhold in new[] { true, false })
        {
            var split = Split.For(amount, (long)(producerRate * 10_000), (long)(platformRate * 10_000), withhold);
            var producerFee = (long)Math.Floor(amount * producerRate);
            var platformFee = (long)Math.Floor(amount * platformRate);
            var tax = withhold ? (long)Math.Floor(Math.Min(amount, 1_000_000m) * 0.1021m + Math.Max(amount - 1_000_000m, 0m) * 0.2042m) : 0;
            var expected = (Amount: amount, ProducerFee: producerFee, PlatformFee: platformFee, WithholdingTax: tax,
                WorkerNet: amount - platformFee - tax, PaidIn: amount - tax + producerFee);
            var actual = (split.Amount, split.ProducerFee, split.PlatformFee, split.WithholdingTax, split.WorkerNet, split.PaidIn);
            if (actual != expected || split.WorkerNet < 0)
                Assert.Fail($"¥{amount:N0}, producer {producerRate:P2}, platform {platformRate:P0}, withhold {withhold}: expected {expected}, got {actual}");
        }
    }
}
