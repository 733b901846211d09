namespace Marketplace.Search;

/// <summary>
/// A job's budget as facets of the open board's index: a job carries <c>b&lt;amount&gt;</c> for every band at or below its
/// maximum budget (the views <c>job_board_content</c>, migration 0049, spell the same list on every engine). A minimum
/// budget is then one more posting list to intersect, like a category, instead of a check of each matched job's row: at a
/// million jobs, a town with a minimum budget read and checked 33,854 rows to count 668 (docs/measurements.md). A minimum
/// that is a band is decided by the index alone; any other minimum intersects the band below it and checks the rest on
/// the row. The bands step 1-2-3-5 through each decade, the round figures people type.
/// </summary>
public static class BudgetBands
{
    public static readonly long[] Amounts = [1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 30_000, 50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000];

    /// <summary>The highest band at or below <paramref name="minimum"/>, or null below the lowest.</summary>
    public static long? Below(long? minimum) =>
        minimum is not { } min ? null : Amounts.LastOrDefault(a => a <= min) is var band && band > 0 ? band : null;

    /// <summary>Whether the index alone decides a job's budget is at least <paramref name="minimum"/>.</summary>
    public static bool Decides(long? minimum) => minimum is { } min && Amounts.Contains(min);

    /// <summary>The band's facet token.</summary>
    public static string Token(long band) => "b" + band.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
