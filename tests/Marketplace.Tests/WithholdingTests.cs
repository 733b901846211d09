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
    public void Tax_follows_the_two_rates_and_rounds_down(long amount, long tax) =>
        Assert.That(Withholding.Tax(amount), Is.EqualTo(tax));

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
    public void A_split_always_adds_up()
    {
        var split = Escrow.Split.For(123_457, producerFeeBps: 500, platformFeeBps: 1000, withhold: true);
        Assert.That(split.ProducerFee, Is.EqualTo(6_172));
        Assert.That(split.PlatformFee, Is.EqualTo(12_345));
        Assert.That(split.WithholdingTax, Is.EqualTo(12_604));
        Assert.That(split.WorkerNet + split.PlatformFee + split.WithholdingTax + split.ProducerFee, Is.EqualTo(split.EscrowTotal));
    }
}
