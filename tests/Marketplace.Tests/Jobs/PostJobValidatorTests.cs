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
