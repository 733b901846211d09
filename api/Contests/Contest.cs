using Marketplace.Files;
using Marketplace.Jobs;

namespace Marketplace.Contests;

/// <summary>open (taking entries until the deadline, then awaiting the winner's choice) → awarded, or refunded.</summary>
public enum ContestStatus { Open, Awarded, Refunded }

/// <summary>
/// Where an open contest stands on the clock: waiting for its prize to arrive in escrow (it takes no entry until then),
/// taking entries until its deadline, then the business's 14 days to choose a winner, then the administrator's choice by
/// the business's ratings; or closed (awarded or refunded).
/// </summary>
public enum ContestPhase { AwaitingPrize, Entering, Choosing, Administrator, Awarded, Refunded }

/// <summary>The numbers of a contest, each pinned by a rule test.</summary>
public static class ContestRules
{
    /// <summary>The deadline is 3 to 30 days after posting (CrowdWorks' and Lancers' contests run from days to weeks).</summary>
    public const int MinDays = 3;
    public const int MaxDays = 30;
    /// <summary>The business chooses a winner within 14 days after the deadline (99designs' rule).</summary>
    public const int ChooseDays = 14;
    /// <summary>The prize, in yen: at least what a small design job pays; at most a job's largest budget.</summary>
    public const long PrizeMinYen = 1_000;
    public const long PrizeMaxYen = JobRules.BudgetMaxYen;
    /// <summary>The minimum number of entries a business may ask for, below which the prize is refunded at the deadline.</summary>
    public const int MinimumEntriesMax = 100;
    public const int NoteMax = 2_000;
    public const int CommentMax = 2_000;
}

/// <summary>A contest as the API shows it: its job, its prize and rules, and the entries the caller may read.</summary>
public sealed record Contest
{
    /// <summary>The contest's job id.</summary>
    public required string Id { get; init; }
    public required string BusinessId { get; init; }
    public required string BusinessName { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required JobCategory Category { get; init; }
    /// <summary>Yen, paid as the winner's contract amount (withholding and fees as on any contract).</summary>
    public required long Prize { get; init; }
    /// <summary>Below this many entries at the deadline, the prize goes back to the business and nobody wins.</summary>
    public required int MinimumEntries { get; init; }
    /// <summary>The deadline: entries are taken until then.</summary>
    public required DateTimeOffset EntriesCloseAt { get; init; }
    /// <summary>The business chooses the winner by then; after it, an administrator does, by the business's ratings.</summary>
    public required DateTimeOffset ChooseBy { get; init; }
    /// <summary>The winner's copyright in the winning entry transfers to the business when the prize is paid; other entries stay their authors'.</summary>
    public required bool CopyrightTransfers { get; init; }
    public required ContestStatus Status { get; init; }
    public required ContestPhase Phase { get; init; }
    /// <summary>Whether the prize is held in escrow: entries are taken only then.</summary>
    public required bool Funded { get; init; }
    /// <summary>Entries so far, of every entrant (each entrant reads only its own until the winner is chosen).</summary>
    public required int EntryCount { get; init; }
    public string? WinnerEntryId { get; init; }
    /// <summary>The winner's contract (its terms notice, documents and payment), to its parties.</summary>
    public string? ContractId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<StoredFile> ReferenceFiles { get; init; }
    /// <summary>The entries the caller may read: its own; all of them to the business, its producers and administrators; all once a winner is chosen.</summary>
    public required IReadOnlyList<ContestEntry> Entries { get; init; }
}

/// <summary>An entry: the entrant's note and files (images are shown as previews), and the business's private rating and comment.</summary>
public sealed record ContestEntry
{
    public required string Id { get; init; }
    public required string ContestId { get; init; }
    public required string WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required string Note { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required bool Winner { get; init; }
    /// <summary>1–5, the business's own; shown only to the business, its producers and administrators.</summary>
    public int? Rating { get; init; }
    public string? Comment { get; init; }
    public required IReadOnlyList<StoredFile> Files { get; init; }
}

/// <summary>A contest in a list: what a worker needs to decide to enter (the prize, the deadline, the minimum, the terms).</summary>
public sealed record ContestSummary
{
    public required string Id { get; init; }
    public required string BusinessName { get; init; }
    public required string Title { get; init; }
    public required JobCategory Category { get; init; }
    public required long Prize { get; init; }
    public required int MinimumEntries { get; init; }
    public required DateTimeOffset EntriesCloseAt { get; init; }
    public required DateTimeOffset ChooseBy { get; init; }
    public required bool CopyrightTransfers { get; init; }
    public required ContestStatus Status { get; init; }
    public required ContestPhase Phase { get; init; }
    public required int EntryCount { get; init; }
    /// <summary>The caller's own entries in it.</summary>
    public required int MyEntryCount { get; init; }
}
