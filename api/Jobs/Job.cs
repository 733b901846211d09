using Marketplace.Platform;

namespace Marketplace.Jobs;

public enum JobCategory { Design, Translation, Transcription, Writing, DataEntry, Other }

/// <summary>open → awarded → completed, or cancelled.</summary>
public enum JobStatus { Open, Awarded, Completed, Cancelled }

public sealed record Job
{
    public required string Id { get; init; }
    public required string BusinessId { get; init; }
    public required string BusinessName { get; init; }
    public string? ProducerId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required JobCategory Category { get; init; }
    public required long BudgetMin { get; init; }
    public required long BudgetMax { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public string? Region { get; init; }
    /// <summary>Submissions go to the producer first (contract status inReview).</summary>
    public required bool ProducerReview { get; init; }
    public required JobStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Bids that are not withdrawn.</summary>
    public required int BidCount { get; init; }
}

internal static class JobSql
{
    public const string Select = """
        SELECT j.id, j.business_id, u.display_name AS business_name, j.producer_id, j.title, j.description, j.category,
               j.budget_min, j.budget_max, j.deadline, j.region, j.producer_review, j.status, j.created_at,
               (SELECT COUNT(*) FROM bids b WHERE b.job_id = j.id AND b.status <> 'withdrawn') AS bid_count
        FROM jobs j JOIN users u ON u.id = j.business_id
        """;

    /// <summary>
    /// Who may see a job: anyone signed in while it is open; afterwards only its business, the producers
    /// acting for that business, and the workers who bid on it.
    /// </summary>
    public static readonly string VisibleTo = $"""
        (j.status = 'open' OR j.business_id = @Me OR {Marketplace.Producers.ProducerSql.ActsFor("j.business_id")}
         OR EXISTS (SELECT 1 FROM bids vb WHERE vb.job_id = j.id AND vb.worker_id = @Me))
        """;

    /// <summary>The caller runs this job: its business, or a producer acting for that business.</summary>
    public static bool IsRunBy(this Job job, Caller caller, Marketplace.Producers.ProducerLink? link) =>
        job.BusinessId == caller.Id || link is not null;

    public static async Task<Job> GetVisibleAsync(System.Data.Common.DbConnection connection, string id, Caller caller,
        System.Data.Common.DbTransaction? transaction = null) =>
        await Dapper.SqlMapper.QuerySingleOrDefaultAsync<Job>(connection,
            $"{Select} WHERE j.id = @Id AND {VisibleTo}", new { Id = id, Me = caller.Id }, transaction)
        ?? throw new NotFoundException("No such job.");
}

public static class JobRules
{
    public const int TitleMax = 120;
    public const int DescriptionMax = 10_000;
    public const long BudgetMinYen = 1;
    public const long BudgetMaxYen = 100_000_000;
    public const int RegionMax = 50;
}
