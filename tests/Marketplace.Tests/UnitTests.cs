using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class PostJobValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);
    private PostJob.Validator _validator = null!;

    /// <summary>Rules read the naming conventions when they are built, so the validator is built after them.</summary>
    [OneTimeSetUp]
    public void BuildWithTheApisConventions()
    {
        Mediation.UseValidationConventions();
        _validator = new PostJob.Validator(new FixedClock(Now));
    }

    private static PostJob.Command Valid() => new()
    {
        Title = "ラベル", Description = "説明", Category = JobCategory.Design, BudgetMin = 1, BudgetMax = 100_000_000,
        Deadline = Now.AddDays(1),
    };

    [Test]
    public void The_edges_of_every_range_are_accepted() =>
        Assert.That(_validator.Validate(Valid() with { Title = new string('a', 120), Description = new string('a', 10_000), Deadline = Now.AddYears(1) }).IsValid);

    [Test]
    public void A_deadline_now_is_not_in_the_future() =>
        Assert.That(_validator.Validate(Valid() with { Deadline = Now }).Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "deadline" }));

    [Test]
    public void Equal_budgets_are_fine_but_an_inverted_range_is_not()
    {
        Assert.That(_validator.Validate(Valid() with { BudgetMin = 5, BudgetMax = 5 }).IsValid);
        Assert.That(_validator.Validate(Valid() with { BudgetMin = 6, BudgetMax = 5 }).Errors.Single().PropertyName, Is.EqualTo("budgetMax"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class WireAndPagingTests
{
    [Test]
    public void Enum_names_on_the_wire_are_camelCase_and_parse_back()
    {
        Assert.That(Wire.Name(JobCategory.DataEntry), Is.EqualTo("dataEntry"));
        Assert.That(Wire.TryParse<JobCategory>("dataEntry", out var category) && category == JobCategory.DataEntry);
        Assert.That(Wire.TryParse<JobCategory>("1", out _), Is.False, "numbers are not names");
    }

    [Test]
    public void A_cursor_round_trips_and_a_forged_one_is_refused()
    {
        Assert.That(Paging.Decode(Paging.Encode("01a1fbbd65627174bbe85fa3083ff85b")), Is.EqualTo("01a1fbbd65627174bbe85fa3083ff85b"));
        Assert.That(Paging.Decode("bm90LW91cnM"), Is.Null);
        Assert.That(Paging.Decode("!!!"), Is.Null);
    }

    [Test]
    public void Ids_are_time_ordered_so_newest_first_is_id_order()
    {
        var first = Wire.NewId();
        Thread.Sleep(2);
        Assert.That(string.CompareOrdinal(Wire.NewId(), first), Is.GreaterThan(0));
    }
}
