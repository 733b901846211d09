using Marketplace.Jobs;

namespace Marketplace.TaskJobs;

/// <summary>A task job as the API shows it: the job, its terms, and how far its items are.</summary>
public sealed record TaskJob
{
    public required string JobId { get; init; }
    public required string BusinessId { get; init; }
    public required string BusinessName { get; init; }
    public required string Title { get; init; }
    /// <summary>The instructions as posted, with their ##1## placeholders.</summary>
    public required string Instructions { get; init; }
    public required JobCategory Category { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public string? Region { get; init; }
    public required JobStatus Status { get; init; }
    public required long PricePerItem { get; init; }
    public required int ItemCount { get; init; }
    /// <summary>Items in the pool: open, or taken and not submitted in time.</summary>
    public required int ItemsLeft { get; init; }
    public required int PerWorkerCap { get; init; }
    public required IReadOnlyList<TaskField> Fields { get; init; }
    /// <summary>The whole amount asked for into the job's escrow: items × price.</summary>
    public required long EscrowTotal { get; init; }
    public DateTimeOffset? FundedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>The minutes a worker has to submit a taken item.</summary>
    public int MinutesToSubmit { get; init; } = TaskJobRules.MinutesToSubmit;
    /// <summary>The job's business (and its producers) and administrators: the answers by status.</summary>
    public ReviewCounts? Review { get; init; }
    /// <summary>A worker: the item it holds now, if any, and its own answers by status.</summary>
    public TaskItem? MyItem { get; init; }
    public ReviewCounts? Mine { get; init; }
    /// <summary>A worker the close paid: what it credited and the date the pay is owed by (Freelance Act art. 4).</summary>
    public MyTaskJobPay? MyPay { get; init; }
}

/// <summary>What a task job's close paid the worker reading it (task_job_pay), and the day it reaches the bank by.</summary>
public sealed record MyTaskJobPay
{
    public long Gross { get; init; }
    public long PlatformFee { get; init; }
    public long WithholdingTax { get; init; }
    public long Net { get; init; }
    public DateOnly PaymentDueOn { get; init; }
    /// <summary>The worker has saved no bank account yet: no transfer can reach it until it does.</summary>
    public bool BankAccountMissing { get; init; }
}

/// <summary>Answers by status: awaiting review, approved, rejected.</summary>
public sealed record ReviewCounts
{
    public int Submitted { get; init; }
    public int Approved { get; init; }
    public int Rejected { get; init; }
}

/// <summary>An item as the worker who took it sees it: its instructions with its own inputs in place, and its time.</summary>
public sealed record TaskItem
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    public required int Number { get; init; }
    public required string Instructions { get; init; }
    public required IReadOnlyList<string> Inputs { get; init; }
    public required IReadOnlyList<TaskField> Fields { get; init; }
    /// <summary>Submit by then, or the item returns to the pool.</summary>
    public required DateTimeOffset DueAt { get; init; }
}
