namespace Marketplace.SavedSearches;

/// <summary>A worker's saved search: the words and filters of the job board, alerted on when new jobs match.</summary>
public sealed record SavedSearch
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Q { get; init; }
    public string? Category { get; init; }
    public string? Region { get; init; }
    public long? MinBudget { get; init; }
    public long? MaxBudget { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public static class SavedSearchRules
{
    public const int MaxPerWorker = 20;
    public const int NameMax = 60;
    /// <summary>At most one alert an hour per saved search, however many jobs arrive.</summary>
    public static readonly TimeSpan AlertEvery = TimeSpan.FromHours(1);
}
