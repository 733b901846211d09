using Marketplace.Search;

namespace Marketplace.Jobs;

public enum JobCategory { Design, Translation, Transcription, Writing, DataEntry, Other }

/// <summary>open → awarded → completed, or cancelled.</summary>
/// <summary>
/// Where a job is. Unfunded: a task job or a contest whose escrow, asked for at posting, has not arrived; it opens on the
/// board when it does (<see cref="Money.Escrow.ConfirmPaymentAsync"/>).
/// </summary>
public enum JobStatus { Open, Awarded, Completed, Cancelled, Unfunded }

/// <summary>
/// How a job is worked: a project (bids, one award, one contract), a task job (many small items taken by workers, paid
/// per approved item) or a contest (entries, one winner). Task jobs and contests escrow their money at posting.
/// </summary>
public enum JobFormat { Project, Task, Contest }

/// <summary>A job as the API shows it (the <c>job_details</c> view).</summary>
public sealed record Job : ISearchedJob
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
    /// <summary>The job's contract and its amount, once awarded; only the producer's pipeline fills these.</summary>
    public string? ContractId { get; init; }
    public long? ContractAmount { get; init; }
    /// <summary>Shown only to signed-in workers (and the job's own business, producers and bidders), never to visitors.</summary>
    public bool MembersOnly { get; init; }
    /// <summary>Where a search's words matched: ranges in the title and a passage of the description. Only in search results.</summary>
    public JobMatch? Match { get; init; }
    /// <summary>The reference files are for the business, its producers and the awarded worker only.</summary>
    public bool ConfidentialFiles { get; init; }
    /// <summary>A beginner job (入門案件): only workers with few accepted contracts, or holding <see cref="BeginnerBadgeId"/>, may bid.</summary>
    public bool Beginners { get; init; }
    /// <summary>What the worker accepts before reading the full description and the files (<c>GET /api/jobs/{id}/confidential</c>).</summary>
    public Ndas.JobNda Nda { get; init; }
    /// <summary>Only workers whose identity an office or an administrator verified may accept the NDA and bid.</summary>
    public bool VerifiedOnly { get; init; }
    /// <summary>The badge that also lets a worker bid on a beginner job (on <c>GET /api/jobs/{id}</c> only).</summary>
    public string? BeginnerBadgeId { get; init; }
    public string? BeginnerBadgeName { get; init; }
    /// <summary>The NDA template's version in force, or the business's own NDA document (on <c>GET /api/jobs/{id}</c> only).</summary>
    public string? NdaTemplateVersion { get; init; }
    public string? NdaFileId { get; init; }
    /// <summary>Whether the caller accepted the job's NDA (or is its business or producer): it may read the confidential part.</summary>
    public bool? NdaAccepted { get; init; }
    /// <summary>The job's reference files the caller may read (on <c>GET /api/jobs/{id}</c> only; null in lists).</summary>
    public IReadOnlyList<Files.StoredFile>? Files { get; init; }
}

public static class JobRules
{
    public const int TitleMax = 120;
    public const int DescriptionMax = 10_000;
    public const long BudgetMinYen = 1;
    public const long BudgetMaxYen = 100_000_000;
    public const int RegionMax = 50;
}
