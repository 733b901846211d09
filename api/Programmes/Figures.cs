using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>A programme's figures for a period of months (GetFigures; definitions in docs/programmes.md).</summary>
public sealed record Figures
{
    public required string ProgrammeId { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required IReadOnlyList<MonthFigures> Months { get; init; }
    public required IReadOnlyList<CategoryRow> OrdersByCategory { get; init; }
    public required IReadOnlyList<LocationRow> OrdersByLocation { get; init; }
    public required IReadOnlyList<MunicipalityRow> PaidByMunicipality { get; init; }
    public required IReadOnlyList<ReasonRow> WithdrawalsByReason { get; init; }
}

/// <summary>One month's figures; each is a count or a sum (an average or a rate is left to the reader: sum ÷ count).</summary>
public sealed record MonthFigures
{
    public required string Month { get; init; }
    /// <summary>Contracts awarded to members in the month (not cancelled), and their amounts.</summary>
    public required long Orders { get; init; }
    public required long OrderValue { get; init; }
    /// <summary>What releases and settlements of members' contracts credited the members (net) and withheld (tax).</summary>
    public required long PaidNet { get; init; }
    public required long PaidWithholding { get; init; }
    public required long Registered { get; init; }
    public required long Joined { get; init; }
    public required long Active { get; init; }
    public required long Withdrawn { get; init; }
    /// <summary>Members' contracts accepted in the month, of which delivered on time; their revision requests; reviews of the worker.</summary>
    public required long Completed { get; init; }
    public required long OnTime { get; init; }
    public required long Revisions { get; init; }
    public required long Ratings { get; init; }
    public required long RatingSum { get; init; }
    public required long Enrolled { get; init; }
    public required long CoursesCompleted { get; init; }
    public required long FirstContractsWithin90Days { get; init; }
}

public sealed record CategoryRow
{
    public required string Month { get; init; }
    public required JobCategory Category { get; init; }
    public required long Count { get; init; }
    public required long Value { get; init; }
}

/// <summary>Orders by where the business is: <c>inside</c> or <c>outside</c> the programme's prefecture.</summary>
public sealed record LocationRow
{
    public required string Month { get; init; }
    public required string Location { get; init; }
    public required long Count { get; init; }
    public required long Value { get; init; }
}

public sealed record MunicipalityRow
{
    public required string Month { get; init; }
    public required string Municipality { get; init; }
    public required long Net { get; init; }
    public required long Withholding { get; init; }
}

public sealed record ReasonRow
{
    public required string Month { get; init; }
    public required WithdrawalReason Reason { get; init; }
    public required long Count { get; init; }
}

internal sealed class MembersRow
{
    public string Month { get; init; } = "";
    public long Registered { get; init; }
    public long Joined { get; init; }
    public long Active { get; init; }
}

internal sealed class DeliveryRow
{
    public string Month { get; init; } = "";
    public long Completed { get; init; }
    public long OnTime { get; init; }
    public long Revisions { get; init; }
    public long Ratings { get; init; }
    public long RatingSum { get; init; }
}

internal sealed class TrainingRow
{
    public string Month { get; init; } = "";
    public long Enrolled { get; init; }
    public long Completed { get; init; }
    public long FirstContracts { get; init; }
}
